// Where a dossier is in its BPMN diagram, from what motcua itself recorded
// (a Zeebe cluster has no query API over gRPC): finished jobs, the officers'
// tasks, the elements named in the audit trail. Gateways and events leave no
// record of their own; they count as passed when the elements on both sides
// of them were reached. A process that waits for a message or a timer right
// after its last finished job shows that event as current.

export interface ProgressNode {
  /** The bpmn-moddle type, e.g. `bpmn:ExclusiveGateway`. */
  type: string;
  topLevel: boolean;
  sources: string[];
  targets: string[];
}

export interface ProgressFacts {
  /** The dossier's process instance exists. */
  started: boolean;
  /** The dossier is in a final status: nothing is current any more. */
  finished: boolean;
  /** Elements of the jobs the workers finished, oldest first. */
  finishedJobs: string[];
  completedTasks: string[];
  openTasks: string[];
  /** Elements named by the dossier's audit events. */
  eventElements: string[];
}

const PASSED_BETWEEN = /^bpmn:(\w+Gateway|IntermediateCatchEvent|IntermediateThrowEvent)$/;
const WAITS = new Set(['bpmn:IntermediateCatchEvent', 'bpmn:ReceiveTask']);

export function processProgress(
  nodes: Map<string, ProgressNode>,
  facts: ProgressFacts,
): { done: string[]; current: string[] } {
  const current = new Set(facts.openTasks.filter((id) => nodes.has(id)));
  const done = new Set(
    [...facts.finishedJobs, ...facts.completedTasks, ...facts.eventElements].filter(
      (id) => nodes.has(id) && !current.has(id),
    ),
  );
  if (facts.started) {
    for (const [id, node] of nodes) {
      if (node.type === 'bpmn:StartEvent' && node.topLevel) done.add(id);
    }
  }
  const reached = (id: string) => done.has(id) || current.has(id);
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, node] of nodes) {
      if (reached(id)) continue;
      const passed =
        (PASSED_BETWEEN.test(node.type) && node.sources.some((s) => done.has(s))
          ? node.targets.some(reached)
          : false) ||
        (node.type === 'bpmn:EndEvent' && node.sources.some((s) => done.has(s))) ||
        (node.type === 'bpmn:BoundaryEvent' && node.targets.some(reached));
      if (passed) {
        done.add(id);
        changed = true;
      }
    }
  }
  const last = facts.finishedJobs.at(-1);
  if (!facts.finished && current.size === 0 && last) {
    for (const target of nodes.get(last)?.targets ?? []) {
      const node = nodes.get(target)!;
      if (WAITS.has(node.type)) current.add(target);
      if (node.type === 'bpmn:EventBasedGateway') {
        done.add(target);
        for (const event of node.targets) current.add(event);
      }
    }
  }
  const inOrder = (set: Set<string>) => [...nodes.keys()].filter((id) => set.has(id));
  return { done: inOrder(done), current: inOrder(current) };
}
