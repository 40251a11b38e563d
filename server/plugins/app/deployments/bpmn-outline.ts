// The shape of a BPMN document as the server needs it: its processes, and in
// each the flow nodes with their names and sequence-flow neighbours (for the
// modeler's checks, the officers' task names and the progress diagram). Read
// with bpmn-moddle, as Camunda Modeler writes it; whether the model runs is
// for the engine to say at deploy time.
import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

export interface BpmnNode {
  id: string;
  /** The bpmn-moddle type, e.g. `bpmn:UserTask`. */
  type: string;
  name: string | null;
  /** Directly in the process, not inside a subprocess. */
  topLevel: boolean;
  /** Ids of the nodes the incoming sequence flows come from. */
  sources: string[];
  /** Ids of the nodes the outgoing sequence flows go to. */
  targets: string[];
}

export interface BpmnProcessOutline {
  id: string;
  name: string | null;
  executable: boolean;
  nodes: Map<string, BpmnNode>;
}

/** Why a document is not a BPMN model: the XML does not parse, or moddle could not read a part. */
export class BpmnReadError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

interface Element {
  $type: string;
  id?: string;
  name?: string;
  isExecutable?: boolean;
  rootElements?: Element[];
  flowElements?: Element[];
  sourceRef?: Element;
  targetRef?: Element;
}

export async function outlineBpmn(xml: string): Promise<BpmnProcessOutline[]> {
  const parsed = await new BpmnModdle({ zeebe: zeebeDescriptor })
    .fromXML(xml)
    .catch((error: unknown) => {
      throw new BpmnReadError([oneLine(error instanceof Error ? error.message : String(error))]);
    });
  if (parsed.warnings.length > 0) {
    throw new BpmnReadError(parsed.warnings.map((w) => oneLine(w.message)));
  }
  const root = parsed.rootElement as Element | undefined;
  if (root?.$type !== 'bpmn:Definitions') {
    throw new BpmnReadError(['the document is not BPMN 2.0 XML (no bpmn:definitions)']);
  }
  return (root.rootElements ?? [])
    .filter((e) => e.$type === 'bpmn:Process' && e.id)
    .map((process) => {
      const nodes = new Map<string, BpmnNode>();
      collect(process.flowElements ?? [], nodes, true);
      return {
        id: process.id!,
        name: process.name ?? null,
        executable: process.isExecutable === true,
        nodes,
      };
    });
}

function collect(elements: Element[], nodes: Map<string, BpmnNode>, topLevel: boolean): void {
  const flows: Element[] = [];
  for (const element of elements) {
    if (element.$type === 'bpmn:SequenceFlow') flows.push(element);
    else if (element.id) {
      nodes.set(element.id, {
        id: element.id,
        type: element.$type,
        name: element.name ?? null,
        topLevel,
        sources: [],
        targets: [],
      });
      if (element.flowElements) collect(element.flowElements, nodes, false);
    }
  }
  for (const flow of flows) {
    const source = flow.sourceRef?.id ? nodes.get(flow.sourceRef.id) : undefined;
    const target = flow.targetRef?.id ? nodes.get(flow.targetRef.id) : undefined;
    if (source && target) {
      source.targets.push(target.id);
      target.sources.push(source.id);
    }
  }
}

// Moddle's parse errors put the line, column and cause on further lines: one line here.
function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
