// Hands jobs to workers: long-polling ActivateJobs requests wait until a job
// of their type appears (or their requestTimeout passes), and job streams
// (StreamActivatedJobs) get jobs pushed as they are created.
import type { Commands } from '../processor/commands.js';
import type { ActivatedJob } from '../processor/job-activation.js';
import type { JobStreams } from '../processor/job-push.js';

export interface JobRequest {
  type: string;
  worker: string;
  timeoutMs: number;
  max: number;
  fetchVariable: string[];
}

interface Poll extends JobRequest {
  resolve(jobs: ActivatedJob[]): void;
  timer: NodeJS.Timeout;
}

export interface JobStream extends Omit<JobRequest, 'max'> {
  /** False when the stream is gone and the job must go back. */
  push(job: ActivatedJob): boolean;
  closed(): boolean;
}

// How many jobs one stream round activates at once.
const STREAM_BATCH = 32;

export class JobDispatcher implements JobStreams {
  private readonly polls = new Set<Poll>();
  private readonly streams = new Map<string, JobStream[]>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Which stream of a type takes the next pushed job. */
  private readonly turns = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly commands: Commands,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Long poll: jobs at once if there are any, else wait up to `requestTimeoutMs`. */
  async activate(request: JobRequest, requestTimeoutMs: number): Promise<ActivatedJob[]> {
    const jobs = await this.commands.activateJobs(request);
    if (jobs.length || requestTimeoutMs <= 0 || this.stopped) return jobs;
    return new Promise((resolve) => {
      const poll: Poll = {
        ...request,
        resolve,
        timer: setTimeout(() => {
          this.polls.delete(poll);
          resolve([]);
        }, requestTimeoutMs),
      };
      this.polls.add(poll);
    });
  }

  cancel(resolve: Poll['resolve']): void {
    for (const poll of this.polls) {
      if (poll.resolve === resolve) {
        clearTimeout(poll.timer);
        this.polls.delete(poll);
      }
    }
  }

  addStream(stream: JobStream): () => void {
    const list = this.streams.get(stream.type) ?? [];
    list.push(stream);
    this.streams.set(stream.type, list);
    this.wake(new Set([stream.type]));
    return () => {
      const current = this.streams.get(stream.type) ?? [];
      const rest = current.filter((s) => s !== stream);
      if (rest.length) this.streams.set(stream.type, rest);
      else this.streams.delete(stream.type);
    };
  }

  /**
   * A stream for a new job of this type, the streams of a type taking turns;
   * null when none is open, or when a long poll waits for the type: it asked
   * first, and activation serves it before the streams.
   */
  take(type: string): JobStream | null {
    const open = (this.streams.get(type) ?? []).filter((s) => !s.closed());
    if (!open.length || this.stopped) return null;
    for (const poll of this.polls) if (poll.type === type) return null;
    const turn = this.turns.get(type) ?? 0;
    this.turns.set(type, turn + 1);
    return open[turn % open.length]!;
  }

  /** New jobs of these types ('*': any type, e.g. after timeouts and back-offs). */
  wake(types: Set<string>): void {
    const wanted = types.has('*')
      ? new Set([...this.streams.keys(), ...[...this.polls].map((p) => p.type)])
      : types;
    for (const type of wanted) {
      if (!this.streams.has(type) && ![...this.polls].some((p) => p.type === type)) continue;
      if (this.running.has(type)) {
        this.again.add(type);
        continue;
      }
      const run = this.serve(type)
        .catch(this.onError)
        .finally(() => {
          this.running.delete(type);
          if (this.again.delete(type)) this.wake(new Set([type]));
        });
      this.running.set(type, run);
    }
  }

  private async serve(type: string): Promise<void> {
    for (const poll of [...this.polls].filter((p) => p.type === type)) {
      if (this.stopped) return;
      const jobs = await this.commands.activateJobs(poll);
      if (!jobs.length) return;
      if (!this.polls.delete(poll)) {
        // The poll timed out or was cancelled meanwhile: nobody takes these jobs.
        await this.commands.yieldJobs(jobs.map((job) => job.key));
        continue;
      }
      clearTimeout(poll.timer);
      poll.resolve(jobs);
    }
    // Streams take turns, a batch each, until no job is left.
    for (let turn = 0; ; turn++) {
      const streams = (this.streams.get(type) ?? []).filter((s) => !s.closed());
      if (!streams.length || this.stopped) return;
      const stream = streams[turn % streams.length]!;
      const jobs = await this.commands.activateJobs({ ...stream, max: STREAM_BATCH });
      if (!jobs.length) return;
      const undelivered = jobs
        .filter((job) => stream.closed() || !stream.push(job))
        .map((job) => job.key);
      if (undelivered.length) await this.commands.yieldJobs(undelivered);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const poll of this.polls) {
      clearTimeout(poll.timer);
      poll.resolve([]);
    }
    this.polls.clear();
    await Promise.allSettled(this.running.values());
  }
}
