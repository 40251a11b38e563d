// Decides whether the signed-in person may see a page; sends others to the
// sign-in page with a way back.
import type { ReactNode } from 'react';
import { Redirect, useLocation } from 'wouter';
import { t } from '../i18n/i18n';
import type { Access } from './page-route';
import { hasRole, isApplicant, useSession } from './session';

export function Guard({ access, children }: { access: Access; children: ReactNode }) {
  const { account, loading } = useSession();
  const [location] = useLocation();
  if (access === 'public') return <>{children}</>;
  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (!account) return <Redirect to={`/login?next=${encodeURIComponent(location)}`} />;
  const allowed =
    access === 'signed-in'
      ? true
      : access === 'applicant'
        ? isApplicant(account)
        : access === 'staff'
          ? account.kind === 'staff'
          : hasRole(account, ...access.roles);
  if (!allowed) {
    return (
      <section>
        <h1>{t('common.forbidden.title')}</h1>
        <p>{t('common.forbidden.body')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
