// A dossier with the names people read on a result or a public page: the
// procedure, the agency and the applicant.
import type { Knex } from 'knex';
import type { DossierStatus } from '../../../domain/dossier-lifecycle.machine.js';
import type { Message } from '../../../errors.js';

export interface DossierSummary {
  id: string;
  code: string | null;
  status: DossierStatus;
  submittedAt: Date | null;
  appointmentAt: Date | null;
  procedure: { code: string; name: Message };
  agency: { code: string; name: Message };
  applicant: {
    /** The organisation's name, or the person's. */
    name: string;
    phone: string | null;
    citizenId: string | null;
    taxCode: string | null;
  };
}

interface Row {
  id: string;
  code: string | null;
  status: DossierStatus;
  submitted_at: Date | null;
  appointment_at: Date | null;
  procedure_code: string;
  procedure_name: Message;
  agency_code: string;
  agency_name_vi: string;
  agency_name_en: string;
  full_name: string;
  organisation_name: string | null;
  phone: string | null;
  citizen_id: string | null;
  tax_code: string | null;
}

export async function dossierSummary(
  db: Knex | Knex.Transaction,
  where: { id: string } | { code: string },
): Promise<DossierSummary | undefined> {
  const row = await db('dossiers as d')
    .join('procedures as p', 'p.id', 'd.procedure_id')
    .join('agencies as g', 'g.id', 'd.agency_id')
    .join('accounts as a', 'a.id', 'd.applicant_id')
    .where('id' in where ? { 'd.id': where.id } : { 'd.code': where.code })
    .first<Row | undefined>(
      'd.id',
      'd.code',
      'd.status',
      'd.submitted_at',
      'd.appointment_at',
      'p.code as procedure_code',
      db.raw("p.definition->'name' as procedure_name"),
      'g.code as agency_code',
      'g.name_vi as agency_name_vi',
      'g.name_en as agency_name_en',
      'a.full_name',
      'a.organisation_name',
      'a.phone',
      'a.citizen_id',
      'a.tax_code',
    );
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    submittedAt: row.submitted_at,
    appointmentAt: row.appointment_at,
    procedure: { code: row.procedure_code, name: row.procedure_name },
    agency: { code: row.agency_code, name: { vi: row.agency_name_vi, en: row.agency_name_en } },
    applicant: {
      name: row.organisation_name ?? row.full_name,
      phone: row.phone,
      citizenId: row.citizen_id,
      taxCode: row.tax_code,
    },
  };
}
