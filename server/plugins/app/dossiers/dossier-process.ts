// Which process definition a dossier runs on, learnt from the first job of
// its process instance (a Zeebe cluster has no query API over gRPC; every
// job carries its process definition).
import type { Knex } from 'knex';

export interface ProcessDefinitionRef {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
}

/** The definition an activated job belongs to (the typed Job of the SDK lacks the key it carries). */
export function definitionOfJob(job: {
  bpmnProcessId: string;
  processDefinitionVersion: number;
}): ProcessDefinitionRef | undefined {
  const key = (job as { processDefinitionKey?: unknown }).processDefinitionKey;
  if (key === undefined || key === null || key === '') return undefined;
  return {
    bpmnProcessId: job.bpmnProcessId,
    version: Number(job.processDefinitionVersion),
    processDefinitionKey: String(key),
  };
}

/**
 * Records the definition (and the instance, if not known yet) once, from a
 * job of the dossier's own instance: an inter-agency process started for the
 * same dossier has another instance key.
 */
export async function recordProcessDefinition(
  trx: Knex.Transaction,
  dossierId: string,
  processInstanceKey: string,
  definition: ProcessDefinitionRef,
): Promise<void> {
  await trx('dossiers')
    .where('id', dossierId)
    .whereNull('process_definition_key')
    .where((q) =>
      q.whereNull('process_instance_key').orWhere('process_instance_key', processInstanceKey),
    )
    .update({
      process_instance_key: trx.raw('coalesce(process_instance_key, ?)', [processInstanceKey]),
      bpmn_process_id: definition.bpmnProcessId,
      process_definition_key: definition.processDefinitionKey,
      process_definition_version: definition.version,
    });
}
