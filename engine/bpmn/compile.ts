// BPMN XML → executable graphs, one per executable process of the file.
// Each element is compiled on its own; every element that fails adds a
// problem, and a file with any problem is rejected as a whole, naming them all.
import {
  ioMappings,
  multiInstance,
  TASK_TYPES,
  taskPart,
  type NodeCommon,
  type NodePart,
} from './compile-activity.js';
import { compileEvent, type EventRole } from './compile-event.js';
import { DeploymentError, type DeploymentProblem } from './deployment-error.js';
import type { CompiledProcess, FlowNode, ScopeInfo, SequenceFlow } from './model.js';
import {
  body,
  bool,
  extension,
  idOf,
  localType,
  many,
  ref,
  text,
  type ModdleElement,
} from './moddle-element.js';
import { optionalExpression } from './attribute-expression.js';
import { parseBpmn } from './parse.js';
import { validateProcess } from './validate.js';

/** Parses, compiles and validates a BPMN file; throws DeploymentError naming each invalid element. */
export async function compileDeployment(xml: string): Promise<CompiledProcess[]> {
  const definitions = await parseBpmn(xml);
  // Collaboration files list their processes here too; participants only reference them.
  const executable = many(definitions, 'rootElements').filter(
    (root) => root.$type === 'bpmn:Process' && bool(root, 'isExecutable') === true,
  );
  if (executable.length === 0) {
    throw new DeploymentError(
      null,
      'Must contain at least one executable process (isExecutable="true")',
    );
  }
  const problems: DeploymentProblem[] = [];
  const processes = executable.flatMap((process) => {
    const compiled = new ProcessCompiler().compile(process);
    problems.push(...compiled.problems);
    return compiled.process ? [compiled.process] : [];
  });
  if (problems.length > 0) throw DeploymentError.of(problems);
  return processes;
}

type ScopeKind = 'process' | 'subprocess' | 'eventSubprocess';

// Data objects and data stores document the model; they do not execute.
const NOT_EXECUTED = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

const UNSUPPORTED: Record<string, string> = {
  'bpmn:ComplexGateway': 'Complex gateways are not supported by the embedded engine',
  'bpmn:Transaction': 'Transaction subprocesses are not supported by the embedded engine',
  'bpmn:AdHocSubProcess': 'Ad-hoc subprocesses are not supported by the embedded engine',
};

class ProcessCompiler {
  private readonly elements = new Map<string, FlowNode>();
  private readonly flows = new Map<string, SequenceFlow>();
  /** The `<bpmn:outgoing>` order of each node, which Zeebe follows when it evaluates conditions. */
  private readonly outgoingOrder = new Map<string, string[]>();
  private readonly problems: DeploymentProblem[] = [];

  compile(process: ModdleElement): {
    process: CompiledProcess | null;
    problems: DeploymentProblem[];
  } {
    const processId = this.attempt(() => {
      const id = idOf(process);
      rejectExecutionListeners(process, id);
      return id;
    });
    const scope = this.scope(process, null, 'process');
    if (processId === null || this.problems.length > 0) {
      return { process: null, problems: this.problems };
    }
    this.link();
    const compiled: CompiledProcess = {
      bpmnProcessId: processId,
      name: text(process, 'name'),
      elements: this.elements,
      flows: this.flows,
      scope,
    };
    return { process: compiled, problems: validateProcess(compiled) };
  }

  /** Runs one element's compilation; a DeploymentError becomes a problem and null. */
  private attempt<T>(compile: () => T): T | null {
    try {
      return compile();
    } catch (error) {
      if (!(error instanceof DeploymentError)) throw error;
      this.problems.push(...error.problems);
      return null;
    }
  }

  private scope(container: ModdleElement, parentId: string | null, kind: ScopeKind): ScopeInfo {
    const scope: ScopeInfo = {
      children: [],
      noneStartId: null,
      eventStartIds: [],
      eventSubprocessIds: [],
    };
    for (const element of many(container, 'flowElements')) {
      if (NOT_EXECUTED.has(element.$type)) continue;
      if (element.$type === 'bpmn:SequenceFlow') {
        this.attempt(() => this.flow(element));
        continue;
      }
      const node = this.attempt(() => this.node(element, parentId, kind));
      if (!node) continue;
      this.elements.set(node.id, node);
      scope.children.push(node.id);
      if (node.kind === 'startEvent') {
        if (node.event.kind === 'none') scope.noneStartId ??= node.id;
        else scope.eventStartIds.push(node.id);
      }
      if (node.kind === 'subProcess' && node.triggeredByEvent) {
        scope.eventSubprocessIds.push(node.id);
      }
    }
    return scope;
  }

  private flow(element: ModdleElement): void {
    const id = idOf(element);
    const source = ref(element, 'sourceRef');
    const target = ref(element, 'targetRef');
    if (!source || !target) throw new DeploymentError(id, 'Must have a sourceRef and a targetRef');
    if (source.$parent !== element.$parent || target.$parent !== element.$parent) {
      throw new DeploymentError(
        id,
        'Must connect elements of its own scope (process or subprocess)',
      );
    }
    const condition = body(element, 'conditionExpression');
    this.flows.set(id, {
      id,
      sourceId: idOf(source),
      targetId: idOf(target),
      condition: optionalExpression(id, 'conditionExpression', condition, { feelOnly: true }),
    });
  }

