// Jobs arrive at least once: the same `dossier.receive` job delivered twice
// (one after the other, later by the clock; or both at once) receives the
// dossier once: one status change, one audit event, one receipt, one
// notification, and the second delivery answers what the first one did. A
// user task job that comes back after its timeout keeps its one worklist row.
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/plugins/app/seed/demo-seed.js';
import { SIMULATED_PROCEDURES } from '../../../server/simulation/demo-filings.js';
import receive from '../../../server/workers/receive.worker.js';
import {
  handleJob,
  type JobInput,
  type WorkerContext,
} from '../../../server/workers/worker-kit.js';
import { build } from '../../support/build.js';

const procedure = SIMULATED_PROCEDURES['groundwater-exploration-licence']!;

describe('dossier.receive delivered twice', () => {
  let app: FastifyInstance;
  let now = new Date('2026-03-10T02:00:00Z');
  let ctx: WorkerContext;

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    ctx = {
      db: app.db,
      clock: { now: () => now },
      calendar: () => app.calendar.current(),
      services: app.services,
      zeebe: app.zeebe,
      log: app.log,
    };
  });
  afterAll(() => app?.close());

  /** A submitted dossier no process drives (no start message): only these calls touch it. */
  async function submittedDossier(): Promise<{ id: string; code: string }> {
    const published = await app
      .db('procedures')
      .where({ code: procedure.code, status: 'published' })
      .first();
    const citizen = await app.db('accounts').where('email', procedure.bots.citizen).first('id');
    const code = `000.00.12.G12-IDEM-${randomUUID().slice(0, 8)}`;
    const [row] = await app
      .db('dossiers')
      .insert({
        code,
        procedure_id: published.id,
        agency_id: published.agency_id,
        applicant_id: citizen.id,
        channel: 2,
        status: 'submitted',
        form_data: procedure.formData(),
        submitted_at: now,
        created_by: citizen.id,
      })
      .returning('id');
    return { id: row.id, code };
  }

  const job = (dossierId: string): JobInput<unknown> => ({
    key: String(randomInt(1, 2 ** 47)),
    type: 'dossier.receive',
    processInstanceKey: String(randomInt(1, 2 ** 47)),
    elementId: 'Task_Receive',
    variables: { dossierId, dossierCode: 'ignored' },
    headers: {},
  });

  async function effects(dossier: { id: string; code: string }) {
    const events = await app
      .db('dossier_events')
      .where({ dossier_id: dossier.id, action: 'RECEIVE' })
      .select('from_status', 'to_status', 'element_id');
    const forms = await app.db('dossier_forms').where({ dossier_id: dossier.id, form_no: '01' });
    const notices = await app
      .db('notifications')
      .where({ template: 'dossier.received' })
      .where('body', 'like', `%${dossier.code}%`);
    const row = await app.db('dossiers').where('id', dossier.id).first();
    return { events, forms: forms.length, notices: notices.length, row };
  }

  it('one after the other, the second a day later: nothing happens twice', async () => {
    const dossier = await submittedDossier();
    const delivery = job(dossier.id);

    const first = await handleJob(receive, delivery, 3, ctx);
    now = new Date(now.getTime() + 86_400_000);
    const second = await handleJob(receive, delivery, 3, ctx);

    if (first.kind !== 'complete') throw new Error(`first delivery: ${JSON.stringify(first)}`);
    // The repeat answers what the first delivery did (the appointment of the first day).
    expect(second).toEqual(first);
    const { events, forms, notices, row } = await effects(dossier);
    expect(events).toEqual([
      { from_status: 'submitted', to_status: 'received', element_id: 'Task_Receive' },
    ]);
    expect(forms).toBe(1);
    expect(notices).toBe(1);
    expect(row.status).toBe('received');
    expect(row.appointment_at.toISOString()).toBe(first.variables.appointmentAt);
  });

  it('both at once: one runs, the other waits and answers the same', async () => {
    const dossier = await submittedDossier();
    const delivery = job(dossier.id);

    const [a, b] = await Promise.all([
      handleJob(receive, delivery, 3, ctx),
      handleJob(receive, { ...delivery }, 3, ctx),
    ]);

    expect(a.kind).toBe('complete');
    expect(b).toEqual(a);
    const { events, forms, notices } = await effects(dossier);
    expect(events).toHaveLength(1);
    expect(forms).toBe(1);
    expect(notices).toBe(1);
    expect(
      await app.db('processed_jobs').where('job_key', delivery.key).count('* as n').first(),
    ).toMatchObject({ n: '1' });
  });

  it('a different job for the same, already received dossier is refused by the lifecycle', async () => {
    const dossier = await submittedDossier();
    expect((await handleJob(receive, job(dossier.id), 3, ctx)).kind).toBe('complete');
    const again = await handleJob(receive, job(dossier.id), 3, ctx);
    // Not a silent second receipt: the job fails (an incident for an operator).
    expect(again).toMatchObject({ kind: 'fail', retries: 0 });
    const { events, forms, notices } = await effects(dossier);
    expect([events.length, forms, notices]).toEqual([1, 1, 1]);
  });
});

describe('a user task job that comes back after its timeout', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
  });
  afterAll(() => app?.close());

  it('keeps its one worklist row (with the new job key) and is recorded as created once', async () => {
    const published = await app
      .db('procedures')
      .where({ code: procedure.code, status: 'published' })
      .first();
    const citizen = await app.db('accounts').where('email', procedure.bots.citizen).first('id');
    const [dossier] = await app
      .db('dossiers')
      .insert({
        procedure_id: published.id,
        agency_id: published.agency_id,
        applicant_id: citizen.id,
        channel: 2,
        status: 'received',
        form_data: procedure.formData(),
        created_by: citizen.id,
      })
      .returning('id');
    const elementInstanceKey = String(randomInt(1, 2 ** 47));
    const delivery = (jobKey: string) =>
      app.services.worklist.upsertFromJob({
        jobKey,
        elementInstanceKey,
        processInstanceKey: String(randomInt(1, 2 ** 47)),
        elementId: 'Task_Appraisal',
        name: 'Thẩm định hồ sơ',
        dossierId: dossier.id,
        agencyCode: null,
        headers: { 'io.camunda.zeebe:candidateGroups': 'specialist' },
      });
    const first = await delivery('1001');
    const again = await delivery('1002');
    expect(again.id).toBe(first.id);
    const rows = await app.db('tasks').where('element_instance_key', elementInstanceKey);
    expect(rows.map((r) => [r.job_key, r.agency_id, r.candidate_groups])).toEqual([
      ['1002', published.agency_id, ['specialist']],
    ]);
    const created = await app
      .db('dossier_events')
      .where({ dossier_id: dossier.id, action: 'TASK_CREATED' })
      .select('element_id', 'from_status', 'to_status');
    expect(created).toEqual([
      { element_id: 'Task_Appraisal', from_status: 'received', to_status: 'received' },
    ]);
  });

  it('for a dossier that does not exist, fails and leaves no row', async () => {
    const elementInstanceKey = String(randomInt(1, 2 ** 47));
    await expect(
      app.services.worklist.upsertFromJob({
        jobKey: '1',
        elementInstanceKey,
        processInstanceKey: '1',
        elementId: 'Task_Appraisal',
        name: 'Thẩm định hồ sơ',
        dossierId: randomUUID(),
        agencyCode: null,
        headers: {},
      }),
    ).rejects.toThrow(/does not exist/);
    expect(await app.db('tasks').where('element_instance_key', elementInstanceKey)).toEqual([]);
  });
});
