// Rules about how compiled elements fit together (Zeebe's structural checks):
// start events per scope, sequence flows at gateways and events, boundary
// attachment, and no two catch events of a scope waiting for the same thing.
import type { DeploymentProblem } from './deployment-error.js';
import type { CompiledProcess, EventDefinition, FlowNode, ScopeInfo } from './model.js';

const ACTIVITY_KINDS = new Set<FlowNode['kind']>([
  'jobTask',
  'scriptTask',
  'receiveTask',
  'passThrough',
  'subProcess',
  'callActivity',
]);

export function validateProcess(process: CompiledProcess): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const report = (elementId: string, reason: string): void => {
    problems.push({ elementId, reason });
  };
  const node = (id: string): FlowNode | undefined => process.elements.get(id);

  checkScope(process.bpmnProcessId, process.scope, 'process', node, report);
  for (const element of process.elements.values()) {
    if (element.kind === 'subProcess') {
      checkScope(
        element.id,
        element.scope,
        element.triggeredByEvent ? 'eventSubprocess' : 'subprocess',
        node,
        report,
      );
      if (
        element.triggeredByEvent &&
        (element.incoming.length > 0 || element.outgoing.length > 0)
      ) {
        report(element.id, 'Event subprocesses must not have incoming or outgoing sequence flows');
      }
    }
    checkFlows(element, process, report);
    if (element.kind === 'boundaryEvent') {
      checkBoundary(element, node(element.attachedToId), report);
    }
    if (element.kind === 'eventBasedGateway') checkEventGateway(element, process, report);
    if (element.boundaryIds.length > 0) {
      checkDuplicates(element.id, element.boundaryIds.map(node), report);
    }
  }
  return problems;
}

type Report = (elementId: string, reason: string) => void;
type Lookup = (id: string) => FlowNode | undefined;

function checkScope(
  scopeId: string,
  scope: ScopeInfo,
  kind: 'process' | 'subprocess' | 'eventSubprocess',
  node: Lookup,
  report: Report,
): void {
  const starts = scope.children.map(node).filter((child) => child?.kind === 'startEvent');
  if (kind === 'process') {
    if (starts.length === 0) report(scopeId, 'Must have at least one start event');
    const noneStarts = starts.filter(
      (start) => start?.kind === 'startEvent' && start.event.kind === 'none',
    );
    if (noneStarts.length > 1) report(scopeId, 'Multiple none start events are not allowed');
    checkDuplicates(scopeId, scope.eventStartIds.map(node), report);
  } else if (starts.length !== 1) {
    report(scopeId, 'Must have exactly one start event');
  }
  // Event subprocesses of one scope must not wait for the same message, signal or error.
  const eventSubprocessStarts = scope.eventSubprocessIds.flatMap((id) => {
    const sub = node(id);
    return sub?.kind === 'subProcess' ? sub.scope.eventStartIds.map(node) : [];
  });
  checkDuplicates(scopeId, eventSubprocessStarts, report);
  for (const id of scope.children) {
    const child = node(id);
    if (child?.kind === 'startEvent' && child.incoming.length > 0) {
      report(id, 'Start events must not have incoming sequence flows');
    }
  }
}

function checkFlows(element: FlowNode, process: CompiledProcess, report: Report): void {
  const outgoing = element.outgoing.flatMap((id) => process.flows.get(id) ?? []);
  if (element.kind === 'endEvent' && outgoing.length > 0) {
    report(element.id, 'End events must not have outgoing sequence flows to other elements');
  }
  if (element.kind === 'boundaryEvent' && element.incoming.length > 0) {
    report(element.id, 'Boundary events cannot have incoming sequence flows');
  }
  if (element.kind !== 'exclusiveGateway' && element.kind !== 'inclusiveGateway') {
    if (outgoing.some((flow) => flow.condition !== null)) {
      report(
        element.id,
        'Conditional sequence flows are only supported at exclusive or inclusive gateways',
      );
    }
    return;
  }
  if (element.defaultFlowId !== null && !element.outgoing.includes(element.defaultFlowId)) {
    report(element.id, 'Default flow must start at the gateway');
  }
  if (outgoing.length > 1) {
    for (const flow of outgoing) {
      if (flow.condition === null && flow.id !== element.defaultFlowId) {
        report(
          flow.id,
          element.kind === 'exclusiveGateway'
            ? 'Must have a condition or be default flow'
            : 'Must have a condition',
        );
      }
    }
  }
}

function checkBoundary(
  boundary: FlowNode & { kind: 'boundaryEvent' },
  attachedTo: FlowNode | undefined,
  report: Report,
): void {
  if (
    !attachedTo ||
    !ACTIVITY_KINDS.has(attachedTo.kind) ||
    attachedTo.parentId !== boundary.parentId
  ) {
    report(boundary.id, 'Must be attached to an activity of the same scope');
  } else if (attachedTo.kind === 'subProcess' && attachedTo.triggeredByEvent) {
    report(boundary.id, 'Boundary events cannot be attached to an event subprocess');
  }
}

function checkEventGateway(gateway: FlowNode, process: CompiledProcess, report: Report): void {
  if (gateway.outgoing.length < 2) {
    report(gateway.id, 'Event-based gateway must have at least 2 outgoing sequence flows');
  }
  const targets = gateway.outgoing.map((id) => {
    const flow = process.flows.get(id);
    return flow ? process.elements.get(flow.targetId) : undefined;
  });
  const valid = targets.every(
    (target) =>
      target?.kind === 'intermediateCatchEvent' &&
      ['message', 'timer', 'signal'].includes(target.event.kind),
  );
  if (!valid) {
    report(
      gateway.id,
      'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events',
    );
  }
  if (targets.some((target) => target && target.incoming.length > 1)) {
    report(
      gateway.id,
      'Target elements of an event gateway must not have any additional incoming sequence flows other than that from the event gateway',
    );
  }
  checkDuplicates(gateway.id, targets, report);
}

/** Catch events that wait together (boundary events of one activity, ...) must differ. */
function checkDuplicates(ownerId: string, events: (FlowNode | undefined)[], report: Report): void {
  const seen = new Set<string>();
  for (const event of events) {
    const key = event && 'event' in event ? waitKey(event.event) : null;
    if (key === null) continue;
    if (seen.has(key)) report(ownerId, duplicateReason(key));
    seen.add(key);
  }
}

function waitKey(event: EventDefinition): string | null {
  switch (event.kind) {
    case 'message':
      return `message\u0000${event.message.name.source}`;
    case 'signal':
      return `signal\u0000${event.name.source}`;
    case 'error':
      return `error\u0000${event.code ?? ''}`;
    default:
      return null;
  }
}

function duplicateReason(key: string): string {
  const [kind, name] = key.split('\u0000');
  if (kind === 'error') {
    return name === ''
      ? 'The same scope can not contain more than one error catch event without error code'
      : `Multiple error catch events with the same error code '${name}' are not supported on the same scope`;
  }
  return `Multiple ${kind} event definitions with the same name '${name}' are not allowed`;
}
