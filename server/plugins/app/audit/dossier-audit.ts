// The dossier audit trail: append-only `dossier_events` (the database refuses
// UPDATE and DELETE), each event hashed together with the hash of the
// dossier's previous event, so that editing, removing or reordering a row by
// hand breaks the chain from that row on. `appendDossierEvent` runs inside
// the caller's transaction (the one that changes the dossier);
// `verifyDossierChains` re-computes every chain and names the first broken
// link of each dossier.
import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { numbered, type Statement } from '../../external/pipelined-transaction.js';

/** The prev_hash of a dossier's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Changed fields, old and new values (Open Zaak style). */
export type FieldChanges = Record<string, { old: JsonValue; new: JsonValue }>;

export interface DossierEventInput {
  dossierId: string;
  at: Date;
  actorId: string | null;
  /** The role the actor acted in (`citizen`, `reception`, ...), or `system`. */
  actorRole: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  /** The BPMN element id when a process step caused the event. */
  elementId: string | null;
  changes: FieldChanges | null;
}

/** A row of dossier_events, as the database returns it. */
export interface DossierEventRow {
  /** bigserial: pg returns it as a string. */
  id: string;
  dossier_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  element_id: string | null;
  changes: FieldChanges | null;
  prev_hash: string;
  hash: string;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; in objects they are dropped below.
    return text === undefined ? 'null' : text;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields an event's hash covers: everything but the row id and the hashes themselves. */
export interface HashedFields extends DossierEventInput {
  seq: number;
}

/**
 * sha256(prev_hash + '\n' + canonical JSON of the event), hex. Shared by the
 * appender and the verifier: the only definition of what an event's hash is.
 */
export function dossierEventHash(prevHash: string, event: HashedFields): string {
  return sha256Hex(dossierEventHashInput(prevHash, event));
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The text an event's hash is the SHA-256 of (UTF-8). */
export function dossierEventHashInput(prevHash: string, event: HashedFields): string {
  const fields = {
    dossierId: event.dossierId,
    seq: event.seq,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorRole: event.actorRole,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    reason: event.reason,
    elementId: event.elementId,
    changes: event.changes,
  };
  return `${prevHash}\n${canonicalJson(fields)}`;
}

function fieldsOfRow(row: DossierEventRow): HashedFields {
  return {
    dossierId: row.dossier_id,
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    elementId: row.element_id,
    changes: row.changes,
  };
}

export class DossierNotFoundForAudit extends Error {
  constructor(readonly dossierId: string) {
    super(`dossier ${dossierId} does not exist; no audit event appended`);
  }
}

/** The last link of a dossier's chain: what the next event continues. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The chain head from its last event's seq and hash; the genesis when there is none. */
export function chainHeadOf(
  last: { seq: number | null; hash: string | null } | undefined,
): ChainHead {
  return last?.seq != null && last.hash != null
    ? { seq: last.seq, hash: last.hash }
    : { seq: 0, hash: GENESIS_HASH };
}

/**
 * The event with its values exactly as the database will give them back, so
 * that the verifier re-computes the same hash: uuids in lower case, the time
 * to the millisecond (a JS Date), changes through a JSON round trip (jsonb).
 */
function normalised(event: DossierEventInput): DossierEventInput {
  const at = new Date(event.at.getTime());
  if (Number.isNaN(at.getTime())) throw new TypeError('audit event time is invalid');
  return {
    ...event,
    dossierId: event.dossierId.toLowerCase(),
    actorId: event.actorId === null ? null : event.actorId.toLowerCase(),
    at,
    changes:
      event.changes === null ? null : (JSON.parse(JSON.stringify(event.changes)) as FieldChanges),
  };
}

/** The event's columns but seq and the hashes; changes as JSON text (jsonb wants JSON, not a pg array). */
function columnsOf(event: DossierEventInput) {
  return {
    dossier_id: event.dossierId,
    at: event.at,
    actor_id: event.actorId,
    actor_role: event.actorRole,
    action: event.action,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    reason: event.reason,
    element_id: event.elementId,
    changes: event.changes === null ? null : JSON.stringify(event.changes),
  };
}

/**
 * The dossier_events row that continues the chain after `head`, without its
 * hash, and the text the hash is taken of.
 */
export function chainedEvent(head: ChainHead, event: DossierEventInput) {
  const e = normalised(event);
  const seq = head.seq + 1;
  return {
    row: { ...columnsOf(e), seq, prev_hash: head.hash },
    hashInput: dossierEventHashInput(head.hash, { ...e, seq }),
  };
}

// The append, as knex runs it (?) and as a pipelined statement ($1, $2, ...).
const APPEND_ARGUMENTS = '?::timestamptz, ?::uuid, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?';
const APPEND_SQL = `select * from append_dossier_event(?::uuid, ${APPEND_ARGUMENTS})`;
const APPEND = numbered(APPEND_SQL);

/** Marks what only the database knows when it appends: replaced in the hashed JSON. */
const SEQ_MARK = `{{seq ${randomUUID()}}}`;
const STATUS_MARK = `{{status ${randomUUID()}}}`;

/**
 * The statement that appends the event to its dossier's chain: one call
 * (append_dossier_event, migration 20261126010000) locks the dossier, reads
 * the chain head after the lock and inserts the event with its hash, so it
 * goes in one round trip with the transaction's other statements. With
 * `keepsStatus`, the event's from and to status are the dossier's status
 * under that lock (a worklist action, which does not move the dossier). It
 * returns the event's row; none when the dossier does not exist. With
 * `onlyIf`, a query (? placeholders) that selects the dossier's id as
 * `dossier_id` when the event is to be appended, it appends nothing when
 * that query selects nothing.
 */
export function appendEventStatement(
  event: DossierEventInput,
  options: { keepsStatus?: boolean; onlyIf?: { sql: string; values: unknown[] } } = {},
): Statement {
  const e = normalised(event);
  const keeps = options.keepsStatus === true;
  const hashed = {
    ...e,
    // canonicalJson writes each mark as a JSON string: the quoted mark is what the database replaces.
    seq: SEQ_MARK as unknown as number,
    ...(keeps ? { fromStatus: STATUS_MARK, toStatus: STATUS_MARK } : {}),
  };
  const c = columnsOf(e);
  const { onlyIf } = options;
  return {
    // The condition's dossier_id is an argument, so the call runs once per row it selects.
    text: onlyIf
      ? numbered(
          `select e.* from (${onlyIf.sql}) c cross join lateral
             append_dossier_event(c.dossier_id, ${APPEND_ARGUMENTS}) e`,
        )
      : APPEND,
    values: [
      ...(onlyIf ? onlyIf.values : [c.dossier_id]),
      c.at,
      c.actor_id,
      c.actor_role,
      c.action,
      c.from_status,
      c.to_status,
      c.reason,
      c.element_id,
      c.changes,
      dossierEventHashInput('', hashed).slice(1),
      JSON.stringify(SEQ_MARK),
      keeps ? JSON.stringify(STATUS_MARK) : null,
    ],
  };
}

/** Appends one event to a dossier's chain, in the caller's transaction (see appendEventStatement). */
export async function appendDossierEvent(
  trx: Knex.Transaction,
  event: DossierEventInput,
  options: { keepsStatus?: boolean } = {},
): Promise<DossierEventRow> {
  const { values } = appendEventStatement(event, options);
  const { rows } = await trx.raw<{ rows: DossierEventRow[] }>(
    APPEND_SQL,
    values as Knex.RawBinding[],
  );
  if (rows.length === 0) throw new DossierNotFoundForAudit(event.dossierId);
  return rows[0]!;
}

export type BrokenLinkReason = 'hash mismatch' | 'prev_hash mismatch' | 'sequence gap';

export interface BrokenLink {
  dossierId: string;
  /** null while the dossier is a draft (no code issued yet). */
  dossierCode: string | null;
  seq: number;
  eventId: string;
  reason: BrokenLinkReason;
}

export interface VerifyResult {
  /** Events read. */
  checked: number;
  /** Dossiers whose chain was read (dossiers without events are not counted). */
  dossiers: number;
  /** The first broken link of each broken chain, ordered by dossier id. */
  broken: BrokenLink[];
}

export interface VerifyOptions {
  /** Only this dossier's chain. */
  dossierId?: string;
  /** Only the chains of this agency's dossiers. */
  agencyId?: string;
  /** Events read per query (keyset pages, never the whole table in memory). */
  batchSize?: number;
}

/**
 * Re-computes every chain (or one dossier's, or one agency's), reading the
 * events in (dossier_id, seq) order in pages of `batchSize` through the
 * unique (dossier_id, seq) index. For each dossier reports the first event
 * whose seq does not follow the previous one, whose prev_hash is not the
 * previous event's hash, or whose own hash does not match its content.
 */
export async function verifyDossierChains(
  db: Knex,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 2000;
  const broken: Omit<BrokenLink, 'dossierCode'>[] = [];
  let checked = 0;
  let dossiers = 0;

  let current: string | null = null;
  let previous: { seq: number; hash: string } | null = null;
  let currentBroken = false;
  let cursor: { dossierId: string; seq: number } | null = null;

  for (;;) {
    let query = db('dossier_events')
      .select<DossierEventRow[]>('*')
      .orderBy([
        { column: 'dossier_id', order: 'asc' },
        { column: 'seq', order: 'asc' },
      ])
      .limit(batchSize);
    if (options.dossierId) query = query.where('dossier_id', options.dossierId.toLowerCase());
    if (options.agencyId) {
      const ofAgency = db('dossiers').select('id').where('agency_id', options.agencyId);
      query = query.whereIn('dossier_id', ofAgency);
    }
    if (cursor)
      query = query.whereRaw('(dossier_id, seq) > (?, ?)', [cursor.dossierId, cursor.seq]);
    const rows = await query;

    for (const row of rows) {
      checked++;
      if (row.dossier_id !== current) {
        current = row.dossier_id;
        previous = null;
        currentBroken = false;
        dossiers++;
      }
      if (currentBroken) continue;
      const expectedSeq: number = (previous?.seq ?? 0) + 1;
      const expectedPrev: string = previous?.hash ?? GENESIS_HASH;
      let reason: BrokenLinkReason | null = null;
      if (row.seq !== expectedSeq) reason = 'sequence gap';
      else if (row.prev_hash !== expectedPrev) reason = 'prev_hash mismatch';
      else if (dossierEventHash(row.prev_hash, fieldsOfRow(row)) !== row.hash) {
        reason = 'hash mismatch';
      }
      if (reason) {
        broken.push({ dossierId: row.dossier_id, seq: row.seq, eventId: String(row.id), reason });
        currentBroken = true;
      }
      previous = { seq: row.seq, hash: row.hash };
    }

    if (rows.length < batchSize) break;
    const last = rows[rows.length - 1]!;
    cursor = { dossierId: last.dossier_id, seq: last.seq };
  }

  const codes = new Map<string, string | null>();
  if (broken.length > 0) {
    const ids = [...new Set(broken.map((b) => b.dossierId))];
    for (let i = 0; i < ids.length; i += 1000) {
      const found = await db('dossiers')
        .whereIn('id', ids.slice(i, i + 1000))
        .select<{ id: string; code: string | null }[]>('id', 'code');
      for (const d of found) codes.set(d.id, d.code);
    }
  }
  return {
    checked,
    dossiers,
    broken: broken.map((b) => ({ ...b, dossierCode: codes.get(b.dossierId) ?? null })),
  };
}
