// /api/v1/me: the caller's own account.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';
import { publicAccount } from '../../../plugins/app/accounts/account.service.js';
import { accountSchema } from './account.schema.js';

const changesSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    fullName: { type: 'string', minLength: 1, maxLength: 200 },
    phone: { type: 'string', format: 'vn-phone' },
    address: { type: 'string', minLength: 1, maxLength: 500 },
    representative: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

const meRoutes: FastifyPluginAsync = async (app) => {
  const guard = { onRequest: app.requirePermission('account.self') };

  app.get(
    '/me',
    {
      ...guard,
      schema: {
        summary: 'Tài khoản của tôi / My account',
        tags: ['accounts'],
        response: { 200: accountSchema },
      },
    },
    async (request) => publicAccount(await app.services.accounts.byId(callerOf(request).id)),
  );

  app.patch<{ Body: FromSchema<typeof changesSchema> }>(
    '/me',
    {
      ...guard,
      schema: {
        summary: 'Sửa thông tin tài khoản / Change my account details',
        tags: ['accounts'],
        body: changesSchema,
        response: { 200: accountSchema },
      },
    },
    async (request) =>
      publicAccount(await app.services.accounts.updateDetails(callerOf(request).id, request.body)),
  );
};

export default meRoutes;
