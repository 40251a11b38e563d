// The applicant rates the service once the result is returned (status 10),
// once per dossier; the rating is part of the audit trail.
import type { Knex } from 'knex';
import { AppError } from '../../../errors.js';
import type { Caller } from '../access/access-rules.js';
import { appendDossierEvent } from '../audit/dossier-audit.js';
import { lockDossier } from './dossier-transitions.js';
import type { DossierService } from './dossier.service.js';

interface RatingRow {
  dossier_id: string;
  rated_by: string;
  score: number;
  comment: string | null;
  rated_at: Date;
}

const present = (r: RatingRow) => ({ score: r.score, comment: r.comment, ratedAt: r.rated_at });

export function createDossierRatingService(deps: {
  db: Knex;
  clock: { now(): Date };
  dossiers: DossierService;
}) {
  const { db, clock, dossiers } = deps;
  return {
    async of(dossierId: string) {
      const row = await db<RatingRow>('dossier_ratings').where('dossier_id', dossierId).first();
      return row ? present(row) : null;
    },

    async rate(caller: Caller, id: string, input: { score: number; comment?: string }) {
      return db.transaction(async (trx) => {
        const seen = await dossiers.visible(caller, id, trx);
        if (seen.applicant_id !== caller.id) throw new AppError('FORBIDDEN');
        const dossier = (await lockDossier(trx, id))!;
        if (await trx('dossier_ratings').where('dossier_id', id).first('dossier_id')) {
          throw new AppError('ALREADY_RATED');
        }
        if (dossier.status !== 'result_returned') {
          throw new AppError('INVALID_TRANSITION', [], {
            vi: 'Chỉ đánh giá được hồ sơ đã trả kết quả.',
            en: 'A dossier can be rated once its result is returned.',
          });
        }
        const now = clock.now();
        const comment = input.comment?.trim() || null;
        const [row] = await trx<RatingRow>('dossier_ratings')
          .insert({
            dossier_id: id,
            rated_by: caller.id,
            score: input.score,
            comment,
            rated_at: now,
          })
          .returning('*');
        await appendDossierEvent(trx, {
          dossierId: id,
          at: now,
          actorId: caller.id,
          actorRole: caller.roles[0] ?? null,
          action: 'RATE',
          fromStatus: dossier.status,
          toStatus: dossier.status,
          reason: null,
          elementId: null,
          changes: {
            'rating.score': { old: null, new: input.score },
            'rating.comment': { old: null, new: comment },
          },
        });
        return present(row!);
      });
    },
  };
}

export type DossierRatingService = ReturnType<typeof createDossierRatingService>;
