// Home: search the procedure catalogue by name or code, field, agency and
// service level. The search lives in the address (?q=&field=&agency=&mode=)
// so a result can be shared and the back button works.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { local, t, useLocale } from '../i18n/i18n';
import { ErrorMessage } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import { agencyName, processingTime, type Agency, type Procedure } from './catalogue';

const FILTERS = ['q', 'field', 'agency', 'mode'] as const;

function unique(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'vi'));
}

export default function HomePage() {
  useLocale();
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const [draft, setDraft] = useState(() =>
    Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])),
  );

  const query = new URLSearchParams();
  if (params.get('q')) query.set('q', params.get('q')!);
  if (params.get('field')) query.set('field', params.get('field')!);
  if (params.get('agency')) query.set('agencyCode', params.get('agency')!);
  if (params.get('mode')) query.set('mode', params.get('mode')!);
  const results = useResource<Procedure[]>(`/procedures?${query}`);
  const all = useResource<Procedure[]>('/procedures');
  const agencies = useResource<Agency[]>('/agencies');

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (draft[name]?.trim()) next.set(name, draft[name].trim());
    navigate(next.size ? `/?${next}` : '/');
  }

  const set = (name: string) => (value: string) => setDraft({ ...draft, [name]: value });
  const fields = unique((all.data ?? []).map((p) => local(p.field)));
  const agencyCodes = unique((all.data ?? []).map((p) => p.agencyCode));

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <form role="search" className="card search-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="search-q">{t('home.q')}</label>
          <input
            id="search-q"
            type="search"
            value={draft.q}
            onChange={(e) => set('q')(e.target.value)}
          />
        </div>
        <div className="grid grid-3">
          <div className="field">
            <label htmlFor="search-field">{t('home.field')}</label>
            <select
              id="search-field"
              value={draft.field}
              onChange={(e) => set('field')(e.target.value)}
            >
              <option value="">{t('home.all')}</option>
              {fields.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-agency">{t('home.agency')}</label>
            <select
              id="search-agency"
              value={draft.agency}
              onChange={(e) => set('agency')(e.target.value)}
            >
              <option value="">{t('home.all')}</option>
              {agencyCodes.map((code) => (
                <option key={code} value={code}>
                  {agencyName(agencies.data, code)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-mode">{t('home.mode')}</label>
            <select
              id="search-mode"
              value={draft.mode}
              onChange={(e) => set('mode')(e.target.value)}
            >
              <option value="">{t('home.all')}</option>
              <option value="full">{t('mode.full')}</option>
              <option value="partial">{t('mode.partial')}</option>
            </select>
          </div>
        </div>
        <button type="submit">{t('common.search')}</button>
      </form>

      <section>
        {!results.error && (
          <h2 aria-live="polite">
            {results.data && !results.loading
              ? t('home.results', { count: results.data.length })
              : t('common.loading')}
          </h2>
        )}
        <ErrorMessage error={results.error} />
        {results.data && (
          <>
            {results.data.length === 0 && <p>{t('home.none')}</p>}
            <ul className="plain-list">
              {results.data.map((procedure) => (
                <li key={procedure.id} className="card">
                  <h3>
                    <Link href={`/procedures/${procedure.code}`}>{local(procedure.name)}</Link>
                  </h3>
                  <p className="muted">
                    {procedure.code} · {local(procedure.field)} ·{' '}
                    {agencyName(agencies.data, procedure.agencyCode)}
                  </p>
                  <p>
                    <span
                      className={procedure.mode === 'full' ? 'badge badge-ok' : 'badge badge-info'}
                    >
                      {t(`mode.${procedure.mode}`)}
                    </span>{' '}
                    {processingTime(procedure)}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
