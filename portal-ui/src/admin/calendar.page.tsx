// /admin/calendar — the holidays and make-up working days of a year, edited
// as rows and saved as the year's whole table (PUT /calendar/:year).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ActionStatus, notice, type Notice } from '../shell/action-status';
import { ErrorMessage, Field, Loading } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import { CalendarTable, type EntryDraft } from './calendar-table';
import { useAction } from './use-action';
import './admin.css';
import './calendar.messages';

interface Entry {
  date: string;
  kind: EntryDraft['kind'];
  name?: { vi: string; en: string };
}

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format());

function toEntry(row: EntryDraft): Entry {
  const name =
    row.nameVi.trim() || row.nameEn.trim()
      ? { name: { vi: row.nameVi.trim(), en: row.nameEn.trim() } }
      : {};
  return { date: row.date, kind: row.kind, ...name };
}

export default function CalendarPage() {
  const [year, setYear] = useState(thisYear);
  const [yearText, setYearText] = useState(String(year));
  const entries = useResource<Entry[]>(`/calendar/${year}`);
  const [rows, setRows] = useState<EntryDraft[]>([]);
  const [message, setMessage] = useState<Notice | null>(null);
  const nextKey = useRef(0);
  const { error, busy, run } = useAction();

  useEffect(() => {
    if (!entries.data) return;
    setRows(
      entries.data.map((entry) => ({
        key: nextKey.current++,
        date: entry.date,
        kind: entry.kind,
        nameVi: entry.name?.vi ?? '',
        nameEn: entry.name?.en ?? '',
      })),
    );
  }, [entries.data]);

  function showYear(event: FormEvent) {
    event.preventDefault();
    const value = Number(yearText);
    if (Number.isInteger(value) && value >= 1900 && value <= 2199) {
      setMessage(null);
      setYear(value);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = rows.map(toEntry);
    if (await run(() => api.put(`/calendar/${year}`, body))) {
      setMessage(notice('calendar.saved', { year, n: body.length }));
      await entries.reload();
    } else {
      setMessage(null);
    }
  }

  const addRow = () =>
    setRows([
      ...rows,
      { key: nextKey.current++, date: '', kind: 'holiday', nameVi: '', nameEn: '' },
    ]);

  return (
    <section>
      <h1>{t('calendar.title')}</h1>
      <p>{t('calendar.intro')}</p>
      <form className="card" onSubmit={showYear}>
        <Field label={t('calendar.year')}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1900}
              max={2199}
              value={yearText}
              onChange={(e) => setYearText(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="secondary">
          {t('calendar.show')}
        </button>
      </form>
      <ActionStatus notice={message} />
      <h2>{t('calendar.entries', { year })}</h2>
      <ErrorMessage error={entries.error ?? error} />
      {!entries.data && !entries.error ? (
        <Loading />
      ) : (
        <form onSubmit={(event) => void save(event)} noValidate>
          {rows.length === 0 ? (
            <p>{t('calendar.none')}</p>
          ) : (
            <CalendarTable year={year} rows={rows} errors={fieldErrors(error)} onChange={setRows} />
          )}
          <div className="actions">
            <button type="button" className="secondary" onClick={addRow}>
              {t('calendar.add')}
            </button>
            <button type="submit" disabled={busy}>
              {t('calendar.save', { year })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
