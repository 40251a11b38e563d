// Confirms the email address with the code sent to it: at once when the
// link of the message brought the person here (?token=), else typed in.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { t, useLocale } from '../i18n/i18n';
import { api } from '../shell/api';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { Account } from '../shell/session';
import { TextField } from './account-form';

export default function VerifyEmailPage() {
  useLocale();
  const params = new URLSearchParams(useSearch());
  const email = params.get('email');
  const linked = params.get('token');
  const [token, setToken] = useState(linked ?? '');
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function confirm(code: string) {
    setBusy(true);
    try {
      setAccount(await api.post<Account>('/auth/verify-email', { token: code }));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (linked) void confirm(linked);
  }, [linked]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (token.trim()) void confirm(token.trim());
  }

  if (account) {
    return (
      <>
        <h1>{t('verifyEmail.title')}</h1>
        <div className="alert alert-ok" role="status">
          <p>
            {t(
              account.status === 'pending_review'
                ? 'verifyEmail.pendingReview'
                : 'verifyEmail.done',
            )}
          </p>
        </div>
        <p>
          <Link href="/login" className="button">
            {t('login.submit')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('verifyEmail.title')}</h1>
      {email && <p>{t('verifyEmail.sent', { email })}</p>}
      {busy && <Loading />}
      <ErrorMessage error={error} />
      <form className="card narrow" noValidate onSubmit={submit}>
        <TextField
          label={t('verifyEmail.code')}
          autoComplete="one-time-code"
          value={token}
          onChange={setToken}
        />
        <button type="submit" disabled={busy}>
          {t('verifyEmail.submit')}
        </button>
      </form>
    </>
  );
}
