// /work/dossiers/:id/receipt — the receipt and appointment slip (giấy tiếp
// nhận hồ sơ và hẹn trả kết quả) to print for the applicant. Until the
// reception check is done there is no appointment yet: the page looks again
// every few seconds.
import { useEffect } from 'react';
import { Link } from 'wouter';
import { formatDate, formatDateTime } from '../i18n/format';
import { local, t, type LocalText } from '../i18n/i18n';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { useSession } from '../shell/session';
import { useResource } from '../shell/use-resource';
import { applicantName, type Dossier } from './api-types';
import { channelName } from './labels';
import { useProcedure } from '../public/procedures';
import './officer.css';
import './dossiers.messages';

const POLL_MS = 3000;

function applicantIdentity(formData: Record<string, unknown>): string {
  const applicant = formData.applicant as { citizenId?: string; taxCode?: string } | undefined;
  return applicant?.taxCode ?? applicant?.citizenId ?? '';
}

export default function ReceiptPage({ params }: PageProps) {
  const { account } = useSession();
  const dossier = useResource<Dossier>(`/dossiers/${params.id ?? ''}`);
  const agencies = useResource<{ id: string; nameVi: string; nameEn: string }[]>('/agencies');
  const procedure = useProcedure(dossier.data?.procedureId);
  const waiting = dossier.data?.status === 'submitted';
  const { reload } = dossier;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  if (!dossier.data) return dossier.error ? <ErrorMessage error={dossier.error} /> : <Loading />;
  const current = dossier.data;
  const agency = agencies.data?.find((a) => a.id === current.agencyId);
  const agencyName: LocalText | null = agency ? { vi: agency.nameVi, en: agency.nameEn } : null;

  return (
    <article className="dossier-receipt">
      <p className="no-print">
        <Link href={`/work/dossiers/${current.id}`}>{t('dossiers.backToDossier')}</Link>
      </p>
      {agencyName && <p className="dossier-receipt-agency">{local(agencyName)}</p>}
      <h1>{t('dossiers.receipt.title')}</h1>
      <p className="dossier-receipt-code">
        {t('dossiers.receipt.code')} <strong>{current.code}</strong>
      </p>
      <dl className="facts">
        <dt>{t('dossiers.receipt.procedure')}</dt>
        <dd>{procedure ? `${procedure.code} — ${local(procedure.name)}` : '…'}</dd>
        <dt>{t('dossiers.receipt.applicant')}</dt>
        <dd>{applicantName(current.formData)}</dd>
        <dt>{t('dossiers.receipt.identity')}</dt>
        <dd>{applicantIdentity(current.formData) || '—'}</dd>
        <dt>{t('dossiers.receipt.channel')}</dt>
        <dd>{channelName(current.channel)}</dd>
        <dt>{t('dossiers.receipt.submittedAt')}</dt>
        <dd>{formatDateTime(current.submittedAt)}</dd>
        <dt>{t('dossiers.receipt.receivedAt')}</dt>
        <dd>{formatDateTime(current.receivedAt) || '—'}</dd>
        <dt>{t('dossiers.receipt.appointment')}</dt>
        <dd>
          <strong>
            {formatDate(current.appointmentAt) || t('dossiers.receipt.noAppointment')}
          </strong>
        </dd>
      </dl>
      <p className="muted" role="status">
        {waiting ? t('dossiers.receipt.waiting') : ''}
      </p>
      {account && (
        <p className="dossier-receipt-signature">
          {t('dossiers.receipt.officer')}
          <br />
          {account.fullName}
        </p>
      )}
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('dossiers.receipt.print')}
        </button>
      </div>
    </article>
  );
}
