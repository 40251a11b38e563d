import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  GENESIS_HASH,
  appendDossierEvent,
  dossierEventHash,
  verifyDossierChains,
  type DossierEventInput,
  type DossierEventRow,
} from '../../server/plugins/app/audit/dossier-audit.js';
import { seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { createDb } from '../../server/plugins/external/database.js';
import { build } from '../support/build.js';
import { run } from '../support/run.js';
import { login } from '../support/sessions.js';

const databaseUrl = inject('databaseUrl');
const unique = () => randomUUID().slice(0, 8);

/** The rows a dossier's chain needs, made directly in the database. */
async function fixtures(db: Knex) {
  const tag = unique();
  const [agency] = await db('agencies')
    .insert({ code: `T.${tag}`, name_vi: 'Cơ quan thử', name_en: 'Test agency' })
    .returning('id');
  const [account] = await db('accounts')
    .insert({
      kind: 'staff',
      email: `audit.${tag}@example.vn`,
      password_hash: 'not-a-hash',
      status: 'active',
      full_name: 'Cán bộ kiểm thử',
      agency_id: agency.id,
      roles: ['reception'],
    })
    .returning('id');
  const [procedure] = await db('procedures')
    .insert({
      code: `9.${tag}`,
      version: 1,
      // A draft: it stays out of the public catalogue other tests read.
      status: 'draft',
      agency_id: agency.id,
      definition: '{}',
    })
    .returning('id');
  let day = 0;
  const dossier = async (): Promise<{ id: string; code: string }> => {
    const code = `T.${tag}-261124-${String(++day).padStart(4, '0')}`;
    const [row] = await db('dossiers')
      .insert({
        code,
        procedure_id: procedure.id,
        agency_id: agency.id,
        applicant_id: account.id,
        created_by: account.id,
        channel: 2,
        status: 'submitted',
      })
      .returning('id');
    return { id: String(row.id), code };
  };
  return {
    agencyId: String(agency.id),
    actorId: String(account.id),
    procedureId: String(procedure.id),
    dossier,
  };
}

const event = (
  dossierId: string,
  actorId: string | null,
  i: number,
  extra: Partial<DossierEventInput> = {},
): DossierEventInput => ({
  dossierId,
  at: new Date(Date.UTC(2026, 10, 24, 1, 0, i, 123)),
  actorId,
  actorRole: actorId ? 'reception' : 'system',
  action: `step-${i}`,
  fromStatus: String(i),
  toStatus: String(i + 1),
  reason: i % 2 ? 'Thiếu bản sao giấy phép / missing licence copy' : null,
  elementId: actorId ? null : `Activity_${i}`,
  changes: i % 2 ? { 'applicant.phone': { old: '0912345678', new: `09876543${i}0` } } : null,
  ...extra,
});

/** Appends `n` events, one transaction each (as the dossier service does). */
async function appendMany(db: Knex, dossierId: string, actorId: string, n: number) {
  const rows: DossierEventRow[] = [];
  for (let i = 1; i <= n; i++) {
    rows.push(
      await db.transaction((trx) =>
        appendDossierEvent(trx, event(dossierId, i % 3 ? actorId : null, i)),
      ),
    );
  }
  return rows;
}

/** What a superuser could do by hand: run SQL with the append-only trigger off. */
async function byHand(db: Knex, sql: string, bindings: readonly Knex.RawBinding[]) {
  await db.transaction(async (trx) => {
    await trx.raw('alter table dossier_events disable trigger dossier_events_append_only');
    await trx.raw(sql, bindings);
    await trx.raw('alter table dossier_events enable trigger dossier_events_append_only');
  });
}

describe('dossier audit trail', () => {
  const db = createDb(databaseUrl, { max: 12 });
  let f: Awaited<ReturnType<typeof fixtures>>;
  const tampered: { id: string; code: string; eventId: string }[] = [];
  beforeAll(async () => {
    f = await fixtures(db);
  });
  afterAll(async () => {
    // Leave no broken chain behind for other suites that verify the whole database.
    const ids = tampered.map((t) => t.id);
    if (ids.length) {
      await byHand(db, 'delete from dossier_events where dossier_id = any(?::uuid[])', [ids]);
    }
    await db.destroy();
  });

  it('chains each event to the previous one and verifies', async () => {
    const { id } = await f.dossier();
    const rows = await appendMany(db, id, f.actorId, 5);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);

    // What is stored re-computes to the stored hash (same function as the appender).
    const stored = await db('dossier_events').where('dossier_id', id).orderBy('seq');
    expect(stored[2]).toMatchObject({
      action: 'step-3',
      reason: 'Thiếu bản sao giấy phép / missing licence copy',
      element_id: 'Activity_3',
      actor_id: null,
      changes: { 'applicant.phone': { old: '0912345678', new: '0987654330' } },
    });
    expect(dossierEventHash(stored[2].prev_hash, { ...event(id, null, 3), seq: 3 })).toBe(
      stored[2].hash,
    );

    expect(await verifyDossierChains(db, { dossierId: id })).toEqual({
      checked: 5,
      dossiers: 1,
      broken: [],
    });
  });

  it('hashes the same whatever the key order of the changes', async () => {
    const base = { ...event(randomUUID(), null, 1), seq: 1 };
    const a = dossierEventHash(GENESIS_HASH, {
      ...base,
      changes: { b: { old: 1, new: { y: 1, x: [2, { q: 1, p: 0 }] } }, a: { old: null, new: 'ă' } },
    });
    const b = dossierEventHash(GENESIS_HASH, {
      ...base,
      changes: { a: { new: 'ă', old: null }, b: { new: { x: [2, { p: 0, q: 1 }], y: 1 }, old: 1 } },
    });
    expect(a).toBe(b);
    expect(dossierEventHash(GENESIS_HASH, { ...base, reason: 'khác' })).not.toBe(a);
  });

  it('the database refuses UPDATE and DELETE of events', async () => {
    const { id } = await f.dossier();
    await appendMany(db, id, f.actorId, 2);
    await expect(
      db('dossier_events').where('dossier_id', id).update({ reason: 'sửa lén' }),
    ).rejects.toThrow(/dossier_events is append-only: UPDATE refused/);
    await expect(db('dossier_events').where('dossier_id', id).del()).rejects.toThrow(
      /dossier_events is append-only: DELETE refused/,
    );
    expect(await db('dossier_events').where('dossier_id', id).pluck('reason')).toEqual([
      'Thiếu bản sao giấy phép / missing licence copy',
      null,
    ]);
  });

  it('an event of a dossier that does not exist is refused', async () => {
    await expect(
      db.transaction((trx) => appendDossierEvent(trx, event(randomUUID(), null, 1))),
    ).rejects.toThrow(/does not exist/);
  });

  describe('a row edited by hand', () => {
    let intact: { id: string; code: string };
    let edited: { id: string; code: string; rows: DossierEventRow[] };

    beforeAll(async () => {
      intact = await f.dossier();
      await appendMany(db, intact.id, f.actorId, 4);
      const d = await f.dossier();
      edited = { ...d, rows: await appendMany(db, d.id, f.actorId, 5) };
      const row = edited.rows[2]!;
      await byHand(db, 'update dossier_events set reason = ? where id = ?', [
        'Hồ sơ đầy đủ / complete',
        row.id,
      ]);
      tampered.push({ ...d, eventId: row.id });
    });

    it('the verifier names the dossier and the first broken event', async () => {
      const broken = {
        dossierId: edited.id,
        dossierCode: edited.code,
        seq: 3,
        eventId: edited.rows[2]!.id,
        reason: 'hash mismatch',
      };
      expect(await verifyDossierChains(db, { dossierId: edited.id })).toEqual({
        checked: 5,
        dossiers: 1,
        broken: [broken],
      });
      expect((await verifyDossierChains(db, { dossierId: intact.id })).broken).toEqual([]);

      const all = await verifyDossierChains(db);
      expect(all.checked).toBeGreaterThanOrEqual(9);
      expect(all.broken).toContainEqual(broken);
      expect(all.broken.map((b) => b.dossierId)).not.toContain(intact.id);
    });

    it('npm run audit:verify names them and exits 1; a single intact dossier exits 0', async () => {
      const script = [process.execPath, ['--import', 'tsx', 'server/audit-verify.ts']] as const;
      const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' };
      const result = await run(script[0], [...script[1]], env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        `BROKEN hồ sơ/dossier ${edited.code} (id ${edited.id}): ` +
          `sự kiện/event seq 3 (id ${edited.rows[2]!.id}): hash mismatch`,
      );
      expect(result.stdout).not.toContain(intact.id);

      const one = await run(script[0], [...script[1], '--dossier', intact.id], env);
      expect(one.code).toBe(0);
      expect(one.stdout).toMatch(/4 events, 1 dossier, every chain intact/);

      const bad = await run(script[0], [...script[1], '--dossier', 'not-a-uuid'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--dossier must be a dossier id/);
    });
  });

  it('a deleted event shows as a sequence gap; a re-hashed edit breaks the next link', async () => {
    const gap = await f.dossier();
    const gapRows = await appendMany(db, gap.id, f.actorId, 4);
    await byHand(db, 'delete from dossier_events where id = ?', [gapRows[1]!.id]);
    tampered.push({ ...gap, eventId: gapRows[2]!.id });
    expect((await verifyDossierChains(db, { dossierId: gap.id })).broken).toEqual([
      {
        dossierId: gap.id,
        dossierCode: gap.code,
        seq: 3,
        eventId: gapRows[2]!.id,
        reason: 'sequence gap',
      },
    ]);

    // A careful forger re-computes the edited row's hash: the next row still points at the old one.
    const forged = await f.dossier();
    const rows = await appendMany(db, forged.id, f.actorId, 3);
    const first = rows[0]!;
    const changed = { ...event(forged.id, f.actorId, 1), reason: 'Đã nộp phí / fee paid' };
    const hash = dossierEventHash(first.prev_hash, { ...changed, seq: 1 });
    await byHand(db, 'update dossier_events set reason = ?, hash = ? where id = ?', [
      changed.reason,
      hash,
      first.id,
    ]);
    tampered.push({ ...forged, eventId: rows[1]!.id });
    expect((await verifyDossierChains(db, { dossierId: forged.id })).broken).toEqual([
      {
        dossierId: forged.id,
        dossierCode: forged.code,
        seq: 2,
        eventId: rows[1]!.id,
        reason: 'prev_hash mismatch',
      },
    ]);
  });

  it('reads in pages: any page size gives the same answer across dossier boundaries', async () => {
    const whole = await verifyDossierChains(db, { agencyId: f.agencyId });
    expect(whole.dossiers).toBeGreaterThanOrEqual(5);
    for (const batchSize of [1, 2, 3, 7]) {
      expect(await verifyDossierChains(db, { agencyId: f.agencyId, batchSize })).toEqual(whole);
    }
  });

  it('20 concurrent appends to one dossier get seq 1..20 and a valid chain', async () => {
    const { id } = await f.dossier();
    const rows = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction((trx) => appendDossierEvent(trx, event(id, f.actorId, i + 1))),
      ),
    );
    expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await verifyDossierChains(db, { dossierId: id })).toEqual({
      checked: 20,
      dossiers: 1,
      broken: [],
    });
  });

  it('an event that keeps the status records the status the dossier has when it is appended', async () => {
    const { id } = await f.dossier();
    await db('dossiers').where({ id }).update({ status: 'received' });
    const written = await db.transaction((trx) =>
      appendDossierEvent(
        trx,
        { ...event(id, f.actorId, 1), fromStatus: null, toStatus: null },
        { keepsStatus: true },
      ),
    );
    expect(written).toMatchObject({ seq: 1, from_status: 'received', to_status: 'received' });
    expect(await verifyDossierChains(db, { dossierId: id })).toMatchObject({ broken: [] });
  });
});

