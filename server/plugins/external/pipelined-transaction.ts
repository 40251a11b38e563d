// A transaction on one pooled connection whose statements go to PostgreSQL in
// as few round trips as they can (the engine's CommandTransaction): BEGIN
// with the first statements, COMMIT with the last. On this kind of machine a
// round trip costs the server more than a simple statement does (each write
// wakes a backend), so the hot paths (submit, job workers) run their
// statements here instead of in knex's transaction, one round trip each.
import type { Knex } from 'knex';
import type { CommandTransaction } from '../../../engine/processor/transaction.js';

export {
  inTransaction as pipelinedTransaction,
  type CommandTransaction as PipelinedTransaction,
  type Statement,
} from '../../../engine/processor/transaction.js';

/**
 * knex bound to the transaction's connection, for code written against a knex
 * transaction: it offers trx(table) and trx.raw, all that code uses (it never
 * commits or rolls back; the transaction ends itself).
 */
export function knexOf(tx: CommandTransaction): Knex.Transaction {
  return tx.db as unknown as Knex.Transaction;
}

/**
 * A statement written with ? for readability, as sent to PostgreSQL: a
 * prepared statement with $1, $2, ...
 */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
