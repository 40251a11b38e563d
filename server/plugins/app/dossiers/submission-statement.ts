// The one statement that submits a dossier: it takes the next number of the
// agency's day (gap-free: the counter row stays locked until commit), makes
// the code from it, and writes the dossier, its audit event, the engine's
// start message and the applicant's notice. It submits only the version of
// the dossier that was checked (its row's xmin, which every update changes):
// for another, it does nothing and returns no row (submission-batch.ts).
// Every submit to an agency waits for that counter, so the code is made in
// the database, not in a round trip through the server: the counter is held
// for this statement and the commit.
//
// What carries the code is prepared here with a placeholder in its place:
// JSON texts (the audit event's changes, the text its hash is taken of, the
// message) get the code as `to_json(code)`, which writes a JSON string as
// JSON.stringify does, and plain texts (the notice) get it as it is. So the
// hash is the one the audit verifier computes (dossier-audit.ts).
import { randomUUID } from 'node:crypto';
import { numbered, type Statement } from '../../external/pipelined-transaction.js';

const SUBMIT_WITH_MARKS = `
with checked as (
  select id from dossiers where id = ?::uuid and xmin::text = ?::text for update
), counter as (
  insert into dossier_code_sequences (agency_id, day, last_value)
  select ?::uuid, ?::date, 1 from checked
  on conflict (agency_id, day) do update set last_value = dossier_code_sequences.last_value + 1
  returning last_value::text as n
), issued as (
  select code, to_json(code)::text as json
    from (select ?::text || lpad(n, greatest(length(n), ?::int), '0') || ?::text as code
            from counter) made
), event as (
  insert into dossier_events
    (dossier_id, seq, at, actor_id, actor_role, action, from_status, to_status, reason,
     element_id, changes, prev_hash, hash)
  select ?::uuid, ?::int, ?::timestamptz, ?::uuid, ?::text, ?::text, ?::text, ?::text, ?::text,
         ?::text, replace(?::text, ?::text, i.json)::jsonb, ?::text,
         encode(sha256(convert_to(replace(?::text, ?::text, i.json), 'UTF8')), 'hex')
    from issued i
), message as (
  insert into outbox (topic, payload, next_attempt_at)
  select ?::text, replace(?::text, ?::text, i.json)::jsonb, ?::timestamptz from issued i
), notice as (
  insert into notifications
    (account_id, channel, recipient, template, locale, subject, body, status, next_attempt_at)
  select ?::uuid, ?::text, ?::text, ?::text, ?::text, replace(?::text, ?::text, i.code),
         replace(?::text, ?::text, i.code), ?::text, ?::timestamptz
    from issued i
)
update dossiers
   set code = (select code from issued), status = ?::text, lifecycle = ?::jsonb,
       submitted_at = ?::timestamptz, updated_at = ?::timestamptz
 where id = (select id from checked)
returning code`;
const SUBMIT = numbered(SUBMIT_WITH_MARKS);

/** A value that stands for the code until the statement knows it. */
export function codePlaceholder(): string {
  return `{{dossier-code ${randomUUID()}}}`;
}

export interface Submission {
  agencyId: string;
  /** The agency's day (Vietnam time), yyyy-MM-dd. */
  day: string;
  code: { before: string; width: number; after: string };
  placeholder: string;
  dossier: {
    id: string;
    /** The xmin of the row that was checked. */
    version: string;
    status: string;
    lifecycle: unknown;
    submittedAt: Date;
    updatedAt: Date;
  };
  /** The audit event's row (no hash) and the text its hash is taken of, with the placeholder. */
  event: { row: Record<string, unknown>; hashInput: string };
  message: { topic: string; payload: unknown; next_attempt_at: Date };
  notice: Record<string, unknown>;
}

/** The statement that submits (it returns the code it issued). */
export function submissionStatement(s: Submission): Statement {
  const quoted = JSON.stringify(s.placeholder);
  const e = s.event.row;
  const n = s.notice;
  const bindings = [
    s.dossier.id,
    s.dossier.version,
    s.agencyId,
    s.day,
    s.code.before,
    s.code.width,
    s.code.after,
    e.dossier_id,
    e.seq,
    e.at,
    e.actor_id,
    e.actor_role,
    e.action,
    e.from_status,
    e.to_status,
    e.reason,
    e.element_id,
    e.changes,
    quoted,
    e.prev_hash,
    s.event.hashInput,
    quoted,
    s.message.topic,
    JSON.stringify(s.message.payload),
    quoted,
    s.message.next_attempt_at,
    n.account_id,
    n.channel,
    n.recipient,
    n.template,
    n.locale,
    n.subject,
    s.placeholder,
    n.body,
    s.placeholder,
    n.status,
    n.next_attempt_at,
    s.dossier.status,
    JSON.stringify(s.dossier.lifecycle),
    s.dossier.submittedAt,
    s.dossier.updatedAt,
  ];
  return { text: SUBMIT, values: bindings };
}
