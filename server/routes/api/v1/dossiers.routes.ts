// /api/v1/dossiers: drafts, attachments, submission, withdrawal, reads and
// the timeline; counter intake by reception officers.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { DOSSIER_STATUSES } from '../../../domain/dossier-lifecycle.machine.js';
import { AppError } from '../../../errors.js';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';
import { present } from '../../../plugins/app/dossiers/dossier.service.js';
import { ratingSchema } from './dossier-rating.routes.js';

// The largest file any procedure accepts; each document's own limit is checked while streaming.
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
const formData = { type: 'object', additionalProperties: true, maxProperties: 500 } as const;
const procedureCode = { type: 'string', pattern: '^[0-9]\\.[0-9]{6}$' } as const;
const message = {
  type: 'object',
  properties: { vi: { type: 'string' }, en: { type: 'string' } },
} as const;
const dossierSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    code: { type: ['string', 'null'] },
    procedureId: { type: 'string' },
    agencyId: { type: 'string' },
    applicantId: { type: 'string' },
    channel: { type: 'integer', enum: [1, 2, 3] },
    status: { type: 'string', enum: [...DOSSIER_STATUSES] },
    statusCode: { type: ['integer', 'null'] },
    statusLabel: message,
    formData: { type: 'object', additionalProperties: true },
    submittedAt: { type: ['string', 'null'], format: 'date-time' },
    receivedAt: { type: ['string', 'null'], format: 'date-time' },
    appointmentAt: { type: ['string', 'null'], format: 'date-time' },
    processInstanceKey: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;
const attachmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    documentKey: { type: 'string' },
    fileName: { type: 'string' },
    contentType: { type: 'string' },
    sizeBytes: { type: 'integer' },
    sha256: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;
const eventSchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actorId: { type: ['string', 'null'] },
    actorRole: { type: ['string', 'null'] },
    action: { type: 'string' },
    fromStatus: { type: ['string', 'null'] },
    toStatus: { type: ['string', 'null'] },
    reason: { type: ['string', 'null'] },
    elementId: { type: ['string', 'null'] },
    changes: { type: ['object', 'null'], additionalProperties: true },
  },
} as const;

const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['procedureCode'],
  properties: { procedureCode, formData },
} as const;
const saveBody = {
  type: 'object',
  additionalProperties: false,
  required: ['formData'],
  properties: { formData },
} as const;
const attachQuery = {
  type: 'object',
  required: ['document'],
  additionalProperties: false,
  properties: { document: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' } },
} as const;
const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...DOSSIER_STATUSES] },
    procedureCode,
    // Part of the dossier code or of the applicant's name, any case.
    q: { type: 'string', minLength: 1, maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const;
const withdrawBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
} as const;
const intakeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['procedureCode', 'channel', 'applicant', 'formData'],
  properties: {
    procedureCode,
    channel: { type: 'integer', enum: [1, 3] },
    // The applicant's citizen ID or organisation tax code.
    applicant: { type: 'string', pattern: '^[0-9]{10,13}(-[0-9]{3})?$' },
    formData,
  },
} as const;
const feeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['receiptNumber'],
  properties: { receiptNumber: { type: 'string', minLength: 1, maxLength: 60 } },
} as const;
const submitHeaders = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 200 } },
} as const;

