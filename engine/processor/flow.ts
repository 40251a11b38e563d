// How tokens move: activating, completing and terminating element instances,
// taking sequence flows, joining at gateways, multi-instance bodies, scopes.
import type { FlowNode, ScopeInfo } from '../bpmn/model.js';
import { ExpressionError } from '../feel/expression.js';
import type { Batch, ElementInstance, LoadedInstance } from './batch.js';
import type { StoredDefinition } from './definitions.js';
import { EngineError } from './engine-error.js';
import { openBoundaryEvents, openEventSubprocessStarts, openWait } from './events.js';
import { createJob } from './jobs.js';
import { raiseIncident } from './incidents.js';
import { releaseMessageStart } from './messages.js';
import { throwError } from './errors.js';
import { broadcastSignal } from './signals.js';
import { applyMappings, evaluate, propagate, setLocal, visibleVariables } from './variables.js';

export interface ActivateOptions {
  /** Variables the element completes with at once (a triggered catch event). */
  payload?: Record<string, unknown>;
  /** The element was triggered already (event-based gateway target, boundary). */
  triggered?: boolean;
  /** Inner instance of a multi-instance body: its index in the collection. */
  loopIndex?: number;
  /** errorCode / errorMessage of a caught error, for the catch event's output mappings. */
  errorVariables?: Record<string, unknown>;
}

const elementTypes = new Map<string, string>();

/** Upper snake case BPMN element type, as Zeebe names it in records. */
export function elementType(node: FlowNode | undefined, isMultiInstanceBody = false): string {
  if (!node) return 'PROCESS';
  if (isMultiInstanceBody) return 'MULTI_INSTANCE_BODY';
  let type = elementTypes.get(node.bpmnType);
  if (!type) {
    type = node.bpmnType.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
    elementTypes.set(node.bpmnType, type);
  }
  return type;
}

export function nodeOf(instance: LoadedInstance, element: ElementInstance): FlowNode | undefined {
  return instance.definition.process.elements.get(element.elementId);
}

export function isBody(node: FlowNode | undefined, element: ElementInstance): boolean {
  return !!node?.multiInstance && element.data.loopIndex === undefined;
}

function record(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  intent: string,
): void {
  const node = nodeOf(instance, element);
  batch.record({
    key: element.key,
    value_type: 'PROCESS_INSTANCE',
    intent,
    process_instance_key: instance.key,
    element_id: element.elementId,
    element_type: elementType(node, isBody(node, element)),
    payload: null,
  });
}

async function newElement(
  batch: Batch,
  instance: LoadedInstance,
  elementId: string,
  flowScopeKey: string | null,
): Promise<ElementInstance> {
  const element: ElementInstance = {
    key: await batch.key(),
    processInstanceKey: instance.key,
    definitionKey: instance.definition.key,
    elementId,
    flowScopeKey,
    parentElementInstanceKey: null,
    data: {},
    createdAt: batch.now,
  };
  batch.addElement(instance, element);
  return element;
}

// --- process instances --------------------------------------------------------

