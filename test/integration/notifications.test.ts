import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import notificationRelay from '../../server/plugins/app/notifications/notification-relay.plugin.js';
import { TEMPLATES } from '../../server/plugins/app/notifications/notification-templates.js';
import { seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { build } from '../support/build.js';
import { login } from '../support/sessions.js';
import { parseMail, startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const unique = () => randomUUID().slice(0, 8);
const citizenId = () => `001095${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

function citizen(email: string) {
  return {
    kind: 'citizen',
    fullName: 'Phạm Thị Thu',
    citizenId: citizenId(),
    dateOfBirth: '1995-03-08',
    phone: '0987654321',
    email,
    address: 'Số 1 Hàng Bài, Hà Nội',
    password: 'mat-khau-rat-dai',
  };
}

async function register(app: FastifyInstance, email: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: citizen(email),
  });
  expect(res.statusCode).toBe(201);
}

/** The rows queued for one recipient, oldest first. */
const rowsTo = (app: FastifyInstance, to: string) =>
  app.db('notifications').where('recipient', to).orderBy('created_at');

describe('notifications over a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let app: FastifyInstance;
  // The clock the retries are scheduled on; tests move it past the back-off.
  let now = Date.now();
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    smtp = await startSmtpServer({
      reject: (address) =>
        address.startsWith('bounce.') ? 'Hộp thư không tồn tại / no such mailbox' : null,
    });
    app = await build({ SMTP_URL: smtp.url }, { clock });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('mails the Vietnamese verification message to the new citizen', async () => {
    const email = `thu.${unique()}@example.vn`;
    await register(app, email);
    const [queued] = await rowsTo(app, email);
    expect(queued).toMatchObject({
      status: 'queued',
      attempts: 0,
      template: 'account.verify-email',
    });
    expect(smtp.received.filter((m) => m.to.includes(email))).toEqual([]);

    expect(await app.services.notifications.relay()).toBeGreaterThanOrEqual(1);

    const mails = smtp.received.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([email]);
    expect(mails[0]!.from).toBe('no-reply@motcua.local');
    const { headers, text } = parseMail(mails[0]!.raw);
    expect(headers.to).toBe(email);
    expect(headers.subject).toBe(TEMPLATES['account.verify-email'].subject.vi);
    expect(headers.subject).toBe('motcua: xác nhận địa chỉ thư điện tử');
    expect(text).toContain('Chào Phạm Thị Thu,');
    expect(text).toContain('Vui lòng xác nhận địa chỉ thư điện tử bằng mã sau (hiệu lực 24 giờ):');
    expect(text).toBe(queued.body);

    const [sent] = await rowsTo(app, email);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(sent.sent_at).toBeInstanceOf(Date);

    // Sent once: another round has nothing more for this recipient.
    await app.services.notifications.relay();
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('two relays running at once send each message exactly once', async () => {
    const emails = Array.from({ length: 6 }, () => `song.${unique()}@example.vn`);
    for (const to of emails) {
      await app.services.notifications.queue(app.db, {
        accountId: null,
        to,
        template: 'organisation.accepted',
        locale: 'en',
        variables: { organisationName: 'Song Hong Water Ltd' },
      });
    }
    await Promise.all([
      app.services.notifications.relay(3),
      app.services.notifications.relay(3),
      app.services.notifications.relay(3),
    ]);
    await app.services.notifications.relay();
    for (const to of emails) {
      const mails = smtp.received.filter((m) => m.to.includes(to));
      expect(mails).toHaveLength(1);
      expect(parseMail(mails[0]!.raw).text).toBe(
        'The account of Song Hong Water Ltd is verified. You can now log in and file dossiers.',
      );
    }
  });

  it('a refused recipient is retried with back-off, then given up after 5 attempts', async () => {
    const email = `bounce.${unique()}@example.vn`;
    await register(app, email);

    await app.services.notifications.relay();
    let [row] = await rowsTo(app, email);
    expect(row.status).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(row.last_error).toMatch(/no such mailbox/);
    expect(smtp.received.filter((m) => m.to.includes(email))).toEqual([]);

    // Not due yet: a round now does not touch it.
    await app.services.notifications.relay();
    [row] = await rowsTo(app, email);
    expect(row.attempts).toBe(1);

    for (let attempt = 2; attempt <= 5; attempt++) {
      now = row.next_attempt_at.getTime() + 1_000;
      await app.services.notifications.relay();
      [row] = await rowsTo(app, email);
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt < 5 ? 'queued' : 'failed');
    }
    expect(row.last_error).toMatch(/no such mailbox/);

    // Given up for good: even much later, no sixth attempt.
    now += 24 * 3_600_000;
    await app.services.notifications.relay();
    [row] = await rowsTo(app, email);
    expect(row).toMatchObject({ status: 'failed', attempts: 5 });
    expect(smtp.received.filter((m) => m.to.includes(email))).toEqual([]);

    // Operators see the failed message.
    await seedDemo(app.db, app.services.procedures);
    const operator = await login(app, 'vanhanh@demo.motcua.vn');
    const failed = await app.inject({
      url: '/api/v1/notifications?status=failed&limit=200',
      headers: { cookie: operator.cookie },
    });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toContainEqual(
      expect.objectContaining({
        recipient: email,
        status: 'failed',
        attempts: 5,
        lastError: expect.stringMatching(/no such mailbox/),
      }),
    );
  });

  it('the relay plugin sends in the background and stops with the app', async () => {
    // Its own app on the real clock, as `npm start` registers it.
    const server = await build({ SMTP_URL: smtp.url });
    await server.register(notificationRelay, { intervalMs: 50 });
    await server.ready();
    try {
      const email = `nen.${unique()}@example.vn`;
      await register(server, email);
      const deadline = Date.now() + 10_000;
      while (!smtp.received.some((m) => m.to.includes(email)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
      expect((await rowsTo(server, email))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await server.close();
    }
  });
});

describe('notifications without a mail server', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
  });
  afterAll(() => app?.close());

  it('keeps messages for operators, with reset codes hidden', async () => {
    const email = `giu.${unique()}@example.vn`;
    await register(app, email);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email },
        })
      ).statusCode,
    ).toBe(202);

    const rows = await rowsTo(app, email);
    expect(rows.map((r) => [r.template, r.status])).toEqual([
      ['account.verify-email', 'kept'],
      ['account.reset-password', 'kept'],
    ]);
    expect(app.services.notifications.delivers).toBe(false);
    expect(await app.services.notifications.relay()).toBe(0);
    expect((await rowsTo(app, email)).map((r) => r.attempts)).toEqual([0, 0]);

    const operator = await login(app, 'vanhanh@demo.motcua.vn');
    const res = await app.inject({
      url: '/api/v1/notifications?limit=200',
      headers: { cookie: operator.cookie },
    });
    expect(res.statusCode).toBe(200);
    const mine = (res.json() as { recipient: string; template: string; body: string }[]).filter(
      (m) => m.recipient === email,
    );
    const verify = mine.find((m) => m.template === 'account.verify-email')!;
    expect(verify).toMatchObject({
      status: 'kept',
      subject: 'motcua: xác nhận địa chỉ thư điện tử',
    });
    expect(verify.body).toBe(rows[0].body);
    const reset = mine.find((m) => m.template === 'account.reset-password')!;
    expect(reset.body).not.toBe(rows[1].body);
    // The one-time code (a 43-character token on its own line) is nowhere in the answer.
    const code = /^([A-Za-z0-9_-]{43})$/m.exec(rows[1].body)![1]!;
    expect(res.body).not.toContain(code);

    const citizen = await app.inject({
      url: '/api/v1/notifications',
      headers: { cookie: (await login(app, 'congdan@demo.motcua.vn')).cookie },
    });
    expect(citizen.statusCode).toBe(403);
  });
});
