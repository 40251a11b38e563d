// The executable graph the processor runs. `compile.ts` builds it from
// bpmn-moddle output once at deploy; the processor never looks at XML.
import type { Expression } from '../feel/expression.js';

export interface CompiledProcess {
  bpmnProcessId: string;
  name: string | null;
  /** Every flow node of the process, nested ones included, by BPMN id. */
  elements: Map<string, FlowNode>;
  flows: Map<string, SequenceFlow>;
  /** The process scope: its direct children, start events, event subprocesses. */
  scope: ScopeInfo;
}

export interface ScopeInfo {
  /** Ids of the direct children (flow nodes) of this scope. */
  children: string[];
  /** The none start event a new token enters by, if any (process, subprocess). */
  noneStartId: string | null;
  /** Message / timer / signal start events of a process scope; for an event
   * subprocess, its one (message / timer / error / signal) start event. */
  eventStartIds: string[];
  /** Ids of event subprocesses directly inside this scope. */
  eventSubprocessIds: string[];
}

export interface SequenceFlow {
  id: string;
  sourceId: string;
  targetId: string;
  /** `conditionExpression` (FEEL, without the leading `=`), if any. */
  condition: Expression | null;
}

export interface Mapping {
  source: Expression;
  /** Dotted target path, e.g. `a` or `a.b.c` (Zeebe allows nested targets). */
  target: string;
}

export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
  /** Static strings become constant expressions; `=expr` is FEEL. */
  value: Expression;
}

export interface MessageDefinition {
  name: Expression;
  /** Absent on message start events. */
  correlationKey: Expression | null;
}

export type EventDefinition =
  | { kind: 'none' }
  | { kind: 'message'; message: MessageDefinition }
  | { kind: 'timer'; timer: TimerDefinition }
  /** `code` null = catch-all (boundary / event subprocess start). */
  | { kind: 'error'; code: string | null }
  | { kind: 'signal'; name: Expression }
  | { kind: 'terminate' };

export interface JobDefinition {
  type: Expression;
  retries: Expression;
  /** zeebe:taskHeaders, plus the io.camunda.zeebe:* headers of user tasks. */
  headers: Record<string, string>;
  /** Header values that are FEEL for user tasks (assignee, candidateGroups,
   * dueDate, followUpDate, ...), evaluated when the job is created. */
  dynamicHeaders: Record<string, Expression>;
}

export interface MultiInstance {
  sequential: boolean;
  inputCollection: Expression;
  inputElement: string | null;
  outputCollection: string | null;
  outputElement: Expression | null;
  completionCondition: Expression | null;
}

interface NodeBase {
  id: string;
  name: string | null;
  /** BPMN element type without prefix, e.g. `serviceTask`. */
  bpmnType: string;
  /** Id of the enclosing subprocess, or null for the process scope. */
  parentId: string | null;
  incoming: string[];
  outgoing: string[];
  inputs: Mapping[];
  outputs: Mapping[];
  /** Boundary events attached to this activity. */
  boundaryIds: string[];
  multiInstance: MultiInstance | null;
}

/** Message end and intermediate throw events are job workers (`zeebe:taskDefinition`):
 * their `job` is set and their `event` is `none`. */
export type FlowNode =
  | (NodeBase & { kind: 'startEvent'; event: EventDefinition; interrupting: boolean })
  | (NodeBase & { kind: 'endEvent'; event: EventDefinition; job: JobDefinition | null })
  | (NodeBase & { kind: 'intermediateCatchEvent'; event: EventDefinition })
  | (NodeBase & {
      kind: 'intermediateThrowEvent';
      event: EventDefinition;
      job: JobDefinition | null;
    })
  | (NodeBase & {
      kind: 'boundaryEvent';
      event: EventDefinition;
      attachedToId: string;
      cancelActivity: boolean;
    })
  /** service, send, business rule, user, and script tasks with a job worker. */
  | (NodeBase & { kind: 'jobTask'; job: JobDefinition })
  | (NodeBase & { kind: 'scriptTask'; expression: Expression; resultVariable: string })
  | (NodeBase & { kind: 'receiveTask'; message: MessageDefinition })
  /** manual task and undefined task: pass through. */
  | (NodeBase & { kind: 'passThrough' })
  | (NodeBase & { kind: 'exclusiveGateway'; defaultFlowId: string | null })
  | (NodeBase & { kind: 'inclusiveGateway'; defaultFlowId: string | null })
  | (NodeBase & { kind: 'parallelGateway' })
  | (NodeBase & { kind: 'eventBasedGateway' })
  | (NodeBase & { kind: 'subProcess'; scope: ScopeInfo; triggeredByEvent: boolean })
  | (NodeBase & {
      kind: 'callActivity';
      processId: Expression;
      propagateAllChildVariables: boolean;
      propagateAllParentVariables: boolean;
    });

export type FlowNodeKind = FlowNode['kind'];
