// The working-day calendar of the agencies, built from the yearly table in
// the database (calendar_days) over the defaults of server/domain. Rebuilt
// when an admin changes the table, and every few minutes so that several
// servers agree.
import type { Knex } from 'knex';
import fp from 'fastify-plugin';
import {
  createWorkingCalendar,
  type CalendarDayEntry,
  type WorkingCalendar,
} from '../../domain/working-calendar.js';

const REFRESH_MS = 5 * 60_000;

export interface CalendarHolder {
  current(): WorkingCalendar;
  addWorkingDays(from: Date, days: number): Date;
  reload(): Promise<void>;
  /** Replaces one year's entries (an empty list returns the year to the computed defaults). */
  replaceYear(year: number, entries: CalendarDayEntry[]): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    calendar: CalendarHolder;
  }
}

async function loadTable(db: Knex): Promise<CalendarDayEntry[]> {
  const rows = await db('calendar_days').orderBy('day');
  return rows.map((r) => ({
    date: String(r.day),
    kind: r.kind,
    name: { vi: r.name_vi, en: r.name_en },
  }));
}

export default fp(
  async (app) => {
    let calendar = createWorkingCalendar({ dayTable: await loadTable(app.db) });
    const holder: CalendarHolder = {
      current: () => calendar,
      addWorkingDays: (from, days) => calendar.addWorkingDays(from, days),
      reload: async () => {
        calendar = createWorkingCalendar({ dayTable: await loadTable(app.db) });
      },
      replaceYear: async (year, entries) => {
        // Validate the whole table before writing anything.
        const others = (await loadTable(app.db)).filter((e) => !e.date.startsWith(`${year}-`));
        createWorkingCalendar({ dayTable: [...others, ...entries] });
        await app.db.transaction(async (trx) => {
          await trx('calendar_days').whereRaw('extract(year from day) = ?', [year]).delete();
          if (entries.length) {
            await trx('calendar_days').insert(
              entries.map((e) => ({
                day: e.date,
                kind: e.kind,
                name_vi: e.name?.vi ?? '',
                name_en: e.name?.en ?? '',
              })),
            );
          }
        });
        await holder.reload();
      },
    };
    const timer = setInterval(() => {
      holder
        .reload()
        .catch((error: unknown) => app.log.warn({ err: error }, 'calendar reload failed'));
    }, REFRESH_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
    app.decorate('calendar', holder);
  },
  { name: 'calendar', dependencies: ['db'] },
);
