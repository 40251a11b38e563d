// notify: sends a template to the applicant or to everyone of a role in the
// dossier's agency, through the notification outbox. Headers: `template`,
// `audience` (`applicant` or a role name).
import {
  TEMPLATES,
  type TemplateName,
} from '../plugins/app/notifications/notification-templates.js';
import { defineWorker } from './worker-kit.js';
import { dossierVariables, jobDossier, tellApplicant } from './dossier-steps.js';

export default defineWorker<{ dossierId: string }>({
  type: 'notify',
  variables: dossierVariables,
  async run(trx, job, ctx) {
    const template = job.headers.template ?? '';
    if (!(template in TEMPLATES))
      throw new Error(`${job.elementId}: unknown notification template '${template}'`);
    const dossier = await jobDossier(trx, job);
    const audience = job.headers.audience ?? 'applicant';
    if (audience === 'applicant') {
      tellApplicant(trx, ctx, dossier, template as TemplateName, {});
      return { notified: 1 };
    }
    const staff = await trx('accounts')
      .where({ kind: 'staff', status: 'active', agency_id: dossier.agency_id })
      .whereRaw('? = any(roles)', [audience])
      .select('id', 'email');
    for (const person of staff) {
      await ctx.services.notifications.queue(trx, {
        accountId: person.id,
        to: person.email,
        template: template as TemplateName,
        locale: 'vi',
        variables: { code: dossier.code ?? '', element: job.elementId },
      });
    }
    return { notified: staff.length };
  },
});
