// int64 keys as decimal strings (as on the wire). Blocks of 1000 are taken
// from one sequence, so several engine processes never hand out the same key.
import type { Knex } from 'knex';

const BLOCK = 1000n;

export class KeyAllocator {
  private current = 0n;
  private end = 0n;
  private refill: Promise<void> | null = null;

  constructor(private readonly db: Knex) {}

  async next(): Promise<string> {
    while (this.current >= this.end) {
      // Outside any command's transaction: a rolled-back command must not give
      // its block back to another process.
      this.refill ??= this.db
        .raw<{ rows: { start: string }[] }>("select nextval('engine.keys')::text as start")
        .then(({ rows }) => {
          this.current = BigInt(rows[0]!.start);
          this.end = this.current + BLOCK;
        })
        .finally(() => (this.refill = null));
      await this.refill;
    }
    return (this.current++).toString();
  }
}
