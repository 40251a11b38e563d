// Drafts of the groundwater licence ready to submit, with their documents on
// record, written straight to the database: the benchmarks measure submitting
// and processing, not filling in forms.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { groundwaterPayload } from '../unit/forms/form-fixtures.js';

const BLOCK = 1000;

export async function prepareDrafts(
  db: Knex,
  applicantEmail: string,
  count: number,
): Promise<string[]> {
  const citizen = await db('accounts').where('email', applicantEmail).first('id');
  const procedure = await db('procedures')
    .where({ code: '1.004228', status: 'published' })
    .first('id', 'agency_id');
  process.stdout.write(`preparing ${count} drafts...\n`);
  const ids: string[] = [];
  for (let start = 0; start < count; start += BLOCK) {
    const drafts = Array.from({ length: Math.min(BLOCK, count - start) }, () => ({
      id: randomUUID(),
      procedure_id: procedure.id,
      agency_id: procedure.agency_id,
      applicant_id: citizen.id,
      channel: 2,
      status: 'draft',
      form_data: groundwaterPayload(),
      created_by: citizen.id,
    }));
    await db.batchInsert('dossiers', drafts, 500);
    const documents = drafts.flatMap((d) =>
      ['application', 'exploration-plan'].map((key) => ({
        dossier_id: d.id,
        document_key: key,
        file_name: `${key}.pdf`,
        content_type: 'application/pdf',
        size_bytes: 1000,
        sha256: '0'.repeat(64),
        storage_key: randomUUID(),
        uploaded_by: citizen.id,
      })),
    );
    await db.batchInsert('attachments', documents, BLOCK);
    ids.push(...drafts.map((d) => d.id));
  }
  return ids;
}
