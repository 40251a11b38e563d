// What every job worker shares: variables checked at the boundary, the work
// done once per job key (the engine delivers jobs at least once), business
// outcomes as BPMN errors, transient faults failed with back-off, bugs failed
// with no retries so that an incident stops the process where it is.
import { Ajv, type AnySchema } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { WorkingCalendar } from '../domain/working-calendar.js';
import {
  recordProcessDefinition,
  type ProcessDefinitionRef,
} from '../plugins/app/dossiers/dossier-process.js';
import type { Services } from '../plugins/app/services.plugin.js';
import {
  knexOf,
  pipelinedTransaction,
  type KnexOnTransaction,
} from '../plugins/external/pipelined-transaction.js';
import type { ZeebeClient } from '../plugins/external/zeebe-client.js';

export interface WorkerContext {
  db: Knex;
  clock: { now(): Date };
  calendar(): WorkingCalendar;
  services: Services;
  zeebe: ZeebeClient;
  log: FastifyBaseLogger;
}

export interface JobInput<V> {
  key: string;
  type: string;
  processInstanceKey: string;
  elementId: string;
  variables: V;
  headers: Record<string, string>;
  /** The process definition the job belongs to, when the engine says. */
  processDefinition?: ProcessDefinitionRef;
}

/** A business outcome the BPMN can catch (error boundary event by code). */
export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface WorkerDefinition<V> {
  type: string;
  /** JSON Schema of the variables the worker reads. */
  variables: AnySchema;
  /** The work, in one transaction; the result becomes process variables. */
  run(
    trx: KnexOnTransaction,
    job: JobInput<V>,
    ctx: WorkerContext,
  ): Promise<Record<string, unknown>>;
  /** Effects outside the database after commit; must be safe to repeat (message ids). */
  after?(result: Record<string, unknown>, job: JobInput<V>, ctx: WorkerContext): Promise<void>;
}

// The formats job variable schemas use (dossierId is a uuid); an unknown one would only warn.
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  formats: { uuid: fullFormats.uuid, 'date-time': fullFormats['date-time'] },
});
const BACKOFF_MS = 5_000;
// A bug or bad variables: no retry, an incident for an operator.
const NO_RETRY = 0;

export function defineWorker<V>(definition: WorkerDefinition<V>): WorkerDefinition<V> {
  return definition;
}

export type JobOutcome =
  | { kind: 'complete'; variables: Record<string, unknown> }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'fail'; message: string; retries: number; backoffMs: number };

/**
 * Runs one job: validates, then does the work at most once per job key. A
 * repeated delivery answers what the first one did.
 */
export async function handleJob<V>(
  definition: WorkerDefinition<V>,
  job: JobInput<unknown>,
  retries: number,
  ctx: WorkerContext,
): Promise<JobOutcome> {
  const validate = ajv.compile(definition.variables);
  if (!validate(job.variables)) {
    const problems = (validate.errors ?? [])
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ');
    return {
      kind: 'fail',
      message: `${definition.type}: invalid job variables: ${problems}`,
      retries: NO_RETRY,
      backoffMs: 0,
    };
  }
  const typed = job as JobInput<V>;
  try {
    const dossierId = (job.variables as { dossierId?: string }).dossierId ?? null;
    const result = await pipelinedTransaction(ctx.db, async (tx) => {
      // One round trip: BEGIN, the job's lock, whether it was done, and the
      // process definition on the dossier (a no-op once recorded).
      const [, done] = await tx.inOneTrip([
        { text: 'select pg_advisory_xact_lock(hashtext($1))', values: [`job:${job.key}`] },
        { text: 'select result from processed_jobs where job_key = $1', values: [job.key] },
        ...(dossierId && job.processDefinition
          ? [recordProcessDefinition(dossierId, job.processInstanceKey, job.processDefinition)]
          : []),
      ]);
      if (done![0]) return { result: done![0].result as Record<string, unknown>, repeated: true };
      const output = await definition.run(knexOf(tx), typed, ctx);
      await tx.last(
        `insert into processed_jobs
           (job_key, job_type, dossier_id, element_id, process_instance_key, result, processed_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
        [
          job.key,
          definition.type,
          dossierId,
          job.elementId,
          job.processInstanceKey,
          JSON.stringify(output),
          ctx.clock.now(),
        ],
      );
      return { result: output, repeated: false };
    });
    if (definition.after) await definition.after(result.result, typed, ctx);
    return { kind: 'complete', variables: result.result };
  } catch (error) {
    if (error instanceof BusinessError)
      return { kind: 'error', code: error.code, message: error.message };
    const transient = isTransient(error);
    ctx.log[transient ? 'warn' : 'error'](
      { err: error, jobKey: job.key, type: definition.type },
      'job failed',
    );
    return {
      kind: 'fail',
      message: `${definition.type}: ${(error as Error).message}`,
      retries: transient ? Math.max(retries - 1, 0) : NO_RETRY,
      backoffMs: transient ? BACKOFF_MS : 0,
    };
  }
}

/** Connection trouble and lock conflicts pass; anything else is a bug to look at. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string | number }).code;
  if (typeof code === 'string' && /^(ECONN|ETIMEDOUT|EPIPE|57P0|08|40001|40P01|53)/.test(code))
    return true;
  if (code === 14 || code === 4) return true;
  return /timeout|terminat|connection/i.test(String((error as Error).message));
}
