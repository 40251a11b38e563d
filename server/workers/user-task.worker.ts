// io.camunda.zeebe:userTask: keeps each activated user task job as a
// worklist row, and leaves the job activated (not completed) until an
// officer completes the task. The long timeout is renewed by reactivation:
// a job that times out and returns finds its row by element instance key.
import { definitionOfJob } from '../plugins/app/dossiers/dossier-process.js';
import { subscribeJobs } from './job-subscription.js';
import type { WorkerContext } from './worker-kit.js';

export const USER_TASK_TYPE = 'io.camunda.zeebe:userTask';
const TASK_JOB_TIMEOUT_MS = 7 * 24 * 3600_000;

export function startUserTaskWorker(
  ctx: WorkerContext,
  elementName: (processDefinitionKey: string | undefined, elementId: string) => Promise<string>,
): () => Promise<void> {
  return subscribeJobs(ctx.zeebe, ctx.log, {
    type: USER_TASK_TYPE,
    timeoutMs: TASK_JOB_TIMEOUT_MS,
    fetchVariables: ['dossierId', 'taskAgencyCode'],
    handle: async (job) => {
      const dossierId = (job.variables as { dossierId?: unknown }).dossierId;
      if (typeof dossierId !== 'string') {
        return {
          kind: 'fail',
          message: `${job.elementId}: a user task needs the variable dossierId`,
          retries: 0,
          backoffMs: 0,
        };
      }
      const processDefinition = definitionOfJob(job);
      try {
        await ctx.services.worklist.upsertFromJob({
          jobKey: job.key,
          elementInstanceKey: job.elementInstanceKey,
          processInstanceKey: job.processInstanceKey,
          elementId: job.elementId,
          name: await elementName(processDefinition?.processDefinitionKey, job.elementId),
          dossierId,
          agencyCode:
            ((job.variables as { taskAgencyCode?: unknown }).taskAgencyCode as string) || null,
          headers: { ...job.customHeaders } as Record<string, string>,
          processDefinition,
        });
      } catch (error) {
        ctx.log.error({ err: error, jobKey: job.key }, 'user task not recorded');
        return {
          kind: 'fail',
          message: (error as Error).message,
          retries: Math.max(job.retries - 1, 0),
          backoffMs: 5000,
        };
      }
      // The officer completes the job later, from the worklist.
      return { kind: 'keep' };
    },
  });
}
