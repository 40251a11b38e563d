// /work/organisations — organisation accounts waiting for an officer to
// check them against the business registry: accept, or refuse with reasons.
import { useState } from 'react';
import { t } from '../i18n/i18n';
import { ActionStatus, notice, type Notice } from '../shell/action-status';
import { ErrorMessage, Loading } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import { OrganisationReview, type PendingOrganisation } from './organisation-review';
import './officer.css';
import './organisations.messages';

export default function OrganisationsPage() {
  const pending = useResource<PendingOrganisation[]>('/accounts/organisations/pending');
  const [message, setMessage] = useState<Notice | null>(null);

  return (
    <section>
      <h1>{t('organisations.title')}</h1>
      <p>{t('organisations.intro')}</p>
      <ActionStatus notice={message} />
      <ErrorMessage error={pending.error} />
      {!pending.data && !pending.error && <Loading />}
      {pending.data?.length === 0 && <p>{t('organisations.none')}</p>}
      {pending.data && pending.data.length > 0 && (
        <ul className="plain-list">
          {pending.data.map((organisation) => (
            <OrganisationReview
              key={organisation.id}
              organisation={organisation}
              onReviewed={(accepted) => {
                setMessage(
                  notice(accepted ? 'organisations.accepted' : 'organisations.refused', {
                    name: organisation.organisationName ?? organisation.email,
                  }),
                );
                void pending.reload();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
