// /admin/notifications — the messages motcua kept (no mail server) or could
// not deliver, newest first, each with its text.
import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n/i18n';
import { ErrorMessage, Field, Loading } from '../shell/feedback';
import { TableRegion } from '../shell/table-region';
import { useResource } from '../shell/use-resource';
import './admin.css';
import './notifications.messages';

interface Notification {
  id: string;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

const STATUSES = ['kept', 'failed', 'queued', 'sent'];

export default function NotificationsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const status = new URLSearchParams(search).get('status') ?? 'kept';
  const [draft, setDraft] = useState(status);
  const notifications = useResource<Notification[]>(`/notifications?status=${status}&limit=200`);

  function show(event: FormEvent) {
    event.preventDefault();
    navigate(`/admin/notifications?status=${draft}`);
  }

  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      <p>{t('notifications.intro')}</p>
      <form className="card" onSubmit={show}>
        <Field label={t('notifications.status')}>
          {(props) => (
            <select {...props} value={draft} onChange={(e) => setDraft(e.target.value)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`notifications.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="secondary">
          {t('notifications.show')}
        </button>
      </form>
      <ErrorMessage error={notifications.error} />
      {!notifications.data && !notifications.error && <Loading />}
      {notifications.data?.length === 0 && <p>{t('notifications.none')}</p>}
      {notifications.data && notifications.data.length > 0 && (
        <>
          <p>{t('notifications.count', { n: notifications.data.length })}</p>
          <TableRegion label={t('notifications.tableLabel')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('notifications.col.at')}</th>
                  <th scope="col">{t('notifications.col.recipient')}</th>
                  <th scope="col">{t('notifications.col.subject')}</th>
                  <th scope="col">{t('notifications.col.template')}</th>
                  <th scope="col">{t('notifications.col.attempts')}</th>
                  <th scope="col">{t('notifications.col.error')}</th>
                </tr>
              </thead>
              <tbody>
                {notifications.data.map((n) => (
                  <tr key={n.id}>
                    <td>{formatDateTime(n.createdAt)}</td>
                    <td>{n.recipient}</td>
                    <td>
                      <details>
                        <summary>{n.subject}</summary>
                        <p className="notification-body">{n.body}</p>
                      </details>
                    </td>
                    <td>{n.template}</td>
                    <td>{n.attempts}</td>
                    <td>{n.lastError ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </section>
  );
}
