// The dossier's history as the applicant sees it: status changes and the
// agency's notices, oldest first; the officers' internal steps are left out.
import { DOSSIER_EVENTS } from '../../../server/domain/dossier-statuses';
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { DossierEvent } from './dossier-types';
import './dossier.messages';

// The lifecycle's own events, the draft's creation and the agency's notices.
const SHOWN = new Set<string>(['CREATE_DRAFT', ...DOSSIER_EVENTS, 'APOLOGIZE', 'RATE']);

/** Events whose reason is written for the applicant (others hold technical notes). */
const WITH_REASON = new Set([
  'REFUSE',
  'REQUEST_SUPPLEMENT',
  'REQUEST_WITHDRAWAL',
  'ACCEPT_WITHDRAWAL',
  'REJECT_WITHDRAWAL',
  'STOP',
  'APOLOGIZE',
]);

export function DossierTimeline({ events }: { events: DossierEvent[] }) {
  return (
    <ol className="timeline">
      {events
        .filter((event) => SHOWN.has(event.action))
        .map((event) => (
          <li key={event.seq}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            <strong>{t(`event.${event.action}`)}</strong>
            {event.reason && WITH_REASON.has(event.action) && (
              <span className="muted">{event.reason}</span>
            )}
          </li>
        ))}
    </ol>
  );
}
