// The banner: app name, language switch, the signed-in analyst, sign out.
import type { Account } from './api';
import { useI18n, type Locale } from './i18n';

export interface AppHeaderProps {
  account: Account | null;
  onSwitchLocale: (locale: Locale) => void;
  onSignOut: () => void;
}

export function AppHeader({ account, onSwitchLocale, onSignOut }: AppHeaderProps) {
  const { t, locale } = useI18n();
  const other: Locale = locale === 'vi' ? 'en' : 'vi';
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <div className="app-header-tools">
        <button
          type="button"
          lang={other}
          title={t('header.switchLanguageHint')}
          onClick={() => onSwitchLocale(other)}
          data-testid="language-switch"
        >
          {t('header.switchLanguage')}
        </button>
        {account && (
          <>
            <span data-testid="signed-in-analyst">
              {t('header.signedInAs', { name: account.fullName })}
            </span>
            <button type="button" onClick={onSignOut}>
              {t('header.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
