// Events: message start and catch (buffering, TTL, message id), timers by
// duration, date and cycle on a ControlledClock, timer start, boundary events
// (timer, message, error), error and terminate end events, signals, and event
// subprocesses. The engine's clock stands still, so this file has its own
// database: an engine fires every due timer of its database by its own clock.
import { describe, expect, it } from 'vitest';
import {
  activate,
  activeElements,
  completeNext,
  deploy,
  frozenClock,
  incidents,
  noJob,
  rejection,
  start,
  uniqueId,
  useEngine,
  waitFor,
  waitForEnd,
  waitForIncident,
  type Deployed,
} from './support.js';

const ctx = useEngine({ clock: frozenClock });

/** Moves the engine clock and waits until every timer then due has fired. */
async function advance(ms: number): Promise<void> {
  ctx.clock.advance(ms);
  await ctx.engine.settle();
}

const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;

function messageStartInstances(process: Deployed): Promise<{ key: string }[]> {
  return ctx
    .db('engine.element_instances as e')
    .join('engine.process_definitions as d', 'd.key', 'e.definition_key')
    .whereRaw('e.key = e.process_instance_key')
    .where('d.key', process.processDefinitionKey)
    .select(ctx.db.raw('e.key::text as key'));
}

describe('message start event', () => {
  it('creates an instance per message, with the message variables', async () => {
    const process = await deploy(ctx.zeebe, 'message-start');
    await ctx.zeebe.publishMessage({
      name: 'order-placed',
      correlationKey: '',
      variables: { orderNo: 1 },
      timeToLive: 0,
    });
    await ctx.zeebe.publishMessage({
      name: 'order-placed',
      correlationKey: '',
      variables: { orderNo: 2 },
      timeToLive: 0,
    });
    const jobs = await activate(ctx.zeebe, process.type('svc-a'), 2);
    expect(jobs.map((j) => j.variables.orderNo).sort()).toEqual([1, 2]);
    expect(jobs.every((j) => j.bpmnProcessId === 'message-start')).toBe(true);
  });

  it('keeps one active instance per correlation key; a buffered message starts the next one', async () => {
    const process = await deploy(ctx.zeebe, 'message-start');
    const customer = uniqueId('customer');
    const publish = (orderNo: number, timeToLive = 0) =>
      ctx.zeebe.publishMessage({
        name: 'order-placed',
        correlationKey: customer,
        variables: { orderNo },
        timeToLive,
      });
    await publish(1);
    const [first] = await activate(ctx.zeebe, process.type('svc-a'));
    expect(first!.variables.orderNo).toBe(1);

    // While that instance is active, a message with its key starts none.
    await publish(2);
    await publish(3, 60_000);
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 100)).toBe(true);
    expect(await messageStartInstances(process)).toHaveLength(1);

    // Once it ends, the buffered message starts the next instance.
    await ctx.zeebe.completeJob({ jobKey: first!.key, variables: {} });
    const [next] = await activate(ctx.zeebe, process.type('svc-a'));
    expect(next!.variables.orderNo).toBe(3);
    await ctx.zeebe.completeJob({ jobKey: next!.key, variables: {} });
    await waitForEnd(ctx.db, next!.processInstanceKey);

    // No buffered message left for the key; a new publish starts one again.
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 50)).toBe(true);
    await publish(4);
    expect((await completeNext(ctx.zeebe, process.type('svc-a'))).variables.orderNo).toBe(4);
  });

  it('another correlation key starts its own instance', async () => {
    const process = await deploy(ctx.zeebe, 'message-start');
    for (const key of [uniqueId('a'), uniqueId('b')]) {
      await ctx.zeebe.publishMessage({
        name: 'order-placed',
        correlationKey: key,
        variables: { key },
        timeToLive: 0,
      });
    }
    expect(await activate(ctx.zeebe, process.type('svc-a'), 2)).toHaveLength(2);
  });
});

