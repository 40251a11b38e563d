// The partly-online environmental permit, approved: a site inspection, the
// opinions of two units in parallel (multi-instance head-of-unit tasks), and
// the escalation to the heads of unit when the appraisal nears its due time
// (non-interrupting boundary timer → `notify`), reached by moving the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_PROCEDURES } from '../../../server/simulation/demo-filings.js';
import { runSimulation } from '../../../server/simulation/simulation-paths.js';
import type { SimulationRun } from '../../../server/simulation/simulation-run.js';
import { procedureApp, type ProcedureApp } from '../../support/procedure-app.js';

const ENV = '000.00.15.G12';
const bots = SIMULATED_PROCEDURES['environmental-permit']!.bots;

describe('environmental permit: parallel unit opinions and the appraisal escalation', () => {
  let p: ProcedureApp;
  let run: SimulationRun;

  beforeAll(async () => {
    p = await procedureApp({ movesTime: true });
    run = await runSimulation(p.bots, 'environmental-permit', 'approve');
  });
  afterAll(() => p?.app.close());

  const tasksAt = (elementId: string) =>
    p.app
      .db('tasks as t')
      .join('accounts as a', 'a.id', 't.completed_by')
      .where({ 't.dossier_id': run.dossierId, 't.element_id': elementId })
      .orderBy('t.completed_at')
      .select('t.*', 'a.email as completed_by_email');

  it('ends with the permit issued and returned, through the national statuses', async () => {
    const dossier = await p.app.db('dossiers').where('id', run.dossierId).first();
    expect(dossier.status).toBe('result_returned');
    const codes = run.steps.flatMap((s) =>
      s.events.filter((e) => e.statusCode !== null).map((e) => e.statusCode),
    );
    expect(codes).toEqual([1, 2, 4, 9, 10]);
    expect(
      await p.app.db('dossier_results').where('dossier_id', run.dossierId).first(),
    ).toMatchObject({ approved: true });
  });

  it('opens one head-of-unit opinion task per unit, both at once, each answered by a head', async () => {
    const inspected = run.steps.find((s) => s.action === 'Kiểm tra thực tế tại cơ sở')!;
    const parallel = inspected.tasks.filter((t) => t.elementId === 'Task_UnitOpinions');
    expect(parallel).toHaveLength(2);
    for (const task of parallel) {
      expect(task).toMatchObject({ agencyCode: ENV, candidateGroups: ['head_of_unit'] });
    }

    const opinions = await tasksAt('Task_UnitOpinions');
    expect(opinions).toHaveLength(2);
    // Both were open together: the second was created before the first was done.
    const created = opinions.map((t) => t.created_at.getTime());
    expect(Math.max(...created)).toBeLessThan(opinions[0].completed_at.getTime());
    expect(opinions.map((t) => t.completed_by_email)).toEqual([bots.headTD, bots.headKS]);
    expect(opinions.map((t) => t.data.unitPosition)).toEqual(['agree', 'agree-with-conditions']);
    // The appraisal waited for both opinions.
    const [appraisal] = await tasksAt('Task_Appraisal');
    expect(appraisal.created_at.getTime()).toBeGreaterThanOrEqual(
      opinions[1].completed_at.getTime(),
    );
  });

  it('warns every head of unit when the appraisal nears its due time, the task going on', async () => {
    const [appraisal] = await tasksAt('Task_Appraisal');
    const warned = await p.app
      .db('notifications')
      .where({ template: 'appraisal-near-due' })
      .where('body', 'like', `%${run.dossierCode}%`)
      .orderBy('recipient')
      .select('recipient');
    expect(warned.map((n) => n.recipient)).toEqual([bots.headKS, bots.headTD].sort());
    const notify = await p.app
      .db('processed_jobs')
      .where({ dossier_id: run.dossierId, job_type: 'notify' })
      .select('processed_at');
    expect(notify).toHaveLength(1);
    // While the appraisal was open (the boundary timer does not interrupt it) ...
    expect(notify[0].processed_at.getTime()).toBeGreaterThan(appraisal.created_at.getTime());
    expect(notify[0].processed_at.getTime()).toBeLessThan(appraisal.completed_at.getTime());
    expect(appraisal.completed_by_email).toBe(bots.specialist);
    // ... and at the timer's instant: seven days before the appointment.
    const dossier = await p.app.db('dossiers').where('id', run.dossierId).first();
    expect(notify[0].processed_at.getTime()).toBeGreaterThanOrEqual(
      dossier.appointment_at.getTime() - 7 * 86_400_000,
    );
    const escalated = run.steps.find((s) => s.actor === 'Thời gian')!;
    expect(escalated.tasks.map((t) => t.elementId)).toEqual(['Task_Appraisal']);
  });
});
