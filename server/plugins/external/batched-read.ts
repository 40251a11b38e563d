// Rows by id for many concurrent requests in one statement: the lookups that
// arrive while the event loop is in one turn share a round trip. On this kind
// of machine the round trip (a write that wakes a PostgreSQL backend) costs
// far more than an index lookup, so under load a status poll pays for a
// fraction of one; alone, it pays for one as before.
import type { Knex } from 'knex';
import { preparedRows } from './database.js';

// More than this many ids wait for the next statement.
const MAX_IDS = 256;

interface Waiting<T> {
  id: string;
  resolve(row: T | undefined): void;
  reject(error: unknown): void;
}

/**
 * `text` selects by `id = any($1::uuid[])` and returns the `id` column; the
 * loader resolves each id to its row, or undefined.
 */
export function batchedById<T extends { id: string }>(db: Knex, name: string, text: string) {
  let waiting: Waiting<T>[] = [];

  async function run(batch: Waiting<T>[]): Promise<void> {
    try {
      const ids = [...new Set(batch.map((w) => w.id))];
      const rows = await preparedRows<T>(db, name, text, [ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const w of batch) w.resolve(byId.get(w.id));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  function flush(): void {
    const all = waiting;
    waiting = [];
    for (let start = 0; start < all.length; start += MAX_IDS)
      void run(all.slice(start, start + MAX_IDS));
  }

  return (id: string): Promise<T | undefined> =>
    new Promise((resolve, reject) => {
      // uuids come back in lower case.
      if (waiting.push({ id: id.toLowerCase(), resolve, reject }) === 1) setImmediate(flush);
    });
}
