// /admin/agencies — the agencies and their units: add, rename, add units.
import { useState } from 'react';
import { t } from '../i18n/i18n';
import { ActionStatus, notice, type Notice } from '../shell/action-status';
import { ErrorMessage, Loading } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import { AgencyCreateForm, type Agency } from './agency-forms';
import { AgencyItem } from './agency-item';
import './admin.css';
import './agencies.messages';

export default function AgenciesPage() {
  const agencies = useResource<Agency[]>('/agencies');
  const [message, setMessage] = useState<Notice | null>(null);
  const list = agencies.data ?? [];
  const changed = (text: Notice) => {
    setMessage(text);
    void agencies.reload();
  };

  return (
    <section>
      <h1>{t('agencies.title')}</h1>
      <ActionStatus notice={message} />
      <ErrorMessage error={agencies.error} />
      <h2>{t('agencies.list')}</h2>
      {!agencies.data && !agencies.error && <Loading />}
      {agencies.data?.length === 0 && <p>{t('agencies.none')}</p>}
      <ul className="plain-list">
        {list.map((agency) => (
          <AgencyItem
            key={agency.id}
            agency={agency}
            parent={list.find((a) => a.id === agency.parentId)}
            onChanged={changed}
          />
        ))}
      </ul>
      <section aria-labelledby="agency-add" className="card">
        <h2 id="agency-add">{t('agencies.add')}</h2>
        <AgencyCreateForm
          agencies={list}
          onCreated={(name) => changed(notice('agencies.created', { name }))}
        />
      </section>
    </section>
  );
}
