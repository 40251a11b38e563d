// GET /api/v1/dossiers/:id/attachments/:attachmentId: the stored file, with
// its stored type, never sniffed, previewed only in a sandbox; nobody else's.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/plugins/app/seed/demo-seed.js';
import { SAMPLE_PDF } from '../../../server/simulation/demo-filings.js';
import { build } from '../../support/build.js';
import type { Session } from '../../support/sessions.js';
import { caller, readyDraft, sessionsOf, type Person } from './web-fixtures.js';

describe('attachment download and preview', () => {
  let app: FastifyInstance;
  let s: Record<Person, Session>;
  let dossierId: string;
  let attachmentId: string;
  const url = () => `/api/v1/dossiers/${dossierId}/attachments/${attachmentId}`;

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    s = await sessionsOf(app);
    const draft = await readyDraft(app, s.citizen);
    dossierId = draft.id;
    attachmentId = draft.attachmentIds[0]!;
  });
  afterAll(() => app.close());

  it('the applicant downloads the file as uploaded, as an attachment by default', async () => {
    const res = await caller(app)(s.citizen, 'GET', url());
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(SAMPLE_PDF.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="application _ ban chinh\.pdf"/);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('application – bản chính.pdf')}`,
    );
  });

  it('previews inline only inside a sandbox', async () => {
    const res = await caller(app)(s.citizen, 'GET', `${url()}?disposition=inline`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^inline; /);
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('an officer of the dossier’s agency may download it', async () => {
    const res = await caller(app)(s.reception, 'GET', url());
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(SAMPLE_PDF)).toBe(true);
  });

  it('another applicant and another agency’s officer get a 404 that leaks nothing', async () => {
    for (const who of ['organisation', 'otherAgency'] as const) {
      const res = await caller(app)(s[who], 'GET', url());
      expect(res.statusCode, who).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      expect(res.json().message.vi).toBeTruthy();
      expect(res.body).not.toContain('application');
    }
  });

  it('an attachment of another dossier is not found under this one', async () => {
    const other = await readyDraft(app, s.citizen);
    const res = await caller(app)(
      s.citizen,
      'GET',
      `/api/v1/dossiers/${dossierId}/attachments/${other.attachmentIds[0]}`,
    );
    expect(res.statusCode).toBe(404);
  });

  it('asks for a sign-in and checks its input', async () => {
    expect((await caller(app)(null, 'GET', url())).statusCode).toBe(401);
    const bad = await caller(app)(s.citizen, 'GET', `${url()}?disposition=open`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('/querystring/disposition');
    expect(bad.json().message).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
    const notUuid = await caller(app)(
      s.citizen,
      'GET',
      `/api/v1/dossiers/${dossierId}/attachments/x`,
    );
    expect(notUuid.statusCode).toBe(400);
  });

  it('the applicant takes a file out of a draft, never out of a filed dossier', async () => {
    const call = caller(app);
    const draft = await readyDraft(app, s.citizen);
    const fileUrl = `/api/v1/dossiers/${draft.id}/attachments/${draft.attachmentIds[1]}`;
    expect((await call(s.organisation, 'DELETE', fileUrl)).statusCode).toBe(404);
    expect((await call(s.citizen, 'DELETE', fileUrl)).statusCode).toBe(204);
    expect((await call(s.citizen, 'GET', fileUrl)).statusCode).toBe(404);
    expect((await call(s.citizen, 'DELETE', fileUrl)).statusCode).toBe(404);
    const events = (await call(s.citizen, 'GET', `/api/v1/dossiers/${draft.id}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toContain('DETACH');
    // The draft now lacks that document, so it cannot be submitted.
    const submit = await call(s.citizen, 'POST', `/api/v1/dossiers/${draft.id}/submit`);
    expect(submit.statusCode).toBe(422);

    // What was filed stays in the record.
    const filedUrl = url();
    expect((await call(s.citizen, 'POST', `/api/v1/dossiers/${dossierId}/submit`)).statusCode).toBe(
      200,
    );
    const refused = await call(s.citizen, 'DELETE', filedUrl);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message.vi).toContain('hồ sơ nháp');
    expect((await call(s.citizen, 'GET', filedUrl)).statusCode).toBe(200);
  });
});