export async function createProcessInstance(
  batch: Batch,
  definition: StoredDefinition,
  variables: Record<string, unknown>,
  options: {
    startElementId?: string;
    parentElementInstanceKey?: string;
    payload?: Record<string, unknown>;
  } = {},
): Promise<LoadedInstance> {
  const key = await batch.key();
  const instance: LoadedInstance = { key, definition, elements: new Map(), variables: new Map() };
  batch.adopt(instance);
  const root: ElementInstance = {
    key,
    processInstanceKey: key,
    definitionKey: definition.key,
    elementId: definition.bpmnProcessId,
    flowScopeKey: null,
    parentElementInstanceKey: options.parentElementInstanceKey ?? null,
    data: {},
    createdAt: batch.now,
  };
  batch.addElement(instance, root);
  setLocal(batch, instance, key, variables);
  record(batch, instance, root, 'ELEMENT_ACTIVATED');
  const scope = definition.process.scope;
  const startId = options.startElementId ?? scope.noneStartId;
  if (!startId) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected to create instance of process with none start event, but there is no such event`,
    );
  }
  await openEventSubprocessStarts(batch, instance, root, scope);
  await activate(batch, instance, startId, key, { payload: options.payload, triggered: true });
  return instance;
}

// --- activation -----------------------------------------------------------------

export async function activate(
  batch: Batch,
  instance: LoadedInstance,
  nodeId: string,
  flowScopeKey: string,
  options: ActivateOptions = {},
): Promise<void> {
  const element = await newElement(batch, instance, nodeId, flowScopeKey);
  if (options.loopIndex !== undefined) element.data.loopIndex = options.loopIndex;
  if (options.payload) element.data.payload = options.payload;
  if (options.errorVariables) element.data.errorVariables = options.errorVariables;
  record(batch, instance, element, 'ELEMENT_ACTIVATING');
  await runActivation(batch, instance, element, options.triggered ?? false);
}

/** The activation step; run again when an incident on it is resolved. */
export async function runActivation(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  triggered = false,
): Promise<void> {
  const node = nodeOf(instance, element)!;
  try {
    if (isBody(node, element)) return await activateBody(batch, instance, element, node);
    if (element.data.loopIndex !== undefined) setLoopVariables(batch, instance, element, node);
    if (node.inputs.length) {
      const locals = applyMappings(
        batch,
        instance,
        element.flowScopeKey!,
        node.inputs,
        () => undefined,
      );
      setLocal(batch, instance, element.key, locals);
    }
    record(batch, instance, element, 'ELEMENT_ACTIVATED');
    await behave(batch, instance, element, node, triggered);
  } catch (error) {
    if (!(error instanceof ExpressionError || error instanceof EngineError)) throw error;
    await raiseIncident(batch, instance, element, incidentType(node), error.message, 'activate');
  }
}

function incidentType(node: FlowNode): string {
  if (node.kind === 'exclusiveGateway' || node.kind === 'inclusiveGateway')
    return 'CONDITION_ERROR';
  if (node.kind === 'callActivity') return 'CALLED_ELEMENT_ERROR';
  return node.inputs.length || node.outputs.length ? 'IO_MAPPING_ERROR' : 'EXTRACT_VALUE_ERROR';
}

function setLoopVariables(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  node: FlowNode,
): void {
  const body = instance.elements.get(element.flowScopeKey!)!;
  const index = element.data.loopIndex!;
  const locals: Record<string, unknown> = { loopCounter: index + 1 };
  const mi = node.multiInstance!;
  if (mi.inputElement) locals[mi.inputElement] = body.data.mi!.items[index] ?? null;
  setLocal(batch, instance, element.key, locals);
}

async function activateBody(
  batch: Batch,
  instance: LoadedInstance,
  body: ElementInstance,
  node: FlowNode,
): Promise<void> {
  const mi = node.multiInstance!;
  const items = evaluate(batch, instance, body.flowScopeKey!, mi.inputCollection);
  if (!Array.isArray(items)) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected result of the expression '${mi.inputCollection.source}' to be 'ARRAY', but was '${items === null ? 'NULL' : typeof items}'`,
    );
  }
  body.data.mi = { items, next: 0, completed: 0, active: 0 };
  batch.touch(body);
  if (mi.outputCollection) {
    setLocal(batch, instance, body.key, { [mi.outputCollection]: items.map(() => null) });
  }
  record(batch, instance, body, 'ELEMENT_ACTIVATED');
  await openBoundaryEvents(batch, instance, body, node);
  if (items.length === 0) return completeElement(batch, instance, body);
  const first = mi.sequential ? 1 : items.length;
  for (let i = 0; i < first && batch.isLive(body.key); i++)
    await startInner(batch, instance, body, node);
}

async function startInner(
  batch: Batch,
  instance: LoadedInstance,
  body: ElementInstance,
  node: FlowNode,
) {
  const state = body.data.mi!;
  const index = state.next++;
  state.active++;
  batch.touch(body);
  updateLoopCounts(batch, instance, body);
  await activate(batch, instance, node.id, body.key, { loopIndex: index });
}

function updateLoopCounts(batch: Batch, instance: LoadedInstance, body: ElementInstance): void {
  const state = body.data.mi!;
  setLocal(batch, instance, body.key, {
    numberOfInstances: state.items.length,
    numberOfActiveInstances: state.active,
    numberOfCompletedInstances: state.completed,
  });
}

/** What each kind of element does once active. */
async function behave(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  node: FlowNode,
  triggered: boolean,
): Promise<void> {
  if (node.kind !== 'boundaryEvent' && node.kind !== 'startEvent' && node.boundaryIds.length) {
    await openBoundaryEvents(batch, instance, element, node);
  }
  switch (node.kind) {
    case 'startEvent':
    case 'passThrough':
    case 'boundaryEvent':
      return completeElement(batch, instance, element);
    case 'intermediateCatchEvent':
    case 'receiveTask':
      if (triggered) return completeElement(batch, instance, element);
      return openWait(batch, instance, element, node);
    case 'intermediateThrowEvent':
    case 'endEvent':
      return throwEvent(batch, instance, element, node);
    case 'jobTask':
      return createJob(batch, instance, element, node.job);
    case 'scriptTask': {
      const result = evaluate(batch, instance, element.key, node.expression);
      element.data.payload = { [node.resultVariable]: result };
      batch.touch(element);
      return completeElement(batch, instance, element);
    }
    case 'exclusiveGateway':
    case 'inclusiveGateway':
      return completeElement(batch, instance, element, chooseFlows(batch, instance, element, node));
    case 'parallelGateway':
      return completeElement(batch, instance, element);
    case 'eventBasedGateway':
      return openWait(batch, instance, element, node);
    case 'subProcess':
      return enterScope(batch, instance, element, node.scope);
    case 'callActivity':
      return callProcess(batch, instance, element, node);
  }
}

