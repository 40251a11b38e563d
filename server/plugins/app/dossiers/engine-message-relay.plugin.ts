// Runs the engine message relay in the server: every half second, and at once
// after a submit. Stops with the app.
import fp from 'fastify-plugin';
import { createEngineMessageRelay } from './engine-message-relay.js';

const INTERVAL_MS = 500;

declare module 'fastify' {
  interface FastifyInstance {
    engineMessages: { poke(): void; runOnce(): Promise<number> };
  }
}

export default fp(
  async (app) => {
    const relay = createEngineMessageRelay({
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
    app.decorate('engineMessages', { poke: () => setImmediate(tick), runOnce });
  },
  { name: 'engine-message-relay', dependencies: ['db', 'zeebe', 'services'] },
);
