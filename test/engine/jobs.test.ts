// Job lifecycle: FailJob (retries, back-off, local variables), incidents at
// zero retries and their resolution, ThrowError, job timeouts and
// UpdateJobTimeout, and rejections of commands on unknown or finished jobs.
import { describe, expect, it } from 'vitest';
import {
  activate,
  completeNext,
  deploy,
  incidents,
  noJob,
  rejection,
  rootVariables,
  start,
  useEngine,
  waitForEnd,
  waitForIncident,
} from './support.js';

const ctx = useEngine();

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;

async function oneJob(variables: Record<string, unknown> = {}) {
  const process = await deploy(ctx.zeebe, 'one-service-task');
  const key = await start(ctx.zeebe, process, variables);
  return { process, key, type: process.type('svc-a') };
}

const fail = (jobKey: string, retries: number, retryBackOff = 0, variables = {}) =>
  ctx.zeebe.failJob({
    jobKey,
    retries,
    errorMessage: `failed, ${retries} left`,
    retryBackOff,
    variables,
  });

describe('FailJob', () => {
  it('with retries left makes the job activatable again, with those retries and local variables', async () => {
    const { key, type } = await oneJob({ input: 1 });
    const [first] = await activate(ctx.zeebe, type);
    expect(first!.retries).toBe(3);
    await fail(first!.key, 2, 0, { attempt: 1 });
    const [second] = await activate(ctx.zeebe, type);
    expect(second!.key).toBe(first!.key);
    expect(second!.retries).toBe(2);
    expect({ ...second!.variables }).toEqual({ input: 1, attempt: 1 });
    // FailJob variables are local to the task.
    expect(await rootVariables(ctx.db, key)).toEqual({ input: 1 });
    await ctx.zeebe.completeJob({ jobKey: second!.key, variables: {} });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('with a retry back-off keeps the job back until the back-off passed', async () => {
    const { type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type);
    const failedAt = Date.now();
    await fail(job!.key, 1, 400);
    expect(await noJob(ctx.zeebe, type, 100)).toBe(true);
    const [again] = await activate(ctx.zeebe, type);
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(390);
    expect(again!.key).toBe(job!.key);
  });

  it('with no retries left raises an incident; UpdateJobRetries and ResolveIncident continue', async () => {
    const { key, type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type);
    await fail(job!.key, 0);
    const incident = await waitForIncident(ctx.db, key);
    expect(incident).toMatchObject({
      error_type: 'JOB_NO_RETRIES',
      error_message: 'failed, 0 left',
      element_id: 'Task_A',
      job_key: job!.key,
    });
    expect(await noJob(ctx.zeebe, type, 100)).toBe(true);

    // Resolving with no retries left fails the job again at once.
    await ctx.zeebe.resolveIncident({ incidentKey: incident.key });
    const again = await waitForIncident(ctx.db, key);
    expect(again.key).not.toBe(incident.key);

    await ctx.zeebe.updateJobRetries({ jobKey: job!.key, retries: 2 });
    expect(await noJob(ctx.zeebe, type, 50)).toBe(true);
    await ctx.zeebe.resolveIncident({ incidentKey: again.key });
    const [revived] = await activate(ctx.zeebe, type);
    expect(revived!.retries).toBe(2);
    await ctx.zeebe.completeJob({ jobKey: revived!.key, variables: {} });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await incidents(ctx.db, key)).toEqual([]);
  });

  it('on a job that is not activated, or unknown, is rejected', async () => {
    const { type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type);
    await ctx.zeebe.completeJob({ jobKey: job!.key, variables: {} });
    expect((await rejection(fail(job!.key, 1))).code).toBe(NOT_FOUND);
  });
});

describe('UpdateJobRetries', () => {
  it('rejects retries below one, and unknown jobs', async () => {
    const { type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type);
    expect(
      (await rejection(ctx.zeebe.updateJobRetries({ jobKey: job!.key, retries: 0 }))).code,
    ).toBe(INVALID_ARGUMENT);
    expect((await rejection(ctx.zeebe.updateJobRetries({ jobKey: '42', retries: 3 }))).code).toBe(
      NOT_FOUND,
    );
  });
});

describe('ThrowError', () => {
  it('without a catching event raises an incident; the job can no longer complete', async () => {
    const { key, type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type);
    await ctx.zeebe.throwError({ jobKey: job!.key, errorCode: 'NOPE', errorMessage: 'no catcher' });
    const incident = await waitForIncident(ctx.db, key);
    expect(incident.error_type).toBe('UNHANDLED_ERROR_EVENT');
    expect(incident.error_message).toContain("'NOPE'");
    const late = await rejection(ctx.zeebe.completeJob({ jobKey: job!.key, variables: {} }));
    expect(late.code).toBe(9);
  });

  it('requires an error code', async () => {
    const { type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type);
    expect((await rejection(ctx.zeebe.throwError({ jobKey: job!.key, errorCode: '' }))).code).toBe(
      INVALID_ARGUMENT,
    );
  });
});

describe('job timeout', () => {
  it('a job not completed within its timeout is activatable again', async () => {
    const { key, type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type, 1, { jobTimeout: 300 });
    expect(await noJob(ctx.zeebe, type, 50)).toBe(true);
    const [again] = await activate(ctx.zeebe, type);
    expect(again!.key).toBe(job!.key);
    expect(again!.retries).toBe(3);
    await ctx.zeebe.completeJob({ jobKey: again!.key, variables: {} });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('UpdateJobTimeout shortens the timeout', async () => {
    const { type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type, 1, { jobTimeout: 600_000 });
    await ctx.zeebe.updateJobTimeout({ jobKey: job!.key, timeout: 200 });
    const [again] = await activate(ctx.zeebe, type);
    expect(again!.key).toBe(job!.key);
  });

  it('UpdateJobTimeout extends the timeout', async () => {
    const { type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type, 1, { jobTimeout: 300 });
    await ctx.zeebe.updateJobTimeout({ jobKey: job!.key, timeout: 600_000 });
    expect(await noJob(ctx.zeebe, type, 600)).toBe(true);
    await ctx.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  it('UpdateJobTimeout of a job that is not activated is rejected', async () => {
    const { type } = await oneJob();
    const [job] = await activate(ctx.zeebe, type);
    await ctx.zeebe.completeJob({ jobKey: job!.key, variables: {} });
    const rejected = await rejection(
      ctx.zeebe.updateJobTimeout({ jobKey: job!.key, timeout: 1000 }),
    );
    expect(rejected.code).toBe(NOT_FOUND);
  });
});

describe('CompleteJob', () => {
  it('of an unknown job is NOT_FOUND', async () => {
    const rejected = await rejection(
      ctx.zeebe.completeJob({ jobKey: '2251799813685249', variables: {} }),
    );
    expect(rejected.code).toBe(NOT_FOUND);
    expect(rejected.details).toContain('2251799813685249');
  });

  it('of a job completed already is NOT_FOUND', async () => {
    const { type } = await oneJob();
    const job = await completeNext(ctx.zeebe, type);
    const rejected = await rejection(ctx.zeebe.completeJob({ jobKey: job.key, variables: {} }));
    expect(rejected.code).toBe(NOT_FOUND);
  });

  it('with a key that is no number is INVALID_ARGUMENT', async () => {
    const rejected = await rejection(ctx.zeebe.completeJob({ jobKey: 'abc', variables: {} }));
    expect(rejected.code).toBe(INVALID_ARGUMENT);
  });
});

describe('ActivateJobs', () => {
  it('sends jobs whose variables together exceed 4 MB in several responses', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const type = process.type('svc-a');
    // Each instance is well within the limit; two of their jobs are not.
    for (let i = 0; i < 2; i++) await start(ctx.zeebe, process, { scan: 'x'.repeat(2_500_000), i });
    const jobs = await ctx.zeebe.activateJobs({
      type,
      worker: 'big',
      maxJobsToActivate: 5,
      timeout: 60_000,
      requestTimeout: 5_000,
    });
    expect(jobs.map((j) => j.variables.i).sort()).toEqual([0, 1]);
    expect(String(jobs[0]!.variables.scan)).toHaveLength(2_500_000);
  });
});
