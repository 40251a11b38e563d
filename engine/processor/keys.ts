// int64 keys as decimal strings (as on the wire). Blocks of 1000 are taken
// from one sequence, so several engine processes never hand out the same key.
import type { CommandDb } from './transaction.js';

const BLOCK = 1000n;

export class KeyAllocator {
  private current = 0n;
  private end = 0n;
  private refill: Promise<void> | null = null;

  /**
   * The next key. A new block is fetched on the connection of the command that
   * needs it: waiting for a connection of its own could deadlock when commands
   * hold the whole pool. (nextval is never rolled back, so a command that fails
   * gives no key back.)
   */
  async next(db: CommandDb): Promise<string> {
    while (this.current >= this.end) {
      if (this.refill) {
        // Another command is fetching a block: wait for it, then look again.
        await this.refill.catch(() => undefined);
        continue;
      }
      this.refill = db
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
