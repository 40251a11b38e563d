// Everything an officer reads about a dossier: facts, the filed form
// (read-only), the documents and the history.
import { t } from '../i18n/i18n';
import { SchemaForm } from '../forms/schema-form';
import { ErrorMessage } from '../shell/feedback';
import type { Dossier, DossierEvent } from './api-types';
import { DossierDocuments } from './dossier-documents';
import { DossierFacts } from './dossier-facts';
import { DossierHistory } from './dossier-history';
import { Pending } from './pending';
import { useProcedure } from '../public/procedures';
import { useFormDefinition } from './use-form-definition';
import './officer.messages';

export function DossierPanel({
  dossier,
  events,
}: {
  dossier: Dossier;
  events: DossierEvent[] | undefined;
}) {
  const procedure = useProcedure(dossier.procedureId);
  const form = useFormDefinition(procedure ? procedure.form : null);
  return (
    <>
      <section aria-labelledby="dossier-facts-heading">
        <h2 id="dossier-facts-heading">{t('officer.dossier.facts')}</h2>
        <DossierFacts dossier={dossier} procedure={procedure} />
      </section>
      <section aria-labelledby="dossier-form-heading">
        <h2 id="dossier-form-heading">{t('officer.dossier.formData')}</h2>
        {procedure === null && <p>{t('officer.dossier.procedureUnknown')}</p>}
        <ErrorMessage error={form.error} />
        {form.data ? (
          <SchemaForm form={form.data} formData={dossier.formData} readonly id="dossier-data" />
        ) : (
          procedure !== null && <Pending />
        )}
      </section>
      <section aria-labelledby="dossier-documents-heading">
        <h2 id="dossier-documents-heading">{t('officer.dossier.documents')}</h2>
        <DossierDocuments
          dossierId={dossier.id}
          attachments={dossier.attachments ?? []}
          documents={procedure?.documents ?? []}
        />
      </section>
      <section aria-labelledby="dossier-history-heading">
        <h2 id="dossier-history-heading">{t('officer.dossier.history')}</h2>
        {events ? <DossierHistory events={events} /> : <Pending />}
      </section>
    </>
  );
}
