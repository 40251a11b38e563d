// Every BPMN resource the server deploys goes through here: to the engine
// through the Zeebe client (the engine numbers the versions and keeps
// identical content as the same version), and into process_deployments, so
// that the server can show the diagram of any version a dossier runs on and
// the modeler's history, with no query API on the engine.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../../../errors.js';
import type { ZeebeClient } from '../../external/zeebe-client.js';
import { outlineBpmn, type BpmnProcessOutline } from './bpmn-outline.js';

export type DeploymentSource = 'file' | 'modeler';

export interface DeploymentRow {
  id: string;
  bpmn_process_id: string;
  version: number;
  process_definition_key: string;
  resource_name: string;
  xml: string;
  checksum: string;
  source: DeploymentSource;
  deployed_by: string | null;
  deployed_at: Date;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
}

export interface DeploymentInput {
  xml: string;
  /** Zeebe keeps identical content as the same version only under the same resource name. */
  resourceName: string;
  source: DeploymentSource;
  deployedBy: string | null;
}

const GRPC_INVALID_ARGUMENT = 3;

/** The resource name of a process deployed from the modeler: the same as its file in processes/. */
export const resourceNameOf = (bpmnProcessId: string) => `${bpmnProcessId}.bpmn`;

export function createProcessDeploymentService(deps: {
  db: Knex;
  zeebe: ZeebeClient;
  clock: { now(): Date };
}) {
  const { db, zeebe, clock } = deps;
  // Deployed XML never changes under its key: outlines are kept once read.
  const outlines = new Map<string, Promise<BpmnProcessOutline | undefined>>();

  async function byKey(key: string): Promise<DeploymentRow | undefined> {
    return db<DeploymentRow>('process_deployments').where('process_definition_key', key).first();
  }

  function outlineOf(row: DeploymentRow): Promise<BpmnProcessOutline | undefined> {
    let outline = outlines.get(row.process_definition_key);
    if (!outline) {
      outline = outlineBpmn(row.xml).then((all) => all.find((p) => p.id === row.bpmn_process_id));
      outline.catch(() => outlines.delete(row.process_definition_key));
      outlines.set(row.process_definition_key, outline);
    }
    return outline;
  }

  return {
    byKey,
    outlineOf,

    /** Deploys one BPMN resource and records each of its processes; the engine's refusal is a 422. */
    async deploy(input: DeploymentInput): Promise<DeployedProcess[]> {
      let response;
      try {
        response = await zeebe.deployResource({
          name: input.resourceName,
          process: Buffer.from(input.xml),
        });
      } catch (error) {
        const { code, details } = error as { code?: unknown; details?: unknown };
        if (code !== GRPC_INVALID_ARGUMENT) throw error;
        const reason = String(details ?? (error as Error).message);
        throw new AppError('BPMN_INVALID', [
          {
            path: '/body/xml',
            message: {
              vi: `Máy xử lý quy trình từ chối: ${reason}`,
              en: `The engine refused: ${reason}`,
            },
          },
        ]);
      }
      const checksum = createHash('sha256').update(input.xml).digest('hex');
      const processes = response.deployments
        .filter((d) => 'process' in d)
        .map(({ process }) => ({
          bpmnProcessId: process.bpmnProcessId,
          version: process.version,
          processDefinitionKey: String(process.processDefinitionKey),
        }));
      for (const process of processes) {
        // A version already recorded (identical content deployed again) keeps its first record.
        await db('process_deployments')
          .insert({
            bpmn_process_id: process.bpmnProcessId,
            version: process.version,
            process_definition_key: process.processDefinitionKey,
            resource_name: input.resourceName,
            xml: input.xml,
            checksum,
            source: input.source,
            deployed_by: input.deployedBy,
            deployed_at: clock.now(),
          })
          .onConflict()
          .ignore();
      }
      return processes;
    },

    latest(bpmnProcessId: string): Promise<DeploymentRow | undefined> {
      return db<DeploymentRow>('process_deployments')
        .where('bpmn_process_id', bpmnProcessId)
        .orderBy('version', 'desc')
        .first();
    },

    /** Versions newest first, with who deployed each from the modeler. */
    history(bpmnProcessId: string) {
      return db('process_deployments as d')
        .leftJoin('accounts as a', 'a.id', 'd.deployed_by')
        .where('d.bpmn_process_id', bpmnProcessId)
        .orderBy('d.version', 'desc')
        .select<
          {
            version: number;
            process_definition_key: string;
            source: DeploymentSource;
            deployed_by: string | null;
            full_name: string | null;
            deployed_at: Date;
          }[]
        >(
          'd.version',
          'd.process_definition_key',
          'd.source',
          'd.deployed_by',
          'a.full_name',
          'd.deployed_at',
        );
    },

    /** The name of a BPMN element of a deployed process (its id when unnamed or unknown). */
    async elementName(processDefinitionKey: string, elementId: string): Promise<string> {
      let outline = outlines.get(processDefinitionKey);
      if (!outline) {
        const row = await byKey(processDefinitionKey);
        if (!row) return elementId;
        outline = outlineOf(row);
      }
      const node = (await outline.catch(() => undefined))?.nodes.get(elementId);
      return node?.name ?? elementId;
    },
  };
}

export type ProcessDeploymentService = ReturnType<typeof createProcessDeploymentService>;
