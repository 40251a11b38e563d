// Boots the app on the run's test database, with an embedded engine on a
// free port, for `app.inject`. Closing the app stops the engine.
//
// Options beyond the app's own:
// - `engineClock`: the embedded engine's clock. Tests that move time pass the
//   same ControlledClock as `clock` and `engineClock`, so that deadlines of the
//   app and timers of the engine move together.
// - `database`: `'own'` gives the app a migrated database of its own, dropped
//   when it closes. Files that move a clock need one: an engine fires every
//   due timer of its database by its clock, including other files' timers.
//   A URL uses that database as it is.
// - ZEEBE_ADDRESS in `env`: no embedded engine; the app talks to the engine
//   at that address (e.g. one started in a child process).
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { startEngine, type Clock, type RunningEngine } from '../../engine/index.js';
import { buildApp, type AppOptions } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDb } from '../../server/plugins/external/database.js';
import { createDatabaseBeside } from './test-database.js';

export interface BuildOptions extends AppOptions {
  engineClock?: Clock;
  database?: 'shared' | 'own' | { url: string };
}

const engines = new WeakMap<FastifyInstance, RunningEngine>();

/** The embedded engine `build` started for the app (none with ZEEBE_ADDRESS). */
export function engineOf(app: FastifyInstance): RunningEngine | undefined {
  return engines.get(app);
}

export async function build(env: Record<string, string> = {}, options: BuildOptions = {}) {
  const { engineClock, database = 'shared', ...appOptions } = options;
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const own = database === 'own' ? await createDatabaseBeside(inject('databaseUrl')) : null;
  const databaseUrl =
    own?.url ?? (typeof database === 'object' ? database.url : inject('databaseUrl'));
  let engine: RunningEngine | null = null;
  let engineDb: ReturnType<typeof createDb> | null = null;
  try {
    if (!config.zeebeAddress) {
      engineDb = createDb(databaseUrl, { max: 4 });
      engine = await startEngine({ db: engineDb, port: 0, clock: engineClock });
    }
    const zeebeAddress = config.zeebeAddress ?? engine!.address;
    const app = await buildApp({ ...config, databaseUrl, zeebeAddress }, appOptions);
    if (engine) engines.set(app, engine);
    app.addHook('onClose', async () => {
      await engine?.stop();
      await engineDb?.destroy();
      await own?.drop();
    });
    return app;
  } catch (error) {
    await engine?.stop();
    await engineDb?.destroy();
    await own?.drop();
    throw error;
  }
}
