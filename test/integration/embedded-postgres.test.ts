import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { postgresProcesses } from '../support/processes.js';
import { temporaryDataDir } from '../support/test-database.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../server/plugins/external/database.js';
import { startEmbeddedPostgres } from '../../server/plugins/external/embedded-postgres.js';

describe('embedded PostgreSQL', () => {
  let dataDir = '';
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('initialises once, keeps data across a stop and a restart, and leaves no process', async () => {
    dataDir = await temporaryDataDir('motcua-embedded');
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    const db1 = createDb(first.url, { max: 1 });
    await db1.raw('create table kept (value text)');
    await db1('kept').insert({ value: 'hồ sơ 000.00.12.H12-261122-0001' });
    await db1.destroy();
    const initialisedAt = (await stat(join(dataDir, 'postgres', 'PG_VERSION'))).mtimeMs;
    await first.stop();
    expect(postgresProcesses(join(dataDir, 'postgres'))).toEqual([]);

    const second = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      expect((await stat(join(dataDir, 'postgres', 'PG_VERSION'))).mtimeMs).toBe(initialisedAt);
      const db2 = createDb(second.url, { max: 1 });
      const rows = await db2('kept').select('value');
      await db2.destroy();
      expect(rows).toEqual([{ value: 'hồ sơ 000.00.12.H12-261122-0001' }]);
    } finally {
      await second.stop();
    }
    expect(postgresProcesses(join(dataDir, 'postgres'))).toEqual([]);
  });
});
