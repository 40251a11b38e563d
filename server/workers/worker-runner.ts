// Subscribes the job workers to the engine through the Zeebe client: the
// same code runs against the embedded engine and a Zeebe cluster.
import { definitionOfJob } from '../plugins/app/dossiers/dossier-process.js';
import { subscribeJobs } from './job-subscription.js';
import type { WorkerContext, WorkerDefinition } from './worker-kit.js';
import { handleJob } from './worker-kit.js';

const JOB_TIMEOUT_MS = 60_000;

export function startWorkers(
  definitions: WorkerDefinition<unknown>[],
  ctx: WorkerContext,
): () => Promise<void> {
  const stops = definitions.map((definition) =>
    subscribeJobs(ctx.zeebe, ctx.log, {
      type: definition.type,
      timeoutMs: JOB_TIMEOUT_MS,
      handle: (job) =>
        handleJob(
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
        ),
    }),
  );
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
