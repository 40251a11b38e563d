// Logging in through the API, as a browser would, for route tests.
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../server/plugins/app/seed/demo-data.js';

export type Session = { cookie: string };

export async function login(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'motcua_session');
  if (!cookie) throw new Error(`login ${email}: no session cookie`);
  return { cookie: `motcua_session=${cookie.value}` };
}

/** The last message kept for a recipient (no mail server in these tests). */
export async function lastMessage(
  app: FastifyInstance,
  to: string,
): Promise<{ subject: string; body: string }> {
  const row = await app
    .db('notifications')
    .where('recipient', to)
    .orderBy('created_at', 'desc')
    .first();
  if (!row) throw new Error(`no message to ${to}`);
  return { subject: row.subject, body: row.body };
}

/** The code a verification or reset message carries (a base64url token on its own line). */
export function tokenIn(body: string): string {
  const match = /^([A-Za-z0-9_-]{43})$/m.exec(body);
  if (!match) throw new Error(`no token in: ${body}`);
  return match[1]!;
}
