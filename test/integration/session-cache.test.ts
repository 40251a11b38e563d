// Sessions are answered from memory (server/plugins/app/accounts/session-cache.ts):
// an ended session or a suspended account must stop working at once on the
// server that ended it, and within moments on every other server process.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/plugins/app/accounts/password.js';
import { seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { build } from '../support/build.js';
import { login } from '../support/sessions.js';

const PASSWORD = 'mat-khau-rat-dai';

describe('sessions answered from memory', () => {
  // Two server processes on one database.
  let first: FastifyInstance;
  let second: FastifyInstance;
  beforeAll(async () => {
    first = await build();
    second = await build();
    await seedDemo(first.db, first.services.procedures);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  async function newCitizen(): Promise<{ id: string; email: string }> {
    const email = `phien.${randomUUID().slice(0, 8)}@example.vn`;
    const [row] = await first
      .db('accounts')
      .insert({
        kind: 'citizen',
        email,
        password_hash: await hashPassword(PASSWORD),
        status: 'active',
        full_name: 'Lê Văn Phiên',
        email_verified_at: new Date(),
      })
      .returning('id');
    return { id: String(row.id), email };
  }

  const me = (app: FastifyInstance, cookie: string) =>
    app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });

  /** The status the server answers once the change has reached it (or after 5 s). */
  async function settledStatus(app: FastifyInstance, cookie: string, expected: number) {
    const deadline = Date.now() + 5_000;
    let status = (await me(app, cookie)).statusCode;
    while (status !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await me(app, cookie)).statusCode;
    }
    return status;
  }

  it('a logged-out session stops working at once on that server', async () => {
    const citizen = await newCitizen();
    const { cookie } = await login(first, citizen.email, PASSWORD);
    expect((await me(first, cookie)).statusCode).toBe(200);
    expect((await me(first, cookie)).statusCode).toBe(200);

    const out = await first.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(first, cookie)).statusCode).toBe(401);
  });

  it('an account suspended through one server is turned away by the other', async () => {
    const citizen = await newCitizen();
    const { cookie } = await login(first, citizen.email, PASSWORD);
    // Both servers have now answered from this session.
    expect((await me(first, cookie)).statusCode).toBe(200);
    expect((await me(second, cookie)).statusCode).toBe(200);

    const operator = await login(second, 'vanhanh@demo.motcua.vn');
    const suspended = await second.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${citizen.id}/status`,
      headers: operator,
      payload: { status: 'suspended' },
    });
    expect(suspended.statusCode).toBe(200);
    expect((await me(second, cookie)).statusCode).toBe(401);
    expect(await settledStatus(first, cookie, 401)).toBe(401);
  });

  it('a session removed in the database is not honoured from memory', async () => {
    const citizen = await newCitizen();
    const { cookie } = await login(first, citizen.email, PASSWORD);
    expect((await me(first, cookie)).statusCode).toBe(200);
    await first.db('sessions').where('account_id', citizen.id).delete();
    expect(await settledStatus(first, cookie, 401)).toBe(401);
  });
});
