// Counts transactions and SQL statements at the pg client, below knex: the
// engine and the app's status reads run statements on the connection directly. With
// `timed`, it also times each statement (wall time, summed over connections).
import pg from 'pg';

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

export class SqlCounter {
  /** Round trips: every query sent, BEGIN and COMMIT included. */
  roundTrips = 0;
  /** Explicit ones (BEGIN … COMMIT) and single statements run in autocommit. */
  transactions = 0;
  /** Statements other than BEGIN, COMMIT and ROLLBACK. */
  statements = 0;
  private readonly inTransaction = new WeakSet<pg.Client>();
  readonly bySql = new Map<string, { count: number; ms: number }>();
  private readonly original: Query;

  /** Counts the statements of clients connected to `database`. */
  constructor(database: string, timed: boolean) {
    const prototype = pg.Client.prototype as unknown as { query: Query };
    const original = (this.original = prototype.query);
    const count = (client: pg.Client, text: string) => this.count(client, text);
    const time = (text: string, ms: number) => this.time(text, ms);
    prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (this.database !== database) return original.apply(this, args);
      const config = args[0] as string | { text?: string } | undefined;
      const text = (typeof config === 'string' ? config : config?.text) ?? '';
      count(this, text);
      if (!timed) return original.apply(this, args);
      const t0 = performance.now();
      const done = () => time(text, performance.now() - t0);
      const callback = args.findIndex((arg) => typeof arg === 'function');
      if (callback >= 0) {
        const respond = args[callback] as (...results: unknown[]) => unknown;
        args[callback] = (...results: unknown[]) => {
          done();
          return respond(...results);
        };
        return original.apply(this, args);
      }
      const result = original.apply(this, args);
      if (result instanceof Promise) result.then(done, done);
      return result;
    };
  }

  reset(): void {
    this.roundTrips = 0;
    this.transactions = 0;
    this.statements = 0;
    this.bySql.clear();
  }

  /** Puts pg's own query method back. */
  dispose(): void {
    (pg.Client.prototype as unknown as { query: Query }).query = this.original;
  }

  print(label: string, instances: number): void {
    const rows = [...this.bySql.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15);
    const total = [...this.bySql.values()].reduce((sum, e) => sum + e.ms, 0);
    console.log(
      `\nSQL by total time, ${label}: ${instances} instances, ms summed over connections`,
    );
    console.log(
      `${'ms'.padStart(8)} ${'count'.padStart(7)} ${'/inst'.padStart(6)} ${'avg ms'.padStart(7)}  statement`,
    );
    for (const [text, e] of rows) {
      const perInstance = (e.count / Math.max(instances, 1)).toFixed(2);
      console.log(
        `${e.ms.toFixed(0).padStart(8)} ${String(e.count).padStart(7)} ${perInstance.padStart(6)} ${(e.ms / e.count).toFixed(2).padStart(7)}  ${text}`,
      );
    }
    console.log(`${total.toFixed(0).padStart(8)} total`);
  }

  private count(client: pg.Client, text: string): void {
    // In pipeline mode, statements sent while others await their answers share their round trip.
    const state = client as unknown as { pipeline: boolean; _activeQuery: unknown };
    if (!state.pipeline || !state._activeQuery) this.roundTrips++;
    // Statements sent together in one simple query, e.g. "begin; lock; read".
    const begins = /^\s*begin\b;?/i.exec(text);
    // knex ends its transactions with 'COMMIT;'.
    const ends = /(^|;)\s*(commit|rollback)\s*;?\s*$/i.exec(text);
    const body = text.slice(begins?.[0].length ?? 0, ends?.index ?? text.length).trim();
    if (begins || !this.inTransaction.has(client)) this.transactions++;
    if (begins) this.inTransaction.add(client);
    if (body) this.statements += body.split(/;\s*(?=\S)/).length;
    // A statement alone outside a transaction ran in autocommit.
    if (ends || !this.inTransaction.has(client)) this.inTransaction.delete(client);
  }

  private time(sql: string, ms: number): void {
    const key = normaliseSql(sql);
    const entry = this.bySql.get(key) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += ms;
    this.bySql.set(key, entry);
  }
}

function normaliseSql(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '?')
    .replace(/\(\?(, ?\?)*\)(, ?\(\?(, ?\?)*\))*/g, '(?…)')
    .slice(0, 150);
}
