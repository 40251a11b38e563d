// Names of account kinds, account statuses and staff roles in the reader's
// language; an unknown code is shown as it is.
import { t } from '../i18n/i18n';
import './admin.messages';

function named(prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

export const kindName = (kind: string) => named('admin.kind', kind);
export const accountStatusName = (status: string) => named('admin.accountStatus', status);

export const ACCOUNT_STATUSES = [
  'active',
  'suspended',
  'cancelled',
  'unverified',
  'pending_review',
  'refused',
];
