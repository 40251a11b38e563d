// dossier.apologize: before a dossier goes late, the processing unit issues
// an apology and a new appointment date (Mẫu 04); the applicant is told.
import { appendEventStatement } from '../plugins/app/audit/dossier-audit.js';
import { updateByIdStatement } from '../plugins/external/pipelined-transaction.js';
import { defineWorker } from './worker-kit.js';
import { dossierVariables, issueForm, jobDossier, tellApplicant } from './dossier-steps.js';

const DEFAULT_EXTRA_WORKING_DAYS = 5;

export default defineWorker<{ dossierId: string }>({
  type: 'dossier.apologize',
  variables: dossierVariables,
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const now = ctx.clock.now();
    const previous = dossier.appointment_at ?? now;
    const extra = Number(job.headers.extraWorkingDays ?? DEFAULT_EXTRA_WORKING_DAYS);
    const appointmentAt = ctx.calendar().addWorkingDays(previous, extra);
    trx.later(
      updateByIdStatement('dossiers', dossier.id, {
        appointment_at: appointmentAt,
        updated_at: now,
      }),
    );
    trx.later(
      appendEventStatement({
        dossierId: dossier.id,
        at: now,
        actorId: null,
        actorRole: 'system',
        action: 'APOLOGIZE',
        fromStatus: dossier.status,
        toStatus: dossier.status,
        reason: job.headers.reason ?? null,
        elementId: job.elementId,
        changes: {
          appointment_at: { old: previous.toISOString(), new: appointmentAt.toISOString() },
        },
      }),
    );
    issueForm(trx, dossier.id, '04', now, {
      previousAppointmentAt: previous.toISOString(),
      appointmentAt: appointmentAt.toISOString(),
    });
    tellApplicant(trx, ctx, dossier, 'dossier.apology', {
      appointmentAt: appointmentAt.toISOString(),
    });
    return { appointmentAt: appointmentAt.toISOString() };
  },
});
