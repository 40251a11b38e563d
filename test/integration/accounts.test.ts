import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { build } from '../support/build.js';
import { lastMessage, login, tokenIn } from '../support/sessions.js';

const unique = () => randomUUID().slice(0, 8);
/** A citizen ID no other test uses: province 001, born in the 1900s, year 95, 6 random digits. */
const citizenId = () => `001095${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

function citizen(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'citizen',
    fullName: 'Phạm Thị Thu',
    citizenId: citizenId(),
    dateOfBirth: '1995-03-08',
    phone: '0987654321',
    email: `thu.${unique()}@example.vn`,
    address: 'Số 1 Hàng Bài, Hà Nội',
    password: 'mat-khau-rat-dai',
    ...overrides,
  };
}

describe('accounts and sign-in', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
  });
  afterAll(() => app.close());

  const post = (url: string, payload: unknown, cookie?: string) =>
    app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: cookie ? { cookie } : {},
    });

  it('a citizen registers, verifies the email, logs in, sees and changes the account, logs out', async () => {
    const body = citizen();
    const registered = await post('/api/v1/auth/register', body);
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ status: 'unverified', citizenId: body.citizenId });
    expect(registered.body).not.toContain('password');

    const hash = await app.db('accounts').where('email', body.email).first('password_hash');
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);

    const refused = await post('/api/v1/auth/login', {
      email: body.email,
      password: body.password,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('EMAIL_NOT_VERIFIED');

    const message = await lastMessage(app, body.email);
    const verified = await post('/api/v1/auth/verify-email', { token: tokenIn(message.body) });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().status).toBe('active');
    expect(
      (await post('/api/v1/auth/verify-email', { token: tokenIn(message.body) })).json().code,
    ).toBe('TOKEN_INVALID');

    const res = await post('/api/v1/auth/login', {
      email: body.email.toUpperCase(),
      password: body.password,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'motcua_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const session = `motcua_session=${cookie.value}`;

    const me = await app.inject({ url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({
      email: body.email,
      roles: ['citizen'],
      fullName: 'Phạm Thị Thu',
    });
    const changed = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: session },
      payload: { phone: '0901234567' },
    });
    expect(changed.json().phone).toBe('0901234567');

    expect((await post('/api/v1/auth/logout', {}, session)).statusCode).toBe(204);
    const after = await app.inject({ url: '/api/v1/me', headers: { cookie: session } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('names every invalid field in Vietnamese and English and stores nothing', async () => {
    const body = citizen({
      citizenId: '12345',
      phone: '123',
      email: 'not-an-email',
      password: 'short',
    });
    const res = await post('/api/v1/auth/register', body);
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/body/citizenId', '/body/phone', '/body/email', '/body/password']),
    );
    expect(await app.db('accounts').where('email', 'not-an-email').first()).toBeUndefined();
  });

  it('refuses a second account with the same email or citizen ID', async () => {
    const body = citizen();
    expect((await post('/api/v1/auth/register', body)).statusCode).toBe(201);
    const sameEmail = await post(
      '/api/v1/auth/register',
      citizen({ email: body.email.toUpperCase() }),
    );
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.json().details[0].path).toBe('/body/email');
    const sameId = await post('/api/v1/auth/register', citizen({ citizenId: body.citizenId }));
    expect(sameId.statusCode).toBe(409);
    expect(sameId.json().details[0].path).toBe('/body/citizenId');
  });

  it('an organisation waits for review; an officer refuses with reasons, and the applicant is told', async () => {
    const email = `org.${unique()}@example.vn`;
    const res = await post('/api/v1/auth/register', {
      kind: 'organisation',
      organisationName: 'Hợp tác xã Nước Sạch Đông Anh',
      taxCode: '0102030405',
      representative: 'Nguyễn Văn Bảo',
      phone: '0912000111',
      email,
      address: 'Đông Anh, Hà Nội',
      password: 'mat-khau-rat-dai',
    });
    expect(res.statusCode).toBe(201);
    const verified = await post('/api/v1/auth/verify-email', {
      token: tokenIn((await lastMessage(app, email)).body),
    });
    expect(verified.json().status).toBe('pending_review');
    expect(verified.json().reviewDueAt).toBeTruthy();
    const early = await post('/api/v1/auth/login', { email, password: 'mat-khau-rat-dai' });
    expect(early.json().code).toBe('ACCOUNT_PENDING_REVIEW');

    const officer = await login(app, 'motcua@demo.motcua.vn');
    const pending = await app.inject({
      url: '/api/v1/accounts/organisations/pending',
      headers: officer.cookie ? { cookie: officer.cookie } : {},
    });
    const entry = pending.json().find((a: { email: string }) => a.email === email);
    expect(entry).toBeTruthy();

    const url = `/api/v1/accounts/organisations/${entry.id}/review`;
    const noReason = await post(url, { accept: false }, officer.cookie);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].path).toBe('/body/reasons');
    const refused = await post(
      url,
      { accept: false, reasons: 'Mã số thuế không khớp tên tổ chức' },
      officer.cookie,
    );
    expect(refused.json()).toMatchObject({
      status: 'refused',
      reviewReasons: 'Mã số thuế không khớp tên tổ chức',
    });
    const told = await lastMessage(app, email);
    expect(told.body).toContain('Mã số thuế không khớp tên tổ chức');
    expect((await post(url, { accept: true }, officer.cookie)).statusCode).toBe(409);
  });

  it('locks an account after five wrong passwords, even for the right one', async () => {
    const body = citizen();
    await post('/api/v1/auth/register', body);
    await post('/api/v1/auth/verify-email', {
      token: tokenIn((await lastMessage(app, body.email)).body),
    });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await post('/api/v1/auth/login', { email: body.email, password: `wrong-${i}-password` })
        ).json().code,
      );
    }
    expect(codes).toEqual([
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'ACCOUNT_LOCKED',
    ]);
    const right = await post('/api/v1/auth/login', { email: body.email, password: body.password });
    expect(right.statusCode).toBe(423);
  });

  it('rate-limits repeated logins for one email from one address', async () => {
    const email = `nobody.${unique()}@example.vn`;
    const codes = new Set<string>();
    for (let i = 0; i < 11; i++) {
      codes.add(
        (await post('/api/v1/auth/login', { email, password: 'whatever-password' })).json().code,
      );
    }
    expect(codes).toEqual(new Set(['LOGIN_FAILED', 'RATE_LIMITED']));
    // Other people behind the same office address can still log in.
    await login(app, 'chuyenvien@demo.motcua.vn');
  });

  it('resets a password with a single-use emailed code and ends open sessions', async () => {
    const body = citizen();
    await post('/api/v1/auth/register', body);
    await post('/api/v1/auth/verify-email', {
      token: tokenIn((await lastMessage(app, body.email)).body),
    });
    const old = await login(app, body.email, body.password);

    expect((await post('/api/v1/auth/password-reset', { email: body.email })).statusCode).toBe(202);
    expect(
      (await post('/api/v1/auth/password-reset', { email: `nobody.${unique()}@example.vn` }))
        .statusCode,
    ).toBe(202);
    const token = tokenIn((await lastMessage(app, body.email)).body);
    const confirm = { token, password: 'mot-mat-khau-moi' };
    expect((await post('/api/v1/auth/password-reset/confirm', confirm)).statusCode).toBe(204);
    expect((await post('/api/v1/auth/password-reset/confirm', confirm)).json().code).toBe(
      'TOKEN_INVALID',
    );
    expect(
      (await app.inject({ url: '/api/v1/me', headers: { cookie: old.cookie } })).statusCode,
    ).toBe(401);
    await login(app, body.email, 'mot-mat-khau-moi');
  });

  it('an operator suspends and reactivates an account; suspension ends its sessions', async () => {
    const body = citizen();
    await post('/api/v1/auth/register', body);
    const { id } = (
      await post('/api/v1/auth/verify-email', {
        token: tokenIn((await lastMessage(app, body.email)).body),
      })
    ).json();
    const session = await login(app, body.email, body.password);
    const operator = await login(app, 'vanhanh@demo.motcua.vn');
    const put = (status: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/accounts/${id}/status`,
        headers: { cookie: operator.cookie },
        payload: { status },
      });
    expect((await put('suspended')).json().status).toBe('suspended');
    expect(
      (await app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/v1/auth/login', { email: body.email, password: body.password })).json()
        .code,
    ).toBe('ACCOUNT_SUSPENDED');
    expect((await put('suspended')).statusCode).toBe(409);
    expect((await put('active')).json().status).toBe('active');
    await login(app, body.email, body.password);
  });

  it('an admin creates staff bound to the agency and its units', async () => {
    const admin = await login(app, 'quantri@demo.motcua.vn');
    const agencies = (await app.inject('/api/v1/agencies')).json();
    const water = agencies.find((a: { code: string }) => a.code === '000.00.12.G12');
    const environment = agencies.find((a: { code: string }) => a.code === '000.00.15.G12');
    const payload = {
      fullName: 'Ngô Văn Tùng',
      email: `tung.${unique()}@demo.motcua.vn`,
      password: 'mat-khau-can-bo',
      agencyId: water.id,
      unitIds: [water.units[1].id],
      roles: ['specialist'],
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts/staff',
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'staff',
      roles: ['specialist'],
      agencyId: water.id,
    });
    const foreignUnit = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts/staff',
      headers: { cookie: admin.cookie },
      payload: {
        ...payload,
        email: `x.${unique()}@demo.motcua.vn`,
        unitIds: [environment.units[0].id],
      },
    });
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json().details[0].path).toBe('/body/unitIds');
  });
});
