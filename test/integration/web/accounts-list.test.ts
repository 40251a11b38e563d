// GET /api/v1/accounts: operators and admins find accounts to suspend or
// reactivate, by text, kind and status, a page at a time.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/plugins/app/seed/demo-seed.js';
import { DEMO_CITIZEN } from '../../../server/plugins/app/seed/demo-data.js';
import { build } from '../../support/build.js';
import type { Session } from '../../support/sessions.js';
import { caller, sessionsOf, type Person } from './web-fixtures.js';

describe('account list for operators', () => {
  let app: FastifyInstance;
  let s: Record<Person, Session>;

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    s = await sessionsOf(app);
  });
  afterAll(() => app.close());

  it('finds an account by name, email or citizen ID, without secrets', async () => {
    for (const q of ['Nguyễn Văn An', 'congdan@demo', DEMO_CITIZEN.citizenId]) {
      const res = await caller(app)(
        s.operator,
        'GET',
        `/api/v1/accounts?q=${encodeURIComponent(q)}`,
      );
      expect(res.statusCode, q).toBe(200);
      const { items, total } = res.json();
      expect(
        items.map((a: { email: string }) => a.email),
        q,
      ).toContain(DEMO_CITIZEN.email);
      expect(total).toBeGreaterThanOrEqual(items.length);
      expect(res.body).not.toMatch(/password|hash/i);
    }
  });

  it('filters by kind and status, and pages', async () => {
    const staff = (
      await caller(app)(s.admin, 'GET', '/api/v1/accounts?kind=staff&status=active&limit=200')
    ).json();
    expect(staff.items.length).toBeGreaterThan(3);
    expect(staff.items.every((a: { kind: string }) => a.kind === 'staff')).toBe(true);
    expect(staff.items.map((a: { email: string }) => a.email)).toContain('vanhanh@demo.motcua.vn');

    const first = (
      await caller(app)(s.operator, 'GET', '/api/v1/accounts?kind=staff&limit=2')
    ).json();
    const second = (
      await caller(app)(s.operator, 'GET', '/api/v1/accounts?kind=staff&limit=2&offset=2')
    ).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(second.total);
    const ids = [...first.items, ...second.items].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is for operators and admins only, and checks its input', async () => {
    expect((await caller(app)(s.citizen, 'GET', '/api/v1/accounts')).statusCode).toBe(403);
    expect((await caller(app)(s.analyst, 'GET', '/api/v1/accounts')).statusCode).toBe(403);
    expect((await caller(app)(null, 'GET', '/api/v1/accounts')).statusCode).toBe(401);
    const bad = await caller(app)(s.operator, 'GET', '/api/v1/accounts?kind=robot&limit=0');
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/querystring/kind', '/querystring/limit']));
    expect(bad.json().message.vi).toBeTruthy();
  });
});
