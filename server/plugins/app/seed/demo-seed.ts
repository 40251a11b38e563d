// Seeds the demo agencies, accounts and the procedure catalogue of
// processes/. Idempotent: what exists already is left as it is.
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { hashPassword } from '../accounts/password.js';
import type { ProcedureService } from '../procedures/procedure.service.js';
import {
  DEMO_AGENCIES,
  DEMO_CITIZEN,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  DEMO_STAFF,
} from './demo-data.js';

export const PROCESSES_DIR = fileURLToPath(new URL('../../../../processes', import.meta.url));

export interface DemoAccount {
  email: string;
  role: string;
}

async function ensureAgencies(trx: Knex.Transaction): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const agency of DEMO_AGENCIES) {
    await trx('agencies')
      .insert({
        code: agency.code,
        name_vi: agency.nameVi,
        name_en: agency.nameEn,
        parent_id: agency.parent ? ids.get(agency.parent) : null,
      })
      .onConflict('code')
      .ignore();
    const row = await trx('agencies').where('code', agency.code).first('id');
    const id = String(row.id);
    ids.set(agency.code, id);
    for (const unit of agency.units) {
      await trx('units')
        .insert({ agency_id: id, code: unit.code, name_vi: unit.nameVi, name_en: unit.nameEn })
        .onConflict(['agency_id', 'code'])
        .ignore();
    }
  }
  return ids;
}

async function ensureAccount(
  trx: Knex.Transaction,
  row: Record<string, unknown> & { email: string },
): Promise<void> {
  const exists = await trx('accounts').whereRaw('lower(email) = lower(?)', [row.email]).first('id');
  if (!exists) await trx('accounts').insert(row);
}

/** Seeds everything; returns the demo accounts to print (all share DEMO_PASSWORD). */
export async function seedDemo(db: Knex, procedures: ProcedureService): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const verified = { password_hash: passwordHash, status: 'active', email_verified_at: new Date() };
  await db.transaction(async (trx) => {
    const agencyIds = await ensureAgencies(trx);
    for (const staff of DEMO_STAFF) {
      const agencyId = agencyIds.get(staff.agency)!;
      const units: { id: string }[] = await trx('units')
        .where('agency_id', agencyId)
        .whereIn('code', staff.units)
        .select('id');
      await ensureAccount(trx, {
        ...verified,
        kind: 'staff',
        email: staff.email,
        full_name: staff.fullName,
        agency_id: agencyId,
        unit_ids: units.map((u) => u.id),
        roles: staff.roles,
      });
    }
    await ensureAccount(trx, {
      ...verified,
      kind: 'citizen',
      email: DEMO_CITIZEN.email,
      full_name: DEMO_CITIZEN.fullName,
      citizen_id: DEMO_CITIZEN.citizenId,
      date_of_birth: DEMO_CITIZEN.dateOfBirth,
      phone: DEMO_CITIZEN.phone,
      address: DEMO_CITIZEN.address,
    });
    await ensureAccount(trx, {
      ...verified,
      kind: 'organisation',
      email: DEMO_ORGANISATION.email,
      full_name: DEMO_ORGANISATION.representative,
      organisation_name: DEMO_ORGANISATION.organisationName,
      tax_code: DEMO_ORGANISATION.taxCode,
      representative: DEMO_ORGANISATION.representative,
      phone: DEMO_ORGANISATION.phone,
      address: DEMO_ORGANISATION.address,
    });
  });
  await procedures.seedFromDirectory(PROCESSES_DIR);
  return [
    { email: DEMO_CITIZEN.email, role: 'citizen' },
    { email: DEMO_ORGANISATION.email, role: 'organisation' },
    ...DEMO_STAFF.map((s) => ({ email: s.email, role: s.roles.join(', ') })),
  ];
}
