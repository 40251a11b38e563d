// dossier.check-completeness: the form valid and every required document of
// the procedure version present. Outputs `complete` and what is `missing`.
// The first job of a process also records the process instance key.
import { defineWorker } from './worker-kit.js';
import { dossierVariables, jobDossier } from './dossier-steps.js';

export default defineWorker<{ dossierId: string }>({
  type: 'dossier.check-completeness',
  variables: dossierVariables,
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const problems = await ctx.services.dossiers.checkCompleteness(trx, dossier);
    return {
      complete: problems.length === 0,
      missing: problems.map((p) => ({ key: p.path, name: p.message.vi, reason: p.message.en })),
    };
  },
});
