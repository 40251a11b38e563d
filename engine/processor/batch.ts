// The state one command works on, inside its PostgreSQL transaction: the
// process instances it touched (locked, loaded whole), and every row it must
// write. `flush` writes them all in one statement before commit.
import type { QueryResultRow } from 'pg';
import type { CompiledProcess } from '../bpmn/model.js';
import type { Clock } from './clock.js';
import type { DefinitionStore, StoredDefinition } from './definitions.js';
import { flushStatement, type InsertTable, type RecordBatch } from './flush-statement.js';
import {
  lockInstance,
  lockInstanceOfJob,
  readInstance,
  readInstanceWithJob,
  type ElementTuple,
  type InstanceState,
} from './instance-statements.js';
import { EngineError } from './engine-error.js';
import { handOut, type JobStreams, type PushedJob } from './job-push.js';
import { guardStatement, type InstanceCache } from './instance-cache.js';
import type { KeyAllocator } from './keys.js';
import type { CommandDb, Sql } from './transaction.js';

export interface ElementInstance {
  key: string;
  processInstanceKey: string;
  definitionKey: string;
  elementId: string;
  flowScopeKey: string | null;
  parentElementInstanceKey: string | null;
  data: InstanceData;
  createdAt: Date;
}

/** Runtime data an element instance keeps between commands. */
export interface InstanceData {
  /** Multi-instance body: the collection, how far it got, and its results. */
  mi?: { items: unknown[]; next: number; completed: number; active: number };
  /** Marks the inner instances of a multi-instance body and their index. */
  loopIndex?: number;
  /** Flow scopes: tokens waiting at parallel / inclusive joins, by gateway and flow. */
  joins?: Record<string, Record<string, number>>;
  /** What to retry when this instance's incident is resolved. */
  incidentPhase?: 'activate' | 'complete';
  /** Variables to apply when the element completes (job, message, error payload). */
  payload?: Record<string, unknown>;
  /** errorCode / errorMessage of a caught error, for output mappings. */
  errorVariables?: Record<string, unknown>;
  /** An event subprocess or boundary event that interrupted this scope. */
  interrupted?: boolean;
}

export interface JobRow {
  key: string;
  type: string;
  state: 'activatable' | 'activated';
  retries: number;
  /** Set when the job is pushed to a stream as it is created. */
  deadline: Date | null;
  worker: string;
  custom_headers: Record<string, string>;
  process_instance_key: string;
  element_instance_key: string;
  element_id: string;
  bpmn_process_id: string;
  definition_key: string;
  version: number;
  scope_path: string[];
  created_at: Date;
}

export interface TimerRow {
  key: string;
  due_at: Date;
  element_id: string;
  definition_key: string;
  element_instance_key: string | null;
  process_instance_key: string | null;
  repetitions: number;
  interval_ms: number | null;
  cron: string | null;
}

export interface RecordRow {
  key: string;
  value_type: string;
  intent: string;
  process_instance_key: string | null;
  element_id: string | null;
  element_type: string | null;
  payload: unknown;
}

export interface LoadedInstance {
  key: string;
  definition: StoredDefinition;
  elements: Map<string, ElementInstance>;
  /** Variables by scope key. */
  variables: Map<string, Map<string, unknown>>;
}

/** What the command leaves for after commit: wake-ups and answers. */
export interface Effects {
  jobTypes: Set<string>;
  completedInstances: Map<string, Record<string, unknown>>;
  timersChanged: boolean;
  /** Jobs activated for streams, to hand to them. */
  pushed: PushedJob[];
}

export class Batch {
  readonly instances = new Map<string, LoadedInstance>();
  readonly effects: Effects = {
    jobTypes: new Set(),
    completedInstances: new Map(),
    timersChanged: false,
    pushed: [],
  };

  private readonly created = new Set<string>();
  private readonly changed = new Set<string>();
  private readonly ended = new Map<string, ElementInstance>();
  private readonly variableWrites = new Map<string, Map<string, unknown>>();
  private readonly jobs: JobRow[] = [];
  private readonly timers: TimerRow[] = [];
  private readonly messageSubscriptions: Record<string, unknown>[] = [];
  private readonly signalSubscriptions: Record<string, unknown>[] = [];
  private readonly incidents: Record<string, unknown>[] = [];
  /** Records by process instance, in the order of each's first. */
  private readonly records = new Map<string | null, RecordBatch>();
  /** Element instance keys by the key of their job that ends with this command. */
  private readonly doneJobs = new Map<string, string>();
  /** Element instance keys (null for start events) by the key of their timer that fired. */
  private readonly firedTimers = new Map<string, string | null>();
  private readonly afterFlush: (() => Promise<unknown>)[] = [];
  private readonly deferred: (() => Promise<void>)[] = [];
  /** How many definitions were stored when the latest versions this command used were read. */
  storedDefinitions: number | null = null;
  /** Revisions of the instances read or taken from the cache (not of those created). */
  private readonly revisions = new Map<string, number>();
  /** Open jobs known of instances taken from the cache. */
  private readonly knownJobs = new Map<string, Map<string, JobRow>>();
  /** Jobs the flush stored. */
  private storedJobs: JobRow[] = [];
  /** The command works on an instance taken from the cache (it runs again on failure). */
  usedCache = false;

