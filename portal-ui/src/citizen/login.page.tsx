// Log in with email and password; then back to the page that asked for it
// (?next=, a path of the portal only) or to the person's own start page.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { t, useLocale } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage } from '../shell/feedback';
import { useSession, type Account } from '../shell/session';
import { problem, TextField } from './account-form';

/** Only a path of this portal: never another site (//host or https://…). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function LoginPage() {
  useLocale();
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  const [, navigate] = useLocation();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const emailProblem = attempted ? problem(t('account.email'), email, 'email') : undefined;
  const passwordProblem = attempted ? problem(t('account.password'), password) : undefined;
  const server = fieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (problem('', email, 'email') || !password) return;
    setBusy(true);
    try {
      const account = await api.post<Account>('/auth/login', { email: email.trim(), password });
      await refresh();
      navigate(next ?? (account.kind === 'staff' ? '/work' : '/dossiers'));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('login.title')}</h1>
      <ErrorMessage error={error} />
      <form className="card narrow" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('account.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={emailProblem ?? server.get('/email')}
        />
        <TextField
          label={t('account.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={passwordProblem ?? server.get('/password')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('login.submit')}
          </button>
        </div>
        <p>
          <Link href="/reset-password">{t('login.forgot')}</Link>
        </p>
        <p>
          <Link href="/register">{t('login.register')}</Link>
        </p>
      </form>
    </>
  );
}
