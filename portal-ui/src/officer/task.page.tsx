// /work/tasks/:id — one user task: the dossier (form, documents, history) on
// one side; claim, the decision form, reassignment and comments on the other.
import { useState } from 'react';
import { Link } from 'wouter';
import { t } from '../i18n/i18n';
import { ActionStatus, notice, type Notice } from '../shell/action-status';
import { ErrorMessage, Loading } from '../shell/feedback';
import type { PageProps } from '../shell/page-route';
import { hasRole, useSession } from '../shell/session';
import { useResource } from '../shell/use-resource';
import type { Dossier, DossierEvent, Task } from './api-types';
import { CommentForm } from './comment-form';
import { DossierPanel } from './dossier-panel';
import { ReassignForm } from './reassign-form';
import { TaskWork } from './task-work';
import { parseFormKey, useFormDefinition } from './use-form-definition';
import './officer.css';
import './task.messages';

/** After a reception officer accepts a dossier, the receipt with its appointment can be printed. */
const receivedAtCounter = (task: Task, data: Record<string, unknown> | null) =>
  task.formKey !== null &&
  parseFormKey(task.formKey).id === 'decision-completeness' &&
  data?.complete === true;

// Keyed by the task, so nothing typed for one task carries over to the next.
export default function TaskPage({ params }: PageProps) {
  return <TaskView key={params.id} id={params.id ?? ''} />;
}

function TaskView({ id }: { id: string }) {
  const { account } = useSession();
  const task = useResource<Task>(`/tasks/${id}`);
  const dossierId = task.data?.dossierId;
  const dossier = useResource<Dossier>(dossierId ? `/dossiers/${dossierId}` : null);
  const events = useResource<DossierEvent[]>(dossierId ? `/dossiers/${dossierId}/events` : null);
  const formKey = task.data?.formKey;
  const form = useFormDefinition(formKey ? parseFormKey(formKey) : null);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [message, setMessage] = useState<Notice | null>(null);
  const [completedWith, setCompletedWith] = useState<Record<string, unknown> | null>(null);

  if (!task.data) return task.error ? <ErrorMessage error={task.error} /> : <Loading />;
  if (!account) return null;
  const current = task.data;
  const code = dossier.data?.code ?? current.dossierCode ?? '';

  function changed(text: Notice | null, completed?: Record<string, unknown>) {
    setMessage(text);
    if (completed) setCompletedWith(completed);
    void task.reload();
    void dossier.reload();
    void events.reload();
  }

  return (
    <article>
      <p className="no-print">
        <Link href="/work">{t('task.backToWorklist')}</Link>
      </p>
      <h1>{current.name}</h1>
      <p className="task-lead">
        {t('task.ofDossier', { code })}{' '}
        <Link href={`/work/dossiers/${current.dossierId}`}>{t('task.openDossier')}</Link>
      </p>
      <p className="skip-to-work">
        <a href="#task-work">{t('task.skipToWork')}</a>
      </p>
      <div className="task-layout">
        <div>
          <ErrorMessage error={dossier.error} />
          {dossier.data && <DossierPanel dossier={dossier.data} events={events.data} />}
        </div>
        <div className="task-side">
          <section aria-labelledby="task-work" className="card">
            <h2 id="task-work" tabIndex={-1}>
              {t('task.work')}
            </h2>
            <ActionStatus notice={message}>
              {receivedAtCounter(current, completedWith) && (
                <p>
                  <Link href={`/work/dossiers/${current.dossierId}/receipt`}>
                    {t('task.printReceipt')}
                  </Link>
                </p>
              )}
            </ActionStatus>
            <ErrorMessage error={form.error} />
            <TaskWork
              task={current}
              account={account}
              form={form.data}
              data={data}
              onData={setData}
              onChanged={changed}
            />
          </section>
          {current.status === 'open' && hasRole(account, 'head_of_unit') && (
            <section aria-labelledby="task-reassign" className="card">
              <h2 id="task-reassign">{t('task.reassign.title')}</h2>
              <ReassignForm
                task={current}
                onDone={(officer) => changed(notice('task.reassigned', { name: officer.fullName }))}
              />
            </section>
          )}
          {current.status === 'open' && (
            <section aria-labelledby="task-comment" className="card">
              <h2 id="task-comment">{t('task.comment.title')}</h2>
              <CommentForm taskId={current.id} onSent={() => changed(notice('task.commented'))} />
            </section>
          )}
        </div>
      </div>
    </article>
  );
}
