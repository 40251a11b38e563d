// knex on PostgreSQL, and the migrations in migrations/.
import { fileURLToPath } from 'node:url';
import knex, { type Knex } from 'knex';
import type { Config } from '../../config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

export function createDb(url: string, pool: { min?: number; max?: number } = {}): Knex {
  return knex({
    client: 'pg',
    connection: url,
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
  });
}

/** Applies every pending migration; rejects (and so exits non-zero) on failure. */
export async function runMigrations(db: Knex, directory = MIGRATIONS_DIR): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({
    directory,
    loadExtensions: ['.ts', '.js'],
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
