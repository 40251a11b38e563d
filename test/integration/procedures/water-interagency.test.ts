// The inter-agency (liên thông) procedure, approved: the Department of Water
// Resources hands the dossier over to the Department of Environment, whose
// specialist gives the opinion in their own worklist; the answer comes back
// to the originating process and its leader approves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_PROCEDURES } from '../../../server/simulation/demo-filings.js';
import { runSimulation } from '../../../server/simulation/simulation-paths.js';
import type { SimulationRun } from '../../../server/simulation/simulation-run.js';
import { procedureApp, type ProcedureApp } from '../../support/procedure-app.js';

const WATER = '000.00.12.G12';
const ENV = '000.00.15.G12';
const bots = SIMULATED_PROCEDURES['water-resource-interagency']!.bots;

describe('water resource registration with an inter-agency opinion', () => {
  let p: ProcedureApp;
  let run: SimulationRun;

  beforeAll(async () => {
    p = await procedureApp({ movesTime: true });
    run = await runSimulation(p.bots, 'water-resource-interagency', 'approve');
  });
  afterAll(() => p?.app.close());

  const task = (elementId: string) =>
    p.app
      .db('tasks as t')
      .join('agencies as ag', 'ag.id', 't.agency_id')
      .join('accounts as a', 'a.id', 't.completed_by')
      .where({ 't.dossier_id': run.dossierId, 't.element_id': elementId })
      .first('t.*', 'ag.code as agency_code', 'a.email as completed_by_email');

  it('records the hand-over (Mẫu 05) to the Department of Environment', async () => {
    const form05 = await p.app
      .db('dossier_forms')
      .where({ dossier_id: run.dossierId, form_no: '05' })
      .first();
    expect(form05.data).toMatchObject({ to: 'water-opinion', agencyCode: ENV });
    const received = run.steps.find((s) => s.forms.some((f) => f.formNo === '05'))!;
    expect(received.tasks).toMatchObject([
      { elementId: 'Task_Opinion', agencyCode: ENV, candidateGroups: ['specialist'] },
    ]);
  });

  it("puts the opinion task in the other agency's specialist worklist only", async () => {
    const opinion = await task('Task_Opinion');
    expect(opinion).toMatchObject({
      agency_code: ENV,
      candidate_groups: ['specialist'],
      status: 'completed',
      completed_by_email: bots.partnerSpecialist,
    });
    // The Department of Environment's specialist sees it; the water department's does not.
    const seen = await p.bots.call(bots.partnerSpecialist!, 'GET', `/api/v1/tasks/${opinion.id}`);
    expect(seen.statusCode).toBe(200);
    const unseen = await p.bots.call(bots.specialist!, 'GET', `/api/v1/tasks/${opinion.id}`);
    expect(unseen.statusCode).toBe(404);
  });

  it('brings the answer back to the originating process, whose leader approves', async () => {
    const opinion = await task('Task_Opinion');
    const approval = await task('Task_Approval');
    expect(approval).toMatchObject({ agency_code: WATER, completed_by_email: bots.leader });
    expect(approval.created_at.getTime()).toBeGreaterThanOrEqual(opinion.completed_at.getTime());
    const dossier = await p.app.db('dossiers').where('id', run.dossierId).first();
    expect(dossier.status).toBe('result_returned');
    // The opinion went back as `interagency-answer`, correlated by the dossier ...
    const answers = (await p.app.db('outbox').where('topic', 'engine.message')).filter(
      (row) => row.payload.messageName === 'interagency-answer',
    );
    expect(answers).toHaveLength(1);
    expect(answers[0].processed_at).not.toBeNull();
    expect(answers[0].payload).toMatchObject({
      correlationKey: run.dossierId,
      variables: {
        interagencyOpinion: { unitPosition: 'agree', documentNumber: '125/CMT-TĐ' },
      },
    });
    // ... and the originating instance's catch event took it.
    const caught = await p.app
      .db('engine.records')
      .where({
        process_instance_key: dossier.process_instance_key,
        element_id: 'Event_InteragencyAnswer',
        intent: 'ELEMENT_COMPLETED',
      })
      .count('* as n')
      .first();
    expect(caught).toMatchObject({ n: '1' });
    const codes = run.steps.flatMap((s) =>
      s.events.filter((e) => e.statusCode !== null).map((e) => e.statusCode),
    );
    expect(codes).toEqual([1, 2, 4, 9, 10]);
  });
});
