// A draft dossier (/drafts/:id): loads the draft, its procedure version and
// that version's form, then hands them to the filing wizard. A draft already
// submitted leads to its dossier page instead.
import { Link } from 'wouter';
import type { FormDefinition } from '../forms/schema-form';
import { local, t, useLocale } from '../i18n/i18n';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { useResource } from '../shell/use-resource';
import type { Dossier } from './dossier-types';
import './dossier.messages';
import { FilingWizard } from './filing-wizard';
import { useProcedure } from '../public/procedures';

export default function DraftPage({ params }: PageProps) {
  useLocale();
  const id = params.id ?? '';
  const dossier = useResource<Dossier>(`/dossiers/${id}`);
  const procedure = useProcedure(dossier.data?.procedureId);
  const form = useResource<FormDefinition>(
    procedure ? `/forms/${procedure.form.id}?version=${procedure.form.version}` : null,
  );

  if (dossier.data && dossier.data.status !== 'draft') {
    return (
      <>
        <h1>{t('draft.title')}</h1>
        <p>{t('draft.notDraft')}</p>
        <Link href={`/dossiers/${id}`} className="button">
          {t('draft.openDossier')}
        </Link>
      </>
    );
  }
  if (!dossier.data || !procedure || !form.data) {
    const error = dossier.error ?? form.error;
    return (
      <>
        <h1>{procedure ? local(procedure.name) : t('draft.title')}</h1>
        {procedure === null && <p role="alert">{t('draft.unknownProcedure')}</p>}
        {error ? <ErrorMessage error={error} /> : procedure !== null && <Loading />}
      </>
    );
  }
  return <FilingWizard dossier={dossier.data} procedure={procedure} form={form.data} />;
}
