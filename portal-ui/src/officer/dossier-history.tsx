// The dossier's history (its audit events): when, who, what, the status
// change and the reason or comment.
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n/i18n';
import { TableRegion } from '../shell/table-region';
import type { DossierEvent } from './api-types';
import { actionName, roleName, statusName } from './labels';
import './officer.messages';

export function DossierHistory({ events }: { events: DossierEvent[] }) {
  if (events.length === 0) return <p>{t('officer.history.none')}</p>;
  return (
    <TableRegion label={t('officer.history.tableLabel')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('officer.history.at')}</th>
            <th scope="col">{t('officer.history.action')}</th>
            <th scope="col">{t('officer.history.actor')}</th>
            <th scope="col">{t('officer.history.status')}</th>
            <th scope="col">{t('officer.history.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <td>{formatDateTime(event.at)}</td>
              <td>{actionName(event.action)}</td>
              <td>{roleName(event.actorRole) || t('officer.history.system')}</td>
              <td>
                {event.fromStatus !== event.toStatus
                  ? `${statusName(event.fromStatus) || '—'} → ${statusName(event.toStatus)}`
                  : statusName(event.toStatus)}
              </td>
              <td>{event.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
