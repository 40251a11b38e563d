// `npm start`: configuration, database (embedded unless DATABASE_URL),
// migrations, HTTP server; an orderly stop on SIGINT/SIGTERM.
import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { loggerOptions } from './logger.js';
import { createDb, resolveDatabase, runMigrations } from './plugins/external/database.js';

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const log = pino(loggerOptions(config.logLevel));
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

const app = await buildApp({ ...config, databaseUrl: database.url });

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'stopping after an unexpected error');
  else log.info({ signal }, 'stopping');
  await app.close();
  await database.stop();
});

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  await app.close();
  await database.stop();
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    fail(`Port ${config.port} on ${config.host} is already in use; set PORT to a free port.`);
  }
  if (code === 'EADDRNOTAVAIL') {
    fail(`HOST ${config.host} is not an address of this machine; set HOST to one that is.`);
  }
  throw error;
}
