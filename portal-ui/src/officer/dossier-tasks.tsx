// The open tasks of one dossier that the officer's groups may work on.
import { Link } from 'wouter';
import { t } from '../i18n/i18n';
import { ErrorMessage } from '../shell/feedback';
import { useResource } from '../shell/use-resource';
import type { Task } from './api-types';
import { DueStatus } from './due-status';
import './dossiers.messages';

export function DossierTasks({ dossierId }: { dossierId: string }) {
  const tasks = useResource<Task[]>(`/tasks?view=groups&dossierId=${dossierId}`);
  if (tasks.error) return <ErrorMessage error={tasks.error} />;
  if (!tasks.data) return null;
  if (tasks.data.length === 0) return <p>{t('dossiers.tasks.none')}</p>;
  return (
    <ul>
      {tasks.data.map((task) => (
        <li key={task.id}>
          <Link href={`/work/tasks/${task.id}`}>{task.name}</Link> — <DueStatus task={task} />
        </li>
      ))}
    </ul>
  );
}
