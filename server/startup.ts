// Start-up steps shared by `npm start` and `npm run engine`: each either
// succeeds or stops the process with one line saying what to fix.
import type { Knex } from 'knex';
import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { startEngine, type RunningEngine } from '../engine/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
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

export interface EmbeddedEngine {
  engine: RunningEngine;
  stop(): Promise<void>;
}

/** The embedded engine on 127.0.0.1:ENGINE_PORT, with its own connection pool. */
export async function startEmbeddedEngine(
  config: Config,
  database: ResolvedDatabase,
  log: Logger,
): Promise<EmbeddedEngine> {
  const db: Knex = createDb(database.url, { max: 10 });
  try {
    const engine = await startEngine({
      db,
      port: config.enginePort,
      host: '127.0.0.1',
      log: (level, message, error) => log[level]({ err: error }, message),
    });
    log.info({ address: engine.address }, 'embedded engine listening');
    return {
      engine,
      stop: async () => {
        await engine.stop();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    await database.stop();
    if (
      /address already in use|EADDRINUSE|No address added/i.test(String((error as Error).message))
    ) {
      fail(
        `ENGINE_PORT ${config.enginePort} is already in use; set ENGINE_PORT to a free port, or ZEEBE_ADDRESS to use a running engine.`,
      );
    }
    throw error;
  }
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
