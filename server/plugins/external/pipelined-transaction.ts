// A transaction on one pooled connection whose statements go to PostgreSQL in
// as few round trips as they can (the engine's CommandTransaction): BEGIN
// with the first statements, COMMIT with the last. On this kind of machine a
// round trip costs the server more than a simple statement does (each write
// wakes a backend), so the hot paths (submit, job workers) run their
// statements here instead of in knex's transaction, one round trip each.
import type { Knex } from 'knex';
import type {
  CommandDb,
  CommandTransaction,
  Statement,
} from '../../../engine/processor/transaction.js';

export {
  inTransaction as pipelinedTransaction,
  type CommandTransaction as PipelinedTransaction,
  type Statement,
} from '../../../engine/processor/transaction.js';

/**
 * knex bound to the transaction's connection, for code written against a knex
 * transaction: it offers trx(table) and trx.raw, all that code uses (it never
 * commits or rolls back; the transaction ends itself), and the transaction's
 * own prepared statements and waiting writes.
 */
export type KnexOnTransaction = Knex.Transaction & Pick<CommandDb, 'statement' | 'later'>;

export function knexOf(tx: CommandTransaction): KnexOnTransaction {
  return tx.db as unknown as KnexOnTransaction;
}

/**
 * A statement written with ? for readability, as sent to PostgreSQL: a
 * prepared statement with $1, $2, ...
 */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A column value as a parameter: objects and arrays as JSON text (jsonb columns), the rest as pg sends it. */
function parameter(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !(value instanceof Date)
    ? JSON.stringify(value)
    : value;
}

/** `insert into table` of one row, its keys the column names. */
export function insertStatement(table: string, row: Record<string, unknown>): Statement {
  const names = Object.keys(row);
  return {
    text: `insert into ${table} (${names.map((n) => `"${n}"`).join(', ')})
           values (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
    values: Object.values(row).map(parameter),
  };
}

/** `update table` of the given columns of the row with this id. */
export function updateByIdStatement(
  table: string,
  id: string,
  columns: Record<string, unknown>,
): Statement {
  const names = Object.keys(columns);
  return {
    text: `update ${table} set ${names.map((n, i) => `"${n}" = $${i + 1}`).join(', ')}
            where id = $${names.length + 1}`,
    values: [...Object.values(columns).map(parameter), id],
  };
}
