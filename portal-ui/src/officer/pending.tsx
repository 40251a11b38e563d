// A loading line inside a page that is already shown. Not a status region:
// the page's one role=status region reports the officer's actions.
import { t } from '../i18n/i18n';

export function Pending() {
  return <p className="muted">{t('common.loading')}</p>;
}