describe('intermediate message catch', () => {
  it('waits for the message with its correlation key and merges its variables', async () => {
    const process = await deploy(ctx.zeebe, 'message-catch');
    const requestId = uniqueId('req');
    const key = await start(ctx.zeebe, process, { requestId, decision: 'pending' });
    await waitFor('the subscription', () =>
      ctx.db('engine.message_subscriptions').where({ process_instance_key: key }).first(),
    );
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 50)).toBe(true);
    await ctx.zeebe.publishMessage({
      name: 'approval',
      correlationKey: requestId,
      variables: { decision: 'approved', by: 'lanh-dao' },
      timeToLive: 0,
    });
    const job = await completeNext(ctx.zeebe, process.type('svc-a'));
    expect({ ...job.variables }).toEqual({ requestId, decision: 'approved', by: 'lanh-dao' });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('gets a message published before it waited, while the message lives (TTL)', async () => {
    const process = await deploy(ctx.zeebe, 'message-catch');
    const requestId = uniqueId('req');
    await ctx.zeebe.publishMessage({
      name: 'approval',
      correlationKey: requestId,
      variables: { early: true },
      timeToLive: 60_000,
    });
    const key = await start(ctx.zeebe, process, { requestId });
    const job = await completeNext(ctx.zeebe, process.type('svc-a'));
    expect(job.variables.early).toBe(true);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');

    // The buffered message correlates once per instance, and to a second instance too.
    const second = await start(ctx.zeebe, process, { requestId });
    expect((await completeNext(ctx.zeebe, process.type('svc-a'))).processInstanceKey).toBe(second);
  });

  it('does not get a message whose TTL passed, nor one published with TTL 0', async () => {
    const process = await deploy(ctx.zeebe, 'message-catch');
    const expired = uniqueId('req');
    const unbuffered = uniqueId('req');
    await ctx.zeebe.publishMessage({
      name: 'approval',
      correlationKey: expired,
      variables: {},
      timeToLive: 10_000,
    });
    await ctx.zeebe.publishMessage({
      name: 'approval',
      correlationKey: unbuffered,
      variables: {},
      timeToLive: 0,
    });
    await advance(10_000);
    const a = await start(ctx.zeebe, process, { requestId: expired });
    const b = await start(ctx.zeebe, process, { requestId: unbuffered });
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 100)).toBe(true);
    expect(await activeElements(ctx.db, a)).toContain('Event_Approval');
    expect(await activeElements(ctx.db, b)).toContain('Event_Approval');
  });

  it('rejects a second message with the same id while the first lives (ALREADY_EXISTS)', async () => {
    const messageId = uniqueId('msg');
    const correlationKey = uniqueId('req');
    const publish = () =>
      ctx.zeebe.publishMessage({
        name: 'approval',
        correlationKey,
        messageId,
        variables: {},
        timeToLive: 5_000,
      });
    await publish();
    const duplicate = await rejection(publish());
    expect(duplicate.code).toBe(ALREADY_EXISTS);
    expect(duplicate.details).toContain(messageId);
    await advance(5_000);
    await publish();
  });

  it('accepts the same message id under another correlation key, as Zeebe does', async () => {
    const messageId = uniqueId('msg');
    const publish = (correlationKey: string) =>
      ctx.zeebe.publishMessage({
        name: 'approval',
        correlationKey,
        messageId,
        variables: {},
        timeToLive: 5_000,
      });
    await publish(uniqueId('req'));
    const second = await publish(uniqueId('req'));
    expect(second.key).toMatch(/^\d+$/);
  });
});

