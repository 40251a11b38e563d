// Runs each command in one PostgreSQL transaction: a command either happens
// whole or not at all, and is acknowledged only after commit. Effects (wake
// up waiting workers, answer waiting callers) are delivered after commit.
import { EventEmitter } from 'node:events';
import type { Knex } from 'knex';
import { Batch, type Effects } from './batch.js';
import type { Clock } from './clock.js';
import { DefinitionStore } from './definitions.js';
import { STALE_DEFINITIONS } from './flush-statement.js';
import { InstanceCache } from './instance-cache.js';
import type { JobStreams } from './job-push.js';
import { KeyAllocator } from './keys.js';
import { inTransaction, type CommandTransaction } from './transaction.js';

// PostgreSQL's deadlock and serialization failures: the command is retried.
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

export interface ProcessorEvents {
  jobs: [types: Set<string>];
  /** Jobs activated for a stream that was gone when they were pushed. */
  undelivered: [jobKeys: string[]];
  completed: [processInstanceKey: string, variables: Record<string, unknown>];
  timers: [];
}

export class Processor extends EventEmitter<ProcessorEvents> {
  readonly keys: KeyAllocator;
  readonly definitions = new DefinitionStore();
  readonly instances = new InstanceCache();

  constructor(
    readonly db: Knex,
    readonly clock: Clock,
  ) {
    super();
    this.setMaxListeners(0);
    this.keys = new KeyAllocator();
  }

  /** Open job streams, to push new jobs to (set by the gateway's dispatcher). */
  streams: JobStreams | null = null;

  async run<T>(command: (batch: Batch) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let batch: Batch | null = null;
      try {
        const done = await this.transaction(async (tx) => {
          const current = new Batch(
            tx.db,
            tx,
            this.keys,
            this.definitions,
            this.clock.now(),
            this.clock,
            this.streams,
            this.instances,
          );
          batch = current;
          const result = await command(current);
          await current.runDeferred();
          await current.flush();
          return { result, batch: current };
        });
        this.deliver(done.batch.effects);
        return done.result;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt < MAX_ATTEMPTS && code && RETRYABLE.has(code)) continue;
        // Its guard failed, or the kept state led it astray: again, reading the instance.
        if (attempt < MAX_ATTEMPTS && (batch as Batch | null)?.usedCache) continue;
        const usedLatest = (batch as Batch | null)?.storedDefinitions != null;
        if (attempt < MAX_ATTEMPTS && usedLatest && code === STALE_DEFINITIONS) {
          this.definitions.forgetLatest();
          continue;
        }
        throw error;
      }
    }
  }

  /** Runs `work` in a transaction; once it commits, the command's instances go to the cache. */
  private transaction<T extends { batch: Batch }>(
    work: (tx: CommandTransaction) => Promise<T>,
  ): Promise<T> {
    // At once, before any other command's commit: the cache holds committed states only.
    return inTransaction(this.db, work, (result) => result.batch.remember());
  }

  private deliver(effects: Effects): void {
    const undelivered = effects.pushed
      .filter(({ stream, job }) => stream.closed() || !stream.push(job))
      .map(({ job }) => job.key);
    if (undelivered.length) this.emit('undelivered', undelivered);
    if (effects.jobTypes.size) this.emit('jobs', effects.jobTypes);
    for (const [key, variables] of effects.completedInstances)
      this.emit('completed', key, variables);
    if (effects.timersChanged) this.emit('timers');
  }
}
