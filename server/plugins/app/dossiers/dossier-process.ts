// Which process definition a dossier runs on, learnt from the first job of
// its process instance (a Zeebe cluster has no query API over gRPC; every
// job carries its process definition).
import type { Statement } from '../../external/pipelined-transaction.js';

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

const RECORD_DEFINITION = `
update dossiers
   set process_instance_key = coalesce(process_instance_key, $1),
       bpmn_process_id = $2, process_definition_key = $3, process_definition_version = $4
 where id = $5 and process_definition_key is null
   and (process_instance_key is null or process_instance_key = $6)`;

/**
 * Records the definition (and the instance, if not known yet) once, from a
 * job of the dossier's own instance: an inter-agency process started for the
 * same dossier has another instance key. A statement, sent in the round
 * trip that opens a job's transaction.
 */
export function recordProcessDefinition(
  dossierId: string,
  processInstanceKey: string,
  definition: ProcessDefinitionRef,
): Statement {
  return {
    text: RECORD_DEFINITION,
    values: [
      processInstanceKey,
      definition.bpmnProcessId,
      definition.processDefinitionKey,
      definition.version,
      dossierId,
      processInstanceKey,
    ],
  };
}
