// Runs the process-start relay in the server: every half second, and at once
// after a submit. Stops with the app.
import fp from 'fastify-plugin';
import { createProcessStartRelay } from './process-start-relay.js';

const INTERVAL_MS = 500;

declare module 'fastify' {
  interface FastifyInstance {
    processStarts: { poke(): void; runOnce(): Promise<number> };
  }
}

export default fp(
  async (app) => {
    const relay = createProcessStartRelay({
      db: app.db,
      zeebe: app.zeebe,
      clock: app.clock,
      onError: (error, dossierId) =>
        app.log.warn({ err: error, dossierId }, 'process start not yet published'),
    });
    let running: Promise<number> | null = null;
    let stopped = false;
    const runOnce = () => {
      running ??= relay.runOnce().finally(() => (running = null));
      return running;
    };
    const tick = () => {
      if (stopped) return;
      runOnce().catch((error: unknown) =>
        app.log.error({ err: error }, 'process start relay failed'),
      );
    };
    const timer = setInterval(tick, INTERVAL_MS);
    timer.unref();
    // Stop before anything else closes (the engine client, the database).
    app.addHook('preClose', async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    });
    app.decorate('processStarts', { poke: () => setImmediate(tick), runOnce });
  },
  { name: 'process-start-relay', dependencies: ['db', 'zeebe', 'services'] },
);
