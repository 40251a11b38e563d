// dossier.issue-result: processed (status 9): the result document on record
// (number, date, signer) and stored as a file, approved or a reasoned
// refusal; applicant told.
import { defineWorker } from './worker-kit.js';
import { dossierVariables, jobDossier, step, tellApplicant } from './dossier-steps.js';

export default defineWorker<{ dossierId: string; approvalDecision?: string }>({
  type: 'dossier.issue-result',
  variables: {
    ...dossierVariables,
    properties: { ...dossierVariables.properties, approvalDecision: { type: ['string', 'null'] } },
  },
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const now = ctx.clock.now();
    const approved = job.variables.approvalDecision !== 'refuse';
    const resultNumber = `${dossier.code ?? dossier.id}/${approved ? 'GP' : 'TB'}`;
    step(trx, dossier, 'ISSUE_RESULT', job, ctx, {
      reason: approved ? null : 'Từ chối giải quyết / refused on the merits',
    });
    await ctx.services.results.issue(trx, dossier.id, {
      number: resultNumber,
      issuedAt: now,
      signer: job.headers.signer ?? 'Lãnh đạo cơ quan / agency leader',
      approved,
    });
    tellApplicant(trx, ctx, dossier, 'dossier.result-issued', { resultNumber });
    return { resultNumber };
  },
});
