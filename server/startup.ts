// Start-up steps shared by `npm start` and `npm run engine`: each either
// succeeds or stops the process with one line saying what to fix.
import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { Worker } from 'node:worker_threads';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { EngineThreadData, EngineThreadMessage } from './engine-thread.js';
import {
  createDb,
  resolveDatabase,
  runMigrations,
  type ResolvedDatabase,
} from './plugins/external/database.js';

export function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** The database (embedded unless DATABASE_URL), migrated. */
export async function prepareDatabase(config: Config, log: Logger): Promise<ResolvedDatabase> {
  const database = await resolveDatabase(config, (line) => log.debug({ postgres: line })).catch(
    (error: Error) => fail(`Database: ${error.message}`),
  );
  log.info({ embedded: database.embedded }, 'database ready');
  try {
    const db = createDb(database.url, { max: 1 });
    const applied = await runMigrations(db).finally(() => db.destroy());
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  } catch (error) {
    log.error({ err: error }, 'migration failed');
    await database.stop();
    fail(`Migration failed: ${(error as Error).message}`);
  }
  return database;
}

// A thread does not inherit tsx's loader, and a loader given on its command
// line comes too late for its first module: it registers tsx, then imports.
const ENGINE_THREAD = `
  import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => register())
    .then(() => import(${JSON.stringify(new URL('./engine-thread.ts', import.meta.url).href)}));`;

export interface EmbeddedEngine {
  /** host:port of its gateway. */
  address: string;
  stop(): Promise<void>;
}

/**
 * The embedded engine on 127.0.0.1:ENGINE_PORT, on a thread of its own
 * (engine-thread.ts) with its own connection pool.
 */
export async function startEmbeddedEngine(
  config: Config,
  database: ResolvedDatabase,
  log: Logger,
): Promise<EmbeddedEngine> {
  const data: EngineThreadData = {
    databaseUrl: database.url,
    port: config.enginePort,
    logLevel: config.logLevel,
  };
  const thread = new Worker(ENGINE_THREAD, { eval: true, workerData: data });
  const next = () =>
    new Promise<EngineThreadMessage>((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
    });
  const started = await next();
  if (started.kind !== 'listening') {
    await thread.terminate();
    await database.stop();
    const message = started.kind === 'failed' ? started.message : 'the engine stopped';
    if (/address already in use|EADDRINUSE|No address added/i.test(message)) {
      fail(
        `ENGINE_PORT ${config.enginePort} is already in use; set ENGINE_PORT to a free port, or ZEEBE_ADDRESS to use a running engine.`,
      );
    }
    throw new Error(`The embedded engine did not start: ${message}`);
  }
  // A crash of the engine's thread is a crash of the process, as it was in one thread.
  thread.on('error', (error) => {
    log.fatal({ err: error }, 'embedded engine failed');
    process.exit(1);
  });
  log.info({ address: started.address }, 'embedded engine listening');
  return {
    address: started.address,
    stop: async () => {
      const stopped = next();
      thread.postMessage('stop');
      await stopped;
      await thread.terminate();
    },
  };
}

// npm and tsx pass a terminal's Ctrl-C on to the process that already got it
// from the terminal: a repeat this soon is the same Ctrl-C, not a second one.
const ECHO_MS = 1500;

/** Stops in order on SIGINT/SIGTERM (or a crash); a deliberate second Ctrl-C forces the exit. */
export function stopGracefully(log: Logger, stop: () => Promise<void>): void {
  let firstSignalAt = 0;
  closeWithGrace(
    {
      delay: 10_000,
      onSecondSignal: (signal) => {
        if (Date.now() - firstSignalAt < ECHO_MS) return;
        log.error({ signal }, 'second signal: exiting without waiting');
        process.exit(1);
      },
    },
    async ({ signal, err }) => {
      firstSignalAt = Date.now();
      if (err) log.error({ err }, 'stopping after an unexpected error');
      else log.info({ signal }, 'stopping');
      await stop();
    },
  );
}
