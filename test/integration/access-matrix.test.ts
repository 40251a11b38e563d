// Authorization as a matrix: every guarded route × every role. The
// expectations are written out here, not derived from the rule table, so a
// change of the table that was not meant shows up as a failure.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { build } from '../support/build.js';
import { login } from '../support/sessions.js';

const ACCOUNTS: Record<string, string | null> = {
  anonymous: null,
  citizen: 'congdan@demo.motcua.vn',
  organisation: 'doanhnghiep@demo.motcua.vn',
  reception: 'motcua@demo.motcua.vn',
  specialist: 'chuyenvien@demo.motcua.vn',
  head_of_unit: 'truongphong@demo.motcua.vn',
  leader: 'lanhdao@demo.motcua.vn',
  cashier: 'thuphi@demo.motcua.vn',
  analyst: 'phantich@demo.motcua.vn',
  auditor: 'kiemtra@demo.motcua.vn',
  operator: 'vanhanh@demo.motcua.vn',
  admin: 'quantri@demo.motcua.vn',
};
const EVERYONE = Object.keys(ACCOUNTS).filter((r) => r !== 'anonymous');

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  payload?: object;
  allowed: string[];
}

const procedureDraft = {
  code: '9.999999',
  name: { vi: 'Thủ tục thử', en: 'Test procedure' },
  agencyCode: '000.00.99.XXX',
  field: { vi: 'Thử', en: 'Test' },
  mode: 'full',
  processingTime: { amount: 1, unit: 'working_days' },
  fees: [],
  documents: [],
  resultType: { vi: 'Kết quả', en: 'Result' },
  form: { id: 'groundwater-exploration-licence', version: 1 },
  bpmnProcessId: 'test',
};

const CASES: Case[] = [
  { name: 'my account', method: 'GET', url: '/api/v1/me', allowed: EVERYONE },
  {
    name: 'change my account',
    method: 'PATCH',
    url: '/api/v1/me',
    payload: { address: 'Hà Nội' },
    allowed: EVERYONE,
  },
  {
    name: 'organisations waiting for review',
    method: 'GET',
    url: '/api/v1/accounts/organisations/pending',
    allowed: ['reception', 'operator', 'admin'],
  },
  {
    name: 'moderate an account',
    method: 'PUT',
    url: `/api/v1/accounts/${randomUUID()}/status`,
    payload: { status: 'suspended' },
    allowed: ['operator', 'admin'],
  },
  {
    name: 'create staff',
    method: 'POST',
    url: '/api/v1/accounts/staff',
    payload: {
      fullName: 'X',
      email: 'x@demo.motcua.vn',
      password: 'mat-khau-can-bo',
      agencyId: randomUUID(),
      roles: ['specialist'],
    },
    allowed: ['admin'],
  },
  {
    name: 'add an agency',
    method: 'POST',
    url: '/api/v1/agencies',
    payload: { code: '000.00.12.G12', nameVi: 'Trùng', nameEn: 'Duplicate' },
    allowed: ['admin'],
  },
  {
    name: 'holiday table',
    method: 'PUT',
    url: '/api/v1/calendar/2199',
    payload: [],
    allowed: ['operator', 'admin'],
  },
  {
    name: 'draft a procedure',
    method: 'POST',
    url: '/api/v1/procedures',
    payload: procedureDraft,
    allowed: ['analyst', 'admin'],
  },
  {
    name: 'procedure versions',
    method: 'GET',
    url: '/api/v1/procedures/1.004228/versions',
    allowed: ['analyst', 'admin'],
  },
  {
    name: 'kept notifications',
    method: 'GET',
    url: '/api/v1/notifications',
    allowed: ['operator', 'admin'],
  },
  {
    name: 'audit verify',
    method: 'GET',
    url: '/api/v1/audit/verify',
    allowed: ['auditor', 'operator', 'admin'],
  },
  {
    name: 'counter intake',
    method: 'POST',
    url: '/api/v1/dossiers/intake',
    payload: { procedureCode: '9.999999', channel: 1, applicant: '001095000001', formData: {} },
    allowed: ['reception'],
  },
  {
    name: 'file a dossier',
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: { procedureCode: '9.999999' },
    allowed: ['citizen', 'organisation'],
  },
  {
    name: 'list dossiers',
    method: 'GET',
    url: '/api/v1/dossiers',
    allowed: [
      'citizen',
      'organisation',
      'reception',
      'specialist',
      'head_of_unit',
      'leader',
      'cashier',
      'auditor',
      'operator',
      'admin',
    ],
  },
];

describe('authorization matrix (route × role)', () => {
  let app: FastifyInstance;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    for (const [role, email] of Object.entries(ACCOUNTS)) {
      if (email) cookies.set(role, (await login(app, email)).cookie);
    }
  });
  afterAll(() => app.close());

  for (const c of CASES) {
    it(`${c.method} ${c.name}`, async () => {
      const outcome: Record<string, string> = {};
      for (const role of Object.keys(ACCOUNTS)) {
        const cookie = cookies.get(role);
        const res = await app.inject({
          method: c.method,
          url: c.url,
          payload: c.payload,
          headers: cookie ? { cookie } : {},
        });
        outcome[role] =
          res.statusCode === 401
            ? 'unauthenticated'
            : res.statusCode === 403
              ? 'forbidden'
              : 'allowed';
      }
      const expected = Object.fromEntries(
        Object.keys(ACCOUNTS).map((role) => [
          role,
          role === 'anonymous'
            ? 'unauthenticated'
            : c.allowed.includes(role)
              ? 'allowed'
              : 'forbidden',
        ]),
      );
      expect(outcome).toEqual(expected);
    });
  }

  it('public routes answer without an account', async () => {
    for (const url of [
      '/api/v1/procedures',
      '/api/v1/procedures/1.004228',
      '/api/v1/agencies',
      '/api/v1/calendar/2026',
      '/api/v1/forms',
    ]) {
      expect((await app.inject(url)).statusCode, url).toBe(200);
    }
  });
});