  private node(element: ModdleElement, parentId: string | null, scopeKind: ScopeKind): FlowNode {
    const id = idOf(element);
    const unsupported = UNSUPPORTED[element.$type];
    if (unsupported) throw new DeploymentError(id, unsupported);
    rejectExecutionListeners(element, id);
    if (bool(element, 'isForCompensation')) {
      throw new DeploymentError(
        id,
        'Compensation handlers are not supported by the embedded engine',
      );
    }
    const common: NodeCommon = {
      id,
      name: text(element, 'name'),
      bpmnType: localType(element),
      parentId,
      incoming: [],
      outgoing: [],
      ...ioMappings(element, id),
      boundaryIds: [],
      multiInstance: multiInstance(element, id),
    };
    this.outgoingOrder.set(id, many(element, 'outgoing').map(idOf));
    return { ...common, ...this.part(element, id, scopeKind) };
  }

  private part(element: ModdleElement, id: string, scopeKind: ScopeKind): NodePart {
    if (TASK_TYPES.has(element.$type)) return taskPart(element, id);
    switch (element.$type) {
      case 'bpmn:StartEvent': {
        const role: EventRole =
          scopeKind === 'process'
            ? 'processStart'
            : scopeKind === 'subprocess'
              ? 'subprocessStart'
              : 'eventSubprocessStart';
        // Only event subprocess start events can be non-interrupting.
        const interrupting =
          role === 'eventSubprocessStart' ? (bool(element, 'isInterrupting') ?? true) : true;
        return {
          kind: 'startEvent',
          event: compileEvent(element, id, role, interrupting).event,
          interrupting,
        };
      }
      case 'bpmn:EndEvent':
        return { kind: 'endEvent', ...compileEvent(element, id, 'end', true) };
      case 'bpmn:IntermediateCatchEvent':
        return {
          kind: 'intermediateCatchEvent',
          event: compileEvent(element, id, 'intermediateCatch', true).event,
        };
      case 'bpmn:IntermediateThrowEvent':
        return {
          kind: 'intermediateThrowEvent',
          ...compileEvent(element, id, 'intermediateThrow', true),
        };
      case 'bpmn:BoundaryEvent': {
        const attachedTo = ref(element, 'attachedToRef');
        if (!attachedTo) throw new DeploymentError(id, 'Must be attached to an activity');
        const cancelActivity = bool(element, 'cancelActivity') ?? true;
        const { event } = compileEvent(element, id, 'boundary', cancelActivity);
        return { kind: 'boundaryEvent', event, attachedToId: idOf(attachedTo), cancelActivity };
      }
      case 'bpmn:ExclusiveGateway':
      case 'bpmn:InclusiveGateway': {
        const defaultFlow = ref(element, 'default');
        return {
          kind: element.$type === 'bpmn:ExclusiveGateway' ? 'exclusiveGateway' : 'inclusiveGateway',
          defaultFlowId: defaultFlow ? idOf(defaultFlow) : null,
        };
      }
      case 'bpmn:ParallelGateway':
        return { kind: 'parallelGateway' };
      case 'bpmn:EventBasedGateway':
        if (bool(element, 'instantiate')) {
          throw new DeploymentError(
            id,
            'Event-based gateways that start a process instance are not supported',
          );
        }
        return { kind: 'eventBasedGateway' };
      case 'bpmn:SubProcess': {
        const triggeredByEvent = bool(element, 'triggeredByEvent') ?? false;
        const scope = this.scope(element, id, triggeredByEvent ? 'eventSubprocess' : 'subprocess');
        return { kind: 'subProcess', scope, triggeredByEvent };
      }
      default:
        throw new DeploymentError(
          id,
          `Elements of type '${localType(element)}' are not supported by the embedded engine`,
        );
    }
  }

  /** Fills incoming/outgoing from the sequence flows and boundaryIds from attachedToRef. */
  private link(): void {
    for (const flow of this.flows.values()) {
      this.elements.get(flow.sourceId)?.outgoing.push(flow.id);
      this.elements.get(flow.targetId)?.incoming.push(flow.id);
    }
    for (const node of this.elements.values()) {
      const order = this.outgoingOrder.get(node.id) ?? [];
      const rank = (flowId: string): number => {
        const index = order.indexOf(flowId);
        return index < 0 ? order.length : index;
      };
      node.outgoing.sort((a, b) => rank(a) - rank(b));
      if (node.kind === 'boundaryEvent') {
        this.elements.get(node.attachedToId)?.boundaryIds.push(node.id);
      }
    }
  }
}

function rejectExecutionListeners(element: ModdleElement, id: string): void {
  if (extension(element, 'zeebe:ExecutionListeners', id)) {
    throw new DeploymentError(id, 'Execution listeners are not supported by the embedded engine');
  }
}
