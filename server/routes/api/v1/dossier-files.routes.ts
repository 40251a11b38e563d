// /api/v1/dossiers/:id/result and /attachments/:attachmentId: the files of a
// dossier, for whoever may read it (another applicant's or another agency's
// dossier is a 404). Served with their stored type and never sniffed; shown
// inline only in a sandbox, so an uploaded HTML or SVG runs no script.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Readable } from 'node:stream';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;
const attachmentParams = {
  type: 'object',
  required: ['id', 'attachmentId'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    attachmentId: { type: 'string', format: 'uuid' },
  },
} as const;
const dispositionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { disposition: { type: 'string', enum: ['inline', 'attachment'] } },
} as const;
const fileResponse = {
  200: {
    description: 'the file',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  },
} as const;

/** RFC 6266: an ASCII fallback name (Vietnamese without its marks) and the UTF-8 name. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

function sendFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; size?: number; stream: Readable },
  kind: 'inline' | 'attachment',
) {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(kind, file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, no-cache');
  if (file.size !== undefined) reply.header('content-length', file.size);
  return reply.send(file.stream);
}

const dossierFilesRoutes: FastifyPluginAsync = async (app) => {
  const { dossiers, results } = app.services;
  const read = app.requirePermission('dossiers.read');

  app.delete<{ Params: FromSchema<typeof attachmentParams> }>(
    '/dossiers/:id/attachments/:attachmentId',
    {
      onRequest: app.requirePermission('dossiers.file'),
      schema: {
        summary: 'Gỡ tệp khỏi hồ sơ nháp / Take a file out of a draft',
        tags: ['dossiers'],
        params: attachmentParams,
        response: { 204: { type: 'null' } },
      },
    },
    async (request, reply) => {
      await dossiers.removeAttachment(
        callerOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply.status(204).send();
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/dossiers/:id/result',
    {
      onRequest: read,
      schema: {
        summary: 'Tải kết quả giải quyết / Download the result document',
        tags: ['dossiers'],
        params: idParams,
        produces: ['text/html', 'application/octet-stream'],
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const dossier = await dossiers.visible(callerOf(request), request.params.id);
      return sendFile(reply, await results.download(dossier.id), 'attachment');
    },
  );

  app.get<{
    Params: FromSchema<typeof attachmentParams>;
    Querystring: FromSchema<typeof dispositionQuery>;
  }>(
    '/dossiers/:id/attachments/:attachmentId',
    {
      onRequest: read,
      schema: {
        summary:
          'Tải về hoặc xem thành phần hồ sơ (?disposition=inline để xem) / Download or preview a document (?disposition=inline to preview)',
        tags: ['dossiers'],
        params: attachmentParams,
        querystring: dispositionQuery,
        produces: ['application/octet-stream'],
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { row, stream } = await dossiers.attachmentFile(
        callerOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      return sendFile(
        reply,
        {
          fileName: row.file_name,
          contentType: row.content_type,
          size: Number(row.size_bytes),
          stream,
        },
        request.query.disposition ?? 'attachment',
      );
    },
  );
};

export default dossierFilesRoutes;
