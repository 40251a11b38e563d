// An engine process keeps the instances its commands left and completes their
// jobs without reading them again; another engine process on the same
// database may change such an instance meanwhile, and the completion then
// works on what that one left, not on what was kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import {
  activate,
  deploy,
  ended,
  rejection,
  sdkClient,
  start,
  useEngine,
  type SdkClient,
} from './support.js';

const ctx = useEngine();
let other: RunningEngine;
let otherZeebe: SdkClient;

beforeAll(async () => {
  other = await startEngine({ db: ctx.db, port: 0, log: () => undefined });
  otherZeebe = sdkClient(other.address);
});

afterAll(async () => {
  await otherZeebe?.close(1000);
  await other?.stop();
});

const NOT_FOUND = 5;

describe('a job completed by the engine process that created its instance', () => {
  it('sees the variables another engine process set since', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const result = ctx.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: { first: 1 },
      requestTimeout: 10_000,
    });
    const [job] = await activate(ctx.zeebe, process.type('svc-a'));
    await otherZeebe.setVariables({
      elementInstanceKey: job!.processInstanceKey,
      variables: { second: 2 },
      local: false,
    });
    await ctx.zeebe.completeJob({ jobKey: job!.key, variables: { third: 3 } });
    expect((await result).variables).toEqual({ first: 1, second: 2, third: 3 });
  });

  it('is NOT_FOUND once another engine process cancelled the instance', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const key = await start(ctx.zeebe, process);
    const [job] = await activate(ctx.zeebe, process.type('svc-a'));
    await otherZeebe.cancelProcessInstance(key);
    const rejected = await rejection(ctx.zeebe.completeJob({ jobKey: job!.key, variables: {} }));
    expect(rejected.code).toBe(NOT_FOUND);
    expect(await ended(ctx.db, key)).toBe('ELEMENT_TERMINATED');
  });

  it('completes the instance whose other branch another engine process completed', async () => {
    const process = await deploy(ctx.zeebe, 'parallel-gateway');
    const key = await start(ctx.zeebe, process);
    const [a] = await activate(otherZeebe, process.type('svc-a'));
    const [b] = await activate(ctx.zeebe, process.type('svc-b'));
    await otherZeebe.completeJob({ jobKey: a!.key, variables: { a: 1 } });
    await ctx.zeebe.completeJob({ jobKey: b!.key, variables: { b: 2 } });
    // Both tokens reached the join: the task after it has its job.
    const [c] = await activate(ctx.zeebe, process.type('svc-c'));
    await ctx.zeebe.completeJob({ jobKey: c!.key, variables: {} });
    expect(await ended(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});
