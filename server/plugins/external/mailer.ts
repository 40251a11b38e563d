// Email over SMTP with nodemailer; SMTP_URL unset means no mail is sent.
import nodemailer from 'nodemailer';
import type { Mailer } from '../app/notifications/notification.service.js';

export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
