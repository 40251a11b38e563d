// A dossier's status as a badge: its national label, coloured by what it asks
// of the applicant (waiting, action needed, refused or stopped, done).
import { local, type LocalText } from '../i18n/i18n';

function tone(code: number | null): string {
  if (code === null) return '';
  if ([5, 6, 7].includes(code)) return 'badge-warn';
  if ([3, 8].includes(code)) return 'badge-bad';
  if ([9, 10].includes(code)) return 'badge-ok';
  return 'badge-info';
}

export function StatusBadge({ code, label }: { code: number | null; label: LocalText }) {
  return (
    <span className={`badge ${tone(code)}`} data-testid="dossier-status">
      {local(label)}
    </span>
  );
}
