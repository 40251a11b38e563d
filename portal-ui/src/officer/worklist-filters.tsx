// The worklist's filter form: procedure, open or completed, due by a day,
// overdue only, text (dossier code or task name) and the order by due date.
import { useState, type FormEvent } from 'react';
import { local, t } from '../i18n/i18n';
import { Field } from '../shell/feedback';
import { useProcedures } from '../public/procedures';
import type { WorklistFilters } from './worklist-query';
import './worklist.messages';

// On a phone the filters start folded, so the tasks come first.
const wideScreen = () => window.matchMedia('(min-width: 48rem)').matches;
const filtered = (filters: WorklistFilters) =>
  Boolean(filters.procedure || filters.dueBy || filters.overdue || filters.q) ||
  filters.status !== 'open';

export function WorklistFilterForm({
  filters,
  onApply,
}: {
  filters: WorklistFilters;
  onApply: (filters: WorklistFilters) => void;
}) {
  const { procedures } = useProcedures();
  const [draft, setDraft] = useState(filters);
  const set = <K extends keyof WorklistFilters>(key: K, value: WorklistFilters[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply({ ...draft, view: filters.view });
  }

  function clear() {
    const cleared: WorklistFilters = {
      view: filters.view,
      procedure: '',
      status: 'open',
      dueBy: '',
      overdue: false,
      q: '',
      sort: 'asc',
    };
    setDraft(cleared);
    onApply(cleared);
  }

  return (
    <details className="officer-filters card" open={filtered(filters) || wideScreen()}>
      <summary>{t('worklist.filters')}</summary>
      <form onSubmit={apply} aria-label={t('worklist.filters')}>
        <div className="officer-filter-grid">
          <Field label={t('worklist.filter.q')} hint={t('worklist.filter.qHint')}>
            {(props) => (
              <input
                {...props}
                type="search"
                value={draft.q}
                onChange={(event) => set('q', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('worklist.filter.procedure')}>
            {(props) => (
              <select
                {...props}
                value={draft.procedure}
                onChange={(event) => set('procedure', event.target.value)}
              >
                <option value="">{t('worklist.filter.allProcedures')}</option>
                {procedures.map((procedure) => (
                  <option key={procedure.code} value={procedure.code}>
                    {procedure.code} — {local(procedure.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('worklist.filter.status')}>
            {(props) => (
              <select
                {...props}
                value={draft.status}
                onChange={(event) => set('status', event.target.value as WorklistFilters['status'])}
              >
                <option value="open">{t('worklist.filter.open')}</option>
                <option value="completed">{t('worklist.filter.completed')}</option>
              </select>
            )}
          </Field>
          <Field label={t('worklist.filter.dueBy')}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.dueBy}
                onChange={(event) => set('dueBy', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('worklist.filter.sort')}>
            {(props) => (
              <select
                {...props}
                value={draft.sort}
                onChange={(event) => set('sort', event.target.value as WorklistFilters['sort'])}
              >
                <option value="asc">{t('worklist.filter.sortAsc')}</option>
                <option value="desc">{t('worklist.filter.sortDesc')}</option>
              </select>
            )}
          </Field>
          <div className="field officer-checkbox">
            <label>
              <input
                type="checkbox"
                checked={draft.overdue}
                onChange={(event) => set('overdue', event.target.checked)}
              />
              {t('worklist.filter.overdue')}
            </label>
          </div>
        </div>
        <div className="actions">
          <button type="submit">{t('worklist.filter.apply')}</button>
          <button type="button" className="secondary" onClick={clear}>
            {t('worklist.filter.clear')}
          </button>
        </div>
      </form>
    </details>
  );
}
