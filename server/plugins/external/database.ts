// knex on PostgreSQL, and the migrations in migrations/.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import knex, { type Knex } from 'knex';
import pg from 'pg';
import type { Config } from '../../config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

// DATE columns stay 'yyyy-MM-dd' strings: a JS Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface DbOptions {
  min?: number;
  max?: number;
  /**
   * Plan each prepared statement once per connection (plan_cache_mode
   * force_generic_plan). For the engine, whose statements all find rows by
   * key or index: PostgreSQL would otherwise plan its many-CTE flushes anew
   * on most executions, which cost more than running them.
   */
  genericPlans?: boolean;
}

export function createDb(url: string, options: DbOptions = {}): Knex {
  return knex({
    client: 'pg',
    connection: url,
    pool: {
      min: options.min ?? 0,
      max: options.max ?? 10,
      ...(options.genericPlans && {
        afterCreate: (connection: pg.Client, done: (error: Error | null, c: pg.Client) => void) =>
          connection.query('set plan_cache_mode = force_generic_plan', (error: Error | null) =>
            done(error, connection),
          ),
      }),
    },
  });
}

/**
 * One read as a named prepared statement on a pooled connection, past knex's
 * query builder: PostgreSQL plans it once per connection and the request
 * skips building SQL text. For reads on every request (a status poll).
 */
export async function preparedRows<T>(
  db: Knex,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const connection = (await db.client.acquireConnection()) as pg.PoolClient;
  try {
    return (await connection.query<T & pg.QueryResultRow>({ name, text, values })).rows;
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/**
 * The files of a migrations directory, loaded with this module's own
 * `import()`: knex's loader cannot import TypeScript when the process runs
 * under a transforming loader (tsx, vitest) that only hooks app code.
 */
class DirectoryMigrations implements Knex.MigrationSource<string> {
  constructor(private readonly directory: string) {}

  async getMigrations(): Promise<string[]> {
    const files = await readdir(this.directory);
    return files.filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  }

  getMigrationName(name: string): string {
    return name;
  }

  getMigration(name: string): Promise<Knex.Migration> {
    return import(pathToFileURL(join(this.directory, name)).href) as Promise<Knex.Migration>;
  }
}

/** Applies every pending migration; rejects (and so exits non-zero) on failure. */
export async function runMigrations(db: Knex, directory = MIGRATIONS_DIR): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({
    migrationSource: new DirectoryMigrations(directory),
  })) as [number, string[]];
  return applied;
}

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded server this process must stop. */
export async function resolveDatabase(
  config: Config,
  log: (line: string) => void,
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    log,
  });
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}
