// Process instances as this engine process's last command on each left them,
// with their jobs that it knows are open, so that completing such a job needs
// no read: the command takes the instance from here and sends, with BEGIN and
// before anything else, a guard that locks the instance and the job and fails
// unless the instance's revision is still the kept one and the job is still
// open (any command that changes an instance counts its revision up, in any
// engine process; jobs change without the instance's lock, so the job is
// checked on its own). A command that fails after taking an instance runs
// again reading it (see Processor.run). An entry is taken out while a command
// works on it and put back by the command's commit.
import type { JobRow, LoadedInstance } from './batch.js';
import type { Statement } from './transaction.js';

export interface CachedInstance {
  instance: LoadedInstance;
  revision: number;
  /** Open jobs of the instance by key, as last written. */
  jobs: Map<string, JobRow>;
}

// Enough for the instances in flight; the oldest go first.
const MAX_INSTANCES = 10_000;

export class InstanceCache {
  private readonly instances = new Map<string, CachedInstance>();
  private readonly instanceOfJob = new Map<string, string>();

  /** The instance of an open job, taken out (null when not kept). */
  takeByJob(jobKey: string): { cached: CachedInstance; job: JobRow } | null {
    const instanceKey = this.instanceOfJob.get(jobKey);
    const cached = instanceKey ? this.instances.get(instanceKey) : undefined;
    const job = cached?.jobs.get(jobKey);
    if (!cached || !job) return null;
    this.forget(cached.instance.key);
    return { cached, job };
  }

  put(entry: CachedInstance): void {
    this.forget(entry.instance.key);
    if (this.instances.size >= MAX_INSTANCES) {
      this.forget(this.instances.keys().next().value!);
    }
    this.instances.set(entry.instance.key, entry);
    for (const jobKey of entry.jobs.keys()) this.instanceOfJob.set(jobKey, entry.instance.key);
  }

  forget(instanceKey: string): void {
    const cached = this.instances.get(instanceKey);
    if (!cached) return;
    this.instances.delete(instanceKey);
    for (const jobKey of cached.jobs.keys()) this.instanceOfJob.delete(jobKey);
  }
}

/** Locks the instance and the job; fails (division by zero) unless both are as kept. */
export function guardStatement(instanceKey: string, revision: number, jobKey: string): Statement {
  return {
    text: `with i as (select 1 from engine.element_instances
                       where key = $1 and revision = $2 for update),
                j as (select 1 from engine.jobs
                       where key = $3 and state in ('activatable', 'activated') for update)
           select 1 / ((select count(*) from i) * (select count(*) from j))::int as ok`,
    values: [instanceKey, revision, jobKey],
  };
}
