// A command's transaction sends the statements of one round trip together
// (pg's pipeline mode): a failed one rejects with its own error, nothing of
// the transaction stays written, and the connection goes back to the pool
// out of any transaction, still usable.
import type { Knex } from 'knex';
import pg, { type ClientBase } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandTransaction } from '../../engine/processor/transaction.js';
import { createDb } from '../../server/plugins/external/database.js';
import { ownDatabase, type Database } from './support.js';

let database: Database;
let db: Knex;

beforeAll(async () => {
  database = await ownDatabase();
  // One connection: every transaction below runs on the same one.
  db = createDb(database.url, { max: 1 });
  await db.raw('create table pipelined (n integer primary key)');
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

/** Runs `work` as the processor does: commit after it, rollback when it throws. */
async function transaction(work: (tx: CommandTransaction) => Promise<void>): Promise<void> {
  const client = db.client as Knex.Client;
  const connection = (await client.acquireConnection()) as ClientBase;
  try {
    const tx = new CommandTransaction(db, connection);
    try {
      await work(tx);
      await tx.commit();
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  } finally {
    await client.releaseConnection(connection);
  }
}

const insert = (n: number) => ({ text: 'insert into pipelined (n) values ($1)', values: [n] });

async function stored(): Promise<number[]> {
  const rows = await db('pipelined').orderBy('n').pluck<number[]>('n');
  return rows.map(Number);
}

describe('statements sent in one round trip', () => {
  it('run in order, each seeing the ones before it, and commit with the last', async () => {
    await transaction(async (tx) => {
      const [, counted] = await tx.inOneTrip([
        insert(1),
        { text: 'select count(*)::int as n from pipelined where n >= $1', values: [0] },
      ]);
      expect(counted).toEqual([{ n: 1 }]);
      await tx.last('insert into pipelined (n) values ($1)', [2]);
    });
    expect(await stored()).toEqual([1, 2]);
  });

  it("reject with the failed statement's own error and leave nothing written", async () => {
    const failing = transaction(async (tx) => {
      await tx.inOneTrip([insert(3), insert(1), insert(4)]);
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    const failingFlush = transaction(async (tx) => {
      await tx.inOneTrip([insert(5)]);
      await tx.last('insert into pipelined (n) values (1 / $1::int)', [0]);
    });
    await expect(failingFlush).rejects.toMatchObject({ code: '22012' });
    expect(await stored()).toEqual([1, 2]);
  });

  it('leave the connection out of any transaction and out of pipeline mode', async () => {
    const client = db.client as Knex.Client;
    const connection = (await client.acquireConnection()) as ClientBase & { pipeline: boolean };
    try {
      const { rows } = await connection.query<{ open: boolean }>(
        'select now() <> statement_timestamp() as open',
      );
      expect(rows).toEqual([{ open: false }]);
      expect(connection.pipeline).toBe(false);
    } finally {
      await client.releaseConnection(connection);
    }
  });
});

describe('writes that wait for the next round trip', () => {
  it('are seen by the next statement, knex or prepared, and commit with the transaction', async () => {
    await transaction(async (tx) => {
      tx.later(insert(10));
      const [seen] = await tx.db
        .raw<{ rows: { n: number }[] }>(
          'select count(*)::int as n from pipelined where n = ?',
          [10],
        )
        .then((r) => r.rows);
      expect(seen).toEqual({ n: 1 });
      tx.later(insert(11));
      expect(await tx.read('select count(*)::int as n from pipelined where n >= $1', [10])).toEqual(
        [{ n: 2 }],
      );
      tx.later(insert(12));
    });
    expect(await stored()).toEqual([1, 2, 10, 11, 12]);
  });

  it('fail the transaction when one fails, even when only the commit carries it', async () => {
    const failing = transaction(async (tx) => {
      tx.later(insert(13));
      tx.later(insert(1));
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    const failingWithLast = transaction(async (tx) => {
      await tx.inOneTrip([insert(14)]);
      tx.later(insert(2));
      await tx.last('insert into pipelined (n) values ($1)', [15]);
    });
    await expect(failingWithLast).rejects.toMatchObject({ code: '23505' });
    expect(await stored()).toEqual([1, 2, 10, 11, 12]);
  });

  it('reach the server only with the next round trip', async () => {
    // Another session inserts the same key meanwhile: had the write been sent
    // at once, that insert would wait for this transaction (and time out).
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query("set statement_timeout = '2s'");
      const waiting = transaction(async (tx) => {
        tx.later(insert(20));
        await other.query('insert into pipelined (n) values (20)');
      });
      await expect(waiting).rejects.toMatchObject({ code: '23505' });
    } finally {
      await other.end();
    }
  });
});
