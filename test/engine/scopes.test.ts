// Scopes: embedded subprocess, call activity (propagation, mappings,
// cancellation), multi-instance parallel and sequential on tasks and
// subprocesses (input/output collections, completion condition).
import type { JSON as JsonValue } from '@camunda8/sdk/dist/zeebe/lib/interfaces-1.0.js';
import { describe, expect, it } from 'vitest';
import {
  activate,
  activeElements,
  completeNext,
  deploy,
  ended,
  noJob,
  rejection,
  start,
  useEngine,
  waitForEnd,
  type Deployed,
} from './support.js';

const ctx = useEngine();

const FAILED_PRECONDITION = 9;
const NOT_FOUND = 5;

function withResult(process: Deployed, variables: Record<string, JsonValue>) {
  return ctx.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: process.bpmnProcessId,
    version: process.version,
    variables,
    requestTimeout: 10_000,
  });
}

describe('embedded subprocess', () => {
  it('runs its tasks in order inside, then continues after it', async () => {
    const process = await deploy(ctx.zeebe, 'embedded-subprocess');
    const key = await start(ctx.zeebe, process, { caseNo: 7 });
    const [a] = await activate(ctx.zeebe, process.type('svc-a'));
    expect(await activeElements(ctx.db, key)).toEqual([
      'embedded-subprocess',
      'SubProcess_1',
      'Task_A',
    ]);
    await ctx.zeebe.completeJob({ jobKey: a!.key, variables: { fromA: 'a' } });
    const b = await completeNext(ctx.zeebe, process.type('svc-b'));
    expect({ ...b.variables }).toEqual({ caseNo: 7, fromA: 'a' });
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 20)).toBe(true);
    const c = await completeNext(ctx.zeebe, process.type('svc-c'));
    expect(c.elementId).toBe('Task_C');
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});

describe('call activity', () => {
  it('starts the child with the parent variables and takes all child variables back', async () => {
    const child = await deploy(ctx.zeebe, 'call-activity-child');
    const parent = await deploy(ctx.zeebe, 'call-activity-parent');
    const result = withResult(parent, { dossier: 'HS-1' });
    const childJob = await completeNext(ctx.zeebe, child.type('svc-child'), { verified: true });
    expect(childJob.bpmnProcessId).toBe('call-activity-child');
    expect({ ...childJob.variables }).toEqual({ dossier: 'HS-1' });
    const after = await completeNext(ctx.zeebe, parent.type('svc-after'));
    expect({ ...after.variables }).toEqual({ dossier: 'HS-1', verified: true });
    const done = await result;
    expect(done.variables).toEqual({ dossier: 'HS-1', verified: true });
    expect(await ended(ctx.db, childJob.processInstanceKey)).toBe('ELEMENT_COMPLETED');
  });

  it('with propagation off, passes only the input mappings and takes only the output mappings', async () => {
    const child = await deploy(ctx.zeebe, 'call-activity-child');
    const parent = await deploy(ctx.zeebe, 'call-activity-mappings');
    const result = withResult(parent, {
      childProcessId: 'call-activity-child',
      applicant: { name: 'Lê Văn C', idNo: '0123' },
    });
    const childJob = await completeNext(ctx.zeebe, child.type('svc-child'), {
      childResult: 'ok',
      scratch: 1,
    });
    expect({ ...childJob.variables }).toEqual({ name: 'Lê Văn C' });
    await completeNext(ctx.zeebe, parent.type('svc-after'));
    expect((await result).variables).toEqual({
      childProcessId: 'call-activity-child',
      applicant: { name: 'Lê Văn C', idNo: '0123' },
      result: 'ok',
    });
  });

  it('cancelling the parent terminates the child; the child cannot be cancelled on its own', async () => {
    const child = await deploy(ctx.zeebe, 'call-activity-child');
    const parent = await deploy(ctx.zeebe, 'call-activity-parent');
    const key = await start(ctx.zeebe, parent);
    const [childJob] = await activate(ctx.zeebe, child.type('svc-child'));
    const alone = await rejection(ctx.zeebe.cancelProcessInstance(childJob!.processInstanceKey));
    expect(alone.code).toBe(FAILED_PRECONDITION);
    await ctx.zeebe.cancelProcessInstance(key);
    expect(await ended(ctx.db, key)).toBe('ELEMENT_TERMINATED');
    expect(await ended(ctx.db, childJob!.processInstanceKey)).toBe('ELEMENT_TERMINATED');
    const late = await rejection(ctx.zeebe.completeJob({ jobKey: childJob!.key, variables: {} }));
    expect(late.code).toBe(NOT_FOUND);
  });

  it('an unknown called process raises an incident on the call activity', async () => {
    const parent = await deploy(ctx.zeebe, 'call-activity-mappings');
    const key = await start(ctx.zeebe, parent, {
      childProcessId: 'no-such-process',
      applicant: { name: 'x' },
    });
    const [incident] = await ctx.db('engine.incidents').where({ process_instance_key: key });
    expect(incident).toMatchObject({
      element_id: 'Activity_CallChild',
      error_type: 'CALLED_ELEMENT_ERROR',
    });
    expect(incident.error_message).toContain('no-such-process');
  });
});

