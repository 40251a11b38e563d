// Locking and reading a process instance. The lock comes first, and the read
// in a statement of its own: a statement's snapshot is taken before it waits
// for the lock, and would miss the changes of the command that held it. Both
// go in one round trip (see Sql.inOneTrip).
import type { Statement } from './transaction.js';

/** Locks a process instance; its key when it exists. */
export function lockInstance(processInstanceKey: string): Statement {
  return {
    text: 'select key::text from engine.element_instances where key = $1 for update',
    values: [processInstanceKey],
  };
}

/** Locks the process instance of a job; its key when both exist. */
export function lockInstanceOfJob(jobKey: string): Statement {
  return {
    text: `select e.key::text from engine.element_instances e
            where e.key = (select j.process_instance_key from engine.jobs j where j.key = $1)
              for update`,
    values: [jobKey],
  };
}

// A process instance's element instances and variables, as JSON arrays.
const state = (processInstanceKey: string) => `select
  (select coalesce(json_agg(json_build_array(key::text, definition_key::text, element_id,
            flow_scope_key::text, parent_element_instance_key::text, data, created_at, revision)), '[]')
     from engine.element_instances where process_instance_key = ${processInstanceKey}) as elements,
  (select coalesce(json_agg(json_build_array(scope_key::text, name, value)), '[]')
     from engine.variables where process_instance_key = ${processInstanceKey}) as variables`;

/** The state of a process instance (one row). */
export function readInstance(processInstanceKey: string): Statement {
  return { text: state('$1'), values: [processInstanceKey] };
}

/**
 * The state of a job's process instance with the job's columns (null when it
 * is gone), in one row. The job is locked too: activation changes jobs
 * without the instance lock.
 */
export function readInstanceWithJob(jobKey: string): Statement {
  return {
    text: `with job as (select * from engine.jobs where key = $1 for update)
           select job.*, s.elements, s.variables
             from (${state('(select process_instance_key from job)')}) s left join job on true`,
    values: [jobKey],
  };
}

export type ElementTuple = [
  key: string,
  definitionKey: string,
  elementId: string,
  flowScopeKey: string | null,
  parentElementInstanceKey: string | null,
  data: Record<string, unknown> | null,
  createdAt: string,
  /** The instance's revision, on its root (see InstanceCache). */
  revision: number,
];

export interface InstanceState {
  elements: ElementTuple[];
  variables: [scopeKey: string, name: string, value: unknown][];
}
