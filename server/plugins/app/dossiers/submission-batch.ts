// Group commit for online submits. Every submit to an agency takes the next
// number of the agency's day, and the counter row stays locked until commit
// (the codes are gap-free): one submit at a time, each holding the counter
// for its statement and its commit's WAL flush. So the submits that arrive
// while a batch commits wait for the next one and go together: one
// transaction, one round trip, one flush, the counter locked once per batch.
//
// A submit was checked against the dossier as read without a lock; its
// statement submits only that version (submission-statement.ts: the row's
// xmin), so a dossier changed since comes back as `stale`, and so does every
// submit of a batch that failed (a concurrent event took the audit chain's
// next seq, say): the caller then submits on its own, with the dossier
// locked, as a walk-in registration does.
import type { Knex } from 'knex';
import { pipelinedTransaction, type Statement } from '../../external/pipelined-transaction.js';

// Enough to hold a burst of the API's connections; a bigger batch only waits longer.
const MOST_PER_BATCH = 64;

export interface BatchedSubmit {
  dossierId: string;
  /** Agency and day of the counter it takes: batches take counters in this order. */
  counter: string;
  statement: Statement;
  /** What to write with its outcome (the answer kept for an Idempotency-Key). */
  afterwards?: (code: string) => Statement;
}

/** The code issued, or `stale`: submit it again on its own. */
export type BatchOutcome = { code: string } | 'stale';

interface Waiting {
  submit: BatchedSubmit;
  settle: (outcome: BatchOutcome) => void;
}

// Dossiers are locked first, in one order, then counters in one order (a
// single submit locks its dossier, then its counter): no two batches, nor a
// batch and a single submit, wait for each other in a circle.
const LOCK_DOSSIERS = 'select id from dossiers where id = any($1::uuid[]) order by id for update';

export function createSubmissionBatcher(db: Knex) {
  const queue: Waiting[] = [];
  let running = false;

  /** Commits a batch in counter order; the outcome of each submit, in that order. */
  async function commit(batch: Waiting[]): Promise<BatchOutcome[]> {
    const lock: Statement = { text: LOCK_DOSSIERS, values: [batch.map((w) => w.submit.dossierId)] };
    return pipelinedTransaction(db, async (tx) => {
      const hasAfterwards = batch.some((w) => w.submit.afterwards);
      const statements = [lock, ...batch.map((w) => w.submit.statement)];
      const results = hasAfterwards
        ? await tx.inOneTrip(statements)
        : await tx.lastInOneTrip(statements);
      const codes = results
        .slice(1)
        .map((rows) => (rows[0] as { code?: string } | undefined)?.code);
      if (hasAfterwards)
        await tx.lastInOneTrip(
          batch.flatMap((w, i) => {
            const code = codes[i];
            return code && w.submit.afterwards ? [w.submit.afterwards(code)] : [];
          }),
        );
      return codes.map((code) => (code ? { code } : 'stale'));
    });
  }

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue
        .splice(0, MOST_PER_BATCH)
        .sort((a, b) => a.submit.counter.localeCompare(b.submit.counter));
      let outcomes: BatchOutcome[];
      try {
        outcomes = await commit(batch);
      } catch {
        // Nothing of the batch was kept: each is submitted again on its own,
        // where an error is its own.
        outcomes = batch.map(() => 'stale');
      }
      batch.forEach((w, i) => w.settle(outcomes[i]!));
    }
    running = false;
  }

  return {
    /** Submits with the next batch; resolves once it has committed (or `stale`). */
    submit(submit: BatchedSubmit): Promise<BatchOutcome> {
      return new Promise((settle) => {
        queue.push({ submit, settle });
        if (!running) void drain();
      });
    },
  };
}
