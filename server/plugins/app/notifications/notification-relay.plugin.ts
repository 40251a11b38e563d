// Sends the queued notifications every few seconds while the server runs.
// Only when a mailer is configured (else messages are kept for operators).
// Every server instance may run it: the relay claims messages with
// FOR UPDATE SKIP LOCKED, so two instances never send the same message.
// A failing round is logged and the next one runs as planned.
import fp from 'fastify-plugin';

export interface NotificationRelayOptions {
  /** Pause between rounds. */
  intervalMs?: number;
  /** Messages claimed per transaction; a full batch is followed at once by another. */
  batchSize?: number;
}

export default fp<NotificationRelayOptions>(
  async (app, { intervalMs = 5_000, batchSize = 20 }) => {
    const { notifications } = app.services;
    if (!notifications.delivers) {
      app.log.info('SMTP_URL is not set: notifications are kept for operators, not sent');
      return;
    }

    let timer: NodeJS.Timeout | undefined;
    let round: Promise<void> | null = null;
    let closing = false;

    const runRound = async () => {
      try {
        let sent: number;
        do {
          sent = await notifications.relay(batchSize);
          if (sent > 0) app.log.info({ sent }, 'notifications sent');
        } while (sent === batchSize && !closing);
      } catch (error) {
        app.log.error({ err: error }, 'notification relay round failed; retrying later');
      }
    };

    const schedule = () => {
      if (closing) return;
      timer = setTimeout(() => {
        round = runRound().finally(() => {
          round = null;
          schedule();
        });
      }, intervalMs);
      // The relay alone never keeps the process alive.
      timer.unref();
    };

    app.addHook('onReady', async () => schedule());
    app.addHook('onClose', async () => {
      closing = true;
      clearTimeout(timer);
      await round;
    });
  },
  { name: 'notification-relay', dependencies: ['services'] },
);
