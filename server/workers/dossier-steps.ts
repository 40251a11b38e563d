// Pieces the dossier workers share: the dossier a job is about, locked, and
// the transition recorded with the BPMN element that caused it. Their writes
// wait for the job's next round trip (at the latest its commit): nothing in
// the job reads them back.
import type { DossierEventType } from '../domain/dossier-lifecycle.machine.js';
import {
  transitionLater,
  type DossierRow,
  type TransitionExtras,
} from '../plugins/app/dossiers/dossier-transitions.js';
import {
  insertStatement,
  updateByIdStatement,
  type KnexOnTransaction,
} from '../plugins/external/pipelined-transaction.js';
import type { JobInput, WorkerContext } from './worker-kit.js';

export const dossierVariables = {
  type: 'object',
  required: ['dossierId'],
  properties: { dossierId: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
} as const;

/** A job's dossier, with where its applicant is told. */
export type JobDossier = DossierRow & { applicant_email: string };

const LOCK_JOB_DOSSIER = `
select d.*, a.email as applicant_email
  from dossiers d join accounts a on a.id = d.applicant_id
 where d.id = $1
   for update of d`;

export async function jobDossier(
  trx: KnexOnTransaction,
  job: JobInput<{ dossierId: string }>,
): Promise<JobDossier> {
  const [dossier] = await trx.statement<JobDossier>(LOCK_JOB_DOSSIER, [job.variables.dossierId]);
  if (!dossier) throw new Error(`dossier ${job.variables.dossierId} does not exist`);
  if (!dossier.process_instance_key) {
    trx.later(
      updateByIdStatement('dossiers', dossier.id, { process_instance_key: job.processInstanceKey }),
    );
    dossier.process_instance_key = job.processInstanceKey;
  }
  return dossier;
}

/** A status change made by a process step (actor: the system, element: the task). */
export function step(
  trx: KnexOnTransaction,
  dossier: JobDossier,
  event: DossierEventType,
  job: JobInput<unknown>,
  ctx: WorkerContext,
  extras: TransitionExtras = {},
): JobDossier {
  return transitionLater(trx, dossier, event, { id: null, role: 'system' }, ctx.clock.now(), {
    ...extras,
    elementId: job.elementId,
  });
}

/** Records a national form (Mẫu 01–05) issued for the dossier. */
export function issueForm(
  trx: KnexOnTransaction,
  dossierId: string,
  formNo: '01' | '02' | '03' | '04' | '05',
  at: Date,
  data: Record<string, unknown>,
): void {
  trx.later(
    insertStatement('dossier_forms', {
      dossier_id: dossierId,
      form_no: formNo,
      issued_at: at,
      data,
    }),
  );
}

/** Queues a message to the dossier's applicant. */
export function tellApplicant(
  trx: KnexOnTransaction,
  ctx: WorkerContext,
  dossier: JobDossier,
  template: Parameters<WorkerContext['services']['notifications']['queue']>[1]['template'],
  variables: Record<string, string>,
): void {
  trx.later(
    ctx.services.notifications.statement({
      accountId: dossier.applicant_id,
      to: dossier.applicant_email,
      template,
      locale: 'vi',
      variables: { code: dossier.code ?? '', ...variables },
    }),
  );
}
