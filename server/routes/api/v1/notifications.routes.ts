// /api/v1/notifications: operators read the messages kept or failed (no mail
// server configured, or delivery gave up).
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';

const query = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['queued', 'sent', 'failed', 'kept'], default: 'kept' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
} as const;

const notificationSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    recipient: { type: 'string' },
    template: { type: 'string' },
    locale: { type: 'string' },
    subject: { type: 'string' },
    body: { type: 'string' },
    status: { type: 'string' },
    attempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

const REDACTED = '[Mã đặt lại mật khẩu được ẩn / password reset code hidden]';

const notificationsRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FromSchema<typeof query> }>(
    '/notifications',
    {
      onRequest: app.requirePermission('notifications.read'),
      schema: {
        summary: 'Thông báo được lưu lại / Kept notification messages',
        tags: ['notifications'],
        querystring: query,
        response: { 200: { type: 'array', items: notificationSchema } },
      },
    },
    async (request) => {
      const rows = await app
        .db('notifications')
        .where('status', request.query.status ?? 'kept')
        .orderBy('created_at', 'desc')
        .limit(request.query.limit ?? 50);
      return rows.map((r) => ({
        id: r.id,
        recipient: r.recipient,
        template: r.template,
        locale: r.locale,
        subject: r.subject,
        // A reset code in an operator's hands would let them take the account over.
        body: r.template === 'account.reset-password' ? REDACTED : r.body,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at,
      }));
    },
  );
};

export default notificationsRoutes;