const dossiersRoutes: FastifyPluginAsync = async (app) => {
  const { dossiers } = app.services;
  const read = app.requirePermission('dossiers.read');
  const file = app.requirePermission('dossiers.file');
  type Id = { Params: FromSchema<typeof idParams> };

  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 1 },
  });

  app.post<{ Body: FromSchema<typeof createBody> }>(
    '/dossiers',
    {
      onRequest: file,
      schema: {
        summary: 'Tạo hồ sơ nháp / Create a draft dossier',
        tags: ['dossiers'],
        body: createBody,
        response: { 201: dossierSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(present(await dossiers.createDraft(callerOf(request), request.body))),
  );

  app.patch<Id & { Body: FromSchema<typeof saveBody> }>(
    '/dossiers/:id',
    {
      onRequest: file,
      schema: {
        summary: 'Lưu nội dung tờ khai / Save the form data',
        tags: ['dossiers'],
        params: idParams,
        body: saveBody,
        response: { 200: dossierSchema },
      },
    },
    async (request) =>
      present(await dossiers.saveForm(callerOf(request), request.params.id, request.body.formData)),
  );

  app.post<Id & { Querystring: FromSchema<typeof attachQuery> }>(
    '/dossiers/:id/attachments',
    {
      onRequest: file,
      schema: {
        summary: 'Tải lên thành phần hồ sơ (multipart) / Upload a document (multipart)',
        tags: ['dossiers'],
        params: idParams,
        querystring: attachQuery,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file();
      if (!part) {
        throw new AppError('VALIDATION_FAILED', [
          { path: '/body', message: { vi: 'Chưa chọn tệp để tải lên.', en: 'No file was sent.' } },
        ]);
      }
      const row = await dossiers.addAttachment(callerOf(request), request.params.id, {
        documentKey: request.query.document,
        fileName: part.filename,
        stream: part.file,
      });
      return reply.status(201).send({
        id: row.id,
        documentKey: row.document_key,
        fileName: row.file_name,
        contentType: row.content_type,
        sizeBytes: Number(row.size_bytes),
        sha256: row.sha256,
        createdAt: row.created_at,
      });
    },
  );

  app.post<Id & { Headers: FromSchema<typeof submitHeaders> }>(
    '/dossiers/:id/submit',
    {
      onRequest: file,
      schema: {
        summary:
          'Nộp hồ sơ (Idempotency-Key để gửi lại an toàn) / Submit (Idempotency-Key makes retries safe)',
        tags: ['dossiers'],
        params: idParams,
        headers: submitHeaders,
        response: { 200: dossierSchema },
      },
    },
    async (request, reply) => {
      const result = await dossiers.submit(
        callerOf(request),
        request.params.id,
        request.headers['idempotency-key'],
      );
      app.engineMessages.poke();
      return reply.status(result.status).send(result.body);
    },
  );

  app.post<Id & { Body: FromSchema<typeof withdrawBody> }>(
    '/dossiers/:id/withdrawal',
    {
      onRequest: file,
      schema: {
        summary: 'Yêu cầu rút hồ sơ / Request withdrawal',
        tags: ['dossiers'],
        params: idParams,
        body: withdrawBody,
        response: { 200: dossierSchema },
      },
    },
    async (request) =>
      present(
        await dossiers.requestWithdrawal(callerOf(request), request.params.id, request.body.reason),
      ),
  );

  app.post<Id>(
    '/dossiers/:id/supplement',
    {
      onRequest: file,
      schema: {
        summary: 'Gửi hồ sơ đã bổ sung / Send the supplemented dossier',
        tags: ['dossiers'],
        params: idParams,
        response: { 200: dossierSchema },
      },
    },
    async (request) => {
      const dossier = await dossiers.supplement(callerOf(request), request.params.id);
      app.engineMessages.poke();
      return present(dossier);
    },
  );

  app.post<Id & { Body: FromSchema<typeof feeBody> }>(
    '/dossiers/:id/fee-paid',
    {
      onRequest: app.requirePermission('fees.record'),
      schema: {
        summary: 'Ghi nhận đã nộp phí tại quầy / Record a counter fee payment',
        tags: ['dossiers'],
        params: idParams,
        body: feeBody,
        response: { 200: dossierSchema },
      },
    },
    async (request) => {
      const dossier = await dossiers.recordFeePaid(
        callerOf(request),
        request.params.id,
        request.body.receiptNumber,
      );
      app.engineMessages.poke();
      return present(dossier);
    },
  );

  app.post<{ Body: FromSchema<typeof intakeBody> }>(
    '/dossiers/intake',
    {
      onRequest: app.requirePermission('dossiers.register'),
      schema: {
        summary:
          'Tiếp nhận hồ sơ trực tiếp hoặc qua bưu chính / Register a walk-in or postal dossier',
        tags: ['dossiers'],
        body: intakeBody,
        response: { 201: dossierSchema },
      },
    },
    async (request, reply) => {
      const { applicant, ...rest } = request.body;
      const dossier = await dossiers.registerAtCounter(callerOf(request), {
        ...rest,
        channel: rest.channel as 1 | 3,
        applicantCitizenIdOrTaxCode: applicant,
      });
      app.engineMessages.poke();
      return reply.status(201).send(present(dossier));
    },
  );

  app.get<{ Querystring: FromSchema<typeof listQuery> }>(
    '/dossiers',
    {
      onRequest: read,
      schema: {
        summary: 'Danh sách hồ sơ (của tôi, hoặc của cơ quan) / Dossiers (mine, or my agency’s)',
        tags: ['dossiers'],
        querystring: listQuery,
        response: { 200: { type: 'array', items: dossierSchema } },
      },
    },
    async (request) =>
      (
        await dossiers.list(callerOf(request), {
          ...request.query,
          limit: request.query.limit ?? 50,
          offset: request.query.offset ?? 0,
        })
      ).map(present),
  );

  app.get<Id>(
    '/dossiers/:id/status',
    {
      onRequest: read,
      schema: {
        summary: 'Trạng thái hồ sơ / Where a dossier stands',
        tags: ['dossiers'],
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              id: dossierSchema.properties.id,
              code: dossierSchema.properties.code,
              status: dossierSchema.properties.status,
              statusCode: dossierSchema.properties.statusCode,
              statusLabel: dossierSchema.properties.statusLabel,
              submittedAt: dossierSchema.properties.submittedAt,
              appointmentAt: dossierSchema.properties.appointmentAt,
              updatedAt: dossierSchema.properties.updatedAt,
            },
          },
        },
      },
    },
    async (request) => dossiers.status(callerOf(request), request.params.id),
  );

  app.get<Id>(
    '/dossiers/:id',
    {
      onRequest: read,
      schema: {
        summary: 'Chi tiết hồ sơ, tài liệu và đánh giá / A dossier with its documents and rating',
        tags: ['dossiers'],
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              ...dossierSchema.properties,
              attachments: { type: 'array', items: attachmentSchema },
              rating: ratingSchema,
            },
          },
        },
      },
    },
    async (request) => {
      const dossier = await dossiers.visible(callerOf(request), request.params.id);
      const attachments = await dossiers.attachments(dossier.id);
      return {
        ...present(dossier),
        rating: await app.services.ratings.of(dossier.id),
        attachments: attachments.map((a) => ({
          id: a.id,
          documentKey: a.document_key,
          fileName: a.file_name,
          contentType: a.content_type,
          sizeBytes: Number(a.size_bytes),
          sha256: a.sha256,
          createdAt: a.created_at,
        })),
      };
    },
  );

  app.get<Id>(
    '/dossiers/:id/events',
    {
      onRequest: read,
      schema: {
        summary: 'Quá trình xử lý hồ sơ / The dossier’s timeline',
        tags: ['dossiers'],
        params: idParams,
        response: { 200: { type: 'array', items: eventSchema } },
      },
    },
    async (request) =>
      (await dossiers.events(callerOf(request), request.params.id)).map((e) => ({
        seq: e.seq,
        at: e.at,
        actorId: e.actor_id,
        actorRole: e.actor_role,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        reason: e.reason,
        elementId: e.element_id,
        changes: e.changes,
      })),
  );
};

export default dossiersRoutes;
