// dossier.supplement-expired: a supplement never answered ends the dossier at
// its deadline (not received: status 3; in processing: stopped, status 8).
import { defineWorker } from './worker-kit.js';
import { dossierVariables, jobDossier, step, tellApplicant } from './dossier-steps.js';

export default defineWorker<{ dossierId: string }>({
  type: 'dossier.supplement-expired',
  variables: dossierVariables,
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const ended = step(trx, dossier, 'SUPPLEMENT_EXPIRED', job, ctx, {
      reason: 'Quá hạn bổ sung hồ sơ / supplement deadline passed',
      columns: { paused_at: null },
    });
    tellApplicant(trx, ctx, dossier, 'dossier.supplement-expired', {});
    return { finalStatus: ended.status };
  },
});
