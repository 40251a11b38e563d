// POST /api/v1/dossiers/:id/rating: the applicant rates the service once the
// result is returned (status 10), once.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
const ratingBody = {
  type: 'object',
  additionalProperties: false,
  required: ['score'],
  properties: {
    score: { type: 'integer', minimum: 1, maximum: 5 },
    comment: { type: 'string', maxLength: 1000 },
  },
} as const;

export const ratingSchema = {
  type: ['object', 'null'],
  properties: {
    score: { type: 'integer' },
    comment: { type: ['string', 'null'] },
    ratedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const dossierRatingRoutes: FastifyPluginAsync = async (app) => {
  const { ratings } = app.services;

  app.post<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof ratingBody> }>(
    '/dossiers/:id/rating',
    {
      onRequest: app.requirePermission('dossiers.rate'),
      schema: {
        summary:
          'Đánh giá mức độ hài lòng (1–5) khi đã trả kết quả / Rate the service (1–5) once the result is returned',
        tags: ['dossiers'],
        params: idParams,
        body: ratingBody,
        response: { 201: ratingSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await ratings.rate(callerOf(request), request.params.id, request.body)),
  );
};

export default dossierRatingRoutes;
