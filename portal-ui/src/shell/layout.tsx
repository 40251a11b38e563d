// The frame of every page: skip link, header with the navigation for who is
// signed in, the language switch, the main region and the footer.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { setLocale, t, useLocale } from '../i18n/i18n';
import { hasRole, isApplicant, useSession } from './session';

// Menu entries inside another entry's path: on them, only the inner entry is current.
const INNER_ENTRIES = ['/work/intake', '/work/dossiers', '/work/organisations'];

function isCurrent(href: string, location: string): boolean {
  if (href === '/') return location === '/';
  if (!location.startsWith(href)) return false;
  return !INNER_ENTRIES.some(
    (inner) => inner !== href && inner.startsWith(href) && location.startsWith(inner),
  );
}

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const current = isCurrent(href, location);
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const { account, signOut } = useSession();
  const [, navigate] = useLocation();
  const staff = account?.kind === 'staff';

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            <span>{t('app.name')}</span>
          </Link>
          <div className="header-tools">
            {account && <span className="who">{account.fullName}</span>}
            <button
              type="button"
              className="link-button"
              lang={locale === 'vi' ? 'en' : 'vi'}
              aria-label={t('lang.switchLabel')}
              onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
            >
              {t('lang.switch')}
            </button>
          </div>
        </div>
        <nav aria-label={t('nav.main')} className="main-nav">
          <ul>
            {!staff && <NavLink href="/">{t('nav.home')}</NavLink>}
            {!staff && <NavLink href="/lookup">{t('nav.lookup')}</NavLink>}
            {!staff && <NavLink href="/verify">{t('nav.verify')}</NavLink>}
            {isApplicant(account) && <NavLink href="/dossiers">{t('nav.myDossiers')}</NavLink>}
            {staff && <NavLink href="/work">{t('nav.worklist')}</NavLink>}
            {hasRole(account, 'reception') && (
              <NavLink href="/work/intake">{t('nav.intake')}</NavLink>
            )}
            {staff && <NavLink href="/work/dossiers">{t('nav.search')}</NavLink>}
            {hasRole(account, 'reception', 'admin') && (
              <NavLink href="/work/organisations">{t('nav.organisations')}</NavLink>
            )}
            {hasRole(account, 'operator', 'admin') && (
              <NavLink href="/admin">{t('nav.admin')}</NavLink>
            )}
            {account && <NavLink href="/account">{t('nav.account')}</NavLink>}
            {!account && <NavLink href="/login">{t('nav.login')}</NavLink>}
            {!account && <NavLink href="/register">{t('nav.register')}</NavLink>}
            {account && (
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void signOut().then(() => navigate('/'))}
                >
                  {t('nav.logout')}
                </button>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer.text')}</p>
      </footer>
    </>
  );
}
