// node-cron runs the deadline watch every minute on one leader only: each
// run takes a PostgreSQL advisory lock, so several servers never both warn.
import cron from 'node-cron';
import fp from 'fastify-plugin';
import { createDeadlineService } from './deadline.service.js';

// An arbitrary constant naming the deadline watch's lock.
const LEADER_LOCK = 726_100_001;

export default fp(
  async (app) => {
    const deadlines = createDeadlineService({
      db: app.db,
      clock: app.clock,
      calendar: () => app.calendar.current(),
      notifications: app.services.notifications,
    });
    const task = cron.schedule('* * * * *', async () => {
      try {
        await app.db.transaction(async (trx) => {
          const { rows } = await trx.raw('select pg_try_advisory_xact_lock(?) as leader', [
            LEADER_LOCK,
          ]);
          if (!rows[0]?.leader) return;
          await deadlines.warnNearDue();
          await deadlines.flagOverdue();
        });
      } catch (error) {
        app.log.error({ err: error }, 'deadline watch failed');
      }
    });
    app.addHook('preClose', async () => {
      await task.stop();
    });
  },
  { name: 'deadline-cron', dependencies: ['db', 'services', 'calendar'] },
);
