// /work for staff who do not work on dossiers (analyst, operator, auditor,
// admin): where their pages are instead.
import { Link } from 'wouter';
import { t } from '../i18n/i18n';
import { hasRole, useSession } from '../shell/session';
import './worklist.messages';

export function NotAnOfficer() {
  const { account } = useSession();
  return (
    <>
      <p>{t('worklist.notOfficer')}</p>
      <ul>
        <li>
          <Link href="/work/dossiers">{t('worklist.notOfficer.search')}</Link>
        </li>
        {hasRole(account, 'operator', 'admin', 'analyst') && (
          <li>
            <Link href="/admin">{t('worklist.notOfficer.admin')}</Link>
          </li>
        )}
      </ul>
    </>
  );
}
