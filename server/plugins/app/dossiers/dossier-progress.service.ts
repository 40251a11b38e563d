// The BPMN diagram of the exact process version a dossier runs on, with the
// elements it has passed and those it is at (server/domain/process-progress.ts).
// Until the first job tells the version, the latest deployment stands in.
import type { Knex } from 'knex';
import { processProgress } from '../../../domain/process-progress.js';
import type { DossierStatus } from '../../../domain/dossier-lifecycle.machine.js';
import { AppError } from '../../../errors.js';
import type { ProcessDeploymentService } from '../deployments/process-deployment.service.js';
import type { ProcedureService } from '../procedures/procedure.service.js';
import type { DossierRow } from './dossier-transitions.js';

const FINAL: DossierStatus[] = ['refused', 'stopped', 'result_returned'];

export function createDossierProgressService(deps: {
  db: Knex;
  deployments: ProcessDeploymentService;
  procedures: ProcedureService;
}) {
  const { db, deployments, procedures } = deps;

  return {
    async of(dossier: DossierRow) {
      const bpmnProcessId =
        dossier.bpmn_process_id ?? (await procedures.byId(dossier.procedure_id)).bpmnProcessId;
      const deployment =
        (dossier.process_definition_key &&
          (await deployments.byKey(dossier.process_definition_key))) ||
        (await deployments.latest(bpmnProcessId));
      if (!deployment) throw new AppError('PROCESS_NOT_DEPLOYED');
      const outline = await deployments.outlineOf(deployment);
      const instance = dossier.process_instance_key;
      const [jobs, tasks, events] = instance
        ? await Promise.all([
            db('processed_jobs')
              .where({ dossier_id: dossier.id, process_instance_key: instance })
              .whereNotNull('element_id')
              .orderBy('processed_at')
              .pluck('element_id'),
            db('tasks')
              .where({ dossier_id: dossier.id, process_instance_key: instance })
              .select<{ element_id: string; status: string }[]>('element_id', 'status'),
            db('dossier_events')
              .where('dossier_id', dossier.id)
              .whereNotNull('element_id')
              .distinct()
              .pluck('element_id'),
          ])
        : [[], [], []];
      const { done, current } = outline
        ? processProgress(outline.nodes, {
            started: instance !== null,
            finished: FINAL.includes(dossier.status),
            finishedJobs: jobs as string[],
            completedTasks: tasks.filter((t) => t.status === 'completed').map((t) => t.element_id),
            openTasks: tasks.filter((t) => t.status === 'open').map((t) => t.element_id),
            eventElements: events as string[],
          })
        : { done: [], current: [] };
      return {
        bpmnProcessId: deployment.bpmn_process_id,
        version: deployment.version,
        processDefinitionKey: deployment.process_definition_key,
        xml: deployment.xml,
        done,
        current,
      };
    },
  };
}

export type DossierProgressService = ReturnType<typeof createDossierProgressService>;
