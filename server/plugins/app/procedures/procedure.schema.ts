// One schema for a procedure definition: it validates the catalogue files in
// processes/, the analysts' API payloads, and documents the API.
import type { FromSchema } from 'json-schema-to-ts';

const text = { type: 'string', minLength: 1, maxLength: 2000 } as const;
export const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['vi', 'en'],
  properties: { vi: text, en: text },
} as const;

export const procedureDefinitionSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'code',
    'name',
    'agencyCode',
    'field',
    'processingTime',
    'fees',
    'documents',
    'resultType',
    'form',
    'bpmnProcessId',
  ],
  properties: {
    // Mã thủ tục on the national database, e.g. 1.004228.
    code: { type: 'string', pattern: '^[0-9]\\.[0-9]{6}$' },
    name: localized,
    agencyCode: { type: 'string', minLength: 3, maxLength: 40 },
    field: localized,
    // toàn trình (fully online) or một phần (partly online).
    mode: { type: 'string', enum: ['full', 'partial'] },
    // Older catalogues give the service level instead: 4 fully online, 3 partly.
    level: { type: 'integer', enum: [3, 4] },
    processingTime: {
      type: 'object',
      additionalProperties: false,
      required: ['amount', 'unit'],
      properties: {
        amount: { type: 'number', minimum: 0, maximum: 3650 },
        unit: { type: 'string', enum: ['working_days', 'working_hours', 'calendar_days'] },
      },
    },
    fees: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind', 'amountVnd'],
        properties: {
          name: localized,
          // phí (service fee) or lệ phí (state charge).
          kind: { type: 'string', enum: ['phi', 'le_phi'] },
          amountVnd: { type: 'integer', minimum: 0 },
        },
      },
    },
    documents: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'name', 'required', 'acceptedTypes', 'maxSizeMb'],
        properties: {
          key: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' },
          name: localized,
          required: { type: 'boolean' },
          acceptedTypes: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'string',
              enum: ['application/pdf', 'image/jpeg', 'image/png', 'application/zip'],
            },
          },
          maxSizeMb: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
          signatureRequired: { type: 'boolean', default: false },
          copies: { type: 'integer', minimum: 1, maximum: 20, default: 1 },
        },
      },
    },
    resultType: localized,
    form: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'version'],
      properties: {
        id: { type: 'string', minLength: 1 },
        version: { type: 'integer', minimum: 1 },
      },
    },
    bpmnProcessId: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' },
    description: localized,
    whereToApply: localized,
  },
  oneOf: [{ required: ['mode'] }, { required: ['level'] }],
} as const;

export type ProcedureDefinition = FromSchema<typeof procedureDefinitionSchema>;

export type StoredProcedure = Omit<ProcedureDefinition, 'level'> & { mode: 'full' | 'partial' };

/** The stored form: the legacy level mapped to a mode (4 → full, 3 → partial). */
export function normalizeProcedure(definition: ProcedureDefinition): StoredProcedure {
  const { level, ...rest } = definition;
  const mode = rest.mode ?? (level === 4 ? 'full' : 'partial');
  return { ...rest, mode };
}
