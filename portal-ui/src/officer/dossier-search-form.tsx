// The dossier search form: text (dossier code or applicant name), status and procedure.
import { useState, type FormEvent } from 'react';
import { local, t } from '../i18n/i18n';
import { Field } from '../shell/feedback';
import { statusName, STATUSES } from './labels';
import { useProcedures } from '../public/procedures';
import './dossiers.messages';

export interface DossierSearch {
  q: string;
  status: string;
  procedure: string;
  page: number;
}

export function readSearch(search: string): DossierSearch {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    procedure: params.get('procedure') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

export function writeSearch(search: DossierSearch): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.status) params.set('status', search.status);
  if (search.procedure) params.set('procedure', search.procedure);
  if (search.page > 1) params.set('page', String(search.page));
  return params.toString();
}

export function DossierSearchForm({
  search,
  onSearch,
}: {
  search: DossierSearch;
  onSearch: (search: DossierSearch) => void;
}) {
  const { procedures } = useProcedures();
  const [draft, setDraft] = useState(search);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim(), page: 1 });
  }

  return (
    <form className="officer-filters card" role="search" onSubmit={submit}>
      <div className="officer-filter-grid">
        <Field label={t('dossiers.filter.q')} hint={t('dossiers.filter.qHint')}>
          {(props) => (
            <input
              {...props}
              type="search"
              maxLength={200}
              value={draft.q}
              onChange={(event) => setDraft({ ...draft, q: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('dossiers.filter.status')}>
          {(props) => (
            <select
              {...props}
              value={draft.status}
              onChange={(event) => setDraft({ ...draft, status: event.target.value })}
            >
              <option value="">{t('dossiers.filter.allStatuses')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusName(status)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('dossiers.filter.procedure')}>
          {(props) => (
            <select
              {...props}
              value={draft.procedure}
              onChange={(event) => setDraft({ ...draft, procedure: event.target.value })}
            >
              <option value="">{t('dossiers.filter.allProcedures')}</option>
              {procedures.map((procedure) => (
                <option key={procedure.code} value={procedure.code}>
                  {procedure.code} — {local(procedure.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit">{t('common.search')}</button>
      </div>
    </form>
  );
}
