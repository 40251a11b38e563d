// interagency.handover (liên thông): `send` hands the dossier to another
// agency's procedure by its start message and records the hand-over (Mẫu 05);
// `reply` (in the other agency's process) sends the outcome back as
// `interagency-answer`, correlated by the dossier id.
import { queueEngineMessage, startMessageName } from '../plugins/app/dossiers/dossier.service.js';
import { defineWorker } from './worker-kit.js';
import { dossierVariables, issueForm, jobDossier } from './dossier-steps.js';

interface Variables {
  dossierId: string;
  dossierCode?: string;
  /** In the receiving agency's process: the dossier that asked. */
  originDossierId?: string;
  interagencyOpinion?: Record<string, unknown>;
}

export default defineWorker<Variables>({
  type: 'interagency.handover',
  variables: {
    ...dossierVariables,
    properties: {
      ...dossierVariables.properties,
      dossierCode: { type: ['string', 'null'] },
      originDossierId: { type: ['string', 'null'] },
      interagencyOpinion: { type: ['object', 'null'] },
    },
  },
  async run(trx, job, ctx) {
    const now = ctx.clock.now();
    const { dossierId } = job.variables;
    const mode = job.headers.mode ?? 'send';
    if (mode === 'reply') {
      const origin = job.variables.originDossierId ?? dossierId;
      await queueEngineMessage(
        trx,
        {
          messageName: 'interagency-answer',
          correlationKey: origin,
          messageId: `${origin}:answer:${job.processInstanceKey}`,
          variables: {
            interagencyOpinion: (job.variables.interagencyOpinion ?? {}) as Record<string, never>,
          },
        },
        now,
      );
      return { answered: true };
    }
    const target = job.headers.targetProcedure;
    if (!target) throw new Error(`${job.elementId}: the header targetProcedure names no procedure`);
    const dossier = await jobDossier(trx, job);
    const receiving = await trx('procedures as p')
      .join('agencies as a', 'a.id', 'p.agency_id')
      .whereRaw("p.definition->>'bpmnProcessId' = ?", [target])
      .where('p.status', 'published')
      .first('a.code');
    const agencyCode = String(receiving?.code ?? job.headers.targetAgencyCode ?? '');
    await queueEngineMessage(
      trx,
      {
        messageName: startMessageName(target),
        correlationKey: dossierId,
        messageId: `${dossierId}:handover:${target}`,
        variables: {
          dossierId,
          originDossierId: dossierId,
          dossierCode: dossier.code ?? '',
          taskAgencyCode: agencyCode,
        },
      },
      now,
    );
    issueForm(trx, dossierId, '05', now, {
      to: target,
      agencyCode,
      handedOverAt: now.toISOString(),
    });
    return { handedOverTo: target };
  },
});
