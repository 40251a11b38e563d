// The groundwater exploration licence along the paths that need time to
// pass: the leader's refusal, a supplement never answered, and a dossier that
// is about to be late. The app and the engine share a ControlledClock, moved
// by the simulation's bots: deadlines are reached without waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STATUS_CODES,
  type DossierStatus,
} from '../../../server/domain/dossier-lifecycle.machine.js';
import { runSimulation } from '../../../server/simulation/simulation-paths.js';
import { procedureApp, type ProcedureApp } from '../../support/procedure-app.js';

const PROCEDURE = 'groundwater-exploration-licence';
const DAY_MS = 86_400_000;

describe('groundwater exploration licence: refusal, supplement deadline, apology', () => {
  let p: ProcedureApp;

  beforeAll(async () => {
    p = await procedureApp({ movesTime: true });
  });
  afterAll(() => p?.app.close());

  /** The national status codes the dossier went through, in order. */
  async function statusCodes(dossierId: string): Promise<number[]> {
    const events: { from_status: string | null; to_status: string }[] = await p.app
      .db('dossier_events')
      .where('dossier_id', dossierId)
      .orderBy('seq')
      .select('from_status', 'to_status');
    return events
      .filter((e) => e.from_status !== e.to_status)
      .map((e) => STATUS_CODES[e.to_status as DossierStatus])
      .filter((code): code is number => code !== null);
  }

  it('refuse: the leader refuses; the refusal is issued (9) and returned (10), no fee', async () => {
    const run = await runSimulation(p.bots, PROCEDURE, 'refuse');
    const id = run.dossierId;

    expect(await statusCodes(id)).toEqual([1, 2, 4, 9, 10]);
    const result = await p.app.db('dossier_results').where('dossier_id', id).first();
    expect(result).toMatchObject({ approved: false });
    expect(result.number).toMatch(/\/TB$/);
    const actions = (await p.app.db('dossier_events').where('dossier_id', id)).map((e) => e.action);
    expect(actions).not.toContain('REQUEST_FEE');
    const approval = await p.app
      .db('tasks')
      .where({ dossier_id: id, element_id: 'Task_Approval' })
      .first();
    expect(approval).toMatchObject({ status: 'completed' });
    expect(approval.data).toMatchObject({ approvalDecision: 'refuse' });
    // The leader's step of the timeline ends with the result returned.
    const last = run.steps.at(-1)!;
    expect(last.events.map((e) => [e.action, e.statusCode])).toEqual([
      ['ISSUE_RESULT', 9],
      ['RETURN_RESULT', 10],
    ]);
    expect(last.tasks).toEqual([]);
  });

  it('supplement-timeout: past the 30-day deadline the dossier is not received (3)', async () => {
    const startedReal = Date.now();
    const startedClock = p.bots.clock.now();
    const run = await runSimulation(p.bots, PROCEDURE, 'supplement-timeout');
    const id = run.dossierId;

    const form02 = await p.app.db('dossier_forms').where({ dossier_id: id, form_no: '02' }).first();
    const deadline = new Date(form02.data.deadline);
    expect(deadline.getTime() - form02.issued_at.getTime()).toBe(30 * DAY_MS);

    expect(await statusCodes(id)).toEqual([1, 5, 3]);
    const expired = await p.app
      .db('dossier_events')
      .where({ dossier_id: id, action: 'SUPPLEMENT_EXPIRED' })
      .first();
    expect(expired).toMatchObject({
      from_status: 'supplement_requested',
      to_status: 'refused',
      element_id: 'Task_SupplementExpired',
      actor_role: 'system',
    });
    // Ended at the deadline by the engine's timer, on the moved clock.
    expect(expired.at.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    expect(
      await p.app
        .db('processed_jobs')
        .where({ dossier_id: id, job_type: 'dossier.supplement-expired' })
        .count('* as n')
        .first(),
    ).toMatchObject({ n: '1' });
    expect(
      await p.app.db('tasks').where({ dossier_id: id, status: 'open' }).count('* as n').first(),
    ).toMatchObject({ n: '0' });
    // Thirty days passed on the clock, not in the test.
    expect(p.bots.clock.now().getTime() - startedClock.getTime()).toBeGreaterThan(30 * DAY_MS);
    expect(Date.now() - startedReal).toBeLessThan(60_000);
  });

  it('apology: near the appointment date, Mẫu 04 is issued and the appointment moves', async () => {
    const run = await runSimulation(p.bots, PROCEDURE, 'apology-then-approve');
    const id = run.dossierId;

    const received = run.steps.find((s) => s.events.some((e) => e.action === 'RECEIVE'))!;
    const apology = run.steps.find((s) => s.forms.some((f) => f.formNo === '04'))!;
    const before = received.appointmentAt!;
    const after = apology.appointmentAt!;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
    // Five more working days, by the working-day calendar.
    expect(after).toEqual(p.app.calendar.current().addWorkingDays(before, 5));
    // The apology came before the old appointment, while the appraisal was still open.
    expect(apology.at.getTime()).toBeLessThan(before.getTime());
    expect(apology.tasks.map((t) => t.elementId)).toEqual(['Task_Appraisal']);

    const form04 = await p.app.db('dossier_forms').where({ dossier_id: id, form_no: '04' }).first();
    expect(form04.data).toEqual({
      previousAppointmentAt: before.toISOString(),
      appointmentAt: after.toISOString(),
    });
    const apologized = await p.app
      .db('dossier_events')
      .where({ dossier_id: id, action: 'APOLOGIZE' })
      .first();
    expect(apologized).toMatchObject({ element_id: 'Task_Apologize' });
    expect(
      await p.app
        .db('notifications')
        .where({ template: 'dossier.apology' })
        .where('body', 'like', `%${run.dossierCode}%`)
        .count('* as n')
        .first(),
    ).toMatchObject({ n: '1' });
    const dossier = await p.app.db('dossiers').where('id', id).first();
    expect(dossier.appointment_at).toEqual(after);
    // The dossier then finishes normally, the result returned.
    expect(await statusCodes(id)).toEqual([1, 2, 4, 6, 4, 9, 10]);
  });
});
