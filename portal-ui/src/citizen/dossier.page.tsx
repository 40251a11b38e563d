// One of my dossiers (/dossiers/:id): its status, kept live over SSE, what
// the applicant can do now (supplement, withdraw, download the result,
// rate), the documents filed, its history and its progress on the process.
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link } from 'wouter';
import { FormSummary } from '../forms/form-summary';
import type { FormDefinition } from '../forms/schema-form';
import { formatBytes, formatDate, formatDateTime, formatMoney } from '../i18n/format';
import { local, t, useLocale } from '../i18n/i18n';
import { StatusBadge } from '../public/status-badge';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { useResource } from '../shell/use-resource';
import { DossierTimeline } from './dossier-timeline';
import type { Dossier, DossierEvent } from './dossier-types';
import './dossier.messages';
import { useProcedure } from '../public/procedures';
import { ProgressDiagram } from './progress-diagram';
import { RatingForm } from './rating-form';
import { useDossierStream } from './use-dossier-stream';
import { WithdrawalForm } from './withdrawal-form';

// The supplement answer edits the form: the form renderer loads only then.
const SupplementAnswer = lazy(() =>
  import('./supplement-answer').then((module) => ({ default: module.SupplementAnswer })),
);

/** Statuses from which the applicant may ask to withdraw (1, 2, 4, 5, 6). */
const WITHDRAWABLE = [1, 2, 4, 5, 6];

export default function DossierPage({ params }: PageProps) {
  useLocale();
  const id = params.id ?? '';
  const dossier = useResource<Dossier>(`/dossiers/${id}`);
  const events = useResource<DossierEvent[]>(`/dossiers/${id}/events`);
  const procedure = useProcedure(dossier.data?.procedureId);
  const form = useResource<FormDefinition>(
    procedure ? `/forms/${procedure.form.id}?version=${procedure.form.version}` : null,
  );
  const [changes, setChanges] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const reloadDossier = dossier.reload;
  const reloadEvents = events.reload;
  const refresh = useCallback(() => {
    void reloadDossier();
    void reloadEvents();
    setChanges((n) => n + 1);
  }, [reloadDossier, reloadEvents]);

  const after = (message: string) => () => {
    setAnnouncement(message);
    refresh();
  };

  useDossierStream(id, (state) => {
    setAnnouncement(t('dossier.statusChanged', { status: local(state.statusLabel) }));
    refresh();
  });

  const d = dossier.data;
  if (!d) {
    return (
      <>
        <h1>{t('dossier.title')}</h1>
        {dossier.loading ? <Loading /> : <ErrorMessage error={dossier.error} />}
      </>
    );
  }
  const status = d.statusCode ?? 0;
  return (
    <>
      <h1>{t('dossier.heading', { code: d.code ?? '' })}</h1>
      <p className={announcement ? 'alert' : 'visually-hidden'} role="status">
        {announcement}
      </p>
      <dl className="facts card">
        <dt>{t('dossier.status')}</dt>
        <dd>
          <StatusBadge code={d.statusCode} label={d.statusLabel} />
        </dd>
        {procedure && (
          <>
            <dt>{t('dossier.procedure')}</dt>
            <dd>
              <Link href={`/procedures/${procedure.code}`}>{local(procedure.name)}</Link>
            </dd>
          </>
        )}
        <dt>{t('dossier.submittedAt')}</dt>
        <dd>{formatDateTime(d.submittedAt)}</dd>
        {d.receivedAt && (
          <>
            <dt>{t('dossier.receivedAt')}</dt>
            <dd>{formatDate(d.receivedAt)}</dd>
          </>
        )}
        {d.appointmentAt && (
          <>
            <dt>{t('dossier.appointmentAt')}</dt>
            <dd>{formatDate(d.appointmentAt)}</dd>
          </>
        )}
      </dl>
      <p className="no-print">
        <Link href={`/receipt/${d.id}`}>{t('dossier.receipt')}</Link>
      </p>

      {status === 5 && procedure && events.data && (
        <Suspense fallback={<Loading />}>
          <SupplementAnswer
            dossier={d}
            events={events.data}
            procedure={procedure}
            form={form.data}
            onSent={after(t('supplement.sent'))}
          />
        </Suspense>
      )}

      {status === 6 && procedure && (
        <section className="card" aria-labelledby="fees-title">
          <h2 id="fees-title">{t('fees.title')}</h2>
          <ul>
            {procedure.fees.map((fee) => (
              <li key={fee.name.vi}>
                {local(fee.name)}: {formatMoney(fee.amountVnd)}
              </li>
            ))}
          </ul>
          <p>{t('fees.howTo')}</p>
        </section>
      )}

      {status >= 9 && (
        <section className="card" aria-labelledby="result-title">
          <h2 id="result-title">{t('dossier.result')}</h2>
          <p>{t('dossier.resultReady')}</p>
          <a className="button" href={`/api/v1/dossiers/${d.id}/result`} download>
            {t('dossier.download')}
          </a>
        </section>
      )}

      {status === 10 &&
        (d.rating ? (
          <p className="alert alert-ok">{t('rating.thanks', { score: d.rating.score })}</p>
        ) : (
          <RatingForm dossierId={d.id} onSent={refresh} />
        ))}

      {form.data && status !== 5 && (
        <details className="card">
          <summary>{t('draft.formData')}</summary>
          <FormSummary form={form.data} formData={d.formData} />
        </details>
      )}

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('dossier.documents')}</h2>
        {(d.attachments ?? []).length === 0 ? (
          <p>{t('documents.none')}</p>
        ) : (
          <ul>
            {(d.attachments ?? []).map((file) => (
              <li key={file.id}>
                <a
                  href={`/api/v1/dossiers/${d.id}/attachments/${file.id}?disposition=inline`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {file.fileName}
                </a>{' '}
                <span className="muted">({formatBytes(file.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('dossier.timeline')}</h2>
        <ErrorMessage error={events.error} />
        {events.data && <DossierTimeline events={events.data} />}
      </section>

      <section aria-labelledby="progress-title" className="no-print">
        <h2 id="progress-title">{t('progress.title')}</h2>
        <ProgressDiagram dossierId={d.id} version={changes} />
      </section>

      {WITHDRAWABLE.includes(status) && (
        <WithdrawalForm dossierId={d.id} onSent={after(t('withdraw.sent'))} />
      )}
    </>
  );
}
