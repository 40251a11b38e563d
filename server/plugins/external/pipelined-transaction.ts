// A transaction on one pooled connection whose statements go to PostgreSQL in
// as few round trips as they can (the engine's CommandTransaction): BEGIN
// with the first statements, COMMIT with the last. On this kind of machine a
// round trip costs the server more than a simple statement does (each write
// wakes a backend), so the hot paths (submit, job workers) run their
// statements here instead of in knex's transaction, one round trip each.
import type { Knex } from 'knex';
import type { Statement } from '../../../engine/processor/transaction.js';

export {
  inTransaction as pipelinedTransaction,
  type CommandTransaction as PipelinedTransaction,
  type Statement,
} from '../../../engine/processor/transaction.js';

/** A statement ($1, $2, ... placeholders) through knex's raw, which takes ? placeholders. */
export function rawStatement(trx: Knex | Knex.Transaction, { text, values }: Statement) {
  const ordered: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
    ordered.push(values[Number(n) - 1]);
    return '?';
  });
  return trx.raw(sql, ordered as Knex.RawBinding[]);
}
