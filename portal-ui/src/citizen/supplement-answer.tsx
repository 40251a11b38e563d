// Status 5, answered in place: what the agency asks for and why, the
// documents to upload again, the form if it needs a change, then
// "Gửi bổ sung" (POST /dossiers/:id/supplement).
import { useState } from 'react';
import { SchemaForm, type FormDefinition } from '../forms/schema-form';
import { t } from '../i18n/i18n';
import type { Procedure } from '../public/catalogue';
import { api } from '../shell/api';
import { ErrorMessage } from '../shell/feedback';
import { DocumentUploads } from './document-uploads';
import type { Attachment, Dossier, DossierEvent } from './dossier-types';
import './dossier.messages';
import { useAutosave } from './use-autosave';

/** The items of the latest request: "item: reason; item: reason". */
function requestedItems(events: DossierEvent[]): string[] {
  const request = events.filter((e) => e.action === 'REQUEST_SUPPLEMENT').at(-1);
  return request?.reason ? request.reason.split('; ').filter(Boolean) : [];
}

export function SupplementAnswer({
  dossier,
  events,
  procedure,
  form,
  onSent,
}: {
  dossier: Dossier;
  events: DossierEvent[];
  procedure: Procedure;
  form: FormDefinition | undefined;
  onSent: () => void;
}) {
  const [attachments, setAttachments] = useState<Attachment[]>(dossier.attachments ?? []);
  const draft = useAutosave(dossier.id, dossier.formData);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const items = requestedItems(events);

  async function send() {
    setBusy(true);
    try {
      if (!(await draft.flush())) return;
      await api.post(`/dossiers/${dossier.id}/supplement`);
      setError(null);
      onSent();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card supplement" aria-labelledby="supplement-title">
      <h2 id="supplement-title">{t('supplement.title')}</h2>
      <p>{t('supplement.intro')}</p>
      {items.length > 0 && (
        <>
          <h3>{t('supplement.items')}</h3>
          <ul className="supplement-items">
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('draft.step.documents')}</h3>
      <DocumentUploads
        dossierId={dossier.id}
        documents={procedure.documents}
        attachments={attachments}
        onUploaded={(attachment) => setAttachments((list) => [...list, attachment])}
      />
      {form && (
        <details>
          <summary>{t('supplement.editForm')}</summary>
          <SchemaForm
            id="supplement-form"
            form={form}
            formData={draft.formData}
            onChange={draft.setFormData}
          />
        </details>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void send()}>
          {t('supplement.send')}
        </button>
      </div>
    </section>
  );
}
