// Pieces the dossier workers share: the dossier a job is about, locked, and
// the transition recorded with the BPMN element that caused it.
import type { Knex } from 'knex';
import type { DossierEventType } from '../domain/dossier-lifecycle.machine.js';
import {
  lockDossier,
  transition,
  type DossierRow,
  type TransitionExtras,
} from '../plugins/app/dossiers/dossier-transitions.js';
import type { JobInput, WorkerContext } from './worker-kit.js';

export const dossierVariables = {
  type: 'object',
  required: ['dossierId'],
  properties: { dossierId: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
} as const;

export async function jobDossier(
  trx: Knex.Transaction,
  job: JobInput<{ dossierId: string }>,
): Promise<DossierRow> {
  const dossier = await lockDossier(trx, job.variables.dossierId);
  if (!dossier) throw new Error(`dossier ${job.variables.dossierId} does not exist`);
  if (!dossier.process_instance_key) {
    await trx('dossiers')
      .where('id', dossier.id)
      .update({ process_instance_key: job.processInstanceKey });
    dossier.process_instance_key = job.processInstanceKey;
  }
  return dossier;
}

/** A status change made by a process step (actor: the system, element: the task). */
export function step(
  trx: Knex.Transaction,
  dossier: DossierRow,
  event: DossierEventType,
  job: JobInput<unknown>,
  ctx: WorkerContext,
  extras: TransitionExtras = {},
): Promise<DossierRow> {
  return transition(trx, dossier, event, { id: null, role: 'system' }, ctx.clock.now(), {
    ...extras,
    elementId: job.elementId,
  });
}

/** Records a national form (Mẫu 01–05) issued for the dossier. */
export async function issueForm(
  trx: Knex.Transaction,
  dossierId: string,
  formNo: '01' | '02' | '03' | '04' | '05',
  at: Date,
  data: Record<string, unknown>,
): Promise<void> {
  await trx('dossier_forms').insert({
    dossier_id: dossierId,
    form_no: formNo,
    issued_at: at,
    data,
  });
}

/** Queues a message to the dossier's applicant. */
export async function tellApplicant(
  trx: Knex.Transaction,
  ctx: WorkerContext,
  dossier: DossierRow,
  template: Parameters<WorkerContext['services']['notifications']['queue']>[1]['template'],
  variables: Record<string, string>,
): Promise<void> {
  const applicant = await trx('accounts').where('id', dossier.applicant_id).first('email');
  await ctx.services.notifications.queue(trx, {
    accountId: dossier.applicant_id,
    to: String(applicant.email),
    template,
    locale: 'vi',
    variables: { code: dossier.code ?? '', ...variables },
  });
}