describe('timers', () => {
  it('a duration timer fires when the engine clock reaches it', async () => {
    const process = await deploy(ctx.zeebe, 'timer-catch');
    const key = await start(ctx.zeebe, process);
    await advance(999);
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 50)).toBe(true);
    await advance(1);
    await completeNext(ctx.zeebe, process.type('svc-a'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('a date timer (FEEL) fires at that date', async () => {
    const process = await deploy(ctx.zeebe, 'timer-date');
    const dueAt = new Date(ctx.clock.now().getTime() + 3_600_000).toISOString();
    const key = await start(ctx.zeebe, process, { dueAt });
    await advance(3_599_000);
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 50)).toBe(true);
    await advance(1_000);
    await completeNext(ctx.zeebe, process.type('svc-a'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('a date in the past fires at once', async () => {
    const process = await deploy(ctx.zeebe, 'timer-date');
    const key = await start(ctx.zeebe, process, { dueAt: '2020-01-01T00:00:00Z' });
    await advance(0);
    await completeNext(ctx.zeebe, process.type('svc-a'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('timer start R2/PT1S creates two instances, one a second; a new version replaces the timer', async () => {
    const v1 = await deploy(ctx.zeebe, 'timer-start');
    expect(await noJob(ctx.zeebe, v1.type('svc-a'), 50)).toBe(true);
    await advance(1_000);
    await completeNext(ctx.zeebe, v1.type('svc-a'));
    await advance(1_000);
    await completeNext(ctx.zeebe, v1.type('svc-a'));
    await advance(1_000);
    expect(await noJob(ctx.zeebe, v1.type('svc-a'), 50)).toBe(true);

    const v2 = await deploy(ctx.zeebe, 'timer-start');
    const v3 = await deploy(ctx.zeebe, 'timer-start');
    await advance(1_000);
    const [job] = await activate(ctx.zeebe, v3.type('svc-a'));
    expect(job!.processDefinitionVersion).toBe(v3.version);
    expect(await noJob(ctx.zeebe, v2.type('svc-a'), 50)).toBe(true);
  });
});

describe('boundary timer', () => {
  it('interrupting: cancels the task when it fires and takes the timeout path', async () => {
    const process = await deploy(ctx.zeebe, 'boundary-timer-interrupting');
    const key = await start(ctx.zeebe, process);
    const [slow] = await activate(ctx.zeebe, process.type('svc-slow'));
    await advance(1_000);
    const timeout = await completeNext(ctx.zeebe, process.type('svc-timeout'));
    expect(timeout.elementId).toBe('Task_Timeout');
    const late = await rejection(ctx.zeebe.completeJob({ jobKey: slow!.key, variables: {} }));
    expect(late.code).toBe(NOT_FOUND);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('interrupting: a task completed in time removes the timer', async () => {
    const process = await deploy(ctx.zeebe, 'boundary-timer-interrupting');
    const key = await start(ctx.zeebe, process);
    await completeNext(ctx.zeebe, process.type('svc-slow'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await ctx.db('engine.timers').where({ process_instance_key: key })).toEqual([]);
    await advance(1_000);
    expect(await noJob(ctx.zeebe, process.type('svc-timeout'), 50)).toBe(true);
  });

  it('non-interrupting cycle R3/PT1S: one reminder a second, three at most, the task stays', async () => {
    const process = await deploy(ctx.zeebe, 'boundary-timer-non-interrupting-cycle');
    const key = await start(ctx.zeebe, process);
    const [work] = await activate(ctx.zeebe, process.type('svc-work'));
    for (let i = 0; i < 3; i++) {
      await advance(1_000);
      await completeNext(ctx.zeebe, process.type('svc-remind'));
    }
    await advance(1_000);
    expect(await noJob(ctx.zeebe, process.type('svc-remind'), 50)).toBe(true);
    expect(await activeElements(ctx.db, key)).toEqual([
      'boundary-timer-non-interrupting-cycle',
      'Task_Work',
    ]);
    await ctx.zeebe.completeJob({ jobKey: work!.key, variables: {} });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('non-interrupting cycle: completing the task cancels the remaining firings', async () => {
    const process = await deploy(ctx.zeebe, 'boundary-timer-non-interrupting-cycle');
    const key = await start(ctx.zeebe, process);
    await advance(1_000);
    await completeNext(ctx.zeebe, process.type('svc-remind'));
    await completeNext(ctx.zeebe, process.type('svc-work'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    await advance(2_000);
    expect(await noJob(ctx.zeebe, process.type('svc-remind'), 50)).toBe(true);
  });
});

describe('boundary message', () => {
  it('interrupts the task and takes the message path with its variables', async () => {
    const process = await deploy(ctx.zeebe, 'boundary-message');
    const orderId = uniqueId('order');
    const key = await start(ctx.zeebe, process, { orderId });
    const [work] = await activate(ctx.zeebe, process.type('svc-work'));
    await ctx.zeebe.publishMessage({
      name: 'cancel-request',
      correlationKey: orderId,
      variables: { reason: 'withdrawn' },
      timeToLive: 0,
    });
    const cancelled = await completeNext(ctx.zeebe, process.type('svc-cancelled'));
    expect(cancelled.variables.reason).toBe('withdrawn');
    expect(
      (await rejection(ctx.zeebe.completeJob({ jobKey: work!.key, variables: {} }))).code,
    ).toBe(NOT_FOUND);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});

describe('error events', () => {
  it('a boundary error event catches its error code', async () => {
    const process = await deploy(ctx.zeebe, 'boundary-error');
    const key = await start(ctx.zeebe, process);
    const [validate] = await activate(ctx.zeebe, process.type('svc-validate'));
    await ctx.zeebe.throwError({
      jobKey: validate!.key,
      errorCode: 'INVALID',
      errorMessage: 'thiếu giấy tờ',
      variables: { missing: ['cccd'] },
    });
    const fix = await completeNext(ctx.zeebe, process.type('svc-fix'));
    expect(fix.variables.missing).toEqual(['cccd']);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(
      await ctx.db('engine.records').where({
        process_instance_key: key,
        element_id: 'EndEvent_Fixed',
        intent: 'ELEMENT_COMPLETED',
      }),
    ).toHaveLength(1);
  });

  it('another error code is not caught: an incident, the instance stays', async () => {
    const process = await deploy(ctx.zeebe, 'boundary-error');
    const key = await start(ctx.zeebe, process);
    const [validate] = await activate(ctx.zeebe, process.type('svc-validate'));
    await ctx.zeebe.throwError({ jobKey: validate!.key, errorCode: 'OTHER', errorMessage: 'x' });
    const incident = await waitForIncident(ctx.db, key);
    expect(incident.error_type).toBe('UNHANDLED_ERROR_EVENT');
    expect(incident.element_id).toBe('Task_Validate');
    expect(incident.error_message).toContain("'OTHER'");
    expect(await noJob(ctx.zeebe, process.type('svc-fix'), 50)).toBe(true);
    expect(await activeElements(ctx.db, key)).toEqual(['boundary-error', 'Task_Validate']);
  });

  it('an error end event nobody catches raises an incident', async () => {
    const process = await deploy(ctx.zeebe, 'error-end-uncaught');
    const key = await start(ctx.zeebe, process);
    await completeNext(ctx.zeebe, process.type('svc-a'));
    const incident = await waitForIncident(ctx.db, key);
    expect(incident.error_type).toBe('UNHANDLED_ERROR_EVENT');
    expect(incident.element_id).toBe('EndEvent_Error');
    expect(incident.error_message).toContain("'UNHANDLED'");
    expect(await activeElements(ctx.db, key)).toEqual(['error-end-uncaught', 'EndEvent_Error']);
  });

  it('a catch-all error event subprocess handles any code, with the thrown variables', async () => {
    const process = await deploy(ctx.zeebe, 'event-subprocess-error');
    const result = ctx.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: {},
      requestTimeout: 10_000,
    });
    const [work] = await activate(ctx.zeebe, process.type('svc-work'));
    await ctx.zeebe.throwError({
      jobKey: work!.key,
      errorCode: 'ANY-' + uniqueId(),
      errorMessage: 'boom',
      variables: { detail: 42 },
    });
    const handler = await completeNext(ctx.zeebe, process.type('svc-handle-error'));
    expect(handler.variables.detail).toBe(42);
    expect((await result).variables).toEqual({ detail: 42 });
  });
});

describe('terminate end event', () => {
  it('ends the instance and cancels the other branch', async () => {
    const process = await deploy(ctx.zeebe, 'terminate-end');
    const key = await start(ctx.zeebe, process);
    const [a] = await activate(ctx.zeebe, process.type('svc-a'));
    await completeNext(ctx.zeebe, process.type('svc-b'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect((await rejection(ctx.zeebe.completeJob({ jobKey: a!.key, variables: {} }))).code).toBe(
      NOT_FOUND,
    );
    expect(await activeElements(ctx.db, key)).toEqual([]);
  });
});

describe('signals', () => {
  it('a signal throw event releases the signal catch of the instance', async () => {
    const process = await deploy(ctx.zeebe, 'signal-catch-throw');
    const key = await start(ctx.zeebe, process);
    await waitFor('the signal subscription', () =>
      ctx.db('engine.signal_subscriptions').where({ process_instance_key: key }).first(),
    );
    expect(await noJob(ctx.zeebe, process.type('svc-after-signal'), 50)).toBe(true);
    await completeNext(ctx.zeebe, process.type('svc-a'));
    await completeNext(ctx.zeebe, process.type('svc-after-signal'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('BroadcastSignal releases the catch too, with its variables', async () => {
    const process = await deploy(ctx.zeebe, 'signal-catch-throw');
    const key = await start(ctx.zeebe, process);
    await waitFor('the signal subscription', () =>
      ctx.db('engine.signal_subscriptions').where({ process_instance_key: key }).first(),
    );
    const response = await ctx.zeebe.broadcastSignal({
      signalName: 'go',
      variables: { via: 'api' },
    });
    expect(response.key).toMatch(/^\d+$/);
    const after = await completeNext(ctx.zeebe, process.type('svc-after-signal'));
    expect(after.variables.via).toBe('api');
    await completeNext(ctx.zeebe, process.type('svc-a'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});

describe('event subprocesses', () => {
  it('message (interrupting): cancels the work and runs the handler', async () => {
    const process = await deploy(ctx.zeebe, 'event-subprocess-message');
    const orderId = uniqueId('order');
    const key = await start(ctx.zeebe, process, { orderId });
    const [work] = await activate(ctx.zeebe, process.type('svc-work'));
    await ctx.zeebe.publishMessage({
      name: 'cancel',
      correlationKey: orderId,
      variables: { reason: 'duplicate' },
      timeToLive: 0,
    });
    const cancel = await completeNext(ctx.zeebe, process.type('svc-cancel'));
    expect(cancel.variables.reason).toBe('duplicate');
    expect(
      (await rejection(ctx.zeebe.completeJob({ jobKey: work!.key, variables: {} }))).code,
    ).toBe(NOT_FOUND);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });

  it('timer (non-interrupting): runs the reminder alongside the work', async () => {
    const process = await deploy(ctx.zeebe, 'event-subprocess-timer');
    const key = await start(ctx.zeebe, process);
    const [work] = await activate(ctx.zeebe, process.type('svc-work'));
    await advance(1_000);
    await completeNext(ctx.zeebe, process.type('svc-remind'));
    await waitFor('the reminder subprocess to complete', async () =>
      (await activeElements(ctx.db, key)).includes('SubProcess_Remind') ? null : true,
    );
    expect(await activeElements(ctx.db, key)).toEqual(['event-subprocess-timer', 'Task_Work']);
    await ctx.zeebe.completeJob({ jobKey: work!.key, variables: {} });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await incidents(ctx.db, key)).toEqual([]);
  });
});
