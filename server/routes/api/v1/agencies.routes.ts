// /api/v1/agencies: the agencies and units (public list; admin edits).
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';

// Mã định danh: groups of digits and letters separated by dots, e.g. 000.00.12.H12.
const agencyCode = { type: 'string', pattern: '^[0-9A-Z]{2,3}(\\.[0-9A-Z]{2,3}){1,4}$' } as const;
const name = { type: 'string', minLength: 1, maxLength: 300 } as const;

const unitSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    nameVi: { type: 'string' },
    nameEn: { type: 'string' },
  },
} as const;
const agencySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    nameVi: { type: 'string' },
    nameEn: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    units: { type: 'array', items: unitSchema },
  },
} as const;
const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
const agencyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'nameVi', 'nameEn'],
  properties: {
    code: agencyCode,
    nameVi: name,
    nameEn: name,
    parentId: { type: 'string', format: 'uuid' },
  },
} as const;
const agencyChanges = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { nameVi: name, nameEn: name },
} as const;
const unitBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'nameVi', 'nameEn'],
  properties: {
    code: { type: 'string', pattern: '^[A-Z0-9_-]{1,30}$' },
    nameVi: name,
    nameEn: name,
  },
} as const;

const agenciesRoutes: FastifyPluginAsync = async (app) => {
  const { agencies } = app.services;
  const admin = app.requirePermission('agencies.manage');
  type Id = { Params: FromSchema<typeof idParams> };

  app.get(
    '/agencies',
    {
      schema: {
        summary: 'Danh sách cơ quan / Agencies',
        tags: ['agencies'],
        response: { 200: { type: 'array', items: agencySchema } },
      },
    },
    () => agencies.list(),
  );

  app.post<{ Body: FromSchema<typeof agencyBody> }>(
    '/agencies',
    {
      onRequest: admin,
      schema: {
        summary: 'Thêm cơ quan / Add an agency',
        tags: ['agencies'],
        body: agencyBody,
        response: { 201: agencySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await agencies.create(request.body)),
  );

  app.patch<Id & { Body: FromSchema<typeof agencyChanges> }>(
    '/agencies/:id',
    {
      onRequest: admin,
      schema: {
        summary: 'Sửa cơ quan / Change an agency',
        tags: ['agencies'],
        params: idParams,
        body: agencyChanges,
        response: { 200: agencySchema },
      },
    },
    (request) => agencies.update(request.params.id, request.body),
  );

  app.post<Id & { Body: FromSchema<typeof unitBody> }>(
    '/agencies/:id/units',
    {
      onRequest: admin,
      schema: {
        summary: 'Thêm phòng ban / Add a unit',
        tags: ['agencies'],
        params: idParams,
        body: unitBody,
        response: { 201: unitSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await agencies.addUnit(request.params.id, request.body)),
  );
};

export default agenciesRoutes;
