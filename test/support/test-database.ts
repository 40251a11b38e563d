// A fresh database for one test run: on the server named by DATABASE_URL, or
// on an embedded PostgreSQL in a temporary directory when it is unset.
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, runMigrations } from '../../server/plugins/external/database.js';
import { startEmbeddedPostgres } from '../../server/plugins/external/embedded-postgres.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix = 'motcua_test'): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await temporaryDataDir(prefix);
    const embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
    return {
      url: embedded.url,
      drop: async () => {
        await embedded.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = createDb(serverUrl, { max: 1 });
  await admin.raw('create database ??', [name]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.raw('drop database if exists ?? with (force)', [name]);
      await admin.destroy();
    },
  };
}

export async function createMigratedDatabase(prefix?: string): Promise<TestDatabase> {
  const database = await createTestDatabase(prefix);
  const db = createDb(database.url, { max: 1 });
  try {
    await runMigrations(db);
  } finally {
    await db.destroy();
  }
  return database;
}

/**
 * A temporary data directory the embedded server can use: mkdtemp makes it
 * 0700, and as root PostgreSQL runs as the `postgres` user, who must enter it.
 */
export async function temporaryDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  await chmod(dir, 0o755);
  return dir;
}

/** A migrated database of its own on the server of `serverUrl` (e.g. the run's database). */
export async function createDatabaseBeside(
  serverUrl: string,
  prefix = 'motcua_own',
): Promise<TestDatabase> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = createDb(serverUrl, { max: 1 });
  try {
    await admin.raw('create database ??', [name]);
  } catch (error) {
    await admin.destroy();
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrator = createDb(url.toString(), { max: 1 });
  try {
    await runMigrations(migrator);
  } finally {
    await migrator.destroy();
  }
  return {
    url: url.toString(),
    drop: async () => {
      await admin.raw('drop database if exists ?? with (force)', [name]);
      await admin.destroy();
    },
  };
}
