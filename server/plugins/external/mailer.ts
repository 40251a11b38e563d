// Email over SMTP with nodemailer; SMTP_URL unset means no mail is sent.
import nodemailer from 'nodemailer';
import type { Mailer } from '../app/notifications/notification.service.js';

export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  // Timeouts well below nodemailer's defaults (2 and 10 minutes): the relay
  // sends inside a transaction that holds its messages' row locks.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
