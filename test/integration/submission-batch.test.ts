// Group commit of submits (submission-batch.ts) on a real PostgreSQL: the
// submits that arrive while a batch commits go together in the next one; a
// submit whose statement returns no row, and every submit of a batch that
// fails, come back `stale` (to be submitted on their own) with nothing kept.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSubmissionBatcher } from '../../server/plugins/app/dossiers/submission-batch.js';
import { createDb } from '../../server/plugins/external/database.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let db: Knex;

beforeAll(async () => {
  database = await createTestDatabase('motcua_submission_batch');
  db = createDb(database.url, { max: 4 });
  await db.raw('create table dossiers (id uuid primary key)');
  await db.raw('create table issued (dossier_id uuid primary key, code text not null)');
  await db.raw('create table kept (code text primary key)');
});

afterAll(async () => {
  await db.destroy();
  await database.drop();
});

/** A submit that records `code` for its dossier (or, with `code` null, returns no row). */
function submitOf(code: string | null, counter = 'agency/day') {
  const dossierId = randomUUID();
  return {
    dossierId,
    counter,
    statement: {
      text: `insert into issued (dossier_id, code) select $1::uuid, $2::text
              where $2::text is not null returning code`,
      values: [dossierId, code],
    },
  };
}

/** The transactions that wrote these codes (the rows' xmin). */
async function writersOf(codes: string[]): Promise<number> {
  const row = await db('issued')
    .whereIn('code', codes)
    .first(db.raw('count(distinct xmin::text)::int as n'));
  return row.n;
}

it('commits the submits that arrive while a batch commits in one transaction', async () => {
  const batcher = createSubmissionBatcher(db);
  const codes = Array.from({ length: 12 }, (_, i) => `A-${i}`);
  const outcomes = await Promise.all(codes.map((code) => batcher.submit(submitOf(code))));
  expect(outcomes).toEqual(codes.map((code) => ({ code })));
  // The first goes at once, alone; the eleven that came meanwhile go together.
  expect(await writersOf(codes)).toBe(2);
});

it('writes what a submit keeps with its code in the same transaction, for those that issued one', async () => {
  const batcher = createSubmissionBatcher(db);
  const keep = (code: string) => ({ text: 'insert into kept (code) values ($1)', values: [code] });
  const submits = [submitOf('K-1'), submitOf(null), submitOf('K-2')].map((s) => ({
    ...s,
    afterwards: keep,
  }));
  const outcomes = await Promise.all(submits.map((s) => batcher.submit(s)));
  expect(outcomes).toEqual([{ code: 'K-1' }, 'stale', { code: 'K-2' }]);
  expect((await db('kept').orderBy('code')).map((r) => r.code)).toEqual(['K-1', 'K-2']);
  const [first] = await db('kept').where('code', 'K-1').select(db.raw('xmin::text as x'));
  const [issued] = await db('issued').where('code', 'K-1').select(db.raw('xmin::text as x'));
  expect(first.x).toBe(issued.x);
});

it('keeps nothing of a batch that fails, answers each of its submits stale, and goes on', async () => {
  const batcher = createSubmissionBatcher(db);
  const taken = submitOf('B-taken');
  await batcher.submit(taken);
  const first = batcher.submit(submitOf('B-0'));
  // These three wait for the same batch; one of them fails on the primary key.
  const failing = {
    ...submitOf('B-3'),
    statement: { ...taken.statement, values: [taken.dossierId, 'B-3'] },
  };
  const batch = [submitOf('B-1'), failing, submitOf('B-2')].map((s) => batcher.submit(s));
  expect(await first).toEqual({ code: 'B-0' });
  expect(await Promise.all(batch)).toEqual(['stale', 'stale', 'stale']);
  expect(await db('issued').whereIn('code', ['B-1', 'B-2', 'B-3'])).toEqual([]);
  expect(await batcher.submit(submitOf('B-4'))).toEqual({ code: 'B-4' });
});
