// Process instance commands: CreateProcessInstanceWithResult (fetchVariables,
// its timeout), CancelProcessInstance, SetVariables (local or propagated).
import { describe, expect, it } from 'vitest';
import {
  activate,
  activeElements,
  completeNext,
  deploy,
  ended,
  rejection,
  rootVariables,
  start,
  useEngine,
} from './support.js';

const ctx = useEngine();

const DEADLINE_EXCEEDED = 4;
const NOT_FOUND = 5;

describe('CreateProcessInstanceWithResult', () => {
  it('returns only the variables asked for', async () => {
    const process = await deploy(ctx.zeebe, 'script-task');
    const result = ctx.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: { a: 1, b: 2, secret: 'x' },
      fetchVariables: ['sum', 'a'],
      requestTimeout: 10_000,
    });
    await completeNext(ctx.zeebe, process.type('svc-script'));
    expect((await result).variables).toEqual({ sum: 3, a: 1 });
  });

  it('answers DEADLINE_EXCEEDED when the instance does not end within the request timeout', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const rejected = await rejection(
      ctx.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        variables: {},
        requestTimeout: 300,
      }),
    );
    expect(rejected.code).toBe(DEADLINE_EXCEEDED);
    // The instance was created all the same, and runs on.
    const job = await completeNext(ctx.zeebe, process.type('svc-a'));
    expect(await ended(ctx.db, job.processInstanceKey)).toBe('ELEMENT_COMPLETED');
  });
});

describe('CancelProcessInstance', () => {
  it('terminates the instance and its jobs; a second cancel is NOT_FOUND', async () => {
    const process = await deploy(ctx.zeebe, 'parallel-gateway');
    const key = await start(ctx.zeebe, process);
    const [a] = await activate(ctx.zeebe, process.type('svc-a'));
    await ctx.zeebe.cancelProcessInstance(key);
    expect(await ended(ctx.db, key)).toBe('ELEMENT_TERMINATED');
    expect(await activeElements(ctx.db, key)).toEqual([]);
    expect((await rejection(ctx.zeebe.completeJob({ jobKey: a!.key, variables: {} }))).code).toBe(
      NOT_FOUND,
    );
    expect(await ctx.db('engine.jobs').where({ process_instance_key: key })).toEqual([]);
    expect((await rejection(ctx.zeebe.cancelProcessInstance(key))).code).toBe(NOT_FOUND);
  });
});

describe('SetVariables', () => {
  it('propagated: updates the variable where it lives, else creates it on the process', async () => {
    const process = await deploy(ctx.zeebe, 'embedded-subprocess');
    const key = await start(ctx.zeebe, process, { status: 'new' });
    const [a] = await activate(ctx.zeebe, process.type('svc-a'));
    await ctx.zeebe.setVariables({
      elementInstanceKey: a!.elementInstanceKey,
      variables: { status: 'checked', note: 'ok' },
      local: false,
    });
    expect(await rootVariables(ctx.db, key)).toEqual({ status: 'checked', note: 'ok' });
  });

  it('local: sets the variable on that element only, where the job sees it', async () => {
    const process = await deploy(ctx.zeebe, 'embedded-subprocess');
    const key = await start(ctx.zeebe, process, { status: 'new' });
    const [a] = await activate(ctx.zeebe, process.type('svc-a'));
    const [subprocess] = await ctx
      .db('engine.element_instances')
      .where({ process_instance_key: key, element_id: 'SubProcess_1' })
      .select(ctx.db.raw('key::text as key'));
    await ctx.zeebe.setVariables({
      elementInstanceKey: subprocess.key,
      variables: { status: 'inside' },
      local: true,
    });
    expect(await rootVariables(ctx.db, key)).toEqual({ status: 'new' });
    await ctx.zeebe.completeJob({ jobKey: a!.key, variables: {} });
    const b = await completeNext(ctx.zeebe, process.type('svc-b'));
    expect(b.variables.status).toBe('inside');
    // Once the subprocess is left, its local variable is gone.
    const c = await completeNext(ctx.zeebe, process.type('svc-c'));
    expect(c.variables.status).toBe('new');
  });
});
