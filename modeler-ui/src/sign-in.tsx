// The sign-in form shown when there is no session.
import { useState, type FormEvent } from 'react';
import { api, ApiError, type Account } from './api';
import { useI18n } from './i18n';

export function SignIn({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const { t, pick } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(email.trim(), password));
    } catch (failure) {
      const text = failure instanceof ApiError ? failure.text : null;
      setError(text ? pick(text) : t('error.unexpected'));
      setBusy(false);
    }
  }

  return (
    <section className="sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.title')}</h2>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="sign-in-email">{t('signIn.email')}</label>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="sign-in-password">{t('signIn.password')}</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
