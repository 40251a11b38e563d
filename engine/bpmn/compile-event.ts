// Event definitions of start, catch, boundary, throw and end events, with the
// combinations Zeebe allows per event role.
import type { Expression } from '../feel/expression.js';
import { attributeExpression, requiredExpression } from './attribute-expression.js';
import { taskJob } from './compile-job.js';
import { DeploymentError } from './deployment-error.js';
import type {
  EventDefinition,
  JobDefinition,
  MessageDefinition,
  TimerDefinition,
} from './model.js';
import { body, extension, many, ref, text, type ModdleElement } from './moddle-element.js';
import { isCycle, isDateTime, isDuration } from './timer-syntax.js';

export type EventRole =
  | 'processStart'
  | 'subprocessStart'
  | 'eventSubprocessStart'
  | 'intermediateCatch'
  | 'boundary'
  | 'intermediateThrow'
  | 'end';

type Kind = EventDefinition['kind'];

const ALLOWED: Record<EventRole, { label: string; kinds: Kind[] }> = {
  processStart: {
    label: 'Start events of a process',
    kinds: ['none', 'message', 'timer', 'signal'],
  },
  subprocessStart: { label: 'Start events of an embedded subprocess', kinds: ['none'] },
  eventSubprocessStart: {
    label: 'Start events of an event subprocess',
    kinds: ['message', 'timer', 'error', 'signal'],
  },
  intermediateCatch: { label: 'Intermediate catch events', kinds: ['message', 'timer', 'signal'] },
  boundary: { label: 'Boundary events', kinds: ['message', 'timer', 'error', 'signal'] },
  intermediateThrow: { label: 'Intermediate throw events', kinds: ['none', 'message', 'signal'] },
  end: { label: 'End events', kinds: ['none', 'message', 'error', 'signal', 'terminate'] },
};

const KINDS: Record<string, Kind> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:TerminateEventDefinition': 'terminate',
};

const UNSUPPORTED: Record<string, string> = {
  'bpmn:EscalationEventDefinition': 'Escalation',
  'bpmn:CompensateEventDefinition': 'Compensation',
  'bpmn:ConditionalEventDefinition': 'Conditional',
  'bpmn:LinkEventDefinition': 'Link',
  'bpmn:CancelEventDefinition': 'Cancel',
};

export interface CompiledEvent {
  event: EventDefinition;
  /** Message throw events are job workers (zeebe:taskDefinition). */
  job: JobDefinition | null;
}

/** `interrupting`: cancelActivity of a boundary event, isInterrupting of an event subprocess start. */
export function compileEvent(
  element: ModdleElement,
  id: string,
  role: EventRole,
  interrupting: boolean,
): CompiledEvent {
  const definitions = many(element, 'eventDefinitions');
  const [definition] = definitions;
  if (definitions.length > 1) {
    throw new DeploymentError(id, 'Must have at most one event definition');
  }

  const kind: Kind = definition ? kindOf(definition, id) : 'none';
  const allowed = ALLOWED[role];
  if (!allowed.kinds.includes(kind)) {
    const reason =
      kind === 'none'
        ? 'Must have an event definition'
        : `Event definition '${kind}' is not allowed here`;
    throw new DeploymentError(
      id,
      `${reason}. ${allowed.label} must be one of: ${allowed.kinds.join(', ')}`,
    );
  }
  if (!interrupting && kind === 'error') {
    throw new DeploymentError(id, 'Non-interrupting error events are not allowed');
  }

  if (!definition || kind === 'none') return { event: { kind: 'none' }, job: null };
  switch (kind) {
    case 'message':
      if (role === 'intermediateThrow' || role === 'end') {
        return { event: { kind: 'none' }, job: taskJob(element, id) };
      }
      return { event: { kind: 'message', message: message(definition, id, role) }, job: null };
    case 'timer':
      return {
        event: { kind: 'timer', timer: timer(definition, id, role, interrupting) },
        job: null,
      };
    case 'error':
      return { event: { kind: 'error', code: errorCode(definition, id, role) }, job: null };
    case 'signal':
      return { event: { kind: 'signal', name: signalName(definition, id, role) }, job: null };
    case 'terminate':
      return { event: { kind: 'terminate' }, job: null };
  }
}

function kindOf(definition: ModdleElement, id: string): Kind {
  const kind = KINDS[definition.$type];
  if (kind) return kind;
  const unsupported = UNSUPPORTED[definition.$type];
  throw new DeploymentError(
    id,
    unsupported
      ? `${unsupported} events are not supported by the embedded engine`
      : `Event definition '${definition.$type}' is not supported`,
  );
}

