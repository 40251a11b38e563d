// Watching deadlines: warn the assignee and the heads of unit when a task
// nears its due time, flag dossiers that passed their appointment date, and
// count what is due, late and on time for reports. Pure work on the
// database with an injected clock; the cron plugin only calls it.
import type { Knex } from 'knex';
import type { WorkingCalendar } from '../../../domain/working-calendar.js';
import { appendDossierEvent } from '../audit/dossier-audit.js';
import type { NotificationService } from '../notifications/notification.service.js';

/** A task is "near its due time" with this much office time left. */
export const WARN_BEFORE_MS = 4 * 3600_000;

/** Statuses in which the agency still owes the applicant a result. */
const OPEN_STATUSES = ['received', 'in_processing', 'fees_due'];

export function createDeadlineService(deps: {
  db: Knex;
  clock: { now(): Date };
  calendar(): WorkingCalendar;
  notifications: NotificationService;
}) {
  const { db, clock } = deps;

  return {
    /** Warns once for each open task with less than WARN_BEFORE_MS of office time left. */
    async warnNearDue(): Promise<number> {
      const now = clock.now();
      const calendar = deps.calendar();
      const candidates = await db('tasks as t')
        .join('dossiers as d', 'd.id', 't.dossier_id')
        .where('t.status', 'open')
        .whereNull('t.warned_at')
        .whereNotNull('t.due_at')
        // Cheap pre-filter in calendar time; the office-time check follows.
        .where('t.due_at', '<', new Date(now.getTime() + 7 * 86_400_000))
        .select('t.*', 'd.code as dossier_code');
      let warned = 0;
      for (const task of candidates) {
        if (calendar.remainingWorkingTime(now, task.due_at) > WARN_BEFORE_MS) continue;
        await db.transaction(async (trx) => {
          const claimed = await trx('tasks')
            .where({ id: task.id })
            .whereNull('warned_at')
            .update({ warned_at: now });
          if (!claimed) return;
          const people = await trx('accounts')
            .where({ kind: 'staff', status: 'active', agency_id: task.agency_id })
            .where((w) => {
              w.whereRaw("'head_of_unit' = any(roles)");
              if (task.assignee_id) w.orWhere('id', task.assignee_id);
            })
            .select('id', 'email');
          for (const person of people) {
            await deps.notifications.queue(trx, {
              accountId: person.id,
              to: person.email,
              template: 'task.escalation',
              locale: 'vi',
              variables: { code: task.dossier_code ?? '', element: task.name },
            });
          }
          warned++;
        });
      }
      return warned;
    },

    /** Flags, once, each dossier whose appointment date passed without a result. */
    async flagOverdue(): Promise<number> {
      const now = clock.now();
      const late = await db('dossiers')
        .whereIn('status', OPEN_STATUSES)
        .whereNull('overdue_at')
        .whereNull('paused_at')
        .where('appointment_at', '<', now)
        .select('id', 'status', 'appointment_at');
      for (const dossier of late) {
        await db.transaction(async (trx) => {
          const flagged = await trx('dossiers')
            .where({ id: dossier.id })
            .whereNull('overdue_at')
            .update({ overdue_at: now });
          if (!flagged) return;
          await appendDossierEvent(trx, {
            dossierId: dossier.id,
            at: now,
            actorId: null,
            actorRole: 'system',
            action: 'OVERDUE',
            fromStatus: dossier.status,
            toStatus: dossier.status,
            reason: `Quá hạn hẹn trả ${new Date(dossier.appointment_at).toISOString()} / past the appointment date`,
            elementId: null,
            changes: null,
          });
        });
      }
      return late.length;
    },

    /** Counts per agency: results owed, of them late, and results returned on time or late. */
    async counts(): Promise<
      {
        agencyId: string;
        owed: number;
        late: number;
        returnedOnTime: number;
        returnedLate: number;
      }[]
    > {
      const now = clock.now();
      const { rows } = await db.raw(
        `select d.agency_id as "agencyId",
                count(*) filter (where d.status = any(?)) ::int as owed,
                count(*) filter (where d.status = any(?) and d.appointment_at < ?) ::int as late,
                count(*) filter (where d.status = 'result_returned' and d.overdue_at is null) ::int as "returnedOnTime",
                count(*) filter (where d.status = 'result_returned' and d.overdue_at is not null) ::int as "returnedLate"
           from dossiers d group by d.agency_id`,
        [OPEN_STATUSES, OPEN_STATUSES, now],
      );
      return rows;
    },
  };
}

export type DeadlineService = ReturnType<typeof createDeadlineService>;
