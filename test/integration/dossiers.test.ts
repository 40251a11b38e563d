import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { verifyDossierChains } from '../../server/plugins/app/audit/dossier-audit.js';
import { PROCESSES_DIR, seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { groundwaterPayload, individual } from '../unit/forms/form-fixtures.js';
import { build } from '../support/build.js';
import { login, type Session } from '../support/sessions.js';

const PROCEDURE = '1.004228';
const pdf = (size = 2000) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), Buffer.alloc(size, 32)]);
const exe = () =>
  Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200), Buffer.from('PE\0\0'), Buffer.alloc(2000)]);

function multipart(fileName: string, content: Buffer) {
  const boundary = `----motcua${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('dossiers', () => {
  let app: FastifyInstance;
  let citizen: Session;
  let organisation: Session;
  let officer: Session;
  let otherOfficer: Session;

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    // The procedure's own BPMN (the same content everywhere in this run: one version).
    await app.zeebe.deployResource({
      processFilename: join(PROCESSES_DIR, 'groundwater-exploration-licence.bpmn'),
    });
    citizen = await login(app, 'congdan@demo.motcua.vn');
    organisation = await login(app, 'doanhnghiep@demo.motcua.vn');
    officer = await login(app, 'motcua@demo.motcua.vn');
    otherOfficer = await login(app, 'motcua.mt@demo.motcua.vn');
  });
  afterAll(() => app.close());

  const call = (
    session: Session | null,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    headers = {},
  ) =>
    app.inject({
      method,
      url,
      payload: payload as object,
      headers: { ...headers, ...(session ? { cookie: session.cookie } : {}) },
    });

  async function draftWithDocuments(session: Session) {
    const draft = await call(session, 'POST', '/api/v1/dossiers', {
      procedureCode: PROCEDURE,
      formData: {},
    });
    expect(draft.statusCode).toBe(201);
    const id: string = draft.json().id;
    const saved = await call(session, 'PATCH', `/api/v1/dossiers/${id}`, {
      formData: groundwaterPayload(),
    });
    expect(saved.statusCode).toBe(200);
    for (const document of ['application', 'exploration-plan']) {
      const upload = multipart(`${document}.pdf`, pdf());
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${id}/attachments?document=${document}`,
        payload: upload.payload,
        headers: { ...upload.headers, cookie: session.cookie },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        contentType: 'application/pdf',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
    return id;
  }

  it('a citizen finds the procedure, saves a draft, uploads, submits and gets a code and a process', async () => {
    const found = await call(null, 'GET', '/api/v1/procedures?q=nước dưới đất');
    expect(found.json().map((p: { code: string }) => p.code)).toContain(PROCEDURE);

    const id = await draftWithDocuments(citizen);
    const key = `submit-${randomUUID()}`;
    const submitted = await call(citizen, 'POST', `/api/v1/dossiers/${id}/submit`, undefined, {
      'idempotency-key': key,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const body = submitted.json();
    expect(body).toMatchObject({ status: 'submitted', statusCode: 1, channel: 2 });
    expect(body.code).toMatch(/^000\.00\.12\.G12-\d{6}-\d{4}$/);

    // The code is made in the statement that issues it; everything that carries it has it.
    const event = await app
      .db('dossier_events')
      .where({ dossier_id: id, action: 'SUBMIT' })
      .first();
    expect(event.changes.code).toEqual({ old: null, new: body.code });
    expect(await verifyDossierChains(app.db, { dossierId: id })).toMatchObject({
      checked: 4,
      broken: [],
    });
    const start = await app
      .db('outbox')
      .whereRaw("payload->>'correlationKey' = ?", [id])
      .first('payload');
    expect(start.payload.variables.dossierCode).toBe(body.code);
    const notice = await app
      .db('notifications')
      .where({ template: 'dossier.submitted' })
      .whereLike('body', `%${body.code}%`)
      .first('subject', 'body');
    expect(notice).toBeDefined();
    expect(`${notice.subject}${notice.body}`).not.toContain('{{dossier-code');

    const retry = await call(citizen, 'POST', `/api/v1/dossiers/${id}/submit`, undefined, {
      'idempotency-key': key,
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().code).toBe(body.code);
    const again = await call(citizen, 'POST', `/api/v1/dossiers/${id}/submit`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message.en).toMatch(/submitted/i);

    // The relay hands it to the engine: a process instance of the procedure holds the dossier.
    await app.engineMessages.runOnce();
    const instance = await app
      .db('engine.variables as v')
      .join('engine.element_instances as e', 'e.key', 'v.scope_key')
      .where('v.name', 'dossierCode')
      .whereRaw('v.value = to_jsonb(?::text)', [body.code])
      .first('e.element_id');
    expect(instance?.element_id).toBe('groundwater-exploration-licence');
    // ... and records it as handed over, so that it is published once.
    const relayed = await app
      .db('outbox')
      .whereRaw("payload->>'correlationKey' = ?", [id])
      .first('processed_at', 'attempts');
    expect(relayed.processed_at).not.toBeNull();
    expect(relayed.attempts).toBe(1);

    const timeline = await call(citizen, 'GET', `/api/v1/dossiers/${id}/events`);
    expect(timeline.json().map((e: { action: string }) => e.action)).toEqual([
      'CREATE_DRAFT',
      'ATTACH',
      'ATTACH',
      'SUBMIT',
    ]);
    const mine = await call(citizen, 'GET', '/api/v1/dossiers');
    expect(mine.json().map((d: { id: string }) => d.id)).toContain(id);
  });

  it('shows a dossier only to its applicant and to officers of its agency', async () => {
    const id = await draftWithDocuments(citizen);
    expect((await call(citizen, 'GET', `/api/v1/dossiers/${id}`)).statusCode).toBe(200);
    expect((await call(organisation, 'GET', `/api/v1/dossiers/${id}`)).statusCode).toBe(404);
    expect((await call(otherOfficer, 'GET', `/api/v1/dossiers/${id}`)).statusCode).toBe(404);
    expect((await call(officer, 'GET', `/api/v1/dossiers/${id}`)).statusCode).toBe(200);
    const status = await call(citizen, 'GET', `/api/v1/dossiers/${id}/status`);
    expect(status.json()).toMatchObject({
      id,
      code: null,
      status: 'draft',
      statusLabel: { vi: expect.any(String), en: expect.any(String) },
    });
    expect(status.json()).not.toHaveProperty('formData');
    expect((await call(officer, 'GET', `/api/v1/dossiers/${id}/status`)).json().id).toBe(id);
    for (const stranger of [organisation, otherOfficer]) {
      const refused = await call(stranger, 'GET', `/api/v1/dossiers/${id}/status`);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain(id);
    }
    // Polls that arrive together share one statement (batchedById); the
    // scope is still each caller's own, whatever the case of the id.
    const others = await draftWithDocuments(organisation);
    const polls = await Promise.all(
      [
        [citizen, id],
        [organisation, id],
        [organisation, others.toUpperCase()],
        [citizen, others],
        [otherOfficer, id],
        [officer, id.toUpperCase()],
      ].map(([who, dossier]) =>
        call(who as typeof citizen, 'GET', `/api/v1/dossiers/${dossier as string}/status`),
      ),
    );
    expect(polls.map((p) => p.statusCode)).toEqual([200, 404, 200, 404, 404, 200]);
    expect(polls[2]!.json().id).toBe(others);
    expect(
      (await call(organisation, 'GET', '/api/v1/dossiers')).json().map((d: { id: string }) => d.id),
    ).not.toContain(id);
    expect(
      (await call(organisation, 'PATCH', `/api/v1/dossiers/${id}`, { formData: {} })).statusCode,
    ).toBe(404);
  });

  it('names every problem of a dossier that cannot be submitted, in Vietnamese and English', async () => {
    const draft = await call(citizen, 'POST', '/api/v1/dossiers', {
      procedureCode: PROCEDURE,
      formData: { ...groundwaterPayload(), applicant: { ...individual, citizenId: '12345' } },
    });
    const id = draft.json().id;
    const res = await call(citizen, 'POST', `/api/v1/dossiers/${id}/submit`);
    expect(res.statusCode).toBe(422);
    const paths: string[] = res.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/documents/application', '/documents/exploration-plan']),
    );
    expect(paths.some((p) => p.startsWith('/formData/applicant'))).toBe(true);
    for (const d of res.json().details) expect(d.message.vi && d.message.en).toBeTruthy();
    const after = await call(citizen, 'GET', `/api/v1/dossiers/${id}`);
    expect(after.json()).toMatchObject({ status: 'draft', code: null });
  });

  it('rejects an executable renamed .pdf and a file over the document limit, keeping nothing', async () => {
    const id = (
      await call(citizen, 'POST', '/api/v1/dossiers', { procedureCode: PROCEDURE })
    ).json().id;
    const send = (name: string, content: Buffer, document = 'application') => {
      const upload = multipart(name, content);
      return app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${id}/attachments?document=${document}`,
        payload: upload.payload,
        headers: { ...upload.headers, cookie: citizen.cookie },
      });
    };
    const disguised = await send('don-de-nghi.pdf', exe());
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json().details[0]).toMatchObject({ path: '/documents/application' });
    expect(disguised.json().details[0].message.en).toContain('not an accepted type');

    const huge = await send('de-an.pdf', pdf(50 * 1024 * 1024), 'exploration-plan');
    expect(huge.statusCode).toBe(422);
    expect(huge.json().details[0].message.vi).toContain('10 MB');

    const unknown = await send('x.pdf', pdf(), 'no-such-document');
    expect(unknown.statusCode).toBe(400);
    expect(await app.db('attachments').where('dossier_id', id)).toEqual([]);

    const malformed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/dossiers/${id}`,
      payload: '{"formData": ',
      headers: { cookie: citizen.cookie, 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');
  });

  it("answers 404 to a submit of another applicant's dossier, which stays a draft", async () => {
    const id = await draftWithDocuments(citizen);
    const other = await call(organisation, 'POST', `/api/v1/dossiers/${id}/submit`);
    expect(other.statusCode, other.body).toBe(404);
    expect(other.body).not.toContain(id);
    expect(await app.db('dossiers').where({ id }).first('status', 'code')).toEqual({
      status: 'draft',
      code: null,
    });
  });

  it('answers concurrent submits with one Idempotency-Key with one dossier code', async () => {
    const id = await draftWithDocuments(citizen);
    const key = `submit-${randomUUID()}`;
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        call(citizen, 'POST', `/api/v1/dossiers/${id}/submit`, undefined, {
          'idempotency-key': key,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.json().code)).size).toBe(1);
    const submits = await app.db('dossier_events').where({ dossier_id: id, action: 'SUBMIT' });
    expect(submits).toHaveLength(1);
  });

  it('checks a dossier changed while its submit waited as it now is, and issues no number for it', async () => {
    const id = await draftWithDocuments(citizen);
    const dossier = await app.db('dossiers').where({ id }).first('agency_id');
    const counter = () =>
      app
        .db('dossier_code_sequences')
        .where({ agency_id: dossier.agency_id })
        .sum({ n: 'last_value' })
        .first()
        .then((row) => Number(row?.n ?? 0));
    const before = await counter();
    // Another transaction empties the form and holds the row until the submit waits for it.
    const editor = await app.db.transaction();
    await editor('dossiers').where({ id }).update({ form_data: {} });
    const submitting = call(citizen, 'POST', `/api/v1/dossiers/${id}/submit`);
    for (let i = 0; i < 100; i++) {
      const waiting = await app.db.raw(
        `select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query like '%from dossiers where id = any%'`,
      );
      if (waiting.rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await editor.commit();
    const answer = await submitting;
    expect(answer.statusCode, answer.body).toBe(422);
    expect(answer.json().details.map((d: { path: string }) => d.path)).toContain(
      '/formData/applicant',
    );
    expect(await app.db('dossiers').where({ id }).first('status', 'code')).toEqual({
      status: 'draft',
      code: null,
    });
    expect(await counter()).toBe(before);
  });

  it('200 concurrent submits to one agency on one day get 200 distinct, gap-free codes', async () => {
    const caller = {
      id: '',
      kind: 'citizen' as const,
      roles: ['citizen' as const],
      agencyId: null,
    };
    const account = await app.db('accounts').where('email', 'congdan@demo.motcua.vn').first('id');
    caller.id = account.id;
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const dossier = await app.services.dossiers.createDraft(caller, {
        procedureCode: PROCEDURE,
        formData: groundwaterPayload(),
      });
      ids.push(dossier.id);
    }
    const rows = ids.flatMap((id) =>
      ['application', 'exploration-plan'].map((document) => ({
        dossier_id: id,
        document_key: document,
        file_name: `${document}.pdf`,
        content_type: 'application/pdf',
        size_bytes: 10,
        sha256: '0'.repeat(64),
        storage_key: randomUUID(),
        uploaded_by: caller.id,
      })),
    );
    await app.db.batchInsert('attachments', rows, 200);
    const results = await Promise.all(ids.map((id) => app.services.dossiers.submit(caller, id)));
    const codes = results.map((r) => (r.body as { code: string }).code);
    expect(new Set(codes).size).toBe(200);
    const prefix = codes[0]!.slice(0, -4);
    const numbers = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    expect(codes.every((c) => c.startsWith(prefix))).toBe(true);
    // Gap-free: consecutive numbers (other tests of this run may have taken earlier ones).
    expect(numbers.at(-1)! - numbers[0]!).toBe(199);
  });
});
