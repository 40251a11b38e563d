// A request to withdraw the dossier with its reason (POST
// /dossiers/:id/withdrawal); the agency accepts or refuses it.
import { useState, type FormEvent } from 'react';
import { t } from '../i18n/i18n';
import { api } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import './dossier.messages';

export function WithdrawalForm({ dossierId, onSent }: { dossierId: string; onSent: () => void }) {
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!reason.trim()) return;
    setBusy(true);
    try {
      await api.post(`/dossiers/${dossierId}/withdrawal`, { reason: reason.trim() });
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card">
      <summary>{t('withdraw.title')}</summary>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <p>{t('withdraw.intro')}</p>
        <ErrorMessage error={error} />
        <Field
          label={t('withdraw.reason')}
          error={attempted && !reason.trim() ? t('withdraw.reasonMissing') : undefined}
        >
          {(props) => (
            <textarea
              {...props}
              required
              maxLength={2000}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="secondary" disabled={busy}>
          {t('withdraw.send')}
        </button>
      </form>
    </details>
  );
}
