// The cashier records a fee paid at the counter with the receipt number
// (POST /dossiers/:id/fee-paid); the process then issues the result.
import { useState, type FormEvent } from 'react';
import { formatMoney } from '../i18n/format';
import { local, t } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import type { Procedure } from './api-types';
import './dossiers.messages';

export function FeePaymentForm({
  dossierId,
  procedure,
  onPaid,
}: {
  dossierId: string;
  procedure: Procedure | null | undefined;
  onPaid: (receiptNumber: string) => void;
}) {
  const [receiptNumber, setReceiptNumber] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fees = procedure?.fees ?? [];
  const total = fees.reduce((sum, fee) => sum + fee.amountVnd, 0);

  async function record(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.post(`/dossiers/${dossierId}/fee-paid`, { receiptNumber: receiptNumber.trim() });
      setError(null);
      onPaid(receiptNumber.trim());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void record(event)} noValidate>
      {fees.length > 0 && (
        <ul>
          {fees.map((fee) => (
            <li key={fee.name.vi}>
              {local(fee.name)}: {formatMoney(fee.amountVnd)}
            </li>
          ))}
          <li>
            <strong>{t('dossiers.fee.total', { amount: formatMoney(total) })}</strong>
          </li>
        </ul>
      )}
      <ErrorMessage error={error} />
      <Field label={t('dossiers.fee.receipt')} error={fieldErrors(error).get('/receiptNumber')}>
        {(props) => (
          <input
            {...props}
            required
            maxLength={60}
            autoComplete="off"
            value={receiptNumber}
            onChange={(event) => setReceiptNumber(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy || !receiptNumber.trim()}>
        {t('dossiers.fee.record')}
      </button>
    </form>
  );
}
