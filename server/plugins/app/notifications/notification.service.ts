// The notification outbox: messages are queued in the caller's transaction
// and sent later by the relay, with retries. Without a mail server
// configured, messages are kept for operators to read.
import type { Knex } from 'knex';
import { insertStatement, type Statement } from '../../external/pipelined-transaction.js';
import { render, type Locale, type TemplateName } from './notification-templates.js';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface NotificationMessage {
  accountId: string | null;
  to: string;
  template: TemplateName;
  locale: Locale;
  variables: Record<string, string>;
}

export interface NotificationService {
  /** A mailer is configured: messages are queued and relayed (else kept for operators). */
  readonly delivers: boolean;
  queue(db: Knex | Knex.Transaction, message: NotificationMessage): Promise<string>;
  /** The notifications row `queue` writes, for a caller that writes it in a statement of its own. */
  row(message: NotificationMessage): Record<string, unknown>;
  /** The statement that queues the message (what `queue` runs). */
  statement(message: NotificationMessage): Statement;
  /** Sends due messages; returns how many were sent. */
  relay(limit?: number): Promise<number>;
}

const MAX_ATTEMPTS = 5;
/** nodemailer's error codes for a server that cannot be reached or talked to. */
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH']);
const BACKOFF_MS = [10_000, 60_000, 300_000, 1_800_000];

export function createNotificationService(deps: {
  db: Knex;
  mailer: Mailer | null;
  clock: { now(): Date };
}): NotificationService {
  const { db, mailer, clock } = deps;
  function rowOf(message: NotificationMessage) {
    const { subject, body } = render(message.template, message.locale, message.variables);
    return {
      account_id: message.accountId,
      channel: 'email',
      recipient: message.to,
      template: message.template,
      locale: message.locale,
      subject,
      body,
      status: mailer ? 'queued' : 'kept',
      next_attempt_at: clock.now(),
    };
  }
  return {
    delivers: mailer !== null,

    row: rowOf,

    statement: (message) => insertStatement('notifications', rowOf(message)),

    async queue(trx, message) {
      const [row] = await trx('notifications').insert(rowOf(message)).returning('id');
      return String(row.id);
    },

    async relay(limit = 20) {
      if (!mailer) return 0;
      let sent = 0;
      await db.transaction(async (trx) => {
        const due = await trx('notifications')
          .where('status', 'queued')
          .where('next_attempt_at', '<=', clock.now())
          .orderBy('next_attempt_at')
          .limit(limit)
          .forUpdate()
          .skipLocked();
        for (const message of due) {
          try {
            await mailer.send({
              to: message.recipient,
              subject: message.subject,
              text: message.body,
            });
            await trx('notifications')
              .where('id', message.id)
              .update({ status: 'sent', sent_at: clock.now(), attempts: message.attempts + 1 });
            sent++;
          } catch (error) {
            const attempts = message.attempts + 1;
            const delay = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!;
            await trx('notifications')
              .where('id', message.id)
              .update({
                attempts,
                status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
                next_attempt_at: new Date(clock.now().getTime() + delay),
                last_error: (error as Error).message.slice(0, 500),
              });
            // The mail server is unreachable: the other messages would only
            // wait for the same timeout, inside this transaction. Next round.
            if (UNREACHABLE.has(String((error as { code?: unknown }).code))) break;
          }
        }
      });
      return sent;
    },
  };
}
