// The live lint findings: counts, then one button per finding that selects
// its element on the canvas.
import { countBySeverity, type LintFinding } from './bpmn/lint-findings';
import { useI18n } from './i18n';

export interface LintPanelProps {
  findings: LintFinding[];
  nameOf: (elementId: string) => string | null;
  onSelect: (finding: LintFinding) => void;
}

export function LintPanel({ findings, nameOf, onSelect }: LintPanelProps) {
  const { t } = useI18n();
  const counts = countBySeverity(findings);
  return (
    <section className="panel lint-panel" aria-labelledby="lint-heading" data-testid="lint-panel">
      <h2 id="lint-heading">{t('lint.heading')}</h2>
      <p data-testid="lint-summary">
        {findings.length === 0
          ? t('lint.none')
          : t('lint.summary', { errors: counts.error, warnings: counts.warn })}
      </p>
      {findings.length > 0 && (
        <ul className="findings">
          {findings.map((finding, index) => {
            const name = nameOf(finding.reportedId);
            return (
              <li key={`${finding.rule}-${finding.reportedId}-${index}`}>
                <button
                  type="button"
                  className={`finding finding-${finding.severity}`}
                  onClick={() => onSelect(finding)}
                >
                  <span className="finding-severity">{t(`lint.${finding.severity}`)}</span>{' '}
                  <span className="finding-element">
                    {name ? `${name} (${finding.reportedId})` : finding.reportedId}
                  </span>
                  : <span lang="en">{finding.message}</span>{' '}
                  <span className="finding-rule">[{finding.rule}]</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
