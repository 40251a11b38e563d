// Gateways: exclusive (conditions, default flow, incident and its resolution),
// parallel fork/join, inclusive fork/join, event-based (message vs timer).
import { describe, expect, it } from 'vitest';
import {
  activate,
  activeElements,
  completeNext,
  deploy,
  incidents,
  noJob,
  start,
  uniqueId,
  useEngine,
  waitFor,
  waitForEnd,
  waitForIncident,
} from './support.js';

const ctx = useEngine();

describe('exclusive gateway', () => {
  it.each([
    [150, 'svc-high', 'svc-low'],
    [100, 'svc-low', 'svc-high'],
    [5, 'svc-low', 'svc-high'],
  ])('amount %d takes only %s', async (amount, taken, notTaken) => {
    const process = await deploy(ctx.zeebe, 'exclusive-gateway');
    const key = await start(ctx.zeebe, process, { amount });
    await completeNext(ctx.zeebe, process.type(taken));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await noJob(ctx.zeebe, process.type(notTaken), 50)).toBe(true);
  });

  it('raises an incident when the condition is not boolean, and continues once resolved', async () => {
    const process = await deploy(ctx.zeebe, 'exclusive-gateway');
    const key = await start(ctx.zeebe, process, {});
    const incident = await waitForIncident(ctx.db, key);
    expect(incident.element_id).toBe('Gateway_Amount');
    expect(incident.error_type).toBe('CONDITION_ERROR');
    expect(incident.error_message).toContain('amount > 100');
    expect(await noJob(ctx.zeebe, process.type('svc-low'), 50)).toBe(true);

    // Resolving without fixing the cause raises the incident again.
    await ctx.zeebe.resolveIncident({ incidentKey: incident.key });
    const again = await waitForIncident(ctx.db, key);
    expect(again.key).not.toBe(incident.key);

    await ctx.zeebe.setVariables({
      elementInstanceKey: key,
      variables: { amount: 1000 },
      local: false,
    });
    await ctx.zeebe.resolveIncident({ incidentKey: again.key });
    const job = await completeNext(ctx.zeebe, process.type('svc-high'));
    expect(job.variables.amount).toBe(1000);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await incidents(ctx.db, key)).toEqual([]);
  });
});

describe('parallel gateway', () => {
  it('forks both branches and joins before svc-c', async () => {
    const process = await deploy(ctx.zeebe, 'parallel-gateway');
    const key = await start(ctx.zeebe, process);
    const [a] = await activate(ctx.zeebe, process.type('svc-a'));
    const [b] = await activate(ctx.zeebe, process.type('svc-b'));
    await ctx.zeebe.completeJob({ jobKey: a!.key, variables: { fromA: 1 } });
    expect(await noJob(ctx.zeebe, process.type('svc-c'), 100)).toBe(true);
    await ctx.zeebe.completeJob({ jobKey: b!.key, variables: { fromB: 2 } });
    const c = await completeNext(ctx.zeebe, process.type('svc-c'));
    expect({ ...c.variables }).toEqual({ fromA: 1, fromB: 2 });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});

describe('inclusive gateway', () => {
  it('activates a branch per true condition and joins all of them', async () => {
    const process = await deploy(ctx.zeebe, 'inclusive-gateway');
    const key = await start(ctx.zeebe, process, { a: true, b: true });
    const [a] = await activate(ctx.zeebe, process.type('svc-a'));
    const [b] = await activate(ctx.zeebe, process.type('svc-b'));
    expect(await noJob(ctx.zeebe, process.type('svc-c'), 50)).toBe(true);
    await ctx.zeebe.completeJob({ jobKey: a!.key, variables: {} });
    // The join waits for the branch still running.
    await waitFor('svc-a to complete', async () =>
      (await activeElements(ctx.db, key)).includes('Task_A') ? null : true,
    );
    expect(await activeElements(ctx.db, key)).toEqual(['inclusive-gateway', 'Task_B']);
    await ctx.zeebe.completeJob({ jobKey: b!.key, variables: {} });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    const joins = await ctx.db('engine.records').where({
      process_instance_key: key,
      element_id: 'Gateway_Join',
      intent: 'ELEMENT_COMPLETED',
    });
    expect(joins).toHaveLength(1);
  });

  it('with one true condition runs that branch only, and the join does not wait for others', async () => {
    const process = await deploy(ctx.zeebe, 'inclusive-gateway');
    const key = await start(ctx.zeebe, process, { a: false, b: true });
    await completeNext(ctx.zeebe, process.type('svc-b'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 50)).toBe(true);
  });

  it('with no true condition takes the default flow', async () => {
    const process = await deploy(ctx.zeebe, 'inclusive-gateway');
    const key = await start(ctx.zeebe, process, { a: false, b: false });
    await completeNext(ctx.zeebe, process.type('svc-c'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await noJob(ctx.zeebe, process.type('svc-a'), 50)).toBe(true);
    expect(await noJob(ctx.zeebe, process.type('svc-b'), 50)).toBe(true);
  });
});

describe('event-based gateway', () => {
  it('takes the message path when the message comes first, and drops the timer', async () => {
    const process = await deploy(ctx.zeebe, 'event-based-gateway');
    const orderId = uniqueId('order');
    const key = await start(ctx.zeebe, process, { orderId, timeout: 'PT1H' });
    await waitFor('the message subscription', () =>
      ctx.db('engine.message_subscriptions').where({ process_instance_key: key }).first(),
    );
    expect(await ctx.db('engine.timers').where({ process_instance_key: key })).toHaveLength(1);
    await ctx.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: orderId,
      variables: { paid: 120 },
      timeToLive: 0,
    });
    const job = await completeNext(ctx.zeebe, process.type('svc-paid'));
    expect(job.variables.paid).toBe(120);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(await ctx.db('engine.timers').where({ process_instance_key: key })).toEqual([]);
    expect(await noJob(ctx.zeebe, process.type('svc-expired'), 50)).toBe(true);
  });

  it('takes the timer path when the time is up first, and drops the message subscription', async () => {
    const process = await deploy(ctx.zeebe, 'event-based-gateway');
    const orderId = uniqueId('order');
    const key = await start(ctx.zeebe, process, { orderId, timeout: 'PT0.2S' });
    await completeNext(ctx.zeebe, process.type('svc-expired'));
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    expect(
      await ctx.db('engine.message_subscriptions').where({ process_instance_key: key }),
    ).toEqual([]);
    // A late message finds no one.
    await ctx.zeebe.publishMessage({
      name: 'payment-received',
      correlationKey: orderId,
      variables: {},
      timeToLive: 0,
    });
    expect(await noJob(ctx.zeebe, process.type('svc-paid'), 50)).toBe(true);
  });
});
