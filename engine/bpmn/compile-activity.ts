// Activities: what each task type becomes, call activities, input/output
// mappings and multi-instance loop characteristics.
import {
  optionalExpression,
  requiredExpression,
  variableName,
  variablePath,
} from './attribute-expression.js';
import { messageSubscription } from './compile-event.js';
import { taskJob, userTaskJob } from './compile-job.js';
import { DeploymentError } from './deployment-error.js';
import type { FlowNode, Mapping, MultiInstance } from './model.js';
import { body, bool, extension, many, ref, text, type ModdleElement } from './moddle-element.js';

/** The fields every flow node has; a node is these plus its kind's own fields. */
export type NodeCommon = Omit<Extract<FlowNode, { kind: 'passThrough' }>, 'kind'>;
type Part<N> = N extends FlowNode ? Omit<N, keyof NodeCommon> : never;
/** The kind-specific part of a flow node. */
export type NodePart = Part<FlowNode>;

export const TASK_TYPES = new Set([
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:BusinessRuleTask',
  'bpmn:ScriptTask',
  'bpmn:UserTask',
  'bpmn:ReceiveTask',
  'bpmn:ManualTask',
  'bpmn:Task',
  'bpmn:CallActivity',
]);

export function taskPart(element: ModdleElement, id: string): NodePart {
  switch (element.$type) {
    case 'bpmn:ServiceTask':
    case 'bpmn:SendTask':
      return { kind: 'jobTask', job: taskJob(element, id) };
    case 'bpmn:BusinessRuleTask':
      if (extension(element, 'zeebe:CalledDecision', id)) {
        throw new DeploymentError(
          id,
          'DMN decisions (zeebe:calledDecision) are not supported by the embedded engine; use a job worker implementation (zeebe:taskDefinition)',
        );
      }
      return { kind: 'jobTask', job: taskJob(element, id) };
    case 'bpmn:ScriptTask':
      return scriptPart(element, id);
    case 'bpmn:UserTask':
      if (extension(element, 'zeebe:UserTask', id)) {
        throw new DeploymentError(
          id,
          'Camunda user tasks (zeebe:userTask) are not supported by the embedded engine; use the job worker implementation',
        );
      }
      return { kind: 'jobTask', job: userTaskJob(element, id) };
    case 'bpmn:ReceiveTask': {
      const message = ref(element, 'messageRef');
      if (!message) throw new DeploymentError(id, 'Must reference a message');
      return { kind: 'receiveTask', message: messageSubscription(message, id) };
    }
    case 'bpmn:CallActivity':
      return callActivityPart(element, id);
    default:
      // bpmn:ManualTask and bpmn:Task (undefined task) have no behaviour.
      return { kind: 'passThrough' };
  }
}

/** A script task is a FEEL `zeebe:script`, or a job worker with `zeebe:taskDefinition`. */
function scriptPart(element: ModdleElement, id: string): NodePart {
  const script = extension(element, 'zeebe:Script', id);
  const hasJob = extension(element, 'zeebe:TaskDefinition', id) !== null;
  if (script && hasJob) {
    throw new DeploymentError(
      id,
      "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element, not both",
    );
  }
  if (!script) {
    if (!hasJob) {
      throw new DeploymentError(
        id,
        "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element",
      );
    }
    return { kind: 'jobTask', job: taskJob(element, id) };
  }
  return {
    kind: 'scriptTask',
    expression: requiredExpression(id, 'zeebe:script expression', text(script, 'expression'), {
      feelOnly: true,
    }),
    resultVariable: variableName(id, 'zeebe:script resultVariable', text(script, 'resultVariable')),
  };
}

function callActivityPart(element: ModdleElement, id: string): NodePart {
  const called = extension(element, 'zeebe:CalledElement', id);
  if (!called) {
    throw new DeploymentError(
      id,
      "Must have a 'zeebe:calledElement' extension element with a processId",
    );
  }
  const bindingType = text(called, 'bindingType');
  if (bindingType !== null && bindingType !== 'latest') {
    throw new DeploymentError(
      id,
      `Binding type '${bindingType}' is not supported by the embedded engine; use 'latest'`,
    );
  }
  return {
    kind: 'callActivity',
    processId: requiredExpression(id, 'zeebe:calledElement processId', text(called, 'processId')),
    // Zeebe's defaults: both directions propagate all variables.
    propagateAllChildVariables: bool(called, 'propagateAllChildVariables') ?? true,
    propagateAllParentVariables: bool(called, 'propagateAllParentVariables') ?? true,
  };
}

/** `zeebe:ioMapping`: input sources may be static values, output sources must be FEEL. */
export function ioMappings(
  element: ModdleElement,
  id: string,
): { inputs: Mapping[]; outputs: Mapping[] } {
  const mapping = extension(element, 'zeebe:IoMapping', id);
  if (!mapping) return { inputs: [], outputs: [] };
  const read = (property: string, label: string, feelOnly: boolean): Mapping[] =>
    many(mapping, property).map((parameter) => ({
      source: requiredExpression(id, `${label} source`, text(parameter, 'source'), { feelOnly }),
      target: variablePath(id, `${label} target`, text(parameter, 'target')),
    }));
  return {
    inputs: read('inputParameters', 'zeebe:input', false),
    outputs: read('outputParameters', 'zeebe:output', true),
  };
}

export function multiInstance(element: ModdleElement, id: string): MultiInstance | null {
  const loop = ref(element, 'loopCharacteristics');
  if (!loop) return null;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    throw new DeploymentError(
      id,
      'Standard loops are not supported; use multi-instance loop characteristics',
    );
  }
  const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics', id);
  if (!zeebeLoop) {
    throw new DeploymentError(
      id,
      "Multi-instance must have a 'zeebe:loopCharacteristics' extension element with an inputCollection",
    );
  }
  const outputCollection = text(zeebeLoop, 'outputCollection');
  const outputElement = text(zeebeLoop, 'outputElement');
  if ((outputCollection === null) !== (outputElement === null)) {
    throw new DeploymentError(
      id,
      'zeebe:loopCharacteristics outputCollection and outputElement must be set together',
    );
  }
  const inputElement = text(zeebeLoop, 'inputElement');
  return {
    sequential: bool(loop, 'isSequential') ?? false,
    inputCollection: requiredExpression(id, 'inputCollection', text(zeebeLoop, 'inputCollection'), {
      feelOnly: true,
    }),
    inputElement: inputElement === null ? null : variableName(id, 'inputElement', inputElement),
    outputCollection:
      outputCollection === null ? null : variableName(id, 'outputCollection', outputCollection),
    outputElement: optionalExpression(id, 'outputElement', outputElement, { feelOnly: true }),
    completionCondition: optionalExpression(
      id,
      'completionCondition',
      body(loop, 'completionCondition'),
      {
        feelOnly: true,
      },
    ),
  };
}
