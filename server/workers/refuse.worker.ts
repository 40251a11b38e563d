// dossier.refuse: not received (status 3), with the reasons (Mẫu 03).
import { defineWorker } from './worker-kit.js';
import { dossierVariables, issueForm, jobDossier, step, tellApplicant } from './dossier-steps.js';

export default defineWorker<{ dossierId: string; refusalReasons?: string | string[] }>({
  type: 'dossier.refuse',
  variables: {
    ...dossierVariables,
    required: ['dossierId', 'refusalReasons'],
    properties: {
      ...dossierVariables.properties,
      refusalReasons: {
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', minItems: 1, items: { type: 'string' } },
        ],
      },
    },
  },
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const reasons = ([] as string[]).concat(job.variables.refusalReasons ?? []).join('; ');
    const now = ctx.clock.now();
    step(trx, dossier, 'REFUSE', job, ctx, { reason: reasons });
    issueForm(trx, dossier.id, '03', now, { reasons });
    tellApplicant(trx, ctx, dossier, 'dossier.refused', { reasons });
    return {};
  },
});
