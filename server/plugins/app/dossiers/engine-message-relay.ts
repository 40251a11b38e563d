// Publishes the messages the app owes the engine: a submitted dossier's
// start message (message id = dossier id, so a retry never starts a second
// instance), a supplement, a fee paid. Each is an outbox row written in the
// transaction of its cause; this relay publishes it and retries with back-off
// while the engine is away. It reads the database, so a restart loses nothing.
import type { Knex } from 'knex';
import type { ZeebeClient } from '../../external/zeebe-client.js';
import { ENGINE_MESSAGE_TOPIC, type EngineMessage } from './dossier.service.js';

const BACKOFF_MS = [1_000, 5_000, 30_000, 60_000, 300_000];
// Long enough to reach a process whose start subscription is being deployed.
const MESSAGE_TTL_MS = 3600_000;

export function createEngineMessageRelay(deps: {
  db: Knex;
  zeebe: ZeebeClient;
  clock: { now(): Date };
  onError: (error: unknown, correlationKey: string) => void;
}) {
  const { db, zeebe, clock } = deps;
  return {
    /** Publishes the due rows; returns how many were handed over. */
    async runOnce(limit = 50): Promise<number> {
      let done = 0;
      await db.transaction(async (trx) => {
        const rows = await trx('outbox')
          .where('topic', ENGINE_MESSAGE_TOPIC)
          .whereNull('processed_at')
          .where('next_attempt_at', '<=', clock.now())
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .skipLocked();
        // Published in order; recorded together, in one statement, before commit.
        const published: string[] = [];
        for (const row of rows) {
          const payload = row.payload as EngineMessage;
          try {
            await zeebe.publishMessage({
              name: payload.messageName,
              correlationKey: payload.correlationKey,
              messageId: payload.messageId,
              timeToLive: MESSAGE_TTL_MS,
              variables: payload.variables,
            });
            published.push(row.id);
          } catch (error) {
            // ALREADY_EXISTS: an earlier attempt was published before we could record it.
            if ((error as { code?: number }).code === 6) {
              published.push(row.id);
              continue;
            }
            deps.onError(error, payload.correlationKey);
            const delay = BACKOFF_MS[Math.min(row.attempts, BACKOFF_MS.length - 1)]!;
            await trx('outbox')
              .where('id', row.id)
              .update({
                attempts: row.attempts + 1,
                next_attempt_at: new Date(clock.now().getTime() + delay),
                last_error: String((error as Error).message).slice(0, 500),
              });
          }
        }
        if (published.length) {
          await trx('outbox')
            .whereIn('id', published)
            .update({ processed_at: clock.now(), attempts: trx.raw('attempts + 1') });
        }
        done = published.length;
      });
      return done;
    },
  };
}
