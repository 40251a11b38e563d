// The page's status region (role=status): what the officer's last action
// did. The text is kept as a key, so it follows the language switch. The
// region is always in the page, so screen readers announce each new text.
import type { ReactNode } from 'react';
import { t, useLocale } from '../i18n/i18n';

export interface Notice {
  key: string;
  params?: Record<string, string | number>;
}

export function notice(key: string, params?: Record<string, string | number>): Notice {
  return params ? { key, params } : { key };
}

export function ActionStatus({
  notice,
  children,
}: {
  notice: Notice | null;
  children?: ReactNode;
}) {
  useLocale();
  return (
    <div role="status" data-testid="action-status">
      {notice && <p className="alert alert-ok">{t(notice.key, notice.params)}</p>}
      {notice && children}
    </div>
  );
}
