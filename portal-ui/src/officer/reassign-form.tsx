// A head of unit gives the task to another officer of the agency.
import { useState, type FormEvent } from 'react';
import { t } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage, Field } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import { OFFICER_ROLES, type Candidate, type Task } from './api-types';
import { roleName } from './labels';
import './task.messages';

export function ReassignForm({
  task,
  onDone,
}: {
  task: Task;
  onDone: (officer: Candidate) => void;
}) {
  // The server lists the active officers of the task's agency, its assignee excepted.
  const candidates = useResource<Candidate[]>(`/tasks/${task.id}/candidates`);
  const [assigneeId, setAssigneeId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const officers = (candidates.data ?? []).filter((a) =>
    a.roles.some((role) => OFFICER_ROLES.includes(role)),
  );

  async function reassign(event: FormEvent) {
    event.preventDefault();
    const officer = officers.find((a) => a.id === assigneeId);
    if (!officer) return;
    setBusy(true);
    try {
      await api.post(`/tasks/${task.id}/reassign`, { assigneeId });
      setError(null);
      setAssigneeId('');
      onDone(officer);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (candidates.error) return <ErrorMessage error={candidates.error} />;

  return (
    <form onSubmit={(event) => void reassign(event)} noValidate>
      <ErrorMessage error={error} />
      <Field
        label={t('task.reassign.officer')}
        hint={t('task.reassign.hint')}
        error={fieldErrors(error).get('/assigneeId')}
      >
        {(props) => (
          <select
            {...props}
            required
            value={assigneeId}
            onChange={(event) => setAssigneeId(event.target.value)}
          >
            <option value="">{t('task.reassign.choose')}</option>
            {officers.map((officer) => (
              <option key={officer.id} value={officer.id}>
                {officer.fullName} — {officer.roles.map(roleName).join(', ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="secondary" disabled={busy || !assigneeId}>
        {t('task.reassign.submit')}
      </button>
    </form>
  );
}
