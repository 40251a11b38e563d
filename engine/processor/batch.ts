// The state one command works on, inside its PostgreSQL transaction: the
// process instances it touched (locked, loaded whole), and every row it must
// write. `flush` writes them in a few multi-row statements before commit.
import type { Knex } from 'knex';
import type { CompiledProcess } from '../bpmn/model.js';
import type { Clock } from './clock.js';
import type { DefinitionStore, StoredDefinition } from './definitions.js';
import type { KeyAllocator } from './keys.js';

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
  state: 'activatable';
  retries: number;
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
  created_at: Date;
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
}

export class Batch {
  readonly instances = new Map<string, LoadedInstance>();
  readonly effects: Effects = {
    jobTypes: new Set(),
    completedInstances: new Map(),
    timersChanged: false,
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
  private readonly records: RecordRow[] = [];
  private readonly sql: (() => Promise<unknown>)[] = [];
  private readonly deferred: (() => Promise<void>)[] = [];

  constructor(
    readonly trx: Knex.Transaction,
    readonly keys: KeyAllocator,
    readonly definitions: DefinitionStore,
    readonly now: Date,
    readonly clock: Clock,
  ) {}

  key(): Promise<string> {
    return this.keys.next(this.trx);
  }

  process(instance: LoadedInstance): CompiledProcess {
    return instance.definition.process;
  }

  /** Locks a process instance (its commands never interleave) and loads it. */
  async load(processInstanceKey: string): Promise<LoadedInstance | null> {
    const cached = this.instances.get(processInstanceKey);
    if (cached) return cached;
    // Lock first, then read in a statement of its own: a statement's snapshot
    // is taken before it waits for the lock, and would miss the changes of the
    // command that held it.
    const locked = await this.trx.raw<{ rows: unknown[] }>(
      'select 1 from engine.element_instances where key = ? for update',
      [processInstanceKey],
    );
    if (locked.rows.length === 0) return null;
    const rows = await this.trx.raw<{ rows: RawElementInstance[] }>(
      'select e.* from engine.element_instances e where e.process_instance_key = ?',
      [processInstanceKey],
    );
    const root = rows.rows.find((r) => r.key === processInstanceKey)!;
    const definition = await this.definitions.byKey(root.definition_key, this.trx);
    const vars = await this.trx('engine.variables')
      .where('process_instance_key', processInstanceKey)
      .select<{ scope_key: string; name: string; value: unknown }[]>('scope_key', 'name', 'value');
    const instance: LoadedInstance = {
      key: processInstanceKey,
      definition,
      elements: new Map(rows.rows.map((r) => [r.key, fromRow(r)])),
      variables: new Map(),
    };
    for (const v of vars) scopeVariables(instance, v.scope_key).set(v.name, v.value);
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
    this.effects.jobTypes.add(job.type);
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

  addIncident(row: Record<string, unknown>): void {
    this.incidents.push(row);
  }

  record(row: Omit<RecordRow, 'created_at'>): void {
    this.records.push({ ...row, created_at: this.now });
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
    this.sql.push(statement);
  }

  async flush(): Promise<void> {
    const trx = this.trx;
    const endedKeys = [...this.ended.keys()];
    const liveOwner = (key: unknown) => key == null || !this.ended.has(String(key));

    const inserts: Record<string, unknown>[] = [];
    for (const key of this.created) {
      if (this.ended.has(key)) continue;
      const element = this.findElement(key);
      if (element) inserts.push(toRow(element));
    }
    if (inserts.length) await trx('engine.element_instances').insert(inserts);
    for (const key of this.changed) {
      if (this.created.has(key) || this.ended.has(key)) continue;
      const element = this.findElement(key);
      if (element) {
        await trx('engine.element_instances').where({ key }).update({ data: element.data });
      }
    }
    if (endedKeys.length) {
      const persisted = endedKeys.filter((k) => !this.created.has(k));
      if (persisted.length) {
        // Everything an ended element owned goes in one round trip.
        await trx.raw(
          `with e as (delete from engine.element_instances where key = any(:keys::bigint[])),
                v as (delete from engine.variables where scope_key = any(:keys::bigint[])),
                j as (delete from engine.jobs where element_instance_key = any(:keys::bigint[])),
                t as (delete from engine.timers where element_instance_key = any(:keys::bigint[])),
                m as (delete from engine.message_subscriptions where element_instance_key = any(:keys::bigint[])),
                s as (delete from engine.signal_subscriptions where element_instance_key = any(:keys::bigint[]))
           update engine.incidents set state = 'resolved', resolved_at = :now
            where element_instance_key = any(:keys::bigint[]) and state = 'active'`,
          { keys: persisted, now: this.now },
        );
      }
    }

    const variableRows: Record<string, unknown>[] = [];
    for (const [scopeKey, writes] of this.variableWrites) {
      const instance = this.instanceOfScope(scopeKey);
      if (!instance) continue;
      for (const [name, value] of writes) {
        variableRows.push({
          scope_key: scopeKey,
          name,
          value: JSON.stringify(value ?? null),
          process_instance_key: instance.key,
        });
      }
    }
    if (variableRows.length) {
      await trx('engine.variables')
        .insert(variableRows)
        .onConflict(['scope_key', 'name'])
        .merge(['value']);
    }

    const jobs = this.jobs.filter((j) => liveOwner(j.element_instance_key));
    if (jobs.length) {
      await trx('engine.jobs').insert(
        jobs.map((j) => ({ ...j, custom_headers: JSON.stringify(j.custom_headers) })),
      );
    }
    const timers = this.timers.filter((t) => liveOwner(t.element_instance_key));
    if (timers.length) await trx('engine.timers').insert(timers);
    const subs = this.messageSubscriptions.filter((s) => liveOwner(s.element_instance_key));
    if (subs.length) await trx('engine.message_subscriptions').insert(subs);
    const signals = this.signalSubscriptions.filter((s) => liveOwner(s.element_instance_key));
    if (signals.length) await trx('engine.signal_subscriptions').insert(signals);
    const incidents = this.incidents.filter((i) => liveOwner(i.element_instance_key));
    if (incidents.length) await trx('engine.incidents').insert(incidents);
    for (const statement of this.sql) await statement();
    if (this.records.length) {
      await trx('engine.records').insert(
        this.records.map((r) => ({
          ...r,
          payload: r.payload == null ? null : JSON.stringify(r.payload),
        })),
      );
    }
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

interface RawElementInstance {
  key: string;
  process_instance_key: string;
  definition_key: string;
  element_id: string;
  flow_scope_key: string | null;
  parent_element_instance_key: string | null;
  data: InstanceData;
  created_at: Date;
}

function fromRow(r: RawElementInstance): ElementInstance {
  return {
    key: r.key,
    processInstanceKey: r.process_instance_key,
    definitionKey: r.definition_key,
    elementId: r.element_id,
    flowScopeKey: r.flow_scope_key,
    parentElementInstanceKey: r.parent_element_instance_key,
    data: r.data ?? {},
    createdAt: r.created_at,
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
