// Waiting for something: message subscriptions, timers and signal
// subscriptions of catch events, receive tasks, event-based gateways, boundary
// events and event subprocess starts; and what happens when one fires.
import type { EventDefinition, FlowNode, ScopeInfo } from '../bpmn/model.js';
import type { Batch, ElementInstance, LoadedInstance } from './batch.js';
import { EngineError } from './engine-error.js';
import { activate, childrenOf, completeElement, isBody, nodeOf, terminate } from './flow.js';
import { correlateBuffered } from './messages.js';
import { schedule } from './timer-schedule.js';
import { evaluate } from './variables.js';

/** The intermediate catch / receive task / event-based gateway starts waiting. */
export async function openWait(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  node: FlowNode,
): Promise<void> {
  if (node.kind === 'receiveTask') {
    return openEvent(batch, instance, element, node.id, { kind: 'message', message: node.message });
  }
  if (node.kind === 'intermediateCatchEvent')
    return openEvent(batch, instance, element, node.id, node.event);
  if (node.kind === 'eventBasedGateway') {
    const process = instance.definition.process;
    for (const flowId of node.outgoing) {
      const target = process.elements.get(process.flows.get(flowId)!.targetId)!;
      const event = target.kind === 'intermediateCatchEvent' ? target.event : null;
      if (target.kind === 'receiveTask') {
        await openEvent(batch, instance, element, target.id, {
          kind: 'message',
          message: target.message,
        });
      } else if (event) {
        await openEvent(batch, instance, element, target.id, event);
      }
    }
  }
}

export async function openBoundaryEvents(
  batch: Batch,
  instance: LoadedInstance,
  activity: ElementInstance,
  node: FlowNode,
): Promise<void> {
  for (const id of node.boundaryIds) {
    const boundary = instance.definition.process.elements.get(id);
    if (boundary?.kind === 'boundaryEvent' && boundary.event.kind !== 'error') {
      await openEvent(batch, instance, activity, id, boundary.event);
    }
  }
}

export async function openEventSubprocessStarts(
  batch: Batch,
  instance: LoadedInstance,
  scope: ElementInstance,
  info: ScopeInfo,
): Promise<void> {
  const process = instance.definition.process;
  for (const subprocessId of info.eventSubprocessIds) {
    const sub = process.elements.get(subprocessId);
    if (sub?.kind !== 'subProcess') continue;
    for (const startId of sub.scope.eventStartIds) {
      const start = process.elements.get(startId);
      if (start?.kind === 'startEvent' && start.event.kind !== 'error') {
        await openEvent(batch, instance, scope, startId, start.event);
      }
    }
  }
}

/** Opens one subscription / timer owned by `owner` for the event `elementId`. */
async function openEvent(
  batch: Batch,
  instance: LoadedInstance,
  owner: ElementInstance,
  elementId: string,
  event: EventDefinition,
): Promise<void> {
  if (!batch.isLive(owner.key)) return;
  // Expressions of an event are read in the scope of the element that waits.
  const scopeKey = owner.key;
  if (event.kind === 'timer') {
    const value = evaluate(batch, instance, scopeKey, event.timer.value);
    if (typeof value !== 'string') {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `Expected the timer of '${elementId}' to be a string, but was '${String(value)}'`,
      );
    }
    const plan = schedule(event.timer.kind, value, batch.now);
    batch.addTimer({
      key: await batch.key(),
      due_at: plan.dueAt,
      element_id: elementId,
      definition_key: instance.definition.key,
      element_instance_key: owner.key,
      process_instance_key: instance.key,
      repetitions: plan.repetitions,
      interval_ms: plan.intervalMs,
      cron: plan.cron,
    });
    return;
  }
  if (event.kind === 'message') {
    const name = String(evaluate(batch, instance, scopeKey, event.message.name));
    const correlationKey = event.message.correlationKey
      ? correlationKeyOf(
          evaluate(batch, instance, scopeKey, event.message.correlationKey),
          elementId,
        )
      : '';
    const key = await batch.key();
    batch.addMessageSubscription({
      key,
      message_name: name,
      correlation_key: correlationKey,
      element_id: elementId,
      element_instance_key: owner.key,
      process_instance_key: instance.key,
      created_at: batch.now,
    });
    // A message published before the subscription opened may be waiting.
    batch.defer(() =>
      correlateBuffered(batch, instance.key, owner.key, elementId, name, correlationKey),
    );
    return;
  }
  if (event.kind === 'signal') {
    batch.addSignalSubscription({
      key: await batch.key(),
      signal_name: String(evaluate(batch, instance, scopeKey, event.name)),
      element_id: elementId,
      definition_key: instance.definition.key,
      element_instance_key: owner.key,
      process_instance_key: instance.key,
    });
  }
}

