// Anyone can check that a result document is genuine by its number
// (/verify?number=… also works, for a link printed on the document).
import { useEffect, useState, type FormEvent } from 'react';
import { useSearch } from 'wouter';
import { formatDate } from '../i18n/format';
import { local, t, useLocale, type LocalText } from '../i18n/i18n';
import { api } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import './public.messages';

interface VerifiedResult {
  number: string;
  issuedAt: string;
  signer: string;
  approved: boolean;
  procedure: { code: string; name: LocalText };
  agency: { code: string; name: LocalText };
  dossierCode: string | null;
  applicantName: string;
}

export default function VerifyPage() {
  useLocale();
  const initial = new URLSearchParams(useSearch()).get('number') ?? '';
  const [number, setNumber] = useState(initial);
  const [result, setResult] = useState<VerifiedResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function verify(value: string) {
    setBusy(true);
    setResult(null);
    try {
      setResult(await api.get<VerifiedResult>(`/public/results/${encodeURIComponent(value)}`));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (initial) void verify(initial);
  }, [initial]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void verify(number.trim());
  }

  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <form className="card" onSubmit={submit}>
        <Field label={t('verify.number')}>
          {(props) => (
            <input
              {...props}
              required
              autoComplete="off"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t('verify.submit')}
        </button>
      </form>
      <div aria-live="polite">
        <ErrorMessage error={error} />
        {result && (
          <section className="card" aria-labelledby="verify-result">
            <h2 id="verify-result" className="alert alert-ok">
              {t('verify.valid', { number: result.number })}
            </h2>
            <dl className="facts">
              <dt>{t('verify.decision')}</dt>
              <dd>{t(result.approved ? 'verify.approved' : 'verify.refused')}</dd>
              <dt>{t('verify.procedure')}</dt>
              <dd>{local(result.procedure.name)}</dd>
              <dt>{t('verify.agency')}</dt>
              <dd>{local(result.agency.name)}</dd>
              <dt>{t('verify.applicant')}</dt>
              <dd>{result.applicantName}</dd>
              {result.dossierCode && (
                <>
                  <dt>{t('verify.dossierCode')}</dt>
                  <dd>{result.dossierCode}</dd>
                </>
              )}
              <dt>{t('verify.issuedAt')}</dt>
              <dd>{formatDate(result.issuedAt)}</dd>
              <dt>{t('verify.signer')}</dt>
              <dd>{result.signer}</dd>
            </dl>
          </section>
        )}
      </div>
    </>
  );
}
