// The key facts of a dossier: code, procedure, applicant, channel, status and dates.
import { formatDate, formatDateTime } from '../i18n/format';
import { local, t } from '../i18n/i18n';
import { applicantName, type Dossier, type Procedure } from './api-types';
import { channelName } from './labels';
import './officer.messages';

export function DossierFacts({
  dossier,
  procedure,
}: {
  dossier: Dossier;
  procedure: Procedure | null | undefined;
}) {
  return (
    <dl className="facts">
      <dt>{t('officer.dossier.code')}</dt>
      <dd>{dossier.code ?? '—'}</dd>
      <dt>{t('officer.dossier.procedure')}</dt>
      <dd>{procedure ? `${procedure.code} — ${local(procedure.name)}` : '…'}</dd>
      <dt>{t('officer.dossier.applicant')}</dt>
      <dd>{applicantName(dossier.formData) || '—'}</dd>
      <dt>{t('officer.dossier.channel')}</dt>
      <dd>{channelName(dossier.channel)}</dd>
      <dt>{t('officer.dossier.status')}</dt>
      <dd>
        {local(dossier.statusLabel)}
        {dossier.statusCode !== null && ` (${dossier.statusCode})`}
      </dd>
      <dt>{t('officer.dossier.submittedAt')}</dt>
      <dd>{formatDateTime(dossier.submittedAt) || '—'}</dd>
      <dt>{t('officer.dossier.receivedAt')}</dt>
      <dd>{formatDateTime(dossier.receivedAt) || '—'}</dd>
      <dt>{t('officer.dossier.appointmentAt')}</dt>
      <dd>{formatDate(dossier.appointmentAt) || t('officer.dossier.noAppointment')}</dd>
    </dl>
  );
}
