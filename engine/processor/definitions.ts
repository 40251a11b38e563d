// Deployed process definitions: versions by bpmnProcessId, compiled once and
// kept in memory; start events that wait for messages, timers and signals.
import { createHash } from 'node:crypto';
import { compileDeployment } from '../bpmn/compile.js';
import { DeploymentError } from '../bpmn/deployment-error.js';
import type { CompiledProcess } from '../bpmn/model.js';
import { EngineError } from './engine-error.js';
import type { CommandDb, Sql } from './transaction.js';

export interface StoredDefinition {
  key: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  process: CompiledProcess;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  /** False when identical content was deployed before (no new version). */
  isNew: boolean;
}

export interface LatestVersions {
  /** How many definitions were stored (they are never deleted: a deploy adds to it). */
  stored: number;
  /** Definition keys by bpmnProcessId. */
  keys: Map<string, string>;
}

interface DefinitionRow {
  key: string;
  bpmn_process_id: string;
  version: number;
  resource_name: string;
  checksum: string;
  xml: string;
}

export class DefinitionStore {
  private readonly byKeyCache = new Map<string, StoredDefinition>();
  /** Compiled resources by checksum: a file with several processes compiles once. */
  private readonly compiled = new Map<string, Promise<CompiledProcess[]>>();
  private latest: Promise<LatestVersions> | null = null;

  async byKey(key: string, db: CommandDb): Promise<StoredDefinition> {
    const cached = this.byKeyCache.get(key);
    if (cached) return cached;
    const row = await db<DefinitionRow>('engine.process_definitions').where({ key }).first();
    if (!row)
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process definition with key '${key}', but none found`,
      );
    return this.remember(row);
  }

  async version(bpmnProcessId: string, version: number, db: CommandDb): Promise<StoredDefinition> {
    const row = await db<DefinitionRow>('engine.process_definitions')
      .where({ bpmn_process_id: bpmnProcessId, version })
      .first();
    if (!row) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process definition with process ID '${bpmnProcessId}' and version '${version}', but none found`,
      );
    }
    return this.remember(row);
  }

  /**
   * The key of the latest version of every process, cached until a deploy:
   * with how many definitions were stored when it was read, so that a command
   * relying on it can check at flush that no engine process deployed since
   * (see STALE_DEFINITIONS).
   */
  latestVersions(sql: Sql): Promise<LatestVersions> {
    this.latest ??= sql
      .read<{ key: string; bpmn_process_id: string; stored: string }>(
        `select distinct on (bpmn_process_id) key::text, bpmn_process_id,
                (select count(*) from engine.process_definitions) as stored
           from engine.process_definitions
          order by bpmn_process_id, version desc`,
        [],
      )
      .then(
        (rows) => ({
          stored: rows.length ? Number(rows[0]!.stored) : 0,
          keys: new Map(rows.map((row) => [row.bpmn_process_id, row.key])),
        }),
        (error: unknown) => {
          this.latest = null;
          throw error;
        },
      );
    return this.latest;
  }

  /** Reads the latest versions again on next use (after a deploy, or when they were stale). */
  forgetLatest(): void {
    this.latest = null;
  }

  /**
   * Compiles a resource (rejecting it with INVALID_ARGUMENT on any problem) and
   * stores a new version of each process whose content changed.
   */
  async deploy(
    trx: CommandDb,
    resourceName: string,
    xml: string,
    deploymentKey: string,
    newKey: () => Promise<string>,
    now: Date,
  ): Promise<{ processes: DeployedProcess[]; definitions: StoredDefinition[] }> {
    const checksum = createHash('sha256').update(xml).digest('hex');
    let processes: CompiledProcess[];
    try {
      processes = await this.compile(checksum, xml);
    } catch (error) {
      if (error instanceof DeploymentError) {
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected to deploy new resources, but encountered the following errors:\n'${resourceName}': ${error.message}`,
        );
      }
      throw error;
    }
    const deployed: DeployedProcess[] = [];
    const definitions: StoredDefinition[] = [];
    for (const process of processes) {
      // Versions of one process id are numbered in order: lock them while counting.
      await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`bpmn:${process.bpmnProcessId}`]);
      const latest = await trx<DefinitionRow>('engine.process_definitions')
        .where({ bpmn_process_id: process.bpmnProcessId })
        .orderBy('version', 'desc')
        .first();
      if (latest && latest.checksum === checksum) {
        deployed.push({
          bpmnProcessId: latest.bpmn_process_id,
          version: latest.version,
          processDefinitionKey: latest.key,
          resourceName: latest.resource_name,
          isNew: false,
        });
        continue;
      }
      const row: DefinitionRow = {
        key: await newKey(),
        bpmn_process_id: process.bpmnProcessId,
        version: (latest?.version ?? 0) + 1,
        resource_name: resourceName,
        checksum,
        xml,
      };
      await trx('engine.process_definitions').insert({
        ...row,
        deployment_key: deploymentKey,
        created_at: now,
      });
      const stored: StoredDefinition = {
        key: row.key,
        bpmnProcessId: row.bpmn_process_id,
        version: row.version,
        resourceName,
        process,
      };
      // Cached only after commit would be purer; a rolled-back key is never used again.
      this.byKeyCache.set(row.key, stored);
      definitions.push(stored);
      deployed.push({
        bpmnProcessId: row.bpmn_process_id,
        version: row.version,
        processDefinitionKey: row.key,
        resourceName,
        isNew: true,
      });
    }
    return { processes: deployed, definitions };
  }

  private async remember(row: DefinitionRow): Promise<StoredDefinition> {
    const cached = this.byKeyCache.get(row.key);
    if (cached) return cached;
    const processes = await this.compile(row.checksum, row.xml);
    const process = processes.find((p) => p.bpmnProcessId === row.bpmn_process_id);
    if (!process)
      throw new Error(`stored definition ${row.key} lacks process ${row.bpmn_process_id}`);
    const stored: StoredDefinition = {
      key: row.key,
      bpmnProcessId: row.bpmn_process_id,
      version: row.version,
      resourceName: row.resource_name,
      process,
    };
    this.byKeyCache.set(row.key, stored);
    return stored;
  }

  private compile(checksum: string, xml: string): Promise<CompiledProcess[]> {
    let compiled = this.compiled.get(checksum);
    if (!compiled) {
      compiled = compileDeployment(xml);
      compiled.catch(() => this.compiled.delete(checksum));
      this.compiled.set(checksum, compiled);
    }
    return compiled;
  }
}
