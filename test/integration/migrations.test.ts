import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../support/run.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR, createDb, runMigrations } from '../../server/plugins/external/database.js';

describe('migrations', () => {
  const db = createDb(inject('databaseUrl'), { max: 2 });
  afterAll(() => db.destroy());

  it('has applied every file in migrations/', async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /\.(ts|js)$/.test(f)).sort();
    const rows = await db('knex_migrations').select('name').orderBy('id');
    expect(rows.map((r: { name: string }) => r.name)).toEqual(files);
    expect(await runMigrations(db)).toEqual([]);
  });

  it('rolls a failing migration back and rejects', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-bad-migration-'));
    await writeFile(
      join(dir, '20000101000000_broken.js'),
      `export async function up(knex) {
         await knex.schema.createTable('broken_half_way', (t) => t.increments());
         await knex.raw('select * from no_such_table');
       }
       export async function down() {}`,
    );
    const scratch = createDb(inject('databaseUrl'), { max: 1 });
    try {
      await expect(
        scratch.migrate.latest({ directory: dir, tableName: 'broken_migrations' }),
      ).rejects.toThrow(/no_such_table/);
      expect(await scratch.schema.hasTable('broken_half_way')).toBe(false);
    } finally {
      await scratch.destroy();
    }
  });

  it('npm run migrate exits non-zero when the database cannot be migrated', async () => {
    const url = new URL(inject('databaseUrl'));
    url.pathname = '/motcua_no_such_database';
    const result = await run(process.execPath, ['--import', 'tsx', 'server/migrate.ts'], {
      DATABASE_URL: url.toString(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Migration failed: .*motcua_no_such_database/);
  });
});
