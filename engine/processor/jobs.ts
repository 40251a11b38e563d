// Jobs: created for service-like tasks and job-based user tasks, handed to
// workers, completed, failed (retries, back-off, incidents) or thrown as errors.
import type { JobDefinition } from '../bpmn/model.js';
import type { Batch, ElementInstance, LoadedInstance } from './batch.js';
import { EngineError } from './engine-error.js';
import { evaluate, scopePath } from './variables.js';

export async function createJob(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  job: JobDefinition,
): Promise<void> {
  const type = evaluate(batch, instance, element.key, job.type);
  if (typeof type !== 'string' || type === '') {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected result of the expression '${job.type.source}' to be 'STRING', but was '${String(type)}'`,
    );
  }
  const retries = Number(evaluate(batch, instance, element.key, job.retries));
  if (!Number.isInteger(retries)) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected result of the expression '${job.retries.source}' to be 'NUMBER', but was '${String(retries)}'`,
    );
  }
  const headers: Record<string, string> = { ...job.headers };
  for (const [name, expression] of Object.entries(job.dynamicHeaders)) {
    const value = evaluate(batch, instance, element.key, expression);
    if (value === null || value === undefined) continue;
    headers[name] = headerValue(name, value);
  }
  batch.addJob({
    key: await batch.key(),
    type,
    state: 'activatable',
    retries,
    deadline: null,
    worker: '',
    custom_headers: headers,
    process_instance_key: instance.key,
    element_instance_key: element.key,
    element_id: element.elementId,
    bpmn_process_id: instance.definition.bpmnProcessId,
    definition_key: instance.definition.key,
    version: instance.definition.version,
    scope_path: scopePath(instance, element.key),
    created_at: batch.now,
  });
}

/** User task headers as Zeebe writes them: candidate lists as JSON arrays. */
function headerValue(name: string, value: unknown): string {
  if (name.endsWith(':candidateGroups') || name.endsWith(':candidateUsers')) {
    const list = Array.isArray(value)
      ? value
      : String(value)
          .split(',')
          .map((v) => v.trim());
    return JSON.stringify(list.filter((v) => v !== '').map(String));
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
