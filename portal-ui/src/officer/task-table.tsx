// The worklist table: one row per task with its dossier, deadline and who
// has it. Overdue and due-soon rows say so in words; the colour only adds.
import { Link } from 'wouter';
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n/i18n';
import { TableRegion } from '../shell/table-region';
import type { Task } from './api-types';
import { DueStatus, dueState } from './due-status';
import './worklist.messages';

function assignee(task: Task, accountId: string): string {
  if (!task.assigneeId) return t('worklist.assignee.nobody');
  return task.assigneeId === accountId ? t('worklist.assignee.me') : t('worklist.assignee.other');
}

export function TaskTable({ tasks, accountId }: { tasks: Task[]; accountId: string }) {
  if (tasks.length === 0) return <p>{t('worklist.empty')}</p>;
  return (
    <TableRegion label={t('worklist.tableLabel')}>
      <table className="task-table">
        <thead>
          <tr>
            <th scope="col">{t('worklist.col.task')}</th>
            <th scope="col">{t('worklist.col.due')}</th>
            <th scope="col">{t('worklist.col.assignee')}</th>
            <th scope="col">{t('worklist.col.procedure')}</th>
            <th scope="col">{t('worklist.col.created')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id} data-testid="task-row" className={`due-${dueState(task)}`}>
              <td>
                <Link href={`/work/tasks/${task.id}`}>{task.name}</Link>
                <span className="task-dossier-code">{task.dossierCode ?? '—'}</span>
              </td>
              <td>
                <DueStatus task={task} />
              </td>
              <td>{assignee(task, accountId)}</td>
              <td>{task.procedureCode}</td>
              <td>{formatDateTime(task.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