async function throwEvent(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  node: Extract<FlowNode, { kind: 'endEvent' | 'intermediateThrowEvent' }>,
): Promise<void> {
  if (node.job) return createJob(batch, instance, element, node.job);
  const event = node.event;
  if (event.kind === 'error') {
    const caught = await throwError(batch, instance, element, event.code ?? '', '', {});
    if (!caught) {
      await raiseIncident(
        batch,
        instance,
        element,
        'UNHANDLED_ERROR_EVENT',
        `Expected to throw an error event with the code '${event.code}', but it was not caught. No error events are available in the scope.`,
        'activate',
      );
    }
    return;
  }
  if (event.kind === 'signal') {
    const name = String(evaluate(batch, instance, element.key, event.name));
    batch.defer(() => broadcastSignal(batch, name, {}));
  }
  if (event.kind === 'terminate') {
    const scope = instance.elements.get(element.flowScopeKey!)!;
    for (const child of childrenOf(instance, scope.key)) {
      if (child.key !== element.key) await terminate(batch, instance, child);
    }
    scope.data.joins = {};
    batch.touch(scope);
  }
  return completeElement(batch, instance, element);
}

function chooseFlows(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  node: Extract<FlowNode, { kind: 'exclusiveGateway' | 'inclusiveGateway' }>,
): string[] {
  const flows = instance.definition.process.flows;
  // Nothing to choose: no flow, or one without a condition (e.g. out of a join).
  const [only, ...others] = node.outgoing;
  if (!only || (others.length === 0 && !flows.get(only)!.condition)) return node.outgoing;
  const chosen: string[] = [];
  for (const flowId of node.outgoing) {
    const flow = flows.get(flowId)!;
    if (!flow.condition || flowId === node.defaultFlowId) continue;
    const value = evaluate(batch, instance, element.key, flow.condition);
    // As in Zeebe, null (e.g. a missing variable) is no boolean either: an incident.
    if (typeof value !== 'boolean') {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `Expected result of the expression '${flow.condition.source}' to be 'BOOLEAN', but was '${value === null ? 'NULL' : typeof value}'`,
      );
    }
    if (value === true) {
      chosen.push(flowId);
      if (node.kind === 'exclusiveGateway') break;
    }
  }
  if (chosen.length === 0 && node.defaultFlowId) chosen.push(node.defaultFlowId);
  if (chosen.length === 0) {
    throw new EngineError(
      'FAILED_PRECONDITION',
      `Expected at least one condition to evaluate to true, or to have a default flow`,
    );
  }
  return chosen;
}

async function enterScope(
  batch: Batch,
  instance: LoadedInstance,
  scope: ElementInstance,
  info: ScopeInfo,
) {
  await openEventSubprocessStarts(batch, instance, scope, info);
  if (info.noneStartId && batch.isLive(scope.key)) {
    await activate(batch, instance, info.noneStartId, scope.key, { triggered: true });
  }
}

