// A command's transaction on one pooled connection, begun only when the
// command first locks or writes:
// - plain reads before that see what they would inside the transaction (READ
//   COMMITTED takes a snapshot per statement) and need no BEGIN;
// - a command whose only write is its flush runs that one statement alone,
//   in autocommit: one statement is one transaction, committed before its
//   answer comes back;
// - otherwise BEGIN goes in the same round trip as the first statement, and
//   COMMIT in the same round trip as the last statement (the flush).
// Statements that must follow each other (lock, then read) can go in one
// round trip too. Every statement but BEGIN and COMMIT runs as a named
// prepared statement: PostgreSQL parses and plans each text once per
// connection (planning the flush's CTEs anew each time cost more than running
// them), and no query builder runs. Statements of one round trip are sent in
// one write with pg's pipeline mode, each ending in a Sync of its own: each
// is a statement with its own snapshot, and one that follows a failed one
// fails too (the transaction is aborted; COMMIT then answers ROLLBACK).
// A command may have a guard: a statement that goes first in the transaction,
// in the round trip of its first statement, and fails the transaction when
// what the command relies on no longer holds.
// A write whose answer nothing reads can wait (later): it goes in the next
// round trip, ahead of whatever that carries (at the latest with COMMIT). A
// failure then shows at that trip, and the whole transaction rolls back, as
// it would have anyway.
import type { Writable } from 'node:stream';
import type { Knex } from 'knex';
import type { ClientBase, QueryConfig, QueryResult, QueryResultRow } from 'pg';

export interface Statement {
  /** $1, $2, ... placeholders. */
  text: string;
  values: unknown[];
  /** false: sent unnamed, for texts of many shapes (knex's); else a named prepared statement. */
  prepare?: boolean;
}

export interface Sql {
  /** A statement of the transaction. */
  query<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]>;
  /**
   * Statements of the transaction, one after the other, in one round trip;
   * the rows of each. Each statement takes its snapshot when it starts, so it
   * sees what the ones before it locked.
   */
  inOneTrip(statements: Statement[]): Promise<QueryResultRow[][]>;
  /** A plain read (no lock): it needs no transaction begun for it. */
  read<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]>;
  /**
   * The command's last statement: alone, it runs in autocommit; after others,
   * COMMIT goes with it.
   */
  last<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]>;
  /** The transaction's first statement, sent with the next one; it must be set before any. */
  guard(statement: Statement): void;
  /** A write nothing waits for: it goes with the transaction's next round trip. */
  later(statement: Statement): void;
}

/**
 * knex on the command's connection (query builders and raw statements), with
 * the transaction's own statements for code that only holds this.
 */
export interface CommandDb {
  (table: string): Knex.QueryBuilder;
  <TRecord extends object>(table: string): Knex.QueryBuilder<TRecord>;
  raw: Knex['raw'];
  /** A statement of the transaction, as a named prepared statement. */
  statement<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]>;
  later(statement: Statement): void;
}

type Callback = (error: Error | null, result?: unknown) => void;

// Statement names by text; the same on every connection.
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `engine_${names.size + 1}`));
  return name;
}

/** A transaction that failed earlier ends in a rollback, not an error. */
function checkCommitted(result: QueryResult): void {
  if (result.command !== 'COMMIT') throw new Error(`commit ended in ${result.command}`);
}

export class CommandTransaction implements Sql {
  readonly db: CommandDb;
  private begun = false;
  private committed = false;
  private guardStatement: Statement | null = null;
  private waiting: Statement[] = [];

  constructor(
    knex: Knex,
    private readonly connection: ClientBase,
  ) {
    // What knex sees as the connection: its statements go after BEGIN (in
    // the same round trip), and after the writes waiting for a trip.
    const inTransaction = {
      query: (config: QueryConfig, callback: Callback) => {
        const statement = { text: config.text, values: config.values ?? [], prepare: false };
        const sent = this.nothingAhead()
          ? connection.query(config)
          : this.afterBegin([statement], null).then((results) => results[0]!);
        sent.then(
          (result) => callback(null, result),
          (error: Error) => callback(error),
        );
      },
    };
    this.db = Object.assign((table: string) => knex(table).connection(inTransaction), {
      raw: ((sql: string, bindings: Knex.RawBinding[] = []) =>
        knex.raw(sql, bindings).connection(inTransaction)) as Knex['raw'],
      statement: <T extends QueryResultRow>(text: string, values: unknown[]) =>
        this.query<T>(text, values),
      later: (statement: Statement) => this.later(statement),
    }) as CommandDb;
  }

