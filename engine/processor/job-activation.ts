// Activating jobs for a worker: one statement (so it runs in autocommit) that
// marks up to `max` jobs of a type activated, skipping rows other workers
// hold (SKIP LOCKED: no job goes to two of them), and reads the variables of
// each job's scopes.
import type { Batch } from './batch.js';

export interface ActivationRequest {
  type: string;
  worker: string;
  timeoutMs: number;
  max: number;
  fetchVariable: string[];
}

export interface ActivatedJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  deadline: number;
  variables: Record<string, unknown>;
}

/** The columns of a job a worker is told about. */
export interface JobIdentity {
  key: string;
  type: string;
  retries: number;
  custom_headers: Record<string, string>;
  process_instance_key: string;
  element_instance_key: string;
  element_id: string;
  bpmn_process_id: string;
  definition_key: string;
  version: number;
}

/** What a worker receives for a job it now holds until `deadline`. */
export function activatedJob(
  job: JobIdentity,
  worker: string,
  deadline: Date,
  variables: Record<string, unknown>,
): ActivatedJob {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.process_instance_key,
    bpmnProcessId: job.bpmn_process_id,
    processDefinitionVersion: job.version,
    processDefinitionKey: job.definition_key,
    elementId: job.element_id,
    elementInstanceKey: job.element_instance_key,
    customHeaders: job.custom_headers,
    worker,
    retries: job.retries,
    deadline: deadline.getTime(),
    variables,
  };
}

interface ActivatedRow extends JobIdentity {
  /** The variable scopes visible to the job, innermost first. */
  scope_path: string[];
  variables: [scopeKey: string, name: string, value: unknown][];
}

const ACTIVATE = `with activated as (
    update engine.jobs set state = 'activated', deadline = $1, worker = $2
     where key in (
       select key from engine.jobs
        where type = $3 and retries > 0
          and (state = 'activatable' or (state = 'activated' and deadline <= $4))
          and (backoff_until is null or backoff_until <= $4)
        order by key limit $5 for update skip locked)
    returning *)
  select a.*,
         (select coalesce(json_agg(json_build_array(v.scope_key::text, v.name, v.value)), '[]')
            from engine.variables v where v.scope_key = any(a.scope_path)) as variables
    from activated a`;

export async function activateJobs(
  batch: Batch,
  request: ActivationRequest,
): Promise<ActivatedJob[]> {
  const now = batch.now;
  const deadline = new Date(now.getTime() + request.timeoutMs);
  // The command's only statement.
  const rows = await batch.sql.last<ActivatedRow>(ACTIVATE, [
    deadline,
    request.worker,
    request.type,
    now,
    request.max,
  ]);
  const wanted = request.fetchVariable.length ? new Set(request.fetchVariable) : null;
  return rows
    .sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1))
    .map((job) => {
      const variables: Record<string, unknown> = {};
      // Outermost scope first, so inner values win.
      for (const scope of [...job.scope_path].reverse()) {
        for (const [scopeKey, name, value] of job.variables) {
          if (scopeKey === scope && (!wanted || wanted.has(name))) variables[name] = value;
        }
      }
      return activatedJob(job, request.worker, deadline, variables);
    });
}
