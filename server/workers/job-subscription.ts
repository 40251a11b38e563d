// Job streaming for the job workers (Zeebe's StreamActivatedJobs, through the
// SDK's streamJobs): the engine hands the worker each job of its type as the
// command that creates it commits, with no activation transaction per job.
// What the SDK leaves to its caller is done here:
// - a handler's rejection is caught and logged (an unhandled one ends Node);
// - at most `maxInFlight` jobs of the type run at once (the database pool is
//   small); further jobs wait their turn here;
// - a safety-net poll (not long-polling: a waiting long poll would take new
//   jobs before the stream) takes the jobs the stream was not handed: created
//   before it opened, or while it was broken;
// - the SDK neither reports nor reopens a stream that errors or ends (the
//   engine restarted), so a safety-net poll that fails, or finds a job a live
//   stream would have been handed, reopens the stream.
import type { FastifyBaseLogger } from 'fastify';
import type { ZeebeClient } from '../plugins/external/zeebe-client.js';
import type { JobOutcome } from './worker-kit.js';

export type StreamedJob = Awaited<ReturnType<ZeebeClient['activateJobs']>>[number];

/** What to tell the engine; `keep` leaves the job activated (a user task waits for an officer). */
export type JobAnswer = JobOutcome | { kind: 'keep' };

export interface JobSubscription {
  type: string;
  timeoutMs: number;
  /** The variables the handler reads; all of them when absent. */
  fetchVariables?: string[];
  /** Jobs of the type handled at once (the database pool is small); 32 when absent. */
  maxInFlight?: number;
  handle(job: StreamedJob): Promise<JobAnswer>;
  safetyNetMs?: number;
}

const WORKER = 'motcua';
// The jobs' worker column tells which way a job went: the stream, or the safety net.
const SAFETY_NET_WORKER = 'motcua-safety-net';
const SAFETY_NET_MS = 5_000;
const MAX_IN_FLIGHT = 32;

/** Streams the jobs of a type to `handle`; returns a stop that waits for the running jobs. */
export function subscribeJobs(
  zeebe: ZeebeClient,
  log: FastifyBaseLogger,
  options: JobSubscription,
): () => Promise<void> {
  const { type, timeoutMs, fetchVariables, maxInFlight = MAX_IN_FLIGHT } = options;
  let stream: { close(): void } | null = null;
  let broken = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const waiting: StreamedJob[] = [];
  const running = new Set<Promise<void>>();

  const take = (job: StreamedJob) => {
    if (stopped) return;
    if (running.size >= maxInFlight) {
      waiting.push(job);
      return;
    }
    const work = run(job).finally(() => {
      running.delete(work);
      const next = waiting.shift();
      if (next) take(next);
    });
    running.add(work);
  };

  async function run(job: StreamedJob): Promise<void> {
    let answer: JobAnswer;
    try {
      answer = await options.handle(job);
    } catch (error) {
      log.error({ err: error, jobKey: job.key, type }, 'job handler failed');
      return;
    }
    try {
      await tell(zeebe, job.key, answer);
    } catch (error) {
      // The engine offers the job again after its timeout.
      log.warn({ err: error, jobKey: job.key, type }, `job ${answer.kind} not delivered`);
    }
  }

  async function reopen(): Promise<void> {
    if (stream) closeQuietly(stream);
    stream = null;
    try {
      // The SDK opens the stream, then polls once for the jobs already there.
      stream = await zeebe.streamJobs({
        type,
        worker: WORKER,
        timeout: timeoutMs,
        // Typed as required, but absent means the client's own tenant, as for activateJobs.
        tenantIds: undefined as unknown as string[],
        fetchVariables,
        pollMaxJobsToActivate: maxInFlight,
        pollInterval: 0, // its sidecar poll would hide failures: the safety net below replaces it
        taskHandler: (job) => {
          take(job);
          return job.forward();
        },
      });
      broken = false;
    } catch (error) {
      broken = true;
      log.warn({ err: error, type }, 'job stream not opened; the next safety-net poll retries');
    }
  }

  async function safetyNet(): Promise<void> {
    const free = maxInFlight - running.size - waiting.length;
    if (free <= 0) return;
    let jobs: StreamedJob[];
    try {
      jobs = await zeebe.activateJobs({
        type,
        worker: SAFETY_NET_WORKER,
        timeout: timeoutMs,
        maxJobsToActivate: free,
        requestTimeout: -1,
        fetchVariable: fetchVariables,
      });
    } catch (error) {
      if (!broken) log.warn({ err: error, type }, 'engine unreachable; job stream reopens later');
      broken = true;
      return;
    }
    for (const job of jobs) take(job);
    if ((broken || jobs.length > 0) && !stopped) await reopen();
  }

  let busy = reopen();
  const schedule = () => {
    timer = setTimeout(() => {
      busy = safetyNet().finally(() => {
        if (!stopped) schedule();
      });
    }, options.safetyNetMs ?? SAFETY_NET_MS);
  };
  schedule();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await busy;
    if (stream) closeQuietly(stream);
    waiting.length = 0;
    await Promise.allSettled(running);
  };
}

function tell(zeebe: ZeebeClient, jobKey: string, answer: JobAnswer): Promise<unknown> {
  switch (answer.kind) {
    case 'complete':
      return zeebe.completeJob({ jobKey, variables: answer.variables as never });
    case 'error':
      return zeebe.throwError({ jobKey, errorCode: answer.code, errorMessage: answer.message });
    case 'fail':
      return zeebe.failJob({
        jobKey,
        errorMessage: answer.message,
        retries: answer.retries,
        retryBackOff: answer.backoffMs,
      });
    case 'keep':
      return Promise.resolve();
  }
}

// The SDK prints the CANCELLED status of every stream it cancels with
// console.error, on the tick after close(): while closes are pending, that
// error (and only that one) is dropped.
let closing = 0;
let print: typeof console.error = console.error;

function closeQuietly(stream: { close(): void }): void {
  if (closing++ === 0) {
    print = console.error;
    console.error = (...args: unknown[]) => {
      const e = args[0] as { code?: unknown; details?: unknown } | undefined;
      if (!(e?.code === 1 && e.details === 'Cancelled on client')) print(...args);
    };
  }
  try {
    stream.close();
  } finally {
    process.nextTick(() => {
      if (--closing === 0) console.error = print;
    });
  }
}
