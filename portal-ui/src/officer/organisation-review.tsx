// One organisation account waiting for verification: its details, accept,
// or refuse with the reasons the organisation will read.
import { useState, type FormEvent } from 'react';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import './organisations.messages';

export interface PendingOrganisation {
  id: string;
  email: string;
  organisationName: string | null;
  taxCode: string | null;
  representative: string | null;
  phone: string | null;
  address: string | null;
  reviewDueAt: string | null;
}

export function OrganisationReview({
  organisation,
  onReviewed,
}: {
  organisation: PendingOrganisation;
  onReviewed: (accepted: boolean) => void;
}) {
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `organisation-${organisation.id}`;

  async function review(accept: boolean) {
    setBusy(true);
    try {
      await api.post(`/accounts/organisations/${organisation.id}/review`, {
        accept,
        ...(accept ? {} : { reasons: reasons.trim() }),
      });
      setError(null);
      onReviewed(accept);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  function refuse(event: FormEvent) {
    event.preventDefault();
    void review(false);
  }

  return (
    <li className="card">
      <h2 id={headingId}>{organisation.organisationName}</h2>
      <dl className="facts">
        <dt>{t('organisations.taxCode')}</dt>
        <dd>{organisation.taxCode}</dd>
        <dt>{t('organisations.representative')}</dt>
        <dd>{organisation.representative}</dd>
        <dt>{t('organisations.email')}</dt>
        <dd>{organisation.email}</dd>
        <dt>{t('organisations.phone')}</dt>
        <dd>{organisation.phone ?? '—'}</dd>
        <dt>{t('organisations.address')}</dt>
        <dd>{organisation.address ?? '—'}</dd>
        <dt>{t('organisations.reviewDue')}</dt>
        <dd>{formatDate(organisation.reviewDueAt) || '—'}</dd>
      </dl>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void review(true)}>
          {t('organisations.accept')}
        </button>
      </div>
      <form onSubmit={refuse} noValidate>
        <Field
          label={t('organisations.reasons')}
          hint={t('organisations.reasons.hint')}
          error={fieldErrors(error).get('/reasons')}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              maxLength={2000}
              value={reasons}
              onChange={(event) => setReasons(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="secondary" disabled={busy}>
          {t('organisations.refuse')}
        </button>
      </form>
    </li>
  );
}
