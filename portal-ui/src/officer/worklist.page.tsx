// /work — the officer's worklist: my tasks and my groups' tasks, filtered and
// sorted by due date, with overdue and due-soon tasks counted and marked.
import { useLocation, useSearch } from 'wouter';
import { t } from '../i18n/i18n';
import { ErrorMessage, Loading } from '../shell/feedback';
import { hasRole, useSession } from '../shell/session';
import { useResource } from '../shell/use-resource';
import { OFFICER_ROLES, type Task } from './api-types';
import { dueState } from './due-status';
import { FeesDue } from './fees-due';
import { NotAnOfficer } from './not-an-officer';
import { TaskTable } from './task-table';
import { WorklistFilterForm } from './worklist-filters';
import { readFilters, tasksPath, writeFilters, type WorklistFilters } from './worklist-query';
import { WorklistTabs } from './worklist-tabs';
import './officer.css';
import './worklist.messages';

const LIMIT = 200;

function sorted(tasks: Task[], order: WorklistFilters['sort']): Task[] {
  const key = (task: Task) => (task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY);
  const sign = order === 'asc' ? 1 : -1;
  // Tasks without a due date come last in both orders.
  return [...tasks].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === y) return 0;
    if (x === Number.POSITIVE_INFINITY) return 1;
    if (y === Number.POSITIVE_INFINITY) return -1;
    return (x - y) * sign;
  });
}

function Worklist({ accountId }: { accountId: string }) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = readFilters(search);
  const mine = useResource<Task[]>(tasksPath(filters, 'mine'));
  const groups = useResource<Task[]>(tasksPath(filters, 'groups'));
  const shown = filters.view === 'mine' ? mine : groups;
  const tasks = sorted(shown.data ?? [], filters.sort);
  const overdue = tasks.filter((task) => dueState(task) === 'overdue').length;
  const soon = tasks.filter((task) => dueState(task) === 'soon').length;
  const apply = (next: WorklistFilters) => {
    const query = writeFilters(next);
    navigate(query ? `/work?${query}` : '/work', { replace: true });
  };

  return (
    <>
      <WorklistFilterForm key={search} filters={filters} onApply={apply} />
      <WorklistTabs
        view={filters.view}
        counts={{ mine: mine.data?.length, groups: groups.data?.length }}
        limit={LIMIT}
        onSelect={(view) => apply({ ...filters, view })}
      >
        <ErrorMessage error={shown.error} />
        {shown.data ? (
          <>
            <div className="worklist-summary">
              <p role="status">{t('worklist.summary', { total: tasks.length, overdue, soon })}</p>
              <button
                type="button"
                className="secondary"
                onClick={() => void Promise.all([mine.reload(), groups.reload()])}
              >
                {t('worklist.refresh')}
              </button>
            </div>
            <TaskTable tasks={tasks} accountId={accountId} />
          </>
        ) : (
          !shown.error && <Loading />
        )}
      </WorklistTabs>
    </>
  );
}

export default function WorklistPage() {
  const { account } = useSession();
  if (!account) return null;
  const officer = hasRole(account, ...OFFICER_ROLES);
  return (
    <section>
      <h1>{t('worklist.title')}</h1>
      {officer ? <Worklist accountId={account.id} /> : <NotAnOfficer />}
      {hasRole(account, 'cashier') && <FeesDue />}
    </section>
  );
}
