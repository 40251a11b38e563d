// Password reset in two steps: ask for a code by email, then set a new
// password with it (?token= fills the code in).
import { useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { getLocale, t, useLocale } from '../i18n/i18n';
import { api } from '../shell/api';
import { ErrorMessage } from '../shell/feedback';
import { problem, TextField } from './account-form';

const MIN_PASSWORD = 10;

function RequestCode({ onSent, onHaveCode }: { onSent: () => void; onHaveCode: () => void }) {
  const [email, setEmail] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (problem('', email, 'email')) return;
    setBusy(true);
    try {
      await api.post('/auth/password-reset', { email: email.trim(), locale: getLocale() });
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card narrow" noValidate onSubmit={(event) => void submit(event)}>
      <p>{t('reset.requestIntro')}</p>
      <ErrorMessage error={error} />
      <TextField
        label={t('account.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={attempted ? problem(t('account.email'), email, 'email') : undefined}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('reset.request')}
        </button>
        <button type="button" className="secondary" onClick={onHaveCode}>
          {t('reset.haveCode')}
        </button>
      </div>
    </form>
  );
}

function SetPassword({ initialToken, onDone }: { initialToken: string; onDone: () => void }) {
  const [token, setToken] = useState(initialToken);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const tokenProblem = problem(t('reset.token'), token);
  const passwordProblem =
    password.length < MIN_PASSWORD ? t('account.tooShort', { min: MIN_PASSWORD }) : undefined;
  const againProblem = again !== password ? t('account.mismatch') : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (tokenProblem || passwordProblem || againProblem) return;
    setBusy(true);
    try {
      await api.post('/auth/password-reset/confirm', { token: token.trim(), password });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card narrow" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorMessage error={error} />
      <TextField
        label={t('reset.token')}
        autoComplete="one-time-code"
        value={token}
        onChange={setToken}
        error={attempted ? tokenProblem : undefined}
      />
      <TextField
        label={t('reset.newPassword')}
        hint={t('account.passwordHint', { min: MIN_PASSWORD })}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={attempted ? passwordProblem : undefined}
      />
      <TextField
        label={t('account.passwordAgain')}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={setAgain}
        error={attempted ? againProblem : undefined}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('reset.confirm')}
        </button>
      </div>
    </form>
  );
}

export default function ResetPasswordPage() {
  useLocale();
  const linked = new URLSearchParams(useSearch()).get('token');
  const [step, setStep] = useState<'request' | 'sent' | 'code' | 'done'>(
    linked ? 'code' : 'request',
  );

  return (
    <>
      <h1>{t('reset.title')}</h1>
      {step === 'request' && (
        <RequestCode onSent={() => setStep('sent')} onHaveCode={() => setStep('code')} />
      )}
      {(step === 'sent' || step === 'code') && (
        <>
          {step === 'sent' && (
            <div className="alert" role="status">
              <p>{t('reset.sent')}</p>
            </div>
          )}
          <SetPassword initialToken={linked ?? ''} onDone={() => setStep('done')} />
        </>
      )}
      {step === 'done' && (
        <>
          <div className="alert alert-ok" role="status">
            <p>{t('reset.done')}</p>
          </div>
          <p>
            <Link href="/login" className="button">
              {t('login.submit')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
