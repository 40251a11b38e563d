// /admin — the administration pages this account may open.
import { Link } from 'wouter';
import { t } from '../i18n/i18n';
import { hasRole, useSession } from '../shell/session';
import './admin.messages';

const PAGES = [
  { href: '/admin/accounts', key: 'admin.accounts', roles: ['operator', 'admin'] },
  { href: '/admin/agencies', key: 'admin.agencies', roles: ['admin'] },
  { href: '/admin/calendar', key: 'admin.calendar', roles: ['operator', 'admin'] },
  { href: '/admin/procedures', key: 'admin.procedures', roles: ['analyst', 'admin'] },
  { href: '/admin/notifications', key: 'admin.notifications', roles: ['operator', 'admin'] },
];

export default function AdminIndexPage() {
  const { account } = useSession();
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.intro')}</p>
      <ul className="grid grid-2 admin-links">
        {PAGES.filter((page) => hasRole(account, ...page.roles)).map((page) => (
          <li key={page.href} className="card">
            <h2>
              <Link href={page.href}>{t(page.key)}</Link>
            </h2>
            <p>{t(`${page.key}.about`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
