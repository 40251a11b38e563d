// /admin/accounts — operators find accounts (name, email, ID or tax code;
// kind; status), suspend an active one or reactivate a suspended one.
import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { t } from '../i18n/i18n';
import { roleName } from '../officer/labels';
import { api } from '../shell/api';
import { ActionStatus, notice, type Notice } from '../shell/action-status';
import { ErrorMessage, Field, Loading } from '../shell/feedback';
import { TableRegion } from '../shell/table-region';
import { useResource } from '../shell/use-resource';
import { accountStatusName, ACCOUNT_STATUSES, kindName } from './labels';
import './admin.css';
import './accounts.messages';

interface AccountRow {
  id: string;
  kind: string;
  email: string;
  status: string;
  fullName: string;
  organisationName: string | null;
  roles: string[];
}

const KINDS = ['citizen', 'organisation', 'staff'];
const PAGE_SIZE = 100;

function withLimit(search: string): string {
  const params = new URLSearchParams(search);
  params.set('limit', String(PAGE_SIZE));
  return params.toString();
}

function SearchForm({
  query,
  onSearch,
}: {
  query: URLSearchParams;
  onSearch: (q: string) => void;
}) {
  const [q, setQ] = useState(query.get('q') ?? '');
  const [kind, setKind] = useState(query.get('kind') ?? '');
  const [status, setStatus] = useState(query.get('status') ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (kind) next.set('kind', kind);
    if (status) next.set('status', status);
    onSearch(next.toString());
  }

  return (
    <form role="search" className="card" onSubmit={submit}>
      <div className="admin-filters">
        <Field label={t('accounts.q')}>
          {(props) => (
            <input {...props} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          )}
        </Field>
        <Field label={t('accounts.kind')}>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">{t('accounts.kind.all')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('accounts.status')}>
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('accounts.status.all')}</option>
              {ACCOUNT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {accountStatusName(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit">{t('common.search')}</button>
    </form>
  );
}

export default function AccountsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const accounts = useResource<{ items: AccountRow[]; total: number }>(
    `/accounts?${withLimit(search)}`,
  );
  const rows = accounts.data?.items;
  const total = accounts.data?.total ?? 0;
  const [message, setMessage] = useState<Notice | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function setStatus(account: AccountRow, status: 'suspended' | 'active') {
    const name = account.organisationName ?? account.fullName;
    setBusy(account.id);
    try {
      await api.put(`/accounts/${account.id}/status`, { status });
      setError(null);
      setMessage(
        notice(status === 'active' ? 'accounts.reactivated' : 'accounts.suspended', { name }),
      );
      await accounts.reload();
    } catch (caught) {
      setError(caught);
      setMessage(null);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section>
      <h1>{t('accounts.title')}</h1>
      <SearchForm
        key={search}
        query={new URLSearchParams(search)}
        onSearch={(q) => navigate(q ? `/admin/accounts?${q}` : '/admin/accounts')}
      />
      <ActionStatus notice={message} />
      <ErrorMessage error={error ?? accounts.error} />
      {!accounts.data && !accounts.error && <Loading />}
      {rows?.length === 0 && <p>{t('accounts.none')}</p>}
      {rows && rows.length > 0 && (
        <>
          <p>
            {rows.length < total
              ? t('accounts.countSome', { n: rows.length, total })
              : t('accounts.count', { total })}
          </p>
          <TableRegion label={t('accounts.tableLabel')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.col.name')}</th>
                  <th scope="col">{t('accounts.col.email')}</th>
                  <th scope="col">{t('accounts.col.kind')}</th>
                  <th scope="col">{t('accounts.col.roles')}</th>
                  <th scope="col">{t('accounts.col.status')}</th>
                  <th scope="col">{t('accounts.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((account) => {
                  const name = account.organisationName ?? account.fullName;
                  return (
                    <tr key={account.id}>
                      <td>{name}</td>
                      <td>{account.email}</td>
                      <td>{kindName(account.kind)}</td>
                      <td>{account.roles.map(roleName).join(', ')}</td>
                      <td>{accountStatusName(account.status)}</td>
                      <td>
                        {account.status === 'active' && (
                          <button
                            type="button"
                            className="secondary"
                            disabled={busy === account.id}
                            aria-label={t('accounts.suspend', { name })}
                            onClick={() => void setStatus(account, 'suspended')}
                          >
                            {t('accounts.suspendShort')}
                          </button>
                        )}
                        {(account.status === 'suspended' || account.status === 'cancelled') && (
                          <button
                            type="button"
                            className="secondary"
                            disabled={busy === account.id}
                            aria-label={t('accounts.reactivate', { name })}
                            onClick={() => void setStatus(account, 'active')}
                          >
                            {t('accounts.reactivateShort')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </section>
  );
}
