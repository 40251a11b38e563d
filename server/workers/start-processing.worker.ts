// dossier.start-processing: handed to the processing unit (status 4).
import { defineWorker } from './worker-kit.js';
import { dossierVariables, jobDossier, step } from './dossier-steps.js';

export default defineWorker<{ dossierId: string }>({
  type: 'dossier.start-processing',
  variables: dossierVariables,
  async run(trx, job, ctx) {
    step(trx, await jobDossier(trx, job), 'START_PROCESSING', job, ctx);
    return {};
  },
});
