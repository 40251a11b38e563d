// The findings of bpmn-js-bpmnlint's `linting.completed` event as one list,
// errors first, for the findings panel.

/** A report as bpmn-js-bpmnlint gives it, grouped by the element it is shown on. */
export interface LintReport {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
  /** Set when the reported element has no shape and the report moved to its process. */
  actualElementId?: string;
}

export type Severity = 'error' | 'warn' | 'info';

export interface LintFinding {
  /** The element with a shape to select on the canvas. */
  elementId: string;
  /** The element the rule reported. */
  reportedId: string;
  rule: string;
  message: string;
  severity: Severity;
}

const order: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

export function toFindings(issues: Record<string, LintReport[]>): LintFinding[] {
  return Object.values(issues)
    .flat()
    .map((report): LintFinding => ({
      elementId: report.id,
      reportedId: report.actualElementId ?? report.id,
      rule: report.rule,
      message: report.message,
      // A rule that crashed is an error: the diagram was not fully checked.
      severity: report.category === 'rule-error' ? 'error' : report.category,
    }))
    .sort((a, b) => order[a.severity] - order[b.severity]);
}

export function countBySeverity(findings: LintFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
