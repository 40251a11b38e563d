// The one error a deployment fails with: which element, and why, for every
// problem found (the first one is also on `elementId` / `reason`).

export interface DeploymentProblem {
  /** BPMN id of the offending element; null for problems of the whole file. */
  elementId: string | null;
  reason: string;
}

export function formatProblem({ elementId, reason }: DeploymentProblem): string {
  return elementId === null ? reason : `Element '${elementId}': ${reason}`;
}

export class DeploymentError extends Error {
  readonly elementId: string | null;
  readonly reason: string;
  readonly problems: DeploymentProblem[];

  constructor(elementId: string | null, reason: string, more: DeploymentProblem[] = []) {
    const problems = [{ elementId, reason }, ...more];
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DeploymentError';
    this.elementId = elementId;
    this.reason = reason;
    this.problems = problems;
  }

  /** One error for several problems; `problems` must not be empty. */
  static of(problems: DeploymentProblem[]): DeploymentError {
    const [first, ...more] = problems;
    if (!first) throw new RangeError('DeploymentError.of needs at least one problem');
    return new DeploymentError(first.elementId, first.reason, more);
  }
}