async function callProcess(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  node: Extract<FlowNode, { kind: 'callActivity' }>,
): Promise<void> {
  const processId = evaluate(batch, instance, element.key, node.processId);
  if (typeof processId !== 'string' || !processId) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected process id to be a non-empty string, but was '${String(processId)}'`,
    );
  }
  const definition = await batch.latest(processId).catch(() => {
    throw new EngineError(
      'NOT_FOUND',
      `Expected process with BPMN process id '${processId}' to be deployed, but not found.`,
    );
  });
  const variables = node.propagateAllParentVariables
    ? visibleVariables(instance, element.key)
    : Object.fromEntries(instance.variables.get(element.key) ?? []);
  await createProcessInstance(batch, definition, variables, {
    parentElementInstanceKey: element.key,
  });
}

// --- completion -----------------------------------------------------------------

export function childrenOf(instance: LoadedInstance, scopeKey: string): ElementInstance[] {
  return [...instance.elements.values()].filter((e) => e.flowScopeKey === scopeKey);
}

/** Completes an element: output mappings, then its outgoing flows (or `flows`). */
export async function completeElement(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  flows?: string[],
): Promise<void> {
  const node = nodeOf(instance, element);
  if (!node) return completeProcess(batch, instance, element);
  if (isBody(node, element)) {
    const output = node.multiInstance!.outputCollection;
    if (output) {
      const value = instance.variables.get(element.key)?.get(output) ?? [];
      propagate(batch, instance, element.flowScopeKey!, { [output]: value });
    }
  } else {
    try {
      applyOutputs(batch, instance, element, node);
    } catch (error) {
      if (!(error instanceof ExpressionError || error instanceof EngineError)) throw error;
      await raiseIncident(batch, instance, element, 'IO_MAPPING_ERROR', error.message, 'complete');
      return;
    }
    if (element.data.loopIndex !== undefined) return completeInner(batch, instance, element, node);
  }
  record(batch, instance, element, 'ELEMENT_COMPLETED');
  const scopeKey = element.flowScopeKey!;
  batch.endElement(instance, element);
  await leave(batch, instance, node, scopeKey, flows ?? node.outgoing);
}

/** Output mappings (or the payload, propagated) of a completing element. */
function applyOutputs(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  node: FlowNode,
): void {
  const payload = element.data.payload ?? {};
  if (node.outputs.length === 0) {
    if (Object.keys(payload).length) propagate(batch, instance, element.key, payload);
    return;
  }
  setLocal(batch, instance, element.key, { ...payload, ...element.data.errorVariables });
  const scopeVars = instance.variables;
  const results = applyMappings(batch, instance, element.key, node.outputs, (name) =>
    scopeVars.get(element.flowScopeKey!)?.get(name),
  );
  propagate(batch, instance, element.flowScopeKey!, results);
}

async function completeInner(
  batch: Batch,
  instance: LoadedInstance,
  inner: ElementInstance,
  node: FlowNode,
): Promise<void> {
  const mi = node.multiInstance!;
  const body = instance.elements.get(inner.flowScopeKey!)!;
  const state = body.data.mi!;
  if (mi.outputCollection && mi.outputElement) {
    const list = [
      ...((instance.variables.get(body.key)?.get(mi.outputCollection) as unknown[]) ?? []),
    ];
    list[inner.data.loopIndex!] = evaluate(batch, instance, inner.key, mi.outputElement);
    setLocal(batch, instance, body.key, { [mi.outputCollection]: list });
  }
  state.completed++;
  state.active--;
  batch.touch(body);
  updateLoopCounts(batch, instance, body);
  const done = mi.completionCondition
    ? evaluate(batch, instance, inner.key, mi.completionCondition) === true
    : false;
  record(batch, instance, inner, 'ELEMENT_COMPLETED');
  batch.endElement(instance, inner);
  if (done) {
    for (const other of childrenOf(instance, body.key)) await terminate(batch, instance, other);
    return completeElement(batch, instance, body);
  }
  if (state.next < state.items.length && mi.sequential)
    return startInner(batch, instance, body, node);
  if (state.completed >= state.items.length) return completeElement(batch, instance, body);
}

async function leave(
  batch: Batch,
  instance: LoadedInstance,
  node: FlowNode,
  scopeKey: string,
  flows: string[],
): Promise<void> {
  for (const flowId of flows) {
    if (!batch.isLive(scopeKey)) return;
    await arrive(batch, instance, flowId, scopeKey);
  }
  // A token with no flow to take ends here. (An event-based gateway leaves by
  // none of its flows: the event that fired takes its token on.)
  if (node.outgoing.length === 0) await scopeMayComplete(batch, instance, scopeKey);
}

/** A token arrives over a sequence flow: joins wait for their other tokens. */
async function arrive(
  batch: Batch,
  instance: LoadedInstance,
  flowId: string,
  scopeKey: string,
): Promise<void> {
  const flow = instance.definition.process.flows.get(flowId)!;
  const target = instance.definition.process.elements.get(flow.targetId)!;
  const joins =
    target.incoming.length > 1 &&
    (target.kind === 'parallelGateway' || target.kind === 'inclusiveGateway');
  if (!joins) return activate(batch, instance, target.id, scopeKey);
  const scope = instance.elements.get(scopeKey)!;
  const tokens = ((scope.data.joins ??= {})[target.id] ??= {});
  tokens[flowId] = (tokens[flowId] ?? 0) + 1;
  batch.touch(scope);
  await tryJoin(batch, instance, scope, target);
}

async function tryJoin(
  batch: Batch,
  instance: LoadedInstance,
  scope: ElementInstance,
  gateway: FlowNode,
) {
  const tokens = scope.data.joins?.[gateway.id];
  if (!tokens) return;
  const arrived = gateway.incoming.filter((f) => (tokens[f] ?? 0) > 0);
  if (arrived.length === 0) return;
  const complete =
    gateway.kind === 'parallelGateway'
      ? arrived.length === gateway.incoming.length
      : !childrenOf(instance, scope.key).some((child) =>
          canReach(instance, child.elementId, gateway.id),
        );
  if (!complete) return;
  for (const f of arrived) {
    tokens[f]! -= 1;
    if (tokens[f] === 0) delete tokens[f];
  }
  if (Object.keys(tokens).length === 0) delete scope.data.joins![gateway.id];
  batch.touch(scope);
  await activate(batch, instance, gateway.id, scope.key);
}

/** Whether a token at `fromId` can still reach `targetId` (inclusive join). */
function canReach(instance: LoadedInstance, fromId: string, targetId: string): boolean {
  const { elements, flows } = instance.definition.process;
  const seen = new Set<string>();
  const queue = [fromId];
  while (queue.length) {
    const id = queue.pop()!;
    if (id === targetId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = elements.get(id);
    if (!node) continue;
    for (const f of node.outgoing) queue.push(flows.get(f)!.targetId);
    for (const b of node.boundaryIds) queue.push(b);
  }
  return false;
}

/** A scope with no live child and no waiting token completes. */
export async function scopeMayComplete(
  batch: Batch,
  instance: LoadedInstance,
  scopeKey: string,
): Promise<void> {
  const scope = instance.elements.get(scopeKey);
  if (!scope || !batch.isLive(scopeKey)) return;
  const children = childrenOf(instance, scopeKey);
  // An inclusive join may now have every token it can still get.
  const node = nodeOf(instance, scope);
  const process = instance.definition.process;
  for (const gatewayId of Object.keys(scope.data.joins ?? {})) {
    const gateway = process.elements.get(gatewayId);
    if (gateway?.kind === 'inclusiveGateway') await tryJoin(batch, instance, scope, gateway);
  }
  if (childrenOf(instance, scopeKey).length > 0 || children.length > 0) return;
  if (Object.keys(scope.data.joins ?? {}).length > 0) return;
  if (node && isBody(node, scope)) return;
  await completeElement(batch, instance, scope);
}

async function completeProcess(
  batch: Batch,
  instance: LoadedInstance,
  root: ElementInstance,
): Promise<void> {
  const variables = Object.fromEntries(instance.variables.get(root.key) ?? []);
  record(batch, instance, root, 'ELEMENT_COMPLETED');
  batch.endElement(instance, root);
  batch.effects.completedInstances.set(instance.key, variables);
  batch.defer(() => releaseMessageStart(batch, instance));
  if (root.parentElementInstanceKey)
    await returnToCaller(batch, root.parentElementInstanceKey, variables);
}

/** A called process completed: its call activity completes with the child's variables. */
async function returnToCaller(
  batch: Batch,
  callActivityKey: string,
  variables: Record<string, unknown>,
) {
  const row = await batch
    .trx('engine.element_instances')
    .where('key', callActivityKey)
    .first('process_instance_key');
  if (!row) return;
  const parent = await batch.load(String(row.process_instance_key));
  const callActivity = parent?.elements.get(callActivityKey);
  if (!parent || !callActivity) return;
  const node = nodeOf(parent, callActivity);
  if (node?.kind !== 'callActivity') return;
  if (node.propagateAllChildVariables || node.outputs.length) callActivity.data.payload = variables;
  batch.touch(callActivity);
  await completeElement(batch, parent, callActivity);
}

// --- termination ----------------------------------------------------------------

export async function terminate(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
): Promise<void> {
  if (!batch.isLive(element.key)) return;
  for (const child of childrenOf(instance, element.key)) await terminate(batch, instance, child);
  const node = nodeOf(instance, element);
  if (node?.kind === 'callActivity' && !isBody(node, element)) {
    const child = await batch
      .trx('engine.element_instances')
      .where('parent_element_instance_key', element.key)
      .first('key');
    if (child) {
      const called = await batch.load(String(child.key));
      const root = called?.elements.get(String(child.key));
      if (called && root) await terminate(batch, called, root);
    }
  }
  record(batch, instance, element, 'ELEMENT_TERMINATED');
  batch.endElement(instance, element);
  if (!node) batch.defer(() => releaseMessageStart(batch, instance));
}

export { throwError };
