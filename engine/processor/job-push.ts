// Job push, as Zeebe's job streaming does it: a job created while a worker
// streams its type is stored activated for that worker by the command that
// creates it, and handed to the stream after commit, with no activation of
// its own. A stream gone by then gets nothing; the job goes back (yieldJobs).
// After a crash between commit and push, the job's timeout frees it.
import type { ElementInstance, JobRow, LoadedInstance } from './batch.js';
import { activatedJob, type ActivatedJob } from './job-activation.js';
import { visibleVariables } from './variables.js';

export interface JobStreamTarget {
  worker: string;
  timeoutMs: number;
  fetchVariable: string[];
  /** False when the stream is gone and the job must go back. */
  push(job: ActivatedJob): boolean;
  closed(): boolean;
}

export interface JobStreams {
  /** An open stream for jobs of this type (streams of a type take turns), or null. */
  take(type: string): JobStreamTarget | null;
}

export interface PushedJob {
  stream: JobStreamTarget;
  job: ActivatedJob;
}

/**
 * The job as the command stores it: activated for a stream when one takes
 * it (`pushed` then holds what the stream gets), else as created.
 */
export function handOut(
  job: JobRow,
  instance: LoadedInstance | undefined,
  streams: JobStreams | null,
  now: Date,
  pushed: PushedJob[],
): JobRow {
  const owner: ElementInstance | undefined = instance?.elements.get(job.element_instance_key);
  const stream = instance && owner && job.retries > 0 ? streams?.take(job.type) : null;
  if (!stream || !instance) return job;
  const deadline = new Date(now.getTime() + stream.timeoutMs);
  const names = stream.fetchVariable.length ? stream.fetchVariable : undefined;
  pushed.push({
    stream,
    // The variables as they are after this command: what activation would read.
    job: activatedJob(
      job,
      stream.worker,
      deadline,
      visibleVariables(instance, job.element_instance_key, names),
    ),
  });
  return { ...job, state: 'activated', deadline, worker: stream.worker };
}
