// dossier.receive: the dossier is received as complete (status 2): the
// appointment date from the working-day calendar, the receipt (Mẫu 01).
import { defineWorker } from './worker-kit.js';
import { dossierVariables, issueForm, jobDossier, step, tellApplicant } from './dossier-steps.js';

export default defineWorker<{ dossierId: string }>({
  type: 'dossier.receive',
  variables: dossierVariables,
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const procedure = await ctx.services.procedures.filedVersion(dossier.procedure_id, trx);
    const now = ctx.clock.now();
    const appointmentAt = ctx.calendar().appointmentDate(now, procedure.processingTime);
    step(trx, dossier, 'RECEIVE', job, ctx, {
      columns: { received_at: now, appointment_at: appointmentAt },
    });
    const receiptNumber = dossier.code ?? dossier.id;
    issueForm(trx, dossier.id, '01', now, {
      receiptNumber,
      receivedAt: now.toISOString(),
      appointmentAt: appointmentAt.toISOString(),
      procedure: procedure.name,
    });
    tellApplicant(trx, ctx, dossier, 'dossier.received', {
      appointmentAt: appointmentAt.toISOString(),
    });
    return { appointmentAt: appointmentAt.toISOString(), receiptNumber };
  },
});
