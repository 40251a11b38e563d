// A groundwater dossier run through its process by the simulation's bots
// (the leader refuses: the refusal letter is the result), then what the web
// apps read of it: progress on the diagram, the result file, the rating, the
// public lookup and the public verification of the result.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_LOOKUPS_PER_MINUTE } from '../../../server/routes/api/v1/public.routes.js';
import { runSimulation } from '../../../server/simulation/simulation-paths.js';
import { procedureApp, type ProcedureApp } from '../../support/procedure-app.js';
import type { Session } from '../../support/sessions.js';
import {
  GROUNDWATER,
  PEOPLE,
  caller,
  readyDraft,
  sessionsOf,
  type Person,
} from './web-fixtures.js';

describe('a dossier whose result was returned', () => {
  let p: ProcedureApp;
  let app: FastifyInstance;
  let s: Record<Person, Session>;
  let call: ReturnType<typeof caller>;
  let id: string;
  let code: string;

  beforeAll(async () => {
    p = await procedureApp();
    app = p.app;
    s = await sessionsOf(app);
    call = caller(app);
    const run = await runSimulation(p.bots, GROUNDWATER.bpmnProcessId, 'refuse');
    id = run.dossierId;
    code = run.dossierCode!;
  });
  afterAll(() => p?.app.close());

  describe('progress', () => {
    it('is drawn on the exact process version the dossier ran on', async () => {
      const res = await call(s.citizen, 'GET', `/api/v1/dossiers/${id}/progress`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const dossier = await app.db('dossiers').where({ id }).first();
      const deployment = await app
        .db('process_deployments')
        .where('process_definition_key', dossier.process_definition_key)
        .first();
      expect(dossier).toMatchObject({
        bpmn_process_id: GROUNDWATER.bpmnProcessId,
        process_definition_version: deployment.version,
      });
      expect(body).toMatchObject({
        bpmnProcessId: GROUNDWATER.bpmnProcessId,
        version: deployment.version,
        processDefinitionKey: deployment.process_definition_key,
        xml: deployment.xml,
        current: [],
      });
      expect(body.done).toEqual(
        expect.arrayContaining([
          'StartEvent_DossierSubmitted',
          'Task_CheckCompleteness',
          'Task_Reception',
          'Gateway_Complete',
          'Task_Receive',
          'Task_StartProcessing',
          'Task_Appraisal',
          'Task_Review',
          'Task_Approval',
          'Task_IssueResult',
          'Task_ReturnResult',
          'EndEvent_ResultReturned',
        ]),
      );
      for (const untouched of ['Task_RequestSupplement', 'Task_RequestFee', 'Event_FeePaid']) {
        expect(body.done).not.toContain(untouched);
      }
    });

    it('shows the task a dossier waits at', async () => {
      const filed = await p.bots.file(GROUNDWATER);
      await p.bots.waitForTasks(PEOPLE.reception, filed, 'Task_Reception');
      const body = (await call(s.reception, 'GET', `/api/v1/dossiers/${filed}/progress`)).json();
      expect(body.current).toEqual(['Task_Reception']);
      expect(body.done).toEqual([
        'StartEvent_DossierSubmitted',
        'Gateway_MergeCheck',
        'Task_CheckCompleteness',
      ]);
    });

    it('before any job, the latest deployment stands in', async () => {
      const draft = await readyDraft(app, s.citizen);
      const body = (await call(s.citizen, 'GET', `/api/v1/dossiers/${draft.id}/progress`)).json();
      const latest = await app
        .db('process_deployments')
        .where('bpmn_process_id', GROUNDWATER.bpmnProcessId)
        .orderBy('version', 'desc')
        .first();
      expect(body).toMatchObject({ version: latest.version, done: [], current: [] });
    });

    it('nobody else sees it', async () => {
      for (const who of ['organisation', 'otherAgency'] as const) {
        const res = await call(s[who], 'GET', `/api/v1/dossiers/${id}/progress`);
        expect(res.statusCode, who).toBe(404);
      }
    });
  });

  describe('result download', () => {
    it('the applicant and the agency download the generated result document', async () => {
      const result = await app.db('dossier_results').where('dossier_id', id).first();
      for (const who of ['citizen', 'reception'] as const) {
        const res = await call(s[who], 'GET', `/api/v1/dossiers/${id}/result`);
        expect(res.statusCode, who).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(String(res.headers['content-disposition'])).toMatch(
          /^attachment; filename="ket-qua-.+-TB\.html"/,
        );
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.body).toContain(result.number);
        expect(res.body).toContain('THÔNG BÁO TỪ CHỐI');
        expect(res.body).toContain('Nguyễn Văn An');
        expect(res.body).toContain(GROUNDWATER.code);
      }
    });

    it('is not found for others, nor before a result exists', async () => {
      for (const who of ['organisation', 'otherAgency'] as const) {
        expect((await call(s[who], 'GET', `/api/v1/dossiers/${id}/result`)).statusCode).toBe(404);
      }
      const draft = await readyDraft(app, s.citizen);
      const none = await call(s.citizen, 'GET', `/api/v1/dossiers/${draft.id}/result`);
      expect(none.statusCode).toBe(404);
      expect(none.json()).toMatchObject({
        code: 'RESULT_NOT_FOUND',
        message: { vi: expect.stringContaining('chưa có kết quả'), en: expect.any(String) },
      });
    });
  });

  describe('rating', () => {
    it('only the applicant rates, once; the dossier shows it; the audit trail has it', async () => {
      const officer = await call(s.reception, 'POST', `/api/v1/dossiers/${id}/rating`, {
        score: 5,
      });
      expect(officer.statusCode).toBe(403);
      const other = await call(s.organisation, 'POST', `/api/v1/dossiers/${id}/rating`, {
        score: 1,
      });
      expect(other.statusCode).toBe(404);

      const rated = await call(s.citizen, 'POST', `/api/v1/dossiers/${id}/rating`, {
        score: 4,
        comment: 'Cán bộ hướng dẫn tận tình.',
      });
      expect(rated.statusCode, rated.body).toBe(201);
      expect(rated.json()).toMatchObject({ score: 4, comment: 'Cán bộ hướng dẫn tận tình.' });

      const again = await call(s.citizen, 'POST', `/api/v1/dossiers/${id}/rating`, { score: 1 });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ALREADY_RATED');
      expect(again.json().message.vi).toContain('đã được đánh giá');

      const dossier = (await call(s.citizen, 'GET', `/api/v1/dossiers/${id}`)).json();
      expect(dossier.rating).toMatchObject({ score: 4, ratedAt: expect.any(String) });
      const event = await app
        .db('dossier_events')
        .where({ dossier_id: id, action: 'RATE' })
        .first();
      expect(event.changes['rating.score']).toEqual({ old: null, new: 4 });
      const verify = await call(s.operator, 'GET', `/api/v1/audit/verify?dossierId=${id}`);
      expect(verify.json().broken).toEqual([]);
    });

    it('waits for the result to be returned and checks the score', async () => {
      const draft = await readyDraft(app, s.citizen);
      const early = await call(s.citizen, 'POST', `/api/v1/dossiers/${draft.id}/rating`, {
        score: 5,
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('INVALID_TRANSITION');
      expect((await call(s.citizen, 'GET', `/api/v1/dossiers/${draft.id}`)).json().rating).toBe(
        null,
      );
      for (const body of [{ score: 0 }, { score: 6 }, { score: 3, comment: 'x'.repeat(1001) }]) {
        const res = await call(s.citizen, 'POST', `/api/v1/dossiers/${draft.id}/rating`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().message.en).toBeTruthy();
      }
    });
  });

  describe('public lookup', () => {
    const lookup = (query: string, remoteAddress = '10.0.0.1') =>
      app.inject({ url: `/api/v1/public/dossiers/lookup?${query}`, remoteAddress });

    it('finds the dossier by its code and the applicant’s phone or citizen ID, without signing in', async () => {
      const applicant = await app.db('accounts').where('email', PEOPLE.citizen).first();
      const phone = String(applicant.phone).replace(/^0/, '+84');
      for (const who of [phone, applicant.citizen_id]) {
        const res = await lookup(
          `code=${encodeURIComponent(code)}&applicant=${encodeURIComponent(who)}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({
          code,
          procedure: { code: GROUNDWATER.code, name: { vi: expect.any(String) } },
          agency: { code: '000.00.12.G12', name: { vi: 'Cục Quản lý tài nguyên nước' } },
          status: 'result_returned',
          statusCode: 10,
          statusLabel: { vi: 'Đã trả kết quả', en: 'Result returned' },
          submittedAt: expect.any(String),
          appointmentAt: expect.any(String),
          returnedAt: expect.any(String),
        });
        expect(res.body).not.toContain(applicant.citizen_id);
      }
    });

    it('a wrong code and a wrong applicant give the same 404', async () => {
      const wrongApplicant = await lookup(`code=${encodeURIComponent(code)}&applicant=0999999999`);
      const wrongCode = await lookup(`code=000.00.12.G12-000101-9999&applicant=0912345678`);
      expect(wrongApplicant.statusCode).toBe(404);
      expect(wrongCode.statusCode).toBe(404);
      const withoutRequestId = (body: { code: string; message: { vi: string; en: string } }) => ({
        ...body,
        requestId: null,
      });
      const one = withoutRequestId(wrongApplicant.json());
      expect(one).toEqual(withoutRequestId(wrongCode.json()));
      expect(one.code).toBe('DOSSIER_LOOKUP_FAILED');
      expect(one.message.vi).toBeTruthy();
      expect(one.message.en).toBeTruthy();
    });

    it('asks for both fields', async () => {
      const res = await lookup(`code=${encodeURIComponent(code)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].path).toBe('/querystring/applicant');
    });

    it('is rate-limited per client address', async () => {
      const query = `code=${encodeURIComponent(code)}&applicant=0999999999`;
      for (let i = 0; i < PUBLIC_LOOKUPS_PER_MINUTE; i++) {
        expect((await lookup(query, '10.0.0.99')).statusCode).toBe(404);
      }
      const limited = await lookup(query, '10.0.0.99');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('RATE_LIMITED');
      expect(limited.json().message.vi).toBeTruthy();
      expect((await lookup(query, '10.0.0.100')).statusCode).toBe(404);
    });
  });

  describe('public result verification', () => {
    it('confirms a result by its number, with the applicant’s name masked', async () => {
      const result = await app.db('dossier_results').where('dossier_id', id).first();
      const res = await app.inject(`/api/v1/public/results/${encodeURIComponent(result.number)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        number: result.number,
        issuedAt: result.issued_at.toISOString(),
        signer: result.signer,
        approved: false,
        procedure: {
          code: GROUNDWATER.code,
          name: expect.objectContaining({ vi: expect.any(String) }),
        },
        agency: {
          code: '000.00.12.G12',
          name: {
            vi: 'Cục Quản lý tài nguyên nước',
            en: 'Department of Water Resources Management',
          },
        },
        dossierCode: code,
        applicantName: 'N***** V** A*',
      });
    });

    it('answers an unknown number with a 404 in Vietnamese and English', async () => {
      const res = await app.inject('/api/v1/public/results/000.00.12.G12-000101-0000%2FGP');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'RESULT_NOT_FOUND',
        message: { vi: expect.stringContaining('số này'), en: expect.stringContaining('number') },
      });
    });
  });
});
