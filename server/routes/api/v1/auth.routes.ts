// /api/v1/auth: registration, email verification, log in / out, password reset.
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { MIN_PASSWORD_LENGTH } from '../../../plugins/app/accounts/password.js';
import { publicAccount } from '../../../plugins/app/accounts/account.service.js';
import { SESSION_COOKIE } from '../../../plugins/app/accounts/auth.plugin.js';
import { accountSchema } from './account.schema.js';

const password = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 } as const;
const locale = { type: 'string', enum: ['vi', 'en'], default: 'vi' } as const;
const email = { type: 'string', format: 'email', maxLength: 200 } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

const citizenBody = {
  type: 'object',
  additionalProperties: false,
  required: [
    'kind',
    'fullName',
    'citizenId',
    'dateOfBirth',
    'phone',
    'email',
    'address',
    'password',
  ],
  properties: {
    kind: { const: 'citizen' },
    fullName: text(200),
    citizenId: { type: 'string', format: 'citizen-id' },
    dateOfBirth: { type: 'string', format: 'date' },
    phone: { type: 'string', format: 'vn-phone' },
    email,
    address: text(500),
    password,
    locale,
  },
} as const;

const organisationBody = {
  type: 'object',
  additionalProperties: false,
  required: [
    'kind',
    'organisationName',
    'taxCode',
    'representative',
    'phone',
    'email',
    'address',
    'password',
  ],
  properties: {
    kind: { const: 'organisation' },
    organisationName: text(300),
    taxCode: { type: 'string', format: 'tax-code' },
    representative: text(200),
    phone: { type: 'string', format: 'vn-phone' },
    email,
    address: text(500),
    password,
    locale,
  },
} as const;

type CitizenBody = FromSchema<typeof citizenBody>;
type OrganisationBody = FromSchema<typeof organisationBody>;

const authRoutes: FastifyPluginAsync = async (app) => {
  const { accounts } = app.services;

  app.post<{ Body: CitizenBody | OrganisationBody }>(
    '/auth/register',
    {
      schema: {
        summary:
          'Đăng ký tài khoản công dân hoặc tổ chức / Register a citizen or organisation account',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['kind'],
          oneOf: [citizenBody, organisationBody],
          discriminator: { propertyName: 'kind' },
        },
        response: { 201: accountSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const account =
        body.kind === 'citizen'
          ? await accounts.registerCitizen(body)
          : await accounts.registerOrganisation(body);
      return reply.status(201).send(publicAccount(account));
    },
  );

  app.post<{ Body: { token: string } }>(
    '/auth/verify-email',
    {
      schema: {
        summary: 'Xác nhận thư điện tử / Verify the email address',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['token'],
          additionalProperties: false,
          properties: { token: text(200) },
        },
        response: { 200: accountSchema },
      },
    },
    async (request) => publicAccount(await accounts.verifyEmail(request.body.token)),
  );

  // Login and reset requests are rate-limited per client address and email, on
  // top of the account lockout: officers of one agency share an office address.
  await app.register(async (limited) => {
    await limited.register(rateLimit, {
      max: 10,
      timeWindow: '1 minute',
      // After body parsing, so the key can include the email.
      hook: 'preHandler',
      keyGenerator: (request) => {
        const body = request.body as { email?: unknown } | undefined;
        return `${request.ip}|${String(body?.email ?? '').toLowerCase()}`;
      },
    });

    limited.post<{ Body: { email: string; password: string } }>(
      '/auth/login',
      {
        schema: {
          summary: 'Đăng nhập / Log in',
          tags: ['auth'],
          body: {
            type: 'object',
            required: ['email', 'password'],
            additionalProperties: false,
            properties: { email, password: { type: 'string', minLength: 1, maxLength: 200 } },
          },
          response: { 200: accountSchema },
        },
      },
      async (request, reply) => {
        const { account, token, expiresAt } = await accounts.login(
          request.body.email,
          request.body.password,
        );
        app.setSessionCookie(reply, request, token, expiresAt);
        return publicAccount(account);
      },
    );

    limited.post<{ Body: { email: string; locale?: 'vi' | 'en' } }>(
      '/auth/password-reset',
      {
        schema: {
          summary: 'Yêu cầu đặt lại mật khẩu / Ask for a password reset code',
          tags: ['auth'],
          body: {
            type: 'object',
            required: ['email'],
            additionalProperties: false,
            properties: { email, locale },
          },
        },
      },
      async (request, reply) => {
        await accounts.requestPasswordReset(request.body.email, request.body.locale ?? 'vi');
        return reply.status(202).send({ accepted: true });
      },
    );
  });

  app.post<{ Body: { token: string; password: string } }>(
    '/auth/password-reset/confirm',
    {
      schema: {
        summary: 'Đặt mật khẩu mới bằng mã / Set a new password with the code',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['token', 'password'],
          additionalProperties: false,
          properties: { token: text(200), password },
        },
      },
    },
    async (request, reply) => {
      await accounts.resetPassword(request.body.token, request.body.password);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/logout',
    { schema: { summary: 'Đăng xuất / Log out', tags: ['auth'] } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await accounts.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
};

export default authRoutes;
