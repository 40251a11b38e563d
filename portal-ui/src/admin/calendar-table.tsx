// The editable rows of a year's calendar: date, kind, names. Each control is
// labelled with its row number; the server's messages show in the row.
import type { ReactNode } from 'react';
import { local, t, type LocalText } from '../i18n/i18n';
import { TableRegion } from '../shell/table-region';
import './calendar.messages';

export interface EntryDraft {
  key: number;
  date: string;
  kind: 'holiday' | 'make_up_working_day';
  nameVi: string;
  nameEn: string;
}

function Cell({
  label,
  error,
  children,
}: {
  label: string;
  error: LocalText | undefined;
  children: (props: { 'aria-label': string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  return (
    <td className={error ? 'field-invalid' : undefined}>
      {children({ 'aria-label': label, ...(error ? { 'aria-invalid': true } : {}) })}
      {error && <p className="field-error">{local(error)}</p>}
    </td>
  );
}

export function CalendarTable({
  year,
  rows,
  errors,
  onChange,
}: {
  year: number;
  rows: EntryDraft[];
  errors: Map<string, LocalText>;
  onChange: (rows: EntryDraft[]) => void;
}) {
  const update = (index: number, change: Partial<EntryDraft>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const label = (index: number, field: string) =>
    t('calendar.rowLabel', { n: index + 1, field: t(field) });
  // A name error may point at the name or at one of its languages.
  const nameError = (index: number, lang: 'vi' | 'en') =>
    errors.get(`/${index}/name/${lang}`) ?? errors.get(`/${index}/name`);

  return (
    <TableRegion label={t('calendar.tableLabel', { year })}>
      <table className="calendar-table">
        <thead>
          <tr>
            <th scope="col">{t('calendar.date')}</th>
            <th scope="col">{t('calendar.kind')}</th>
            <th scope="col">{t('calendar.nameVi')}</th>
            <th scope="col">{t('calendar.nameEn')}</th>
            <th scope="col">{t('calendar.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <Cell label={label(index, 'calendar.date')} error={errors.get(`/${index}/date`)}>
                {(props) => (
                  <input
                    {...props}
                    type="date"
                    required
                    min={`${year}-01-01`}
                    max={`${year}-12-31`}
                    value={row.date}
                    onChange={(e) => update(index, { date: e.target.value })}
                  />
                )}
              </Cell>
              <Cell label={label(index, 'calendar.kind')} error={errors.get(`/${index}/kind`)}>
                {(props) => (
                  <select
                    {...props}
                    value={row.kind}
                    onChange={(e) => update(index, { kind: e.target.value as EntryDraft['kind'] })}
                  >
                    <option value="holiday">{t('calendar.kind.holiday')}</option>
                    <option value="make_up_working_day">
                      {t('calendar.kind.make_up_working_day')}
                    </option>
                  </select>
                )}
              </Cell>
              <Cell label={label(index, 'calendar.nameVi')} error={nameError(index, 'vi')}>
                {(props) => (
                  <input
                    {...props}
                    value={row.nameVi}
                    onChange={(e) => update(index, { nameVi: e.target.value })}
                  />
                )}
              </Cell>
              <Cell label={label(index, 'calendar.nameEn')} error={nameError(index, 'en')}>
                {(props) => (
                  <input
                    {...props}
                    lang="en"
                    value={row.nameEn}
                    onChange={(e) => update(index, { nameEn: e.target.value })}
                  />
                )}
              </Cell>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('calendar.remove', { n: index + 1 })}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  {t('calendar.removeShort')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
