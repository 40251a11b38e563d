// /api/v1/audit: auditors, operators and admins check the hash chains of the
// dossier audit trail (what `npm run audit:verify` does). Auditors check the
// dossiers of their own agency; operators and admins every dossier.
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { AppError } from '../../../errors.js';
import { dossierScope } from '../../../plugins/app/access/access-rules.js';
import { callerOf } from '../../../plugins/app/accounts/auth.plugin.js';
import {
  verifyDossierChains,
  type VerifyOptions,
} from '../../../plugins/app/audit/dossier-audit.js';

const query = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dossierId: { type: 'string', format: 'uuid', description: 'Chỉ hồ sơ này / Only this dossier' },
  },
} as const;

const verifyResult = {
  type: 'object',
  additionalProperties: false,
  required: ['checked', 'dossiers', 'broken'],
  properties: {
    checked: { type: 'integer', description: 'Số sự kiện đã đọc / Events read' },
    dossiers: { type: 'integer', description: 'Số hồ sơ đã kiểm tra / Dossiers checked' },
    broken: {
      type: 'array',
      description:
        'Mắt xích sai đầu tiên của mỗi chuỗi bị sai / The first broken link of each broken chain',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['dossierId', 'dossierCode', 'seq', 'eventId', 'reason'],
        properties: {
          dossierId: { type: 'string', format: 'uuid' },
          dossierCode: { type: ['string', 'null'] },
          seq: { type: 'integer' },
          eventId: { type: 'string' },
          reason: { type: 'string', enum: ['hash mismatch', 'prev_hash mismatch', 'sequence gap'] },
        },
      },
    },
  },
} as const;

const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FromSchema<typeof query> }>(
    '/audit/verify',
    {
      onRequest: app.requirePermission('audit.verify'),
      schema: {
        summary:
          'Kiểm tra tính toàn vẹn của nhật ký hồ sơ / Verify the hash chains of the dossier audit trail',
        tags: ['audit'],
        querystring: query,
        response: { 200: verifyResult },
      },
    },
    async (request) => {
      const scope = dossierScope(callerOf(request));
      const options: VerifyOptions = {};
      if (scope !== 'all') {
        if (scope === 'none' || !('agencyId' in scope)) throw new AppError('FORBIDDEN');
        options.agencyId = scope.agencyId;
      }
      const { dossierId } = request.query;
      if (dossierId) {
        const where: Record<string, string> = { id: dossierId };
        if (options.agencyId) where.agency_id = options.agencyId;
        const visible = await app.db('dossiers').where(where).first('id');
        // Another agency's dossier is as unknown to an auditor as a missing one.
        if (!visible) throw new AppError('NOT_FOUND');
        options.dossierId = dossierId;
      }
      return verifyDossierChains(app.db, options);
    },
  );
};

export default auditRoutes;
