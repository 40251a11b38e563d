// dossier.return-result: the result returned (status 10) by the chosen
// channel: online, postal or at the counter.
import { defineWorker } from './worker-kit.js';
import { dossierVariables, jobDossier, step, tellApplicant } from './dossier-steps.js';

const CHANNELS = ['online', 'postal', 'counter'] as const;

export default defineWorker<{ dossierId: string; resultDelivery?: string }>({
  type: 'dossier.return-result',
  variables: {
    ...dossierVariables,
    properties: { ...dossierVariables.properties, resultDelivery: { type: ['string', 'null'] } },
  },
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const wanted = job.variables.resultDelivery ?? (dossier.channel === 2 ? 'online' : 'counter');
    const channel = (CHANNELS as readonly string[]).includes(wanted) ? wanted : 'online';
    step(trx, dossier, 'RETURN_RESULT', job, ctx, { reason: `channel: ${channel}` });
    tellApplicant(trx, ctx, dossier, 'dossier.result-returned', { channel });
    return { returnedBy: channel };
  },
});