  async query<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    if (this.nothingAhead()) return this.prepared<T>(text, values);
    const [rows] = await this.inOneTrip([{ text, values }]);
    return rows as T[];
  }

  async inOneTrip(statements: Statement[]): Promise<QueryResultRow[][]> {
    const results = await this.afterBegin(statements, null);
    return results.map((r) => r.rows);
  }

  read<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    // After waiting writes, a read must see them: it goes in their round trip.
    if (this.waiting.length > 0) return this.query<T>(text, values);
    return this.prepared<T>(text, values);
  }

  async last<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    if (!this.begun && !this.guardStatement && this.waiting.length === 0)
      return this.prepared<T>(text, values);
    const [result] = await this.afterBegin([{ text, values }], 'commit');
    // (A failed flush throws: its COMMIT answered ROLLBACK, and rollback() finds nothing to end.)
    this.committed = true;
    return result!.rows as T[];
  }

  /**
   * The transaction's last statements, in one round trip with COMMIT (and
   * with BEGIN when none ran before); the rows of each.
   */
  async lastInOneTrip(statements: Statement[]): Promise<QueryResultRow[][]> {
    const results = await this.afterBegin(statements, 'commit');
    this.committed = true;
    return results.map((r) => r.rows);
  }

  guard(statement: Statement): void {
    if (this.begun) throw new Error('a guard must be set before the first statement');
    this.guardStatement = statement;
  }

  later(statement: Statement): void {
    if (this.committed) throw new Error('the transaction has ended');
    this.waiting.push(statement);
  }

  async commit(): Promise<void> {
    if (this.committed) return;
    if (this.waiting.length > 0) {
      await this.lastInOneTrip([]);
      return;
    }
    if (!this.begun) return;
    checkCommitted(await this.connection.query('commit'));
  }

  async rollback(): Promise<void> {
    if (!this.begun || this.committed) return;
    try {
      await this.connection.query('rollback');
    } catch {
      // The connection is broken: knex's pool then discards it.
      (this.connection as { __knex__disposed?: unknown }).__knex__disposed = true;
    }
  }

  /** Begun, with no write waiting: a statement can go alone. */
  private nothingAhead(): boolean {
    return this.begun && this.waiting.length === 0;
  }

  /**
   * The statements, after BEGIN and the guard when the transaction starts
   * with them, and after the writes waiting for a trip; their results.
   */
  private async afterBegin(statements: Statement[], after: 'commit' | null) {
    const first = this.begun ? [] : this.guardStatement ? [this.guardStatement] : [];
    const ahead = [...first, ...this.waiting];
    this.waiting = [];
    const before = this.begun ? null : 'begin';
    // Begun even when a statement after BEGIN fails: rollback() must end it.
    this.begun = true;
    const results = await this.pipelined([...ahead, ...statements], before, after);
    return results.slice(ahead.length);
  }

  private async prepared<T extends QueryResultRow>(text: string, values: unknown[]) {
    const result = await this.connection.query<T>({ name: nameOf(text), text, values });
    return result.rows;
  }

  /**
   * The statements as prepared statements, between `before` and `after`
   * (simple ones), all sent in one write; their results, once every answer
   * is in (the connection leaves pipeline mode only then).
   */
  private async pipelined(
    statements: Statement[],
    before: string | null,
    after: 'commit' | null,
  ): Promise<QueryResult[]> {
    const client = this.connection as ClientBase & {
      pipeline: boolean;
      connection: { stream: Writable };
    };
    const { stream } = client.connection;
    const sent: Promise<QueryResult>[] = [];
    client.pipeline = true;
    stream.cork();
    try {
      if (before) sent.push(client.query(before));
      for (const { text, values, prepare } of statements)
        sent.push(
          client.query(prepare === false ? { text, values } : { name: nameOf(text), text, values }),
        );
      if (after) sent.push(client.query(after));
    } finally {
      stream.uncork();
    }
    const settled = await Promise.allSettled(sent);
    client.pipeline = false;
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const results = settled.map((s) => (s as PromiseFulfilledResult<QueryResult>).value);
    if (after) checkCommitted(results.pop()!);
    return before ? results.slice(1) : results;
  }
}

/**
 * Runs `work` in a CommandTransaction on a connection of knex's pool: commit
 * when it returns (then `committed`, before the connection goes back),
 * rollback when it throws.
 */
export async function inTransaction<T>(
  db: Knex,
  work: (tx: CommandTransaction) => Promise<T>,
  committed?: (result: T) => void,
): Promise<T> {
  const client = db.client as Knex.Client;
  const connection = (await client.acquireConnection()) as ClientBase;
  try {
    const tx = new CommandTransaction(db, connection);
    try {
      const result = await work(tx);
      await tx.commit();
      committed?.(result);
      return result;
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  } finally {
    await client.releaseConnection(connection);
  }
}
