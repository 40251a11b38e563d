// /api/v1/accounts: finding accounts and moderating them (operator), staff
// accounts (admin), and the organisation accounts waiting for an officer's
// verification.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { STAFF_ROLES } from '../../../plugins/app/access/access-rules.js';
import { MIN_PASSWORD_LENGTH } from '../../../plugins/app/accounts/password.js';
import { publicAccount } from '../../../plugins/app/accounts/account.service.js';
import { accountSchema } from './account.schema.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

const staffBody = {
  type: 'object',
  additionalProperties: false,
  required: ['fullName', 'email', 'password', 'agencyId', 'roles'],
  properties: {
    fullName: { type: 'string', minLength: 1, maxLength: 200 },
    email: { type: 'string', format: 'email' },
    password: { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 },
    agencyId: { type: 'string', format: 'uuid' },
    unitIds: { type: 'array', items: { type: 'string', format: 'uuid' }, default: [] },
    roles: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: [...STAFF_ROLES] },
    },
    phone: { type: 'string', format: 'vn-phone' },
  },
} as const;

const statusBody = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: { status: { type: 'string', enum: ['suspended', 'cancelled', 'active'] } },
} as const;

const reviewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['accept'],
  properties: { accept: { type: 'boolean' }, reasons: { type: 'string', maxLength: 2000 } },
} as const;

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200 },
    kind: { type: 'string', enum: ['citizen', 'organisation', 'staff'] },
    status: {
      type: 'string',
      enum: ['unverified', 'pending_review', 'active', 'refused', 'suspended', 'cancelled'],
    },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const;

const accountsRoutes: FastifyPluginAsync = async (app) => {
  const { accounts } = app.services;
  type Id = { Params: FromSchema<typeof idParams> };

  app.get<{ Querystring: FromSchema<typeof listQuery> }>(
    '/accounts',
    {
      onRequest: app.requirePermission('accounts.moderate'),
      schema: {
        summary:
          'Tìm tài khoản (tên, thư điện tử, số điện thoại, số định danh, mã số thuế) / Find accounts (name, email, phone, citizen ID, tax code)',
        tags: ['accounts'],
        querystring: listQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: accountSchema },
              total: { type: 'integer' },
            },
          },
        },
      },
    },
    async (request) => {
      const { items, total } = await accounts.list({
        ...request.query,
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
      });
      return { items: items.map(publicAccount), total };
    },
  );

  app.post<{ Body: FromSchema<typeof staffBody> }>(
    '/accounts/staff',
    {
      onRequest: app.requirePermission('staff.manage'),
      schema: {
        summary: 'Tạo tài khoản cán bộ / Create a staff account',
        tags: ['accounts'],
        body: staffBody,
        response: { 201: accountSchema },
      },
    },
    async (request, reply) => {
      const account = await accounts.createStaff({
        ...request.body,
        unitIds: request.body.unitIds ?? [],
      });
      return reply.status(201).send(publicAccount(account));
    },
  );

  app.put<Id & { Body: FromSchema<typeof statusBody> }>(
    '/accounts/:id/status',
    {
      onRequest: app.requirePermission('accounts.moderate'),
      schema: {
        summary:
          'Tạm dừng, hủy hoặc khôi phục tài khoản / Suspend, cancel or reactivate an account',
        tags: ['accounts'],
        params: idParams,
        body: statusBody,
        response: { 200: accountSchema },
      },
    },
    async (request) =>
      publicAccount(await accounts.setStatus(request.params.id, request.body.status)),
  );

  app.get(
    '/accounts/organisations/pending',
    {
      onRequest: app.requirePermission('organisations.review'),
      schema: {
        summary: 'Tài khoản tổ chức chờ xác minh / Organisation accounts waiting for verification',
        tags: ['accounts'],
        response: { 200: { type: 'array', items: accountSchema } },
      },
    },
    async () => (await accounts.pendingOrganisations()).map(publicAccount),
  );

  app.post<Id & { Body: FromSchema<typeof reviewBody> }>(
    '/accounts/organisations/:id/review',
    {
      onRequest: app.requirePermission('organisations.review'),
      schema: {
        summary:
          'Xác minh hoặc từ chối tài khoản tổ chức / Accept or refuse an organisation account',
        tags: ['accounts'],
        params: idParams,
        body: reviewBody,
        response: { 200: accountSchema },
      },
    },
    async (request) =>
      publicAccount(await accounts.reviewOrganisation(request.params.id, request.body)),
  );
};

export default accountsRoutes;
