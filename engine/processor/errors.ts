// BPMN errors: thrown by a worker (ThrowError) or an error end event, caught
// by the nearest boundary error event or error event subprocess, walking out
// through scopes and call activities. A code match beats a catch-all.
import type { FlowNode } from '../bpmn/model.js';
import type { Batch, ElementInstance, LoadedInstance } from './batch.js';
import { startInEventSubprocess } from './events.js';
import { activate, childrenOf, isBody, nodeOf, terminate } from './flow.js';

interface Catcher {
  instance: LoadedInstance;
  /** The activity a boundary event is attached to, or the scope of an event subprocess. */
  owner: ElementInstance;
  catchId: string;
  viaBoundary: boolean;
}

function matches(code: string | null, thrown: string): 0 | 1 | 2 {
  if (code === null) return 1;
  return code === thrown ? 2 : 0;
}

/** The best catch event in one element instance, or null. */
function catchIn(instance: LoadedInstance, element: ElementInstance, code: string): Catcher | null {
  const process = instance.definition.process;
  const node = nodeOf(instance, element);
  let best: { id: string; score: number; viaBoundary: boolean } | null = null;
  const consider = (id: string, candidate: FlowNode | undefined, viaBoundary: boolean) => {
    const event = candidate && 'event' in candidate ? candidate.event : null;
    if (event?.kind !== 'error') return;
    const score = matches(event.code, code);
    if (score > (best?.score ?? 0)) best = { id, score, viaBoundary };
  };
  // Event subprocesses inside a scope come before boundary events on it.
  const scope = node
    ? node.kind === 'subProcess' && !isBody(node, element)
      ? node.scope
      : null
    : process.scope;
  for (const subId of scope?.eventSubprocessIds ?? []) {
    const sub = process.elements.get(subId);
    if (sub?.kind !== 'subProcess') continue;
    for (const startId of sub.scope.eventStartIds)
      consider(startId, process.elements.get(startId), false);
  }
  const inner = element.data.loopIndex !== undefined;
  if (node && !inner && (!best || (best as { score: number }).score < 2)) {
    for (const id of node.boundaryIds) consider(id, process.elements.get(id), true);
  }
  if (!best) return null;
  const found = best as { id: string; viaBoundary: boolean };
  return { instance, owner: element, catchId: found.id, viaBoundary: found.viaBoundary };
}

async function findCatcher(
  batch: Batch,
  instance: LoadedInstance,
  from: ElementInstance,
  code: string,
) {
  let current: LoadedInstance = instance;
  let element: ElementInstance | undefined = from;
  while (element) {
    const found = catchIn(current, element, code);
    if (found) return found;
    if (element.flowScopeKey) {
      element = current.elements.get(element.flowScopeKey);
      continue;
    }
    // The process root: continue at the call activity that started it.
    if (!element.parentElementInstanceKey) return null;
    const row = await batch
      .trx('engine.element_instances')
      .where('key', element.parentElementInstanceKey)
      .first('process_instance_key');
    const parent = row ? await batch.load(String(row.process_instance_key)) : null;
    if (!parent) return null;
    current = parent;
    element = parent.elements.get(element.parentElementInstanceKey);
  }
  return null;
}

/** Throws a BPMN error from `from`; false when nothing catches it. */
export async function throwError(
  batch: Batch,
  instance: LoadedInstance,
  from: ElementInstance,
  code: string,
  message: string,
  variables: Record<string, unknown>,
): Promise<boolean> {
  const catcher = await findCatcher(batch, instance, from, code);
  if (!catcher) return false;
  const { owner, catchId } = catcher;
  const target = catcher.instance;
  const payload = { ...variables };
  const errorVariables = { errorCode: code, errorMessage: message };
  if (catcher.viaBoundary) {
    const scopeKey = owner.flowScopeKey!;
    await terminate(batch, target, owner);
    await activate(batch, target, catchId, scopeKey, { payload, triggered: true, errorVariables });
    return true;
  }
  // An error event subprocess always interrupts its scope.
  for (const child of childrenOf(target, owner.key)) await terminate(batch, target, child);
  owner.data.interrupted = true;
  owner.data.joins = {};
  batch.touch(owner);
  const start = target.definition.process.elements.get(catchId)!;
  await startInEventSubprocess(
    batch,
    target,
    owner,
    start.parentId!,
    catchId,
    payload,
    errorVariables,
  );
  return true;
}
