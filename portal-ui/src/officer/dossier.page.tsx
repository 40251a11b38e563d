// /work/dossiers/:id — one dossier for officers: its open tasks, the
// cashier's fee record when fees are due, the receipt, and the dossier itself.
import { useState } from 'react';
import { Link } from 'wouter';
import { t } from '../i18n/i18n';
import { ActionStatus, notice, type Notice } from '../shell/action-status';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { hasRole, useSession } from '../shell/session';
import { useResource } from '../shell/use-resource';
import { OFFICER_ROLES, type Dossier, type DossierEvent } from './api-types';
import { DossierPanel } from './dossier-panel';
import { DossierTasks } from './dossier-tasks';
import { FeePaymentForm } from './fee-payment-form';
import { useProcedure } from '../public/procedures';
import './officer.css';
import './dossiers.messages';

export default function DossierPage({ params }: PageProps) {
  const { account } = useSession();
  const id = params.id ?? '';
  const dossier = useResource<Dossier>(`/dossiers/${id}`);
  const events = useResource<DossierEvent[]>(`/dossiers/${id}/events`);
  const procedure = useProcedure(dossier.data?.procedureId);
  const [message, setMessage] = useState<Notice | null>(null);

  if (!dossier.data) return dossier.error ? <ErrorMessage error={dossier.error} /> : <Loading />;
  const current = dossier.data;

  return (
    <article>
      <p className="no-print">
        <Link href="/work/dossiers">{t('dossiers.backToSearch')}</Link>
      </p>
      <h1>{t('dossiers.dossierTitle', { code: current.code ?? '—' })}</h1>
      <ActionStatus notice={message} />
      <p>
        <Link href={`/work/dossiers/${current.id}/receipt`}>{t('dossiers.receipt')}</Link>
      </p>
      {hasRole(account, ...OFFICER_ROLES) && (
        <section aria-labelledby="dossier-tasks">
          <h2 id="dossier-tasks">{t('dossiers.tasks')}</h2>
          <DossierTasks dossierId={current.id} />
        </section>
      )}
      {hasRole(account, 'cashier') && current.status === 'fees_due' && (
        <section aria-labelledby="dossier-fee" className="card">
          <h2 id="dossier-fee">{t('dossiers.fee.title')}</h2>
          <FeePaymentForm
            dossierId={current.id}
            procedure={procedure}
            onPaid={(receipt) => {
              setMessage(notice('dossiers.fee.recorded', { receipt }));
              void dossier.reload();
              void events.reload();
            }}
          />
        </section>
      )}
      <DossierPanel dossier={current} events={events.data} />
    </article>
  );
}
