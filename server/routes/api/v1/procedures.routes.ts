// /api/v1/procedures: public catalogue search; analysts draft and publish versions.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { allows } from '../../../plugins/app/access/access-rules.js';
import { procedureDefinitionSchema } from '../../../plugins/app/procedures/procedure.schema.js';

const searchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200 },
    field: { type: 'string', maxLength: 200 },
    agencyCode: { type: 'string', maxLength: 40 },
    mode: { type: 'string', enum: ['full', 'partial'] },
  },
} as const;
const codeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', pattern: '^[0-9]\\.[0-9]{6}$' } },
} as const;
const versionParams = {
  type: 'object',
  required: ['code', 'version'],
  properties: { code: codeParams.properties.code, version: { type: 'integer', minimum: 1 } },
} as const;
const versionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { version: { type: 'integer', minimum: 1 } },
} as const;

// The stored form always has a mode, so the mode-or-level rule is left out.
const { oneOf: _modeOrLevel, ...definitionProperties } = procedureDefinitionSchema; // eslint-disable-line @typescript-eslint/no-unused-vars
const procedureSchema = {
  ...definitionProperties,
  required: [...definitionProperties.required, 'id', 'version', 'status', 'mode'],
  properties: {
    ...definitionProperties.properties,
    id: { type: 'string' },
    version: { type: 'integer' },
    status: { type: 'string', enum: ['draft', 'published', 'retired'] },
    agencyId: { type: 'string' },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const proceduresRoutes: FastifyPluginAsync = async (app) => {
  const { procedures } = app.services;
  const analyst = app.requirePermission('procedures.edit');
  type Body = { Body: FromSchema<typeof procedureDefinitionSchema> };
  type Version = { Params: FromSchema<typeof versionParams> };

  app.get<{ Querystring: FromSchema<typeof searchQuery> }>(
    '/procedures',
    {
      schema: {
        summary: 'Tra cứu thủ tục hành chính / Search procedures',
        tags: ['procedures'],
        querystring: searchQuery,
        response: { 200: { type: 'array', items: procedureSchema } },
      },
    },
    (request) => procedures.search(request.query),
  );

  app.get<{ Params: FromSchema<typeof codeParams>; Querystring: FromSchema<typeof versionQuery> }>(
    '/procedures/:code',
    {
      schema: {
        summary: 'Chi tiết thủ tục / A procedure (published, or ?version=)',
        tags: ['procedures'],
        params: codeParams,
        querystring: versionQuery,
        response: { 200: procedureSchema },
      },
    },
    (request) => {
      const editor = request.caller !== null && allows(request.caller, 'procedures.edit');
      return procedures.get(request.params.code, request.query.version, editor);
    },
  );

  app.get<{ Params: FromSchema<typeof codeParams> }>(
    '/procedures/:code/versions',
    {
      onRequest: analyst,
      schema: {
        summary: 'Các phiên bản của thủ tục / Versions of a procedure',
        tags: ['procedures'],
        params: codeParams,
        response: { 200: { type: 'array', items: procedureSchema } },
      },
    },
    (request) => procedures.versions(request.params.code),
  );

  app.post<Body>(
    '/procedures',
    {
      onRequest: analyst,
      schema: {
        summary: 'Tạo bản nháp thủ tục / Create a draft version',
        tags: ['procedures'],
        body: procedureDefinitionSchema,
        response: { 201: procedureSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await procedures.createDraft(request.body)),
  );

  app.put<Body & Version>(
    '/procedures/:code/versions/:version',
    {
      onRequest: analyst,
      schema: {
        summary: 'Sửa bản nháp / Change a draft version',
        tags: ['procedures'],
        params: versionParams,
        body: procedureDefinitionSchema,
        response: { 200: procedureSchema },
      },
    },
    (request) => procedures.updateDraft(request.params.code, request.params.version, request.body),
  );

  app.post<Version>(
    '/procedures/:code/versions/:version/publish',
    {
      onRequest: analyst,
      schema: {
        summary: 'Công bố phiên bản / Publish a version',
        tags: ['procedures'],
        params: versionParams,
        response: { 200: procedureSchema },
      },
    },
    (request) => procedures.publish(request.params.code, request.params.version),
  );
};

export default proceduresRoutes;
