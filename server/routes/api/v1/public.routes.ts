// /api/v1/public: no sign-in. Dossier lookup by code and applicant, and
// verification of a result document by its number; both rate-limited per
// client address, so that codes and numbers cannot be tried in bulk.
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { DOSSIER_STATUSES } from '../../../domain/dossier-lifecycle.machine.js';

/** Requests per client address and minute, over both routes. */
export const PUBLIC_LOOKUPS_PER_MINUTE = 20;

const message = {
  type: 'object',
  properties: { vi: { type: 'string' }, en: { type: 'string' } },
} as const;
const named = {
  type: 'object',
  properties: { code: { type: 'string' }, name: message },
} as const;
const dateTime = { type: ['string', 'null'], format: 'date-time' } as const;

const lookupQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'applicant'],
  properties: {
    code: { type: 'string', minLength: 1, maxLength: 80 },
    // The applicant's phone number, citizen ID or tax code.
    applicant: { type: 'string', minLength: 1, maxLength: 30 },
  },
} as const;
const lookupResponse = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    procedure: named,
    agency: named,
    status: { type: 'string', enum: [...DOSSIER_STATUSES] },
    statusCode: { type: ['integer', 'null'] },
    statusLabel: message,
    submittedAt: dateTime,
    appointmentAt: dateTime,
    returnedAt: dateTime,
  },
} as const;
const numberParams = {
  type: 'object',
  required: ['number'],
  properties: { number: { type: 'string', minLength: 1, maxLength: 120 } },
} as const;
const resultResponse = {
  type: 'object',
  properties: {
    number: { type: 'string' },
    issuedAt: { type: 'string', format: 'date-time' },
    signer: { type: 'string' },
    approved: { type: 'boolean' },
    procedure: named,
    agency: named,
    dossierCode: { type: ['string', 'null'] },
    applicantName: { type: 'string' },
  },
} as const;

const publicRoutes: FastifyPluginAsync = async (app) => {
  const { publicLookup } = app.services;
  await app.register(rateLimit, {
    max: PUBLIC_LOOKUPS_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.ip,
  });

  app.get<{ Querystring: FromSchema<typeof lookupQuery> }>(
    '/public/dossiers/lookup',
    {
      schema: {
        summary:
          'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số điện thoại, số định danh hoặc mã số thuế / Look up a dossier by its code and the applicant’s phone, citizen ID or tax code',
        tags: ['public'],
        querystring: lookupQuery,
        response: { 200: lookupResponse },
      },
    },
    (request) => publicLookup.dossier(request.query.code, request.query.applicant),
  );

  app.get<{ Params: FromSchema<typeof numberParams> }>(
    '/public/results/:number',
    {
      schema: {
        summary:
          'Xác thực kết quả giải quyết theo số (số có "/" viết là %2F) / Verify a result document by its number ("/" written as %2F)',
        tags: ['public'],
        params: numberParams,
        response: { 200: resultResponse },
      },
    },
    (request) => publicLookup.result(request.params.number),
  );
};

export default publicRoutes;
