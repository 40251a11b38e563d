import type { Batch, ElementInstance, LoadedInstance } from './batch.js';

/**
 * Stops an element where it is until an operator resolves the incident; the
 * phase says which step runs again then (null: a job incident).
 */
export async function raiseIncident(
  batch: Batch,
  instance: LoadedInstance,
  element: ElementInstance,
  errorType: string,
  message: string,
  phase: 'activate' | 'complete' | null,
  jobKey: string | null = null,
): Promise<void> {
  if (phase) {
    element.data.incidentPhase = phase;
    batch.touch(element);
  }
  const key = await batch.key();
  batch.addIncident({
    key,
    state: 'active',
    error_type: errorType,
    error_message: message,
    process_instance_key: instance.key,
    element_instance_key: element.key,
    element_id: element.elementId,
    job_key: jobKey,
    created_at: batch.now,
  });
  batch.record({
    key,
    value_type: 'INCIDENT',
    intent: 'CREATED',
    process_instance_key: instance.key,
    element_id: element.elementId,
    element_type: null,
    payload: { errorType, errorMessage: message, jobKey },
  });
}
