// dossier.request-supplement: status 5 with exactly what is missing and why
// (Mẫu 02); the SLA clock pauses until the applicant supplements. Outputs
// the deadline the process waits for with its timer.
import { defineWorker } from './worker-kit.js';
import { dossierVariables, issueForm, jobDossier, step, tellApplicant } from './dossier-steps.js';

const DEFAULT_DEADLINE_DAYS = 30;

/** An item as the reception officer's form gives it, or as the completeness check found it. */
interface Item {
  key?: string;
  name?: string;
  item?: string;
  documentCode?: string;
  reason?: string;
}

const itemName = (i: Item) => i.name ?? i.item ?? i.documentCode ?? i.key ?? '?';

export default defineWorker<{ dossierId: string; missingItems?: Item[]; missing?: Item[] }>({
  type: 'dossier.request-supplement',
  variables: {
    ...dossierVariables,
    properties: {
      ...dossierVariables.properties,
      missingItems: { type: ['array', 'null'], items: { type: 'object' } },
      missing: { type: ['array', 'null'], items: { type: 'object' } },
    },
  },
  async run(trx, job, ctx) {
    const dossier = await jobDossier(trx, job);
    const items = job.variables.missingItems?.length
      ? job.variables.missingItems
      : (job.variables.missing ?? []);
    const now = ctx.clock.now();
    const days = Number(job.headers.deadlineDays ?? DEFAULT_DEADLINE_DAYS);
    const deadline = new Date(now.getTime() + days * 86_400_000);
    const reason = items.map((i) => `${itemName(i)}${i.reason ? `: ${i.reason}` : ''}`).join('; ');
    step(trx, dossier, 'REQUEST_SUPPLEMENT', job, ctx, {
      reason,
      columns: { paused_at: now },
    });
    issueForm(trx, dossier.id, '02', now, { items, deadline: deadline.toISOString() });
    tellApplicant(trx, ctx, dossier, 'dossier.supplement-requested', {
      items: reason,
      deadline: deadline.toISOString(),
    });
    return { supplementDeadline: deadline.toISOString() };
  },
});
