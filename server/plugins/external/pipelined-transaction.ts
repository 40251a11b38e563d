// A transaction on one pooled connection whose statements go to PostgreSQL in
// as few round trips as they can (the engine's CommandTransaction): BEGIN
// with the first statements, COMMIT with the last. On this kind of machine a
// round trip costs the server more than a simple statement does (each write
// wakes a backend), so a request on a hot path (submit) runs its statements
// here instead of in knex's transaction, one round trip each.
import type { Knex } from 'knex';
import type { ClientBase } from 'pg';
import { CommandTransaction } from '../../../engine/processor/transaction.js';

export type { Statement } from '../../../engine/processor/transaction.js';
export type PipelinedTransaction = CommandTransaction;

export async function pipelinedTransaction<T>(
  db: Knex,
  work: (tx: CommandTransaction) => Promise<T>,
): Promise<T> {
  const client = db.client as Knex.Client;
  const connection = (await client.acquireConnection()) as ClientBase;
  try {
    const tx = new CommandTransaction(db, connection);
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  } finally {
    await client.releaseConnection(connection);
  }
}
