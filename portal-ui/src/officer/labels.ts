// Names of roles, statuses, audit actions and channels in the reader's
// language; an unknown code is shown as it is.
import { DOSSIER_STATUSES } from '../../../server/domain/dossier-statuses';
import { t } from '../i18n/i18n';
import './officer.messages';

function named(prefix: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

export const roleName = (role: string | null | undefined) => named('officer.role', role);
export const statusName = (status: string | null | undefined) => named('officer.status', status);
export const actionName = (action: string) => named('officer.action', action);
export const channelName = (channel: number) => named('officer.channel', String(channel));

/** The statuses a filed dossier can be in. */
export const STATUSES = DOSSIER_STATUSES.filter((status) => status !== 'draft');
