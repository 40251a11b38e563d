// The officers' worklist: each BPMN user task (a job of type
// io.camunda.zeebe:userTask, kept activated while an officer works on it) is
// a row here. Claim, unclaim, reassign, comment and complete, each recorded
// in the dossier's audit trail with the BPMN element id.
import type { Knex } from 'knex';
import type { WorkingCalendar } from '../../../domain/working-calendar.js';
import { AppError } from '../../../errors.js';
import type { Caller } from '../access/access-rules.js';
import {
  appendDossierEvent,
  appendEventStatement,
  type DossierEventInput,
} from '../audit/dossier-audit.js';
import { recordProcessDefinition, type ProcessDefinitionRef } from '../dossiers/dossier-process.js';
import { preparedRows } from '../../external/database.js';
import { knexOf, pipelinedTransaction } from '../../external/pipelined-transaction.js';
import type { FormRegistry } from '../forms/form-registry.js';
import { parseFormRef } from '../forms/form-registry.js';
import type { ZeebeClient } from '../../external/zeebe-client.js';
import { isUuid } from '../../../domain/uuid.js';

export interface TaskRow {
  id: string;
  element_instance_key: string;
  job_key: string;
  process_instance_key: string;
  element_id: string;
  dossier_id: string;
  agency_id: string;
  name: string;
  form_key: string | null;
  candidate_groups: string[];
  assignee_id: string | null;
  due_at: Date | null;
  follow_up_at: Date | null;
  priority: number;
  status: 'open' | 'completed' | 'cancelled';
  data: Record<string, unknown> | null;
  created_at: Date;
  claimed_at: Date | null;
  completed_at: Date | null;
  completed_by: string | null;
}

/** What the user-task worker learns from an activated job. */
export interface UserTaskJob {
  jobKey: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  name: string;
  dossierId: string;
  /** Another agency's task in an inter-agency process. */
  agencyCode: string | null;
  headers: Record<string, string>;
  processDefinition?: ProcessDefinitionRef;
}

export interface TaskFilter {
  view: 'mine' | 'groups';
  dossierId?: string;
  procedureCode?: string;
  status?: 'open' | 'completed';
  dueBefore?: string;
  overdue?: boolean;
  q?: string;
  limit: number;
}

const HEADER = {
  assignee: 'io.camunda.zeebe:assignee',
  candidateGroups: 'io.camunda.zeebe:candidateGroups',
  dueDate: 'io.camunda.zeebe:dueDate',
  followUpDate: 'io.camunda.zeebe:followUpDate',
  formKey: 'io.camunda.zeebe:formKey',
};

// The task row of an activated user task job; a job that comes back keeps its row.
const UPSERT_TASK = `
insert into tasks
  (element_instance_key, job_key, process_instance_key, element_id, dossier_id, agency_id, name,
   form_key, candidate_groups, assignee_id, due_at, follow_up_at, status, created_at)
select $1::text, $2::text, $3::text, $4::text, d.id,
       coalesce((select id from agencies where code = $5 limit 1), d.agency_id),
       $6::text, $7::text, $8::text[],
       (select id from accounts where lower(email) = lower($9) limit 1),
       $10::timestamptz, $11::timestamptz, 'open', $12::timestamptz
  from dossiers d
 where d.id = $13
on conflict (element_instance_key) do update set job_key = excluded.job_key
returning *`;

// An open task of an agency, in the caller's view ($3: 'mine' or 'groups'), as `list` reads it.
const LISTED_TASK = `
select t.*, d.code as dossier_code, p.code as procedure_code
  from tasks t
  join dossiers d on d.id = t.dossier_id
  join procedures p on p.id = d.procedure_id
 where t.id = $1 and t.agency_id = $2 and t.status = 'open'
   and case $3::text
         when 'mine' then t.assignee_id = $4::uuid
         else t.candidate_groups && $5::text[] or t.candidate_groups = '{}'
       end`;

// The task's dossier when the row was made just now (by this upsert).
const TASK_CREATED_AT =
  'select dossier_id from tasks where element_instance_key = ? and created_at = ?::timestamptz';

function dateOf(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function listOf(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  }
}

// The claim: an open task of the caller's agency, free or already the
// caller's, in one of the caller's groups (or open to every group).
const CLAIM = `update tasks set assignee_id = $3, claimed_at = $4
  where id = $1 and agency_id = $2 and status = 'open'
    and (assignee_id is null or assignee_id = $3)
    and (candidate_groups && $5::text[] or candidate_groups = '{}')
  returning *`;

