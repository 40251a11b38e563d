// The working side of a task: who has it, its deadline, claim and unclaim,
// and the decision form for the officer who has claimed it.
import { useState } from 'react';
import { formatDateTime } from '../i18n/format';
import { local, t } from '../i18n/i18n';
import type { FormDefinition } from '../forms/schema-form';
import { notice, type Notice } from '../shell/action-status';
import { api } from '../shell/api';
import { ErrorMessage } from '../shell/feedback';
import type { Account } from '../shell/session';
import type { Task } from './api-types';
import { DecisionForm } from './decision-form';
import { DueStatus } from './due-status';
import { roleName } from './labels';
import './task.messages';

function assigneeText(task: Task, account: Account): string {
  if (!task.assigneeId) return t('task.assignee.nobody');
  if (task.assigneeId === account.id) return t('task.assignee.you', { name: account.fullName });
  return t('task.assignee.other');
}

export function TaskWork({
  task,
  account,
  form,
  data,
  onData,
  onChanged,
}: {
  task: Task;
  account: Account;
  form: FormDefinition | undefined;
  data: Record<string, unknown>;
  onData: (data: Record<string, unknown>) => void;
  onChanged: (message: Notice | null, completed?: Record<string, unknown>) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = task.status === 'open';
  const mine = open && task.assigneeId === account.id;
  const inGroups =
    task.candidateGroups.length === 0 ||
    task.candidateGroups.some((group) => account.roles.includes(group));

  async function act(action: 'claim' | 'unclaim') {
    setBusy(true);
    try {
      await api.post(`/tasks/${task.id}/${action}`);
      setError(null);
      onChanged(notice(action === 'claim' ? 'task.claimed' : 'task.unclaimed'));
    } catch (caught) {
      setError(caught);
      onChanged(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <dl className="facts">
        <dt>{t('task.state')}</dt>
        <dd>
          {open
            ? t('task.state.open')
            : t('task.state.done', { at: formatDateTime(task.completedAt) })}
        </dd>
        <dt>{t('task.assignee')}</dt>
        <dd>{assigneeText(task, account)}</dd>
        <dt>{t('task.groups')}</dt>
        <dd>{task.candidateGroups.map(roleName).join(', ') || '—'}</dd>
        <dt>{t('task.due')}</dt>
        <dd>
          <DueStatus task={task} />
        </dd>
      </dl>
      <ErrorMessage error={error} />
      {open && (
        <div className="actions">
          {!task.assigneeId && inGroups && (
            <button type="button" disabled={busy} onClick={() => void act('claim')}>
              {t('task.claim')}
            </button>
          )}
          {mine && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void act('unclaim')}
            >
              {t('task.unclaim')}
            </button>
          )}
        </div>
      )}
      {open && !mine && (
        <p className="muted">
          {t(
            task.assigneeId
              ? 'task.hint.othersTask'
              : inGroups
                ? 'task.hint.claimFirst'
                : 'task.hint.otherGroup',
          )}
        </p>
      )}
      {mine && !task.formKey && <p>{t('task.noForm')}</p>}
      {mine && form && (
        <>
          <h3>{local(form.title)}</h3>
          <DecisionForm
            task={task}
            form={form}
            data={data}
            onChange={onData}
            onCompleted={(completed) => onChanged(notice('task.completed'), completed)}
          />
        </>
      )}
    </>
  );
}
