// Subscribes the job workers to the engine through the Zeebe client: the
// same code runs against the embedded engine and a Zeebe cluster.
import { definitionOfJob } from '../plugins/app/dossiers/dossier-process.js';
import type { WorkerContext, WorkerDefinition } from './worker-kit.js';
import { handleJob } from './worker-kit.js';

// Short polls: the client's long poll would otherwise add its own delay.
const POLL_INTERVAL_MS = 20;
const JOB_TIMEOUT_MS = 60_000;

export function startWorkers(
  definitions: WorkerDefinition<unknown>[],
  ctx: WorkerContext,
): () => Promise<void> {
  const workers = definitions.map((definition) =>
    ctx.zeebe.createWorker({
      taskType: definition.type,
      pollInterval: POLL_INTERVAL_MS,
      timeout: JOB_TIMEOUT_MS,
      maxJobsToActivate: 32,
      loglevel: 'NONE',
      taskHandler: async (job) => {
        const outcome = await handleJob(
          definition,
          {
            key: job.key,
            type: job.type,
            processInstanceKey: job.processInstanceKey,
            elementId: job.elementId,
            variables: { ...job.variables },
            headers: { ...job.customHeaders } as Record<string, string>,
            processDefinition: definitionOfJob(job),
          },
          job.retries,
          ctx,
        );
        if (outcome.kind === 'complete') return job.complete(outcome.variables as never);
        if (outcome.kind === 'error') return job.error(outcome.code, outcome.message);
        return job.fail({
          errorMessage: outcome.message,
          retries: outcome.retries,
          retryBackOff: outcome.backoffMs,
        });
      },
    }),
  );
  return async () => {
    await Promise.all(workers.map((w) => w.close()));
  };
}
