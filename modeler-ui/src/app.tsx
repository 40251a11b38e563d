// The modeler app: session, language, and the workspace for analysts.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, ApiError, type Account } from './api';
import { AppHeader } from './app-header';
import { createI18n, I18nContext, type Locale } from './i18n';
import { storedLocale, storeLocale } from './locale';
import { SignIn } from './sign-in';
import { useConfirm } from './use-confirm';

const MODELER_ROLES = ['analyst', 'admin'];

// bpmn-js and its panels load after sign-in: the sign-in page stays light.
const Workspace = lazy(async () => ({ default: (await import('./workspace')).Workspace }));

type Session =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; account: Account };

export function App() {
  const [locale, setLocale] = useState<Locale>(storedLocale);
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const { t } = i18n;
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const [dirty, setDirty] = useState(false);
  const [confirm, confirmDialog] = useConfirm();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = i18n.t('app.title');
  }, [locale, i18n]);

  useEffect(() => {
    api.me().then(
      (account) => setSession({ state: 'signed-in', account }),
      (error: unknown) =>
        setSession({
          state: error instanceof ApiError && error.status === 401 ? 'signed-out' : 'failed',
        }),
    );
  }, []);

  function switchLocale(next: Locale) {
    storeLocale(next);
    setLocale(next);
  }

  async function signOut() {
    if (dirty) {
      const discard = await confirm({
        title: t('unsaved.title'),
        body: t('unsaved.body'),
        confirmLabel: t('unsaved.discard'),
      });
      if (!discard) return;
    }
    await api.logout().catch(() => undefined);
    setDirty(false);
    setSession({ state: 'signed-out' });
  }

  const account = session.state === 'signed-in' ? session.account : null;
  const allowed = account?.roles.some((role) => MODELER_ROLES.includes(role)) ?? false;

  return (
    <I18nContext.Provider value={i18n}>
      {allowed && (
        <a className="skip-link" href="#diagram">
          {t('app.skipToDiagram')}
        </a>
      )}
      <AppHeader account={account} onSwitchLocale={switchLocale} onSignOut={signOut} />
      <main className={allowed ? 'app-main' : 'app-main app-main-narrow'}>
        {session.state === 'loading' && <p role="status">{t('app.loading')}</p>}
        {session.state === 'failed' && <p role="alert">{t('error.unexpected')}</p>}
        {session.state === 'signed-out' && (
          <SignIn
            onSignedIn={(signedIn) => setSession({ state: 'signed-in', account: signedIn })}
          />
        )}
        {account && !allowed && (
          <p className="form-error" role="alert" data-testid="not-analyst">
            {t('signIn.forbidden', { email: account.email })}
          </p>
        )}
        {account && allowed && (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <Workspace onDirtyChange={setDirty} />
          </Suspense>
        )}
      </main>
      {confirmDialog}
    </I18nContext.Provider>
  );
}
