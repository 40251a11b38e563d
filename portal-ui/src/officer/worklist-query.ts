// The worklist's filters live in the address (/work?view=mine&overdue=1…), so
// going back from a task returns to the same list.
export interface WorklistFilters {
  view: 'mine' | 'groups';
  procedure: string;
  status: 'open' | 'completed';
  dueBy: string;
  overdue: boolean;
  q: string;
  sort: 'asc' | 'desc';
}

export function readFilters(search: string): WorklistFilters {
  const params = new URLSearchParams(search);
  return {
    view: params.get('view') === 'mine' ? 'mine' : 'groups',
    procedure: params.get('procedure') ?? '',
    status: params.get('status') === 'completed' ? 'completed' : 'open',
    dueBy: params.get('dueBy') ?? '',
    overdue: params.get('overdue') === '1',
    q: params.get('q') ?? '',
    sort: params.get('sort') === 'desc' ? 'desc' : 'asc',
  };
}

export function writeFilters(filters: WorklistFilters): string {
  const params = new URLSearchParams();
  if (filters.view === 'mine') params.set('view', 'mine');
  if (filters.procedure) params.set('procedure', filters.procedure);
  if (filters.status === 'completed') params.set('status', 'completed');
  if (filters.dueBy) params.set('dueBy', filters.dueBy);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.q) params.set('q', filters.q);
  if (filters.sort === 'desc') params.set('sort', 'desc');
  return params.toString();
}

/** GET /tasks for one view; "due by" a day means before the end of that day in Vietnam. */
export function tasksPath(filters: WorklistFilters, view: WorklistFilters['view']): string {
  const params = new URLSearchParams({ view, status: filters.status, limit: '200' });
  if (filters.procedure) params.set('procedureCode', filters.procedure);
  if (filters.dueBy) {
    const endOfDay = new Date(`${filters.dueBy}T00:00:00+07:00`);
    endOfDay.setUTCDate(endOfDay.getUTCDate() + 1);
    if (!Number.isNaN(endOfDay.getTime())) params.set('dueBefore', endOfDay.toISOString());
  }
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return `/tasks?${params.toString()}`;
}
