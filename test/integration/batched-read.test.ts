// Lookups by id that arrive in one event-loop turn share one statement
// (batchedById): here, counted as the connections they take from the pool.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { batchedById } from '../../server/plugins/external/batched-read.js';
import { createDb } from '../../server/plugins/external/database.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let db: Knex;
let acquired = 0;

beforeAll(async () => {
  database = await createTestDatabase('motcua_batched');
  db = createDb(database.url, { max: 4 });
  await db.raw('create table things (id uuid primary key, name text)');
  const client = db.client as Knex.Client;
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = () => {
    acquired++;
    return acquire();
  };
});

afterAll(async () => {
  await db.destroy();
  await database.drop();
});

it('reads the ids asked for in one turn with one statement, each answered with its own row', async () => {
  const [a, b, missing] = [randomUUID(), randomUUID(), randomUUID()];
  await db('things').insert([
    { id: a, name: 'a' },
    { id: b, name: 'b' },
  ]);
  const byId = batchedById<{ id: string; name: string }>(
    db,
    'things_by_id',
    'select id, name from things where id = any($1::uuid[])',
  );
  acquired = 0;
  const rows = await Promise.all([byId(a), byId(b.toUpperCase()), byId(missing), byId(a)]);
  expect(rows.map((row) => row?.name)).toEqual(['a', 'b', undefined, 'a']);
  expect(acquired).toBe(1);

  // Lookups in separate turns each take their own statement.
  acquired = 0;
  expect((await byId(a))?.name).toBe('a');
  expect((await byId(b))?.name).toBe('b');
  expect(acquired).toBe(2);
});