function message(definition: ModdleElement, id: string, role: EventRole): MessageDefinition {
  const messageElement = ref(definition, 'messageRef');
  if (!messageElement) throw new DeploymentError(id, 'Must reference a message');
  if (role !== 'processStart') return messageSubscription(messageElement, id);
  const name = requiredExpression(id, 'message name', text(messageElement, 'name'));
  constantName(name, id, 'message name');
  return { name, correlationKey: null };
}

/** A message that an element instance waits for: a name and the `zeebe:subscription` correlation key. */
export function messageSubscription(messageElement: ModdleElement, id: string): MessageDefinition {
  const name = requiredExpression(id, 'message name', text(messageElement, 'name'));
  const messageId = typeof messageElement.id === 'string' ? messageElement.id : id;
  const subscription = extension(messageElement, 'zeebe:Subscription', messageId);
  if (!subscription) {
    throw new DeploymentError(
      id,
      `Message '${messageId}' must have a 'zeebe:subscription' extension element with a correlationKey`,
    );
  }
  const correlationKey = requiredExpression(
    id,
    'zeebe:subscription correlationKey',
    text(subscription, 'correlationKey'),
    { feelOnly: true },
  );
  return { name, correlationKey };
}

/** Names of process start events are evaluated at deploy, without variables. */
function constantName(name: Expression, id: string, attribute: string): void {
  if (name.isStatic) return;
  let value: unknown;
  try {
    value = name.evaluate({});
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DeploymentError(
      id,
      `${attribute} '${name.source}' of a start event must evaluate without variables: ${detail}`,
    );
  }
  if (typeof value !== 'string' || value === '') {
    throw new DeploymentError(
      id,
      `${attribute} '${name.source}' of a start event must evaluate to a non-empty string`,
    );
  }
}

type TimerCandidate = [TimerDefinition['kind'], string | null, (value: string) => boolean];

function timer(
  definition: ModdleElement,
  id: string,
  role: EventRole,
  interrupting: boolean,
): TimerDefinition {
  const candidates: TimerCandidate[] = [
    ['duration', body(definition, 'timeDuration'), isDuration],
    ['date', body(definition, 'timeDate'), isDateTime],
    ['cycle', body(definition, 'timeCycle'), isCycle],
  ];
  const present = candidates.filter(
    (c): c is [TimerDefinition['kind'], string, (v: string) => boolean] => c[1] !== null,
  );
  const [only] = present;
  if (present.length !== 1 || !only) {
    throw new DeploymentError(
      id,
      'Must be exactly one type of timer: timeDuration, timeDate or timeCycle',
    );
  }
  const [kind, value, isValid] = only;
  if (kind === 'cycle' && role === 'intermediateCatch') {
    throw new DeploymentError(
      id,
      'Intermediate timer catch event must have either a time duration or a time date',
    );
  }
  if (
    kind === 'cycle' &&
    interrupting &&
    (role === 'boundary' || role === 'eventSubprocessStart')
  ) {
    throw new DeploymentError(id, 'Interrupting timer event with time cycle is not allowed');
  }
  if (!value.startsWith('=') && !isValid(value)) {
    throw new DeploymentError(id, `Invalid timer ${kind} '${value}'`);
  }
  return { kind, value: attributeExpression(id, `timer ${kind}`, value) };
}

function errorCode(definition: ModdleElement, id: string, role: EventRole): string | null {
  const error = ref(definition, 'errorRef');
  const code = error ? text(error, 'errorCode') : null;
  if (role === 'end') {
    if (!error) throw new DeploymentError(id, 'Must reference an error');
    if (code === null) throw new DeploymentError(id, 'ErrorCode must be present and not empty');
    if (code.startsWith('=')) {
      throw new DeploymentError(
        id,
        `errorCode '${code}' is a FEEL expression; the embedded engine needs a static error code`,
      );
    }
    return code;
  }
  if (code?.startsWith('=')) {
    throw new DeploymentError(
      id,
      'The errorCode of the error catch event is not allowed to be an expression',
    );
  }
  // No error, or an error without code: catches every error.
  return code;
}

function signalName(definition: ModdleElement, id: string, role: EventRole): Expression {
  const signal = ref(definition, 'signalRef');
  if (!signal) throw new DeploymentError(id, 'Must reference a signal');
  const name = requiredExpression(id, 'signal name', text(signal, 'name'));
  if (role === 'processStart') constantName(name, id, 'signal name');
  return name;
}
