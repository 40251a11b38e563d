// /work/dossiers — find the agency's dossiers by code or applicant name,
// status and procedure, a page of 50 at a time.
import { Link, useLocation, useSearch } from 'wouter';
import { formatDate } from '../i18n/format';
import { local, t } from '../i18n/i18n';
import { ErrorMessage, Loading } from '../shell/feedback';
import { TableRegion } from '../shell/table-region';
import { useResource } from '../shell/use-resource';
import { applicantName, type Dossier } from './api-types';
import {
  DossierSearchForm,
  readSearch,
  writeSearch,
  type DossierSearch,
} from './dossier-search-form';
import { channelName } from './labels';
import './officer.css';
import './dossiers.messages';

const PAGE_SIZE = 50;

function listPath(search: DossierSearch): string {
  const params = new URLSearchParams({
    limit: String(PAGE_SIZE),
    offset: String((search.page - 1) * PAGE_SIZE),
  });
  if (search.q) params.set('q', search.q);
  if (search.status) params.set('status', search.status);
  if (search.procedure) params.set('procedureCode', search.procedure);
  return `/dossiers?${params.toString()}`;
}

export default function DossierSearchPage() {
  const query = useSearch();
  const [, navigate] = useLocation();
  const search = readSearch(query);
  const dossiers = useResource<Dossier[]>(listPath(search));
  const go = (next: DossierSearch) => {
    const text = writeSearch(next);
    navigate(text ? `/work/dossiers?${text}` : '/work/dossiers');
  };
  const rows = dossiers.data ?? [];

  return (
    <section>
      <h1>{t('dossiers.title')}</h1>
      <DossierSearchForm key={query} search={search} onSearch={go} />
      <ErrorMessage error={dossiers.error} />
      {!dossiers.data && !dossiers.error && <Loading />}
      {dossiers.data && (
        <>
          <p role="status">
            {rows.length === 0
              ? t('dossiers.none')
              : t('dossiers.showing', {
                  from: (search.page - 1) * PAGE_SIZE + 1,
                  to: (search.page - 1) * PAGE_SIZE + rows.length,
                })}
          </p>
          {rows.length > 0 && (
            <TableRegion label={t('dossiers.tableLabel')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('dossiers.col.code')}</th>
                    <th scope="col">{t('dossiers.col.applicant')}</th>
                    <th scope="col">{t('dossiers.col.status')}</th>
                    <th scope="col">{t('dossiers.col.channel')}</th>
                    <th scope="col">{t('dossiers.col.submitted')}</th>
                    <th scope="col">{t('dossiers.col.appointment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((dossier) => (
                    <tr key={dossier.id} data-testid="dossier-row">
                      <td>
                        <Link href={`/work/dossiers/${dossier.id}`}>
                          {dossier.code ?? t('dossiers.draft')}
                        </Link>
                      </td>
                      <td>{applicantName(dossier.formData)}</td>
                      <td>{local(dossier.statusLabel)}</td>
                      <td>{channelName(dossier.channel)}</td>
                      <td>{formatDate(dossier.submittedAt)}</td>
                      <td>{formatDate(dossier.appointmentAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <nav className="actions" aria-label={t('dossiers.pages')}>
            {search.page > 1 && (
              <button
                type="button"
                className="secondary"
                onClick={() => go({ ...search, page: search.page - 1 })}
              >
                {t('dossiers.previous')}
              </button>
            )}
            {rows.length === PAGE_SIZE && (
              <button
                type="button"
                className="secondary"
                onClick={() => go({ ...search, page: search.page + 1 })}
              >
                {t('dossiers.next')}
              </button>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