  constructor(
    readonly trx: CommandDb,
    /** The same transaction, for the statements that need no query builder. */
    readonly sql: Sql,
    readonly keys: KeyAllocator,
    readonly definitions: DefinitionStore,
    readonly now: Date,
    readonly clock: Clock,
    private readonly streams: JobStreams | null,
    private readonly cache: InstanceCache | null,
  ) {}

  key(): Promise<string> {
    return this.keys.next(this.trx);
  }

  /**
   * The latest version of a process. It comes from a cache, so the command's
   * flush checks that no definition was stored since (see STALE_DEFINITIONS).
   */
  async latest(bpmnProcessId: string): Promise<StoredDefinition> {
    let versions = await this.definitions.latestVersions(this.sql);
    if (!versions.keys.has(bpmnProcessId)) {
      // Perhaps deployed by another engine process since the cache was read.
      this.definitions.forgetLatest();
      versions = await this.definitions.latestVersions(this.sql);
    }
    const key = versions.keys.get(bpmnProcessId);
    if (!key) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process definition with process ID '${bpmnProcessId}', but none found`,
      );
    }
    this.storedDefinitions = versions.stored;
    return this.definitions.byKey(key, this.trx);
  }

  /** The latest version of every process (checked at flush as `latest` is). */
  async allLatest(): Promise<StoredDefinition[]> {
    const versions = await this.definitions.latestVersions(this.sql);
    this.storedDefinitions = versions.stored;
    const definitions: StoredDefinition[] = [];
    // One at a time: the transaction has one connection.
    for (const key of versions.keys.values())
      definitions.push(await this.definitions.byKey(key, this.trx));
    return definitions;
  }

  process(instance: LoadedInstance): CompiledProcess {
    return instance.definition.process;
  }

  /** Locks a process instance (its commands never interleave) and loads it. */
  async load(processInstanceKey: string): Promise<LoadedInstance | null> {
    const cached = this.instances.get(processInstanceKey);
    if (cached) return cached;
    const [locked, read] = await this.sql.inOneTrip([
      lockInstance(processInstanceKey),
      readInstance(processInstanceKey),
    ]);
    if (!locked?.length) return null;
    return this.loaded(processInstanceKey, read![0] as InstanceState);
  }

  /** Locks and loads the process instance of a job, and locks and reads the job. */
  async loadWithJob<J extends QueryResultRow>(
    jobKey: string,
  ): Promise<{ instance: LoadedInstance; job: J | null } | null> {
    const [locked, read] = await this.sql.inOneTrip([
      lockInstanceOfJob(jobKey),
      readInstanceWithJob(jobKey),
    ]);
    if (!locked?.length) return null;
    const key = String(locked[0]!.key);
    const { elements, variables, ...job } = read![0] as InstanceState & QueryResultRow;
    const instance = this.instances.get(key) ?? (await this.loaded(key, { elements, variables }));
    return { instance, job: job.key == null ? null : (job as J) };
  }

  /**
   * The instance of a job, as this process's last command on it left it, and
   * the job, when both are in the cache; the transaction then starts with
   * their guard. Only as a command's first step.
   */
  takeCachedJob(jobKey: string): { instance: LoadedInstance; job: JobRow } | null {
    if (this.instances.size) return null;
    const taken = this.cache?.takeByJob(jobKey);
    if (!taken) return null;
    const { instance, revision, jobs } = taken.cached;
    this.usedCache = true;
    this.sql.guard(guardStatement(instance.key, revision, jobKey));
    this.instances.set(instance.key, instance);
    this.revisions.set(instance.key, revision);
    this.knownJobs.set(instance.key, jobs);
    return { instance, job: taken.job };
  }

  /** After commit: the instances as this command left them go to the cache. */
  remember(): void {
    if (!this.cache) return;
    for (const instance of this.instances.values()) {
      if (this.ended.has(instance.key)) {
        this.cache.forget(instance.key);
        continue;
      }
      const jobs = new Map(this.knownJobs.get(instance.key));
      for (const job of this.storedJobs) {
        if (job.process_instance_key === instance.key) jobs.set(job.key, job);
      }
      for (const [key, job] of jobs) {
        if (this.doneJobs.has(key) || !instance.elements.has(job.element_instance_key)) {
          jobs.delete(key);
        }
      }
      const read = this.revisions.get(instance.key);
      this.cache.put({ instance, revision: read === undefined ? 0 : read + 1, jobs });
    }
  }

  private async loaded(processInstanceKey: string, state: InstanceState): Promise<LoadedInstance> {
    const elements = state.elements.map((tuple) => fromTuple(tuple, processInstanceKey));
    const rootTuple = state.elements.find(([key]) => key === processInstanceKey)!;
    this.revisions.set(processInstanceKey, rootTuple[7]);
    const root = elements.find((e) => e.key === processInstanceKey)!;
    const definition = await this.definitions.byKey(root.definitionKey, this.trx);
    const instance: LoadedInstance = {
      key: processInstanceKey,
      definition,
      elements: new Map(elements.map((e) => [e.key, e])),
      variables: new Map(),
    };
    for (const [scopeKey, name, value] of state.variables) {
      scopeVariables(instance, scopeKey).set(name, value);
    }
    this.instances.set(processInstanceKey, instance);
    return instance;
  }

  /** A process instance created by this command: nothing to lock or load. */
  adopt(instance: LoadedInstance): void {
    this.instances.set(instance.key, instance);
  }

  // --- element instances --------------------------------------------------

  addElement(instance: LoadedInstance, element: ElementInstance): void {
    instance.elements.set(element.key, element);
    this.created.add(element.key);
  }

  touch(element: ElementInstance): void {
    this.changed.add(element.key);
  }

  endElement(instance: LoadedInstance, element: ElementInstance): void {
    instance.elements.delete(element.key);
    instance.variables.delete(element.key);
    this.variableWrites.delete(element.key);
    this.ended.set(element.key, element);
  }

  isLive(key: string): boolean {
    return !this.ended.has(key);
  }

  // --- variables ------------------------------------------------------------

  setVariable(instance: LoadedInstance, scopeKey: string, name: string, value: unknown): void {
    scopeVariables(instance, scopeKey).set(name, value);
    let writes = this.variableWrites.get(scopeKey);
    if (!writes) this.variableWrites.set(scopeKey, (writes = new Map()));
    writes.set(name, value);
  }

  // --- side rows --------------------------------------------------------------

  addJob(job: JobRow): void {
    this.jobs.push(job);
  }

  addTimer(timer: TimerRow): void {
    this.timers.push(timer);
    this.effects.timersChanged = true;
  }

  addMessageSubscription(row: Record<string, unknown>): void {
    this.messageSubscriptions.push(row);
  }

  addSignalSubscription(row: Record<string, unknown>): void {
    this.signalSubscriptions.push(row);
  }

  /** A timer that fired (its element instance, if any, may end with this command too). */
  deleteTimer(key: string, elementInstanceKey: string | null): void {
    this.firedTimers.set(key, elementInstanceKey);
  }

  /** A job that ends with this command, whether or not its element instance does. */
  deleteJob(key: string, elementInstanceKey: string): void {
    this.doneJobs.set(key, elementInstanceKey);
  }

  addIncident(row: Record<string, unknown>): void {
    this.incidents.push(row);
  }

  record(row: RecordRow): void {
    const instanceKey = row.process_instance_key;
    let batch = this.records.get(instanceKey);
    if (!batch) {
      this.records.set(instanceKey, (batch = { processInstanceKey: instanceKey, records: [] }));
    }
    batch.records.push([
      row.key,
      row.value_type,
      row.intent,
      row.element_id,
      row.element_type,
      row.payload,
    ]);
  }

  /**
   * Work that must wait until the current step is done, e.g. correlating a
   * buffered message to a subscription just opened (it may end the element
   * whose activation opened it).
   */
  defer(work: () => Promise<void>): void {
    this.deferred.push(work);
  }

  async runDeferred(): Promise<void> {
    for (let work = this.deferred.shift(); work; work = this.deferred.shift()) await work();
  }

  /** A statement to run at flush, after the rows above are written. */
  later(statement: () => Promise<unknown>): void {
    this.afterFlush.push(statement);
  }

  async flush(): Promise<void> {
    const liveOwner = (key: unknown) => key == null || !this.ended.has(String(key));
    const elements: Record<string, unknown>[] = [];
    for (const key of this.created) {
      if (this.ended.has(key)) continue;
      const element = this.findElement(key);
      if (element) elements.push(toRow(element));
    }
    const updatedElements: { key: string; data?: InstanceData; revised?: true }[] = [];
    for (const key of this.changed) {
      if (this.created.has(key) || this.ended.has(key)) continue;
      const element = this.findElement(key);
      if (element) updatedElements.push({ key, data: element.data });
    }
    // Every instance read (or taken from the cache) that lives on gets a new revision.
    for (const key of this.revisions.keys()) {
      if (this.ended.has(key)) continue;
      const updated = updatedElements.find((u) => u.key === key);
      if (updated) updated.revised = true;
      else updatedElements.push({ key, revised: true });
    }
    const variables: Record<string, unknown>[] = [];
    for (const [scopeKey, writes] of this.variableWrites) {
      const instance = this.instanceOfScope(scopeKey);
      if (!instance) continue;
      for (const [name, value] of writes) {
        variables.push({ scope_key: scopeKey, name, value, process_instance_key: instance.key });
      }
    }
    const inserts: { table: InsertTable; rows: object[] }[] = [
      { table: 'element_instances', rows: elements },
      { table: 'variables', rows: variables },
      { table: 'jobs', rows: (this.storedJobs = this.handOutJobs(liveOwner)) },
      { table: 'timers', rows: this.timers.filter((t) => liveOwner(t.element_instance_key)) },
      {
        table: 'message_subscriptions',
        rows: this.messageSubscriptions.filter((m) => liveOwner(m.element_instance_key)),
      },
      {
        table: 'signal_subscriptions',
        rows: this.signalSubscriptions.filter((m) => liveOwner(m.element_instance_key)),
      },
      { table: 'incidents', rows: this.incidents.filter((i) => liveOwner(i.element_instance_key)) },
    ];
    const statement = flushStatement({
      ended: [...this.ended.keys()].filter((k) => !this.created.has(k)),
      now: this.now,
      // The jobs of ended element instances go with them.
      doneJobs: [...this.doneJobs].filter(([, owner]) => liveOwner(owner)).map(([key]) => key),
      firedTimers: [...this.firedTimers]
        .filter(([, owner]) => liveOwner(owner))
        .map(([key]) => key),
      updatedElements,
      inserts,
      records: [...this.records.values()],
      storedDefinitions: this.storedDefinitions,
    });
    if (statement && this.afterFlush.length === 0) {
      await this.sql.last(statement.text, statement.values);
      return;
    }
    if (statement) await this.sql.query(statement.text, statement.values);
    for (const statement of this.afterFlush) await statement();
  }

  /** New jobs of live element instances: pushed to a stream, or left for workers to activate. */
  private handOutJobs(liveOwner: (key: unknown) => boolean): JobRow[] {
    const { pushed, jobTypes } = this.effects;
    return this.jobs
      .filter((job) => liveOwner(job.element_instance_key))
      .map((job) => {
        const instance = this.instances.get(job.process_instance_key);
        const stored = handOut(job, instance, this.streams, this.now, pushed);
        if (stored === job) jobTypes.add(job.type);
        return stored;
      });
  }

  private findElement(key: string): ElementInstance | undefined {
    for (const instance of this.instances.values()) {
      const element = instance.elements.get(key);
      if (element) return element;
    }
    return undefined;
  }

  private instanceOfScope(scopeKey: string): LoadedInstance | undefined {
    for (const instance of this.instances.values()) {
      if (instance.elements.has(scopeKey)) return instance;
    }
    return undefined;
  }
}

function fromTuple(tuple: ElementTuple, processInstanceKey: string): ElementInstance {
  const [key, definitionKey, elementId, flowScopeKey, parentElementInstanceKey, data, createdAt] =
    tuple;
  return {
    key,
    processInstanceKey,
    definitionKey,
    elementId,
    flowScopeKey,
    parentElementInstanceKey,
    data: (data ?? {}) as InstanceData,
    createdAt: new Date(createdAt),
  };
}

function toRow(e: ElementInstance): Record<string, unknown> {
  return {
    key: e.key,
    process_instance_key: e.processInstanceKey,
    definition_key: e.definitionKey,
    element_id: e.elementId,
    flow_scope_key: e.flowScopeKey,
    parent_element_instance_key: e.parentElementInstanceKey,
    data: e.data,
    created_at: e.createdAt,
  };
}

export function scopeVariables(instance: LoadedInstance, scopeKey: string): Map<string, unknown> {
  let vars = instance.variables.get(scopeKey);
  if (!vars) instance.variables.set(scopeKey, (vars = new Map()));
  return vars;
}

export type { StoredDefinition };