export function correlationKeyOf(value: unknown, elementId: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new EngineError(
    'INVALID_ARGUMENT',
    `Failed to extract the correlation key for '${elementId}': The value must be either a string or a number, but was '${value === null || value === undefined ? 'NIL' : typeof value}'.`,
  );
}

/**
 * An event fired for `elementId`, owned by the element instance `ownerKey`:
 * a catch event completes, a boundary event interrupts or runs alongside, an
 * event subprocess starts, an event-based gateway takes that path.
 * Returns false when the owner is gone (the trigger is stale).
 */
export async function trigger(
  batch: Batch,
  instance: LoadedInstance,
  ownerKey: string,
  elementId: string,
  payload: Record<string, unknown>,
): Promise<boolean> {
  const owner = instance.elements.get(ownerKey);
  const node = instance.definition.process.elements.get(elementId);
  if (!owner || !node || !batch.isLive(ownerKey)) return false;
  const ownerNode = nodeOf(instance, owner);
  if (node.kind === 'boundaryEvent') {
    return triggerBoundary(batch, instance, owner, node, payload);
  }
  if (node.kind === 'startEvent') {
    return startEventSubprocess(batch, instance, owner, node, payload);
  }
  if (owner.elementId === elementId && ownerNode && !isBody(ownerNode, owner)) {
    owner.data.payload = payload;
    batch.touch(owner);
    await completeElement(batch, instance, owner);
    return true;
  }
  if (ownerNode?.kind === 'eventBasedGateway') {
    const scopeKey = owner.flowScopeKey!;
    await completeElement(batch, instance, owner, []);
    await activate(batch, instance, elementId, scopeKey, { payload, triggered: true });
    return true;
  }
  return false;
}

async function triggerBoundary(
  batch: Batch,
  instance: LoadedInstance,
  activity: ElementInstance,
  boundary: Extract<FlowNode, { kind: 'boundaryEvent' }>,
  payload: Record<string, unknown>,
): Promise<boolean> {
  const scopeKey = activity.flowScopeKey!;
  if (boundary.cancelActivity) await terminate(batch, instance, activity);
  await activate(batch, instance, boundary.id, scopeKey, { payload, triggered: true });
  return true;
}

async function startEventSubprocess(
  batch: Batch,
  instance: LoadedInstance,
  scope: ElementInstance,
  start: Extract<FlowNode, { kind: 'startEvent' }>,
  payload: Record<string, unknown>,
): Promise<boolean> {
  if (start.interrupting) {
    if (scope.data.interrupted) return false;
    for (const child of childrenOf(instance, scope.key)) await terminate(batch, instance, child);
    scope.data.interrupted = true;
    scope.data.joins = {};
    batch.touch(scope);
    // An interrupted scope waits for nothing else (one statement at a time:
    // the transaction has one connection).
    batch.later(async () => {
      for (const table of [
        'engine.timers',
        'engine.message_subscriptions',
        'engine.signal_subscriptions',
      ]) {
        await batch.trx(table).where('element_instance_key', scope.key).delete();
      }
    });
  }
  await startInEventSubprocess(batch, instance, scope, start.parentId!, start.id, payload);
  return true;
}

/** Activates an event subprocess in `scope` and enters it by `startId`. */
export async function startInEventSubprocess(
  batch: Batch,
  instance: LoadedInstance,
  scope: ElementInstance,
  subprocessId: string,
  startId: string,
  payload: Record<string, unknown>,
  errorVariables?: Record<string, unknown>,
): Promise<void> {
  const element: ElementInstance = {
    key: await batch.key(),
    processInstanceKey: instance.key,
    definitionKey: instance.definition.key,
    elementId: subprocessId,
    flowScopeKey: scope.key,
    parentElementInstanceKey: null,
    data: {},
    createdAt: batch.now,
  };
  batch.addElement(instance, element);
  batch.record({
    key: element.key,
    value_type: 'PROCESS_INSTANCE',
    intent: 'ELEMENT_ACTIVATED',
    process_instance_key: instance.key,
    element_id: subprocessId,
    element_type: 'EVENT_SUB_PROCESS',
    payload: null,
  });
  await activate(batch, instance, startId, element.key, {
    payload,
    triggered: true,
    errorVariables,
  });
}
