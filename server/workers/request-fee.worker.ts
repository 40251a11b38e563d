// dossier.request-fee: fees due (status 6) with the procedure version's
// amounts; the process then waits for `fee-paid`, published when a cashier
// records a counter payment.
import { defineWorker } from './worker-kit.js';
import { dossierVariables, jobDossier, step, tellApplicant } from './dossier-steps.js';

export default defineWorker<{ dossierId: string }>({
  type: 'dossier.request-fee',
  variables: dossierVariables,
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const procedure = await ctx.services.procedures.filedVersion(dossier.procedure_id, trx);
    const total = procedure.fees.reduce((sum, fee) => sum + fee.amountVnd, 0);
    const due = {
      items: procedure.fees,
      totalVnd: total,
      requestedAt: ctx.clock.now().toISOString(),
    };
    step(trx, dossier, 'REQUEST_FEE', job, ctx, { columns: { fees_due: due } });
    tellApplicant(trx, ctx, dossier, 'dossier.fee-requested', {
      amount: new Intl.NumberFormat('vi-VN').format(total),
    });
    return { feeAmountVnd: total };
  },
});
