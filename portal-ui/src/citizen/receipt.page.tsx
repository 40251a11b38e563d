// The filing receipt (/receipt/:id): the dossier code to keep, when it was
// filed and when the result is due; printable (print CSS hides the frame).
import { Link } from 'wouter';
import { formatDate, formatDateTime, formatMoney } from '../i18n/format';
import { local, t, useLocale } from '../i18n/i18n';
import { processingTime } from '../public/catalogue';
import { StatusBadge } from '../public/status-badge';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { useSession } from '../shell/session';
import { useResource } from '../shell/use-resource';
import type { Dossier } from './dossier-types';
import './dossier.messages';
import { useProcedure } from '../public/procedures';

export default function ReceiptPage({ params }: PageProps) {
  useLocale();
  const id = params.id ?? '';
  const { account } = useSession();
  const dossier = useResource<Dossier>(`/dossiers/${id}`);
  const procedure = useProcedure(dossier.data?.procedureId);
  const d = dossier.data;

  if (!d) {
    return (
      <>
        <h1>{t('receipt.title')}</h1>
        {dossier.loading ? <Loading /> : <ErrorMessage error={dossier.error} />}
      </>
    );
  }
  return (
    <article className="receipt">
      <h1>{t('receipt.title')}</h1>
      <div className="alert alert-ok no-print" role="status">
        <p>{t('receipt.intro')}</p>
      </div>
      <dl className="facts card">
        <dt>{t('receipt.code')}</dt>
        <dd>
          <strong className="dossier-code" data-testid="dossier-code">
            {d.code}
          </strong>
        </dd>
        <dt>{t('dossier.status')}</dt>
        <dd>
          <StatusBadge code={d.statusCode} label={d.statusLabel} />
        </dd>
        {procedure && (
          <>
            <dt>{t('receipt.procedure')}</dt>
            <dd>
              {local(procedure.name)} ({procedure.code})
            </dd>
          </>
        )}
        {account && (
          <>
            <dt>{t('receipt.applicant')}</dt>
            <dd>{account.organisationName ?? account.fullName}</dd>
          </>
        )}
        <dt>{t('receipt.submittedAt')}</dt>
        <dd>{formatDateTime(d.submittedAt)}</dd>
        <dt>{t('receipt.appointmentAt')}</dt>
        <dd>
          {d.appointmentAt
            ? formatDate(d.appointmentAt)
            : procedure && t('receipt.appointmentLater', { time: processingTime(procedure) })}
        </dd>
        {procedure && procedure.fees.length > 0 && (
          <>
            <dt>{t('draft.fees')}</dt>
            <dd>
              {procedure.fees
                .map((fee) => `${local(fee.name)}: ${formatMoney(fee.amountVnd)}`)
                .join('; ')}
            </dd>
          </>
        )}
      </dl>
      <p>{t('receipt.keep')}</p>
      <div className="actions">
        <button type="button" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <Link href={`/dossiers/${id}`} className="button secondary">
          {t('receipt.open')}
        </Link>
      </div>
    </article>
  );
}
