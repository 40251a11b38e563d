import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors.js';

const checkSchema = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { ok: { type: 'boolean' }, error: { type: 'string' } },
    required: ['ok'],
  },
} as const;

const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Process alive / Tiến trình đang chạy',
        tags: ['operations'],
        response: { 200: { type: 'object', properties: { status: { const: 'ok' } } } },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        summary: 'Ready to serve: database (and engine) reachable / Sẵn sàng phục vụ',
        tags: ['operations'],
        response: {
          200: {
            type: 'object',
            properties: { status: { const: 'ready' }, checks: checkSchema },
          },
        },
      },
    },
    async (_request, reply) => {
      const checks = await app.readiness.run();
      if (Object.values(checks).some((c) => !c.ok)) {
        const failed = Object.keys(checks).filter((name) => !checks[name]?.ok);
        throw new AppError('NOT_READY', [], {
          vi: `Hệ thống chưa sẵn sàng: ${failed.join(', ')} chưa kết nối được.`,
          en: `Not ready: ${failed.join(', ')} unreachable.`,
        });
      }
      return reply.send({ status: 'ready', checks });
    },
  );

  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics', tags: ['operations'], hide: true } },
    async (_request, reply) => {
      const body = await app.metrics.metrics();
      return reply.type(app.metrics.contentType).send(body);
    },
  );
};

export default healthRoutes;
