// `npm run migrate`: applies pending migrations; exits 1 if one fails.
import { ConfigError, loadConfig } from './config.js';
import { createDb, resolveDatabase, runMigrations } from './plugins/external/database.js';

try {
  const config = loadConfig();
  const database = await resolveDatabase(config, () => undefined);
  const db = createDb(database.url, { max: 1 });
  try {
    const applied = await runMigrations(db);
    process.stdout.write(
      applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n',
    );
  } finally {
    await db.destroy();
    await database.stop();
  }
} catch (error) {
  const message =
    error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
