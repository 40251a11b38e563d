// Public form API: the portal renders filing forms from these definitions and
// checks a payload before submitting; the modeler previews forms. Registered
// by the app under /api/v1.
import type { FastifyPluginAsync } from 'fastify';
import { formNotFound, type FormRegistry } from './form-registry.js';

export interface FormsRoutesOptions {
  registry: FormRegistry;
}

const message = {
  type: 'object',
  required: ['vi', 'en'],
  properties: { vi: { type: 'string' }, en: { type: 'string' } },
} as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'Mã biểu mẫu / form id, e.g. groundwater-exploration-licence',
    },
  },
} as const;

const versionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    version: {
      type: 'integer',
      minimum: 1,
      description: 'Phiên bản; mặc định bản mới nhất / version; the latest when omitted',
    },
  },
} as const;

const summary = {
  type: 'object',
  required: ['id', 'version', 'title', 'kind', 'versions'],
  properties: {
    id: { type: 'string' },
    version: { type: 'integer' },
    title: message,
    kind: { type: 'string', enum: ['filing', 'decision'] },
    versions: { type: 'array', items: { type: 'integer' } },
  },
} as const;

const definition = {
  type: 'object',
  required: ['id', 'version', 'title', 'kind', 'versions', 'schema', 'ui'],
  properties: {
    ...summary.properties,
    description: message,
    schema: {
      type: 'object',
      additionalProperties: true,
      description: 'JSON Schema 2020-12 của dữ liệu biểu mẫu / of the form payload',
    },
    ui: {
      type: 'object',
      additionalProperties: true,
      description: 'Gợi ý giao diện: thứ tự, nhãn, kiểu nhập / UI hints: order, labels, widgets',
    },
  },
} as const;

const validation = {
  type: 'object',
  required: ['valid', 'errors'],
  properties: {
    valid: { type: 'boolean' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: 'JSON pointer into the payload' },
          message,
        },
      },
    },
  },
} as const;

const formsRoutes: FastifyPluginAsync<FormsRoutesOptions> = async (app, { registry }) => {
  app.get(
    '/forms',
    {
      schema: {
        summary: 'Danh sách biểu mẫu / List forms (latest version of each)',
        tags: ['forms'],
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: summary } },
          },
        },
      },
    },
    async () => ({ items: registry.list() }),
  );

  app.get<{ Params: { id: string }; Querystring: { version?: number } }>(
    '/forms/:id',
    {
      schema: {
        summary: 'Một biểu mẫu: lược đồ và gợi ý giao diện / One form: schema and UI hints',
        tags: ['forms'],
        params: idParams,
        querystring: versionQuery,
        response: { 200: definition },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { version } = request.query;
      const form = registry.get(id, version);
      if (!form) throw formNotFound(id, version);
      return { ...form, versions: registry.versions(id) };
    },
  );

  app.post<{ Params: { id: string }; Querystring: { version?: number }; Body: unknown }>(
    '/forms/:id/validate',
    {
      schema: {
        summary: 'Kiểm tra dữ liệu theo biểu mẫu / Validate a payload against a form',
        description:
          'Thân yêu cầu là dữ liệu biểu mẫu; lỗi trả về kèm JSON pointer và thông báo tiếng Việt, tiếng Anh. ' +
          'The body is the form payload; errors come with JSON pointers and vi/en messages.',
        tags: ['forms'],
        params: idParams,
        querystring: versionQuery,
        body: {
          type: 'object',
          additionalProperties: true,
          description: 'Dữ liệu biểu mẫu / form payload',
        },
        response: { 200: validation },
      },
    },
    async (request) => {
      const result = registry.validate(request.params.id, request.query.version, request.body);
      return result.valid ? { valid: true, errors: [] } : result;
    },
  );
};

export default formsRoutes;