const COMPLETE = `update tasks set status = 'completed', data = $2, completed_at = $3, completed_by = $4
  where id = $1 returning *`;

const notYours = () =>
  new AppError('CONFLICT', [], {
    vi: 'Công việc này đang do cán bộ khác xử lý.',
    en: 'Another officer has this task.',
  });

export function createWorklistService(deps: {
  db: Knex;
  clock: { now(): Date };
  calendar(): WorkingCalendar;
  forms: FormRegistry;
  zeebe: ZeebeClient;
}) {
  const { db, clock } = deps;

  /** The task if the caller's agency owns it and the caller may act on it; 404 otherwise. */
  async function visible(
    caller: Caller,
    id: string,
    trx: Knex | Knex.Transaction = db,
  ): Promise<TaskRow> {
    if (!isUuid(id) || !caller.agencyId) throw new AppError('NOT_FOUND');
    const task = await trx<TaskRow>('tasks').where({ id, agency_id: caller.agencyId }).first();
    if (!task) throw new AppError('NOT_FOUND');
    return task;
  }

  /** A task open to every group, or to one of the caller's. */
  const inGroups = (caller: Caller, groups: string[]) =>
    groups.length === 0 || groups.some((g) => caller.roles.includes(g as never));

  /** The task's event in the dossier's audit trail; a worklist action keeps the dossier's status. */
  function taskEvent(
    task: Pick<TaskRow, 'dossier_id' | 'element_id'>,
    caller: Caller | null,
    action: string,
    reason: string | null = null,
    changes: Record<string, { old: string | null; new: string | null }> | null = null,
  ): DossierEventInput {
    return {
      dossierId: task.dossier_id,
      at: clock.now(),
      actorId: caller?.id ?? null,
      actorRole: caller?.roles[0] ?? 'system',
      action,
      fromStatus: null,
      toStatus: null,
      reason,
      elementId: task.element_id,
      changes,
    };
  }

  const audit = (trx: Knex.Transaction, ...event: Parameters<typeof taskEvent>) =>
    appendDossierEvent(trx, taskEvent(...event), { keepsStatus: true });

  const auditStatement = (...event: Parameters<typeof taskEvent>) =>
    appendEventStatement(taskEvent(...event), { keepsStatus: true });

  function present(task: TaskRow, now = clock.now()) {
    return {
      id: task.id,
      name: task.name,
      elementId: task.element_id,
      dossierId: task.dossier_id,
      formKey: task.form_key,
      candidateGroups: task.candidate_groups,
      assigneeId: task.assignee_id,
      dueAt: task.due_at,
      followUpAt: task.follow_up_at,
      priority: task.priority,
      status: task.status,
      createdAt: task.created_at,
      claimedAt: task.claimed_at,
      completedAt: task.completed_at,
      // Office time left until the due date (negative: overdue), in minutes.
      remainingWorkingMinutes: task.due_at
        ? Math.round(deps.calendar().remainingWorkingTime(now, task.due_at) / 60_000)
        : null,
      overdue: task.due_at ? task.due_at < now : false,
    };
  }

  type ListedRow = TaskRow & { dossier_code: string; procedure_code: string };
  const listed = (r: ListedRow, now = clock.now()) => ({
    ...present(r, now),
    dossierCode: r.dossier_code,
    procedureCode: r.procedure_code,
  });

  return {
    present,
    visible,

    /** Which view of the caller's a task is in (groups first), or none. */
    viewOf(
      caller: Caller,
      task: { candidateGroups: string[]; assigneeId: string | null },
    ): TaskFilter['view'] | null {
      if (inGroups(caller, task.candidateGroups)) return 'groups';
      return task.assigneeId === caller.id ? 'mine' : null;
    },

    /**
     * Keeps the row of an activated user task job, in one round trip: BEGIN,
     * the process definition on the dossier (a no-op once recorded), the task
     * (its agency: the one named, else the dossier's; its assignee from the
     * header), TASK_CREATED when the row is new, COMMIT. A job that returns
     * after a timeout finds its row (matched by element instance key): no
     * second row, no second TASK_CREATED.
     */
    async upsertFromJob(job: UserTaskJob): Promise<TaskRow> {
      const now = clock.now();
      const results = await pipelinedTransaction(db, (tx) =>
        tx.lastInOneTrip([
          ...(job.processDefinition
            ? [
                recordProcessDefinition(
                  job.dossierId,
                  job.processInstanceKey,
                  job.processDefinition,
                ),
              ]
            : []),
          {
            text: UPSERT_TASK,
            values: [
              job.elementInstanceKey,
              job.jobKey,
              job.processInstanceKey,
              job.elementId,
              job.agencyCode ?? null,
              job.name,
              job.headers[HEADER.formKey] ?? null,
              listOf(job.headers[HEADER.candidateGroups]),
              job.headers[HEADER.assignee] ?? null,
              dateOf(job.headers[HEADER.dueDate]),
              dateOf(job.headers[HEADER.followUpDate]),
              now,
              job.dossierId,
            ],
          },
          appendEventStatement(
            taskEvent(
              { dossier_id: job.dossierId, element_id: job.elementId },
              null,
              'TASK_CREATED',
            ),
            {
              keepsStatus: true,
              onlyIf: { sql: TASK_CREATED_AT, values: [job.elementInstanceKey, now] },
            },
          ),
        ]),
      );
      const task = results.at(-2)![0] as TaskRow | undefined;
      if (!task)
        throw new Error(`user task ${job.elementId}: dossier ${job.dossierId} does not exist`);
      return task;
    },

    async list(caller: Caller, filter: TaskFilter) {
      if (!caller.agencyId) return [];
      const now = clock.now();
      const query = db<TaskRow>('tasks as t')
        .join('dossiers as d', 'd.id', 't.dossier_id')
        .join('procedures as p', 'p.id', 'd.procedure_id')
        .where('t.agency_id', caller.agencyId)
        .where('t.status', filter.status ?? 'open')
        .select('t.*', 'd.code as dossier_code', 'p.code as procedure_code')
        .orderByRaw('t.due_at asc nulls last, t.created_at asc')
        .limit(filter.limit);
      if (filter.view === 'mine') query.where('t.assignee_id', caller.id);
      else
        query.whereRaw("(t.candidate_groups && ?::text[] or t.candidate_groups = '{}')", [
          caller.roles,
        ]);
      if (filter.dossierId) query.where('t.dossier_id', filter.dossierId);
      if (filter.procedureCode) query.where('p.code', filter.procedureCode);
      if (filter.dueBefore) query.where('t.due_at', '<', filter.dueBefore);
      if (filter.overdue) query.where('t.due_at', '<', now);
      if (filter.q) {
        const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
        query.where((w) => w.where('t.name', 'ilike', like).orWhere('d.code', 'ilike', like));
      }
      const rows = await query;
      return rows.map((r) => listed(r as ListedRow, now));
    },

    /**
     * One open task as `list` gives it, if it is in the caller's view: what a
     * live worklist stream sends for each new task (a prepared statement:
     * PostgreSQL plans it once per connection).
     */
    async listedTask(caller: Caller, view: TaskFilter['view'], id: string) {
      if (!caller.agencyId) return undefined;
      const [row] = await preparedRows<ListedRow>(db, 'worklist_listed_task', LISTED_TASK, [
        id,
        caller.agencyId,
        view,
        caller.id,
        caller.roles,
      ]);
      return row && listed(row);
    },

    /** Two round trips: BEGIN with the claim, then its audit event with COMMIT. */
    async claim(caller: Caller, id: string): Promise<TaskRow> {
      if (!isUuid(id) || !caller.agencyId) throw new AppError('NOT_FOUND');
      return pipelinedTransaction(db, async (tx) => {
        const [rows] = await tx.inOneTrip([
          { text: CLAIM, values: [id, caller.agencyId, caller.id, clock.now(), caller.roles] },
        ]);
        const claimed = rows![0] as TaskRow | undefined;
        if (!claimed) {
          // Why not: no such task here (404), not the caller's groups (403), or taken (409).
          const task = await visible(caller, id, knexOf(tx));
          throw inGroups(caller, task.candidate_groups) ? notYours() : new AppError('FORBIDDEN');
        }
        await tx.lastInOneTrip([auditStatement(claimed, caller, 'TASK_CLAIMED')]);
        return claimed;
      });
    },

    async unclaim(caller: Caller, id: string): Promise<TaskRow> {
      return db.transaction(async (trx) => {
        await visible(caller, id, trx);
        const [task] = await trx<TaskRow>('tasks')
          .where({ id, status: 'open', assignee_id: caller.id })
          .update({ assignee_id: null, claimed_at: null })
          .returning('*');
        if (!task) throw notYours();
        await audit(trx, task, caller, 'TASK_UNCLAIMED');
        return task;
      });
    },

    /** A head of unit gives a task to an officer of the same agency. */
    /** The active officers of the caller's agency the task may be given to (not its assignee). */
    async candidates(caller: Caller, id: string) {
      const task = await visible(caller, id, db);
      const rows = await db('accounts')
        .where({ kind: 'staff', status: 'active', agency_id: caller.agencyId })
        .modify((query) => {
          if (task.assignee_id) void query.whereNot('id', task.assignee_id);
        })
        .orderBy('full_name')
        .select<{ id: string; full_name: string; roles: string[] }[]>('id', 'full_name', 'roles');
      return rows.map((row) => ({ id: row.id, fullName: row.full_name, roles: row.roles }));
    },

    async reassign(caller: Caller, id: string, toAccountId: string): Promise<TaskRow> {
      return db.transaction(async (trx) => {
        const task = await visible(caller, id, trx);
        const to = await trx('accounts')
          .where({ id: toAccountId, kind: 'staff', status: 'active', agency_id: caller.agencyId })
          .first('id');
        if (!to) {
          throw new AppError('VALIDATION_FAILED', [
            {
              path: '/body/assigneeId',
              message: {
                vi: 'Cán bộ không thuộc cơ quan này.',
                en: 'The officer is not of this agency.',
              },
            },
          ]);
        }
        const [updated] = await trx<TaskRow>('tasks')
          .where({ id, status: 'open' })
          .update({ assignee_id: toAccountId, claimed_at: clock.now() })
          .returning('*');
        if (!updated) throw notYours();
        await audit(trx, updated, caller, 'TASK_REASSIGNED', null, {
          assignee: { old: task.assignee_id, new: toAccountId },
        });
        return updated;
      });
    },

    async comment(caller: Caller, id: string, body: string) {
      return db.transaction(async (trx) => {
        const task = await visible(caller, id, trx);
        const [row] = await trx('task_comments')
          .insert({ task_id: id, author_id: caller.id, body, created_at: clock.now() })
          .returning('*');
        await audit(trx, task, caller, 'TASK_COMMENT', body.slice(0, 500));
        return row;
      });
    },

    comments(id: string) {
      return db('task_comments').where('task_id', id).orderBy('created_at');
    },

    /**
     * Completes the task with its form's data (validated by the registry); the
     * data becomes process variables.
     */
    async complete(caller: Caller, id: string, data: Record<string, unknown>): Promise<TaskRow> {
      const task = await visible(caller, id);
      if (task.status !== 'open') {
        throw new AppError('CONFLICT', [], {
          vi: 'Công việc đã kết thúc.',
          en: 'The task is already finished.',
        });
      }
      if (task.assignee_id !== caller.id) throw notYours();
      const ref = task.form_key ? parseFormRef(task.form_key) : null;
      if (ref) {
        const result = deps.forms.validate(ref.id, ref.version, data);
        if (!result.valid) {
          throw new AppError(
            'VALIDATION_FAILED',
            result.errors.map((e) => ({ path: `/body/data${e.path}`, message: e.message })),
          );
        }
      }
      // Taken before the engine hears of it: the tasks it opens next are pushed to the
      // user-task worker at once, and their rows must not predate this completion.
      const completedAt = clock.now();
      try {
        await deps.zeebe.completeJob({ jobKey: task.job_key, variables: data as never });
      } catch (error) {
        // NOT_FOUND: the process moved on without this task (e.g. a boundary event).
        if ((error as { code?: number }).code === 5) {
          await db('tasks')
            .where({ id })
            .update({ status: 'cancelled', completed_at: clock.now() });
          throw new AppError('CONFLICT', [], {
            vi: 'Quy trình đã không còn chờ công việc này.',
            en: 'The process no longer waits for this task.',
          });
        }
        throw error;
      }
      // One round trip: BEGIN, the task's row, its audit event, COMMIT.
      return pipelinedTransaction(db, async (tx) => {
        const [rows] = await tx.lastInOneTrip([
          { text: COMPLETE, values: [id, data, completedAt, caller.id] },
          auditStatement(task, caller, 'TASK_COMPLETED'),
        ]);
        return rows![0] as TaskRow;
      });
    },
  };
}

export type WorklistService = ReturnType<typeof createWorklistService>;
