// After a counter intake: the dossier code, the next step (the reception
// check, which sets the appointment) and the receipt to print.
import { useEffect } from 'react';
import { Link } from 'wouter';
import { t } from '../i18n/i18n';
import { useResource } from '../shell/use-resource';
import type { Dossier, Task } from './api-types';
import './intake.messages';

const POLL_MS = 2000;

export function IntakeDone({ dossier, onNext }: { dossier: Dossier; onNext: () => void }) {
  // The process creates the reception task a moment after the dossier is registered.
  const tasks = useResource<Task[]>(`/tasks?view=groups&dossierId=${dossier.id}`);
  const task = tasks.data?.[0];
  const { reload } = tasks;
  useEffect(() => {
    if (task) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [task, reload]);

  return (
    <div className="card">
      <p>{t('intake.done.next')}</p>
      <ul>
        <li>
          {task ? (
            <Link href={`/work/tasks/${task.id}`}>
              {t('intake.done.check', { task: task.name })}
            </Link>
          ) : (
            <span className="muted">{t('intake.done.waitingTask')}</span>
          )}
        </li>
        <li>
          <Link href={`/work/dossiers/${dossier.id}/receipt`}>{t('intake.done.receipt')}</Link>
        </li>
      </ul>
      <button type="button" className="secondary" onClick={onNext}>
        {t('intake.done.another')}
      </button>
    </div>
  );
}
