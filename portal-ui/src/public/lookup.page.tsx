// Public lookup of a dossier's status by its code and one identifier of the
// applicant (phone, citizen ID or tax code): no account needed.
import { useState, type FormEvent } from 'react';
import { formatDate } from '../i18n/format';
import { local, t, useLocale, type LocalText } from '../i18n/i18n';
import { api } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import './public.messages';
import { StatusBadge } from './status-badge';

interface LookupResult {
  code: string;
  procedure: { code: string; name: LocalText };
  agency: { code: string; name: LocalText };
  statusCode: number | null;
  statusLabel: LocalText;
  submittedAt: string | null;
  appointmentAt: string | null;
  returnedAt: string | null;
}

export default function LookupPage() {
  useLocale();
  const [code, setCode] = useState('');
  const [applicant, setApplicant] = useState('');
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const query = new URLSearchParams({ code: code.trim(), applicant: applicant.trim() });
      setResult(await api.get<LookupResult>(`/public/dossiers/lookup?${query}`));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('lookup.title')}</h1>
      <p>{t('lookup.intro')}</p>
      <form className="card" onSubmit={(event) => void submit(event)}>
        <Field label={t('lookup.code')} hint={t('lookup.codeHint')}>
          {(props) => (
            <input
              {...props}
              required
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('lookup.applicant')}>
          {(props) => (
            <input
              {...props}
              required
              inputMode="tel"
              autoComplete="off"
              value={applicant}
              onChange={(e) => setApplicant(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t('lookup.submit')}
        </button>
      </form>
      <div aria-live="polite">
        <ErrorMessage error={error} />
        {result && (
          <section className="card" aria-labelledby="lookup-result">
            <h2 id="lookup-result">{t('lookup.result', { code: result.code })}</h2>
            <dl className="facts">
              <dt>{t('lookup.status')}</dt>
              <dd>
                <StatusBadge code={result.statusCode} label={result.statusLabel} />
              </dd>
              <dt>{t('lookup.procedure')}</dt>
              <dd>{local(result.procedure.name)}</dd>
              <dt>{t('lookup.agency')}</dt>
              <dd>{local(result.agency.name)}</dd>
              <dt>{t('lookup.submittedAt')}</dt>
              <dd>{formatDate(result.submittedAt)}</dd>
              {result.appointmentAt && (
                <>
                  <dt>{t('lookup.appointmentAt')}</dt>
                  <dd>{formatDate(result.appointmentAt)}</dd>
                </>
              )}
              {result.returnedAt && (
                <>
                  <dt>{t('lookup.returnedAt')}</dt>
                  <dd>{formatDate(result.returnedAt)}</dd>
                </>
              )}
            </dl>
          </section>
        )}
      </div>
    </>
  );
}
