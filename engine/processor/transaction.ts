// A command's transaction on one pooled connection, begun only when the
// command first locks or writes:
// - plain reads before that see what they would inside the transaction (READ
//   COMMITTED takes a snapshot per statement) and need no BEGIN;
// - a command whose only write is its flush runs that one statement alone,
//   in autocommit: one statement is one transaction, committed before its
//   answer comes back;
// - otherwise BEGIN goes in the same round trip as the first statement when
//   its values can be written as literals, else just before it, and COMMIT
//   in the same round trip as the last statement (the flush) when its values
//   can be written so.
// Statements that must follow each other (lock, then read) can go in one
// round trip too, as one simple query with their values as literals.
// Other statements run as named prepared statements: PostgreSQL parses and
// plans each text once per connection, and no query builder runs.
import type { Knex } from 'knex';
import pg, { type ClientBase, type QueryResult, type QueryResultRow } from 'pg';

export interface Statement {
  /** $1, $2, ... placeholders. */
  text: string;
  values: unknown[];
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
   * COMMIT goes with it when it can.
   */
  last<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]>;
}

/** knex on the command's connection: query builders and raw statements. */
export interface CommandDb {
  (table: string): Knex.QueryBuilder;
  <TRecord extends object>(table: string): Knex.QueryBuilder<TRecord>;
  raw: Knex['raw'];
}

type Callback = (error: Error | null, result?: unknown) => void;

// Statement names by text; the same on every connection.
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `engine_${names.size + 1}`));
  return name;
}

/** A value as an SQL literal, or null when it is not a string, number, date or list of strings. */
function literal(value: unknown): string | null {
  if (typeof value === 'string') return pg.escapeLiteral(value);
  // In parentheses, so that a negative number after a minus sign never reads as a comment.
  if (typeof value === 'number' && Number.isFinite(value)) return `(${value})`;
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    // An array literal: '{"a","b"}', each item quoted and escaped.
    const items = value.map((item: string) => `"${item.replace(/["\\]/g, '\\$&')}"`);
    return pg.escapeLiteral(`{${items.join(',')}}`);
  }
  return null;
}

/** The statement with its values as literals, or null when one cannot be written so. */
function withLiterals({ text, values }: Statement): string | null {
  const literals: string[] = [];
  for (const value of values) {
    const written = literal(value);
    if (written === null) return null;
    literals.push(written);
  }
  return text.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n) - 1]!);
}

/** A transaction that failed earlier ends in a rollback, not an error. */
function checkCommitted(result: QueryResult): void {
  if (result.command !== 'COMMIT') throw new Error(`commit ended in ${result.command}`);
}

export class CommandTransaction implements Sql {
  readonly db: CommandDb;
  private begun = false;
  private committed = false;

  constructor(
    knex: Knex,
    private readonly connection: ClientBase,
  ) {
    // What knex sees as the connection: its statements go after BEGIN.
    const inTransaction = {
      query: (config: unknown, callback: Callback) => {
        this.begin().then(
          () => connection.query(config as pg.QueryConfig, callback),
          (error: Error) => callback(error),
        );
      },
    };
    this.db = Object.assign((table: string) => knex(table).connection(inTransaction), {
      raw: ((sql: string, bindings: Knex.RawBinding[] = []) =>
        knex.raw(sql, bindings).connection(inTransaction)) as Knex['raw'],
    }) as CommandDb;
  }

  async query<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    if (this.begun) return this.prepared<T>(text, values);
    const [rows] = await this.inOneTrip([{ text, values }]);
    return rows as T[];
  }

  async inOneTrip(statements: Statement[]): Promise<QueryResultRow[][]> {
    const literal = statements.map(withLiterals);
    if (literal.some((text) => text === null)) {
      await this.begin();
      const results: QueryResultRow[][] = [];
      for (const s of statements) results.push(await this.prepared(s.text, s.values));
      return results;
    }
    const texts = this.begun ? literal : ['begin', ...literal];
    this.begun = true;
    const sent = await this.connection.query(texts.join(';\n'));
    // pg answers a single statement with its result, several with a list.
    const results = (Array.isArray(sent) ? sent : [sent]) as QueryResult[];
    return results.slice(results.length - statements.length).map((r) => r.rows);
  }

  read<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    return this.prepared<T>(text, values);
  }

  async last<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    const literal = this.begun ? withLiterals({ text, values }) : null;
    if (literal === null) return this.prepared<T>(text, values);
    const [result, commit] = (await this.connection.query(`${literal};\ncommit`)) as unknown as [
      QueryResult<T>,
      QueryResult,
    ];
    // Ended either way (a failed flush skips the COMMIT: rollback() ends it).
    this.committed = true;
    checkCommitted(commit);
    return result.rows;
  }

  async commit(): Promise<void> {
    if (!this.begun || this.committed) return;
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

  private async begin(): Promise<void> {
    if (this.begun) return;
    this.begun = true;
    await this.connection.query('begin');
  }

  private async prepared<T extends QueryResultRow>(text: string, values: unknown[]) {
    const result = await this.connection.query<T>({ name: nameOf(text), text, values });
    return result.rows;
  }
}