describe('multi-instance', () => {
  it('parallel: one job per item at once, results collected in item order', async () => {
    const process = await deploy(ctx.zeebe, 'multi-instance-parallel');
    const result = withResult(process, { items: ['a', 'b', 'c'] });
    const jobs = await activate(ctx.zeebe, process.type('svc-item'), 3);
    expect(jobs.map((j) => j.variables.item).sort()).toEqual(['a', 'b', 'c']);
    expect(jobs.map((j) => j.variables.loopCounter).sort()).toEqual([1, 2, 3]);
    for (const job of [...jobs].reverse()) {
      await ctx.zeebe.completeJob({
        jobKey: job.key,
        variables: { result: String(job.variables.item).toUpperCase() },
      });
    }
    const done = await result;
    expect(done.variables.results).toEqual(['A', 'B', 'C']);
    expect(done.variables.items).toEqual(['a', 'b', 'c']);
  });

  it('parallel over an empty collection completes at once', async () => {
    const process = await deploy(ctx.zeebe, 'multi-instance-parallel');
    const done = await withResult(process, { items: [] });
    expect(done.variables.results).toEqual([]);
  });

  it('a non-list collection raises an incident', async () => {
    const process = await deploy(ctx.zeebe, 'multi-instance-parallel');
    const key = await start(ctx.zeebe, process, { items: 'not a list' });
    const [incident] = await ctx.db('engine.incidents').where({ process_instance_key: key });
    expect(incident.element_id).toBe('Task_Item');
    expect(incident.error_message).toContain("'ARRAY'");
  });

  it('sequential: one job at a time, ended early by the completion condition', async () => {
    const process = await deploy(ctx.zeebe, 'multi-instance-sequential');
    const key = await start(ctx.zeebe, process, { items: [10, 20, 30, 40] });
    const seen: unknown[] = [];
    for (const stop of [false, false, true]) {
      const jobs = await activate(ctx.zeebe, process.type('svc-item'));
      expect(await noJob(ctx.zeebe, process.type('svc-item'), 20)).toBe(true);
      seen.push(jobs[0]!.variables.item);
      await ctx.zeebe.completeJob({ jobKey: jobs[0]!.key, variables: { stop } });
    }
    expect(seen).toEqual([10, 20, 30]);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await noJob(ctx.zeebe, process.type('svc-item'), 50)).toBe(true);
  });

  it('sequential: runs every item without the condition', async () => {
    const process = await deploy(ctx.zeebe, 'multi-instance-sequential');
    const key = await start(ctx.zeebe, process, { items: ['x', 'y'] });
    expect((await completeNext(ctx.zeebe, process.type('svc-item'))).variables.item).toBe('x');
    expect((await completeNext(ctx.zeebe, process.type('svc-item'))).variables.item).toBe('y');
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('parallel subprocess: one subprocess per reviewer, reviews collected', async () => {
    const process = await deploy(ctx.zeebe, 'multi-instance-subprocess');
    const result = withResult(process, { reviewers: ['r1', 'r2'] });
    const jobs = await activate(ctx.zeebe, process.type('svc-review'), 2);
    const byReviewer = new Map(jobs.map((j) => [j.variables.reviewer, j]));
    await ctx.zeebe.completeJob({ jobKey: byReviewer.get('r2')!.key, variables: { review: 'no' } });
    await ctx.zeebe.completeJob({
      jobKey: byReviewer.get('r1')!.key,
      variables: { review: 'yes' },
    });
    expect((await result).variables.reviews).toEqual(['yes', 'no']);
  });
});
