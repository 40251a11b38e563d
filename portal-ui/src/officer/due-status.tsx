// How much office time a task has left, in words as well as colour: overdue,
// due soon (within one working day), or on time.
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { Task } from './api-types';
import './officer.messages';

// Office time in a working day on the default hours (07:30–11:30, 13:00–17:00).
const WORKING_DAY_MINUTES = 480;

export type DueState = 'overdue' | 'soon' | 'ok' | 'none';

export function dueState(
  task: Pick<Task, 'dueAt' | 'overdue' | 'remainingWorkingMinutes' | 'status'>,
): DueState {
  if (!task.dueAt || task.status !== 'open') return 'none';
  if (task.overdue) return 'overdue';
  const left = task.remainingWorkingMinutes;
  return left !== null && left <= WORKING_DAY_MINUTES ? 'soon' : 'ok';
}

/** "2 ngày 3 giờ" of office time, or minutes when under an hour. */
export function workingTime(minutes: number): string {
  const total = Math.abs(minutes);
  const days = Math.floor(total / WORKING_DAY_MINUTES);
  const hours = Math.floor((total % WORKING_DAY_MINUTES) / 60);
  const parts = [];
  if (days) parts.push(t('officer.time.days', { n: days }));
  if (hours) parts.push(t('officer.time.hours', { n: hours }));
  // Under a day, minutes count too.
  if (!days && (total % 60 || !hours)) parts.push(t('officer.time.minutes', { n: total % 60 }));
  return parts.join(' ');
}

const BADGE: Record<Exclude<DueState, 'none'>, string> = {
  overdue: 'badge badge-bad',
  soon: 'badge badge-warn',
  ok: 'badge badge-ok',
};

export function DueStatus({ task }: { task: Task }) {
  if (task.status !== 'open') {
    return <span>{t('officer.due.done', { at: formatDateTime(task.completedAt) })}</span>;
  }
  const state = dueState(task);
  if (state === 'none' || !task.dueAt)
    return <span className="muted">{t('officer.due.none')}</span>;
  const left = task.remainingWorkingMinutes;
  return (
    <span className="due-status">
      <span className={BADGE[state]}>{t(`officer.due.${state}`)}</span>{' '}
      <span>{formatDateTime(task.dueAt)}</span>
      {left !== null && (
        <span className="due-left">
          {t(state === 'overdue' ? 'officer.due.late' : 'officer.due.left', {
            time: workingTime(left),
          })}
        </span>
      )}
    </span>
  );
}
