// The account as the API shows it (publicAccount): never a hash or a counter.
const nullableString = { type: ['string', 'null'] } as const;

export const accountSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ['citizen', 'organisation', 'staff'] },
    email: { type: 'string' },
    status: { type: 'string' },
    fullName: { type: 'string' },
    citizenId: nullableString,
    dateOfBirth: nullableString,
    phone: nullableString,
    address: nullableString,
    organisationName: nullableString,
    taxCode: nullableString,
    representative: nullableString,
    agencyId: nullableString,
    unitIds: { type: 'array', items: { type: 'string' } },
    roles: { type: 'array', items: { type: 'string' } },
    reviewDueAt: { type: ['string', 'null'], format: 'date-time' },
    reviewReasons: nullableString,
  },
} as const;
