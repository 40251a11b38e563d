// Result documents: issued by the dossier.issue-result worker (the record and
// a generated document in file storage) and downloaded by the applicant or
// the agency.
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { AppError } from '../../../errors.js';
import type { FileStorage } from '../../external/file-storage.js';
import { dossierSummary } from './dossier-summary.js';
import {
  RESULT_CONTENT_TYPE,
  resultDocumentHtml,
  resultFileName,
  type ResultDocument,
} from './result-document.js';

export interface ResultRow {
  id: string;
  dossier_id: string;
  number: string;
  issued_at: Date;
  signer: string;
  approved: boolean;
  storage_key: string | null;
  file_name: string | null;
  content_type: string | null;
}

export function createResultService(deps: { db: Knex; files: FileStorage; publicUrl: string }) {
  const { db, files } = deps;
  return {
    /**
     * Records the result and stores its document, in the worker's transaction.
     * Should the transaction roll back, the stored file is left unreferenced.
     */
    async issue(
      trx: Knex.Transaction,
      dossierId: string,
      result: ResultDocument,
    ): Promise<ResultRow> {
      const dossier = await dossierSummary(trx, { id: dossierId });
      if (!dossier) throw new Error(`dossier ${dossierId} does not exist`);
      const html = resultDocumentHtml(result, dossier, deps.publicUrl);
      const key = await files.put(Readable.from([Buffer.from(html, 'utf8')]));
      const [row] = await trx<ResultRow>('dossier_results')
        .insert({
          dossier_id: dossierId,
          number: result.number,
          issued_at: result.issuedAt,
          signer: result.signer,
          approved: result.approved,
          storage_key: key,
          file_name: resultFileName(result.number),
          content_type: RESULT_CONTENT_TYPE,
        })
        .returning('*');
      return row!;
    },

    /** The dossier's latest result document with its content; 404 when none is stored yet. */
    async download(dossierId: string) {
      const row = await db<ResultRow>('dossier_results')
        .where('dossier_id', dossierId)
        .whereNotNull('storage_key')
        .orderBy('issued_at', 'desc')
        .first();
      if (!row) {
        throw new AppError('RESULT_NOT_FOUND', [], {
          vi: 'Hồ sơ chưa có kết quả giải quyết để tải về.',
          en: 'The dossier has no result document to download yet.',
        });
      }
      return {
        fileName: row.file_name ?? resultFileName(row.number),
        contentType: row.content_type ?? 'application/octet-stream',
        stream: files.get(row.storage_key!),
      };
    },
  };
}

export type ResultService = ReturnType<typeof createResultService>;