describe('GET /api/v1/audit/verify', () => {
  let app: FastifyInstance;
  let f: Awaited<ReturnType<typeof fixtures>>;
  let water: { id: string; code: string };
  let other: { id: string; code: string; eventId: string };

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    f = await fixtures(app.db);
    // A dossier of the auditor's own agency (Cục Quản lý tài nguyên nước) and one of another.
    const agency = await app.db('agencies').where('code', '000.00.12.G12').first('id');
    const [row] = await app
      .db('dossiers')
      .insert({
        code: `000.00.12.G12-AUDIT-${unique()}`,
        procedure_id: f.procedureId,
        agency_id: agency.id,
        applicant_id: f.actorId,
        created_by: f.actorId,
        channel: 1,
        status: '2',
      })
      .returning(['id', 'code']);
    water = { id: String(row.id), code: row.code };
    await appendMany(app.db, water.id, f.actorId, 3);
    const o = await f.dossier();
    const rows = await appendMany(app.db, o.id, f.actorId, 2);
    await byHand(app.db, 'update dossier_events set action = ? where id = ?', ['xoá', rows[1]!.id]);
    other = { ...o, eventId: rows[1]!.id };
  });
  afterAll(async () => {
    if (other) {
      await byHand(app.db, 'delete from dossier_events where dossier_id = ?', [other.id]);
    }
    await app?.close();
  });

  const get = async (url: string, email?: string) =>
    app.inject({
      url,
      headers: email ? { cookie: (await login(app, email)).cookie } : {},
    });

  it('answers 401 without a session and 403 for a citizen', async () => {
    expect((await get('/api/v1/audit/verify')).statusCode).toBe(401);
    const res = await get('/api/v1/audit/verify', 'congdan@demo.motcua.vn');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it("an auditor checks the chains of the auditor's own agency", async () => {
    const res = await get(`/api/v1/audit/verify?dossierId=${water.id}`, 'kiemtra@demo.motcua.vn');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ checked: 3, dossiers: 1, broken: [] });

    const all = await get('/api/v1/audit/verify', 'kiemtra@demo.motcua.vn');
    expect(all.statusCode).toBe(200);
    expect(all.json().checked).toBeGreaterThanOrEqual(3);
    expect(all.json().broken.map((b: { dossierId: string }) => b.dossierId)).not.toContain(
      other.id,
    );

    // Another agency's dossier is not the auditor's to see.
    expect(
      (await get(`/api/v1/audit/verify?dossierId=${other.id}`, 'kiemtra@demo.motcua.vn'))
        .statusCode,
    ).toBe(404);
    expect(
      (await get('/api/v1/audit/verify?dossierId=nope', 'kiemtra@demo.motcua.vn')).statusCode,
    ).toBe(400);
  });

  it('an operator checks any dossier and is told which event is broken', async () => {
    const res = await get(`/api/v1/audit/verify?dossierId=${other.id}`, 'vanhanh@demo.motcua.vn');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      checked: 2,
      dossiers: 1,
      broken: [
        {
          dossierId: other.id,
          dossierCode: other.code,
          seq: 2,
          eventId: other.eventId,
          reason: 'hash mismatch',
        },
      ],
    });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json();
    expect(doc.paths['/api/v1/audit/verify'].get.parameters).toContainEqual(
      expect.objectContaining({ name: 'dossierId', in: 'query' }),
    );
  });
});
