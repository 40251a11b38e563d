// What anyone may ask without signing in: a dossier's progress, given its
// code and one identifier of its applicant (a wrong code and a wrong
// applicant look the same, so codes cannot be enumerated), and whether a
// result document with a given number was issued (the applicant's name
// partly masked).
import type { Knex } from 'knex';
import { statusOf } from '../../../domain/dossier-lifecycle.machine.js';
import { AppError } from '../../../errors.js';
import { dossierSummary, type DossierSummary } from '../dossiers/dossier-summary.js';
import type { ResultRow } from '../dossiers/result.service.js';

/** Spaces and dots dropped; a phone number with +84 written with its leading 0. */
function normalise(identifier: string): string {
  const compact = identifier.replace(/[\s.]/g, '');
  return compact.startsWith('+84') ? `0${compact.slice(3)}` : compact;
}

function isApplicant(summary: DossierSummary, identifier: string): boolean {
  const given = normalise(identifier);
  return [summary.applicant.phone, summary.applicant.citizenId, summary.applicant.taxCode].some(
    (known) => known !== null && normalise(known) === given,
  );
}

/** Each word keeps its first letter: "Nguyễn Văn An" → "N***** V** A*". */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const letters = Array.from(word);
      return letters[0] + '*'.repeat(letters.length - 1);
    })
    .join(' ');
}

export function createPublicLookupService(deps: { db: Knex }) {
  const { db } = deps;
  return {
    async dossier(code: string, applicant: string) {
      const summary = await dossierSummary(db, { code: code.trim() });
      if (!summary || summary.status === 'draft' || !isApplicant(summary, applicant)) {
        throw new AppError('DOSSIER_LOOKUP_FAILED');
      }
      const returned = await db('dossier_events')
        .where({ dossier_id: summary.id, to_status: 'result_returned' })
        .whereRaw('from_status is distinct from to_status')
        .orderBy('seq', 'desc')
        .first<{ at: Date } | undefined>('at');
      return {
        code: summary.code!,
        procedure: summary.procedure,
        agency: summary.agency,
        ...statusOf(summary.status),
        submittedAt: summary.submittedAt,
        appointmentAt: summary.appointmentAt,
        returnedAt: returned?.at ?? null,
      };
    },

    async result(number: string) {
      const result = await db<ResultRow>('dossier_results').where({ number }).first();
      const summary = result && (await dossierSummary(db, { id: result.dossier_id }));
      if (!result || !summary) throw new AppError('RESULT_NOT_FOUND');
      return {
        number: result.number,
        issuedAt: result.issued_at,
        signer: result.signer,
        approved: result.approved,
        procedure: summary.procedure,
        agency: summary.agency,
        dossierCode: summary.code,
        applicantName: maskName(summary.applicant.name),
      };
    },
  };
}

export type PublicLookupService = ReturnType<typeof createPublicLookupService>;
