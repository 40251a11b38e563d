// Conformance suite harness: an engine on a real PostgreSQL, driven through
// the real gRPC clients (@camunda8/sdk, and zeebe-node for the compatibility
// tests), with helpers to deploy fixtures, wait for jobs and read engine state.
//
// Test files run in parallel on the run's shared database, so each deployment
// gets its own job types (`svc-a` becomes `svc-a.<tag>`): a worker never takes
// another test's job. Files that move a ControlledClock get a database of their
// own, since an engine fires every due timer of its database by its clock.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Camunda8, type Zeebe } from '@camunda8/sdk';
import {
  credentials,
  loadPackageDefinition,
  type GrpcObject,
  type ServiceClientConstructor,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type {
  IInputVariables,
  IProcessVariables,
  Job as SdkJob,
  JSONDoc,
} from '@camunda8/sdk/dist/zeebe/lib/interfaces-1.0.js';
import type { Knex } from 'knex';
import { afterAll, beforeAll, inject, vi } from 'vitest';
import { ZBClient } from 'zeebe-node';
import {
  ControlledClock,
  startEngine,
  type Clock,
  type RunningEngine,
} from '../../engine/index.js';
import { PROTO_PATH } from '../../engine/gateway/proto.js';
import { createDb } from '../../server/plugins/external/database.js';
import { createDatabaseBeside, type TestDatabase } from '../support/test-database.js';

export type SdkClient = Zeebe.ZeebeGrpcClient;
export type Job = SdkJob<IInputVariables>;

// --- databases ----------------------------------------------------------------

export type Database = TestDatabase;

/** A migrated database of its own, on the server of the run's database. */
export function ownDatabase(): Promise<Database> {
  return createDatabaseBeside(inject('databaseUrl'), 'motcua_engine');
}

// --- clients --------------------------------------------------------------------

/** The app's client: @camunda8/sdk's Zeebe gRPC client, plaintext, no OAuth, no retries. */
export function sdkClient(address: string): SdkClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    zeebeGrpcSettings: {
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
      // Rejections must surface as they are (the sdk retries RESOURCE_EXHAUSTED forever).
      ZEEBE_GRPC_CLIENT_RETRY: false,
      ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS: 20,
      ZEEBE_GRPC_WORKER_LONGPOLL_SECONDS: 5,
    },
  }).getZeebeGrpcApiClient();
}

/**
 * Closes an sdk job stream. The sdk reports its own cancellation of the call
 * with console.error; only that line is kept out of the test output.
 */
export async function closeStream(stream: { close(): void }): Promise<void> {
  const log = console.error;
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('CANCELLED: Cancelled on client')) log(...args);
  });
  stream.close();
  await sleep(50);
  spy.mockRestore();
}

/** The older client, unmodified. */
export function zeebeNodeClient(address: string): ZBClient {
  return new ZBClient(address, {
    useTLS: false,
    oAuth: undefined,
    loglevel: 'NONE',
    retry: false,
    pollInterval: 20,
    longPoll: 5000,
  });
}

/** A bare gRPC client of zeebe.proto, to send what the clients never would (bad JSON, arrays). */
export function rawGateway(address: string) {
  const definition = loadSync(PROTO_PATH, { keepCase: true, longs: String, defaults: true });
  const pkg = loadPackageDefinition(definition).gateway_protocol as GrpcObject;
  const Gateway = pkg.Gateway as ServiceClientConstructor;
  const client = new Gateway(address, credentials.createInsecure());
  type Method = (
    request: unknown,
    callback: (error: Error | null, response: unknown) => void,
  ) => void;
  return {
    call(method: string, request: Record<string, unknown>): Promise<Record<string, unknown>> {
      const rpc = (client[method] as Method).bind(client);
      return new Promise((resolve, reject) =>
        rpc(request, (error, response) =>
          error ? reject(error) : resolve(response as Record<string, unknown>),
        ),
      );
    },
    /** A server-streaming call (ActivateJobs): every message until the server ends it. */
    stream(method: string, request: Record<string, unknown>): Promise<unknown[]> {
      const call = (client[method] as (r: unknown) => NodeJS.ReadableStream).call(client, request);
      const messages: unknown[] = [];
      return new Promise((resolve, reject) => {
        call.on('data', (m: unknown) => messages.push(m));
        call.on('error', reject);
        call.on('end', () => resolve(messages));
      });
    },
    close: () => client.close(),
  };
}

// --- the engine -------------------------------------------------------------------

export interface EngineContext {
  db: Knex;
  engine: RunningEngine;
  zeebe: SdkClient;
  /** Set when the file asked for a ControlledClock. */
  clock: ControlledClock;
  /**
   * Stops the engine (and its client), runs `whileStopped`, and starts a new
   * engine on the same database and port, with a new client.
   */
  restart(whileStopped?: () => unknown): Promise<void>;
}

export interface EngineSetup {
  /** A database of this file's own (required with a ControlledClock). */
  ownDatabase?: boolean;
  clock?: () => ControlledClock;
}

/** Starts an engine and an sdk client before the file's tests, stops both after. */
export function useEngine(setup: EngineSetup = {}): EngineContext {
  const context = {} as EngineContext;
  let database: Database | null = null;
  const start = async (port: number, clock: Clock | undefined) => {
    context.engine = await startEngine({ db: context.db, port, clock, log: quietLog });
    context.zeebe = sdkClient(context.engine.address);
  };
  const stop = async () => {
    await context.zeebe?.close(1000);
    await context.engine?.stop();
  };
  beforeAll(async () => {
    if (setup.ownDatabase || setup.clock) database = await ownDatabase();
    context.db = createDb(database?.url ?? inject('databaseUrl'), { genericPlans: true });
    const clock = setup.clock?.();
    if (clock) context.clock = clock;
    await start(0, clock);
    context.restart = async (whileStopped) => {
      await stop();
      await whileStopped?.();
      await start(context.engine.port, clock);
    };
  });
  afterAll(async () => {
    await stop();
    await context.db?.destroy();
    await database?.drop();
  });
  return context;
}

/** A clock that stands still (from now) until a test moves it. */
export function frozenClock(): ControlledClock {
  const start = new Date();
  return new ControlledClock({ now: () => new Date(start) });
}

// The engine logs background failures; a test that provokes one asserts on it.
const quietLog = (level: 'warn' | 'error', message: string, error?: unknown) => {
  if (level === 'error') console.error(message, error);
};

// --- fixtures -----------------------------------------------------------------------

export function fixtureXml(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.bpmn`, import.meta.url), 'utf8');
}

export function uniqueId(prefix = 'k'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export interface Deployed {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  /** The job type this deployment uses for the fixture's `name`. */
  type(name: string): string;
}

/**
 * The fixture with this deployment's own job types, and optionally another
 * process id (a test that counts versions needs one nobody else deploys).
 */
export function taggedXml(name: string, tag: string, processId?: string): string {
  let xml = fixtureXml(name).replace(
    /(<zeebe:taskDefinition type=")([^"=][^"]*)"/g,
    (_m, head: string, type: string) => `${head}${type}.${tag}"`,
  );
  if (processId) {
    xml = xml.replace(
      new RegExp(`(id|bpmnElement|processRef)="${name}"`, 'g'),
      (_m, attribute: string) => `${attribute}="${processId}"`,
    );
  }
  return xml;
}

export async function deploy(
  zeebe: SdkClient,
  name: string,
  options: { processId?: string; tag?: string } = {},
): Promise<Deployed> {
  const tag = options.tag ?? randomUUID().slice(0, 8);
  const result = await zeebe.deployResource({
    process: Buffer.from(taggedXml(name, tag, options.processId)),
    name: `${name}.bpmn`,
  });
  const process = result.deployments[0]!.process;
  return {
    bpmnProcessId: process.bpmnProcessId,
    version: process.version,
    processDefinitionKey: String(process.processDefinitionKey),
    type: (type) => `${type}.${tag}`,
  };
}

/** Creates an instance of exactly the deployed version; returns its key. */
export async function start(
  zeebe: SdkClient,
  process: Deployed,
  variables: Record<string, unknown> = {},
): Promise<string> {
  const created = await zeebe.createProcessInstance({
    bpmnProcessId: process.bpmnProcessId,
    version: process.version,
    variables: variables as JSONDoc,
  });
  return String(created.processInstanceKey);
}

// --- waiting ------------------------------------------------------------------------

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// --- jobs ---------------------------------------------------------------------------

/** Long-polls for jobs of a type until `count` arrived (or fails after `timeoutMs`). */
export async function activate(
  zeebe: SdkClient,
  type: string,
  count = 1,
  options: { timeoutMs?: number; jobTimeout?: number; fetchVariable?: string[] } = {},
): Promise<Job[]> {
  const jobs: Job[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (jobs.length < count) {
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new Error(`expected ${count} job(s) of type '${type}', got ${jobs.length}`);
    }
    jobs.push(
      ...(await zeebe.activateJobs({
        type,
        worker: 'test',
        maxJobsToActivate: count - jobs.length,
        timeout: options.jobTimeout ?? 60_000,
        requestTimeout: Math.min(left, 5_000),
        fetchVariable: options.fetchVariable,
      })),
    );
  }
  return jobs;
}

/** Expects no job of this type to become activatable within `ms`. */
export async function noJob(zeebe: SdkClient, type: string, ms = 200): Promise<boolean> {
  const jobs = await zeebe.activateJobs({
    type,
    worker: 'test',
    maxJobsToActivate: 10,
    timeout: 60_000,
    requestTimeout: ms,
  });
  return jobs.length === 0;
}

/** Activates one job of the type and completes it with these variables. */
export async function completeNext(
  zeebe: SdkClient,
  type: string,
  variables: Record<string, unknown> = {},
): Promise<Job> {
  const [job] = await activate(zeebe, type);
  await zeebe.completeJob({ jobKey: job!.key, variables: variables as IProcessVariables });
  return job!;
}

export async function rejection(
  call: Promise<unknown>,
): Promise<{ code: number; details: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: number; details?: string; message?: string };
    return { code: e.code ?? -1, details: e.details ?? e.message ?? '' };
  }
  throw new Error('expected the call to be rejected');
}

// --- engine state (what a client cannot observe) ------------------------------------

export interface IncidentRow {
  key: string;
  error_type: string;
  error_message: string;
  element_id: string;
  element_instance_key: string;
  job_key: string | null;
  state: string;
}

export function incidents(db: Knex, processInstanceKey: string): Promise<IncidentRow[]> {
  return db('engine.incidents')
    .where({ process_instance_key: processInstanceKey, state: 'active' })
    .orderBy('key')
    .select<IncidentRow[]>(
      db.raw('key::text'),
      'error_type',
      'error_message',
      'element_id',
      db.raw('element_instance_key::text'),
      db.raw('job_key::text'),
      'state',
    );
}

export function waitForIncident(db: Knex, processInstanceKey: string): Promise<IncidentRow> {
  return waitFor(`an incident on ${processInstanceKey}`, async () => {
    const [incident] = await incidents(db, processInstanceKey);
    return incident;
  });
}

/** How the process instance ended, or null while it is active. */
export async function ended(
  db: Knex,
  processInstanceKey: string,
): Promise<'ELEMENT_COMPLETED' | 'ELEMENT_TERMINATED' | null> {
  const row = await db('engine.records')
    // The root's records are its instance's: the view of engine.records finds them by index.
    .where({
      key: processInstanceKey,
      process_instance_key: processInstanceKey,
      value_type: 'PROCESS_INSTANCE',
    })
    .whereIn('intent', ['ELEMENT_COMPLETED', 'ELEMENT_TERMINATED'])
    .first('intent');
  return row?.intent ?? null;
}

export function waitForEnd(db: Knex, processInstanceKey: string, timeoutMs?: number) {
  return waitFor(
    `process instance ${processInstanceKey} to end`,
    () => ended(db, processInstanceKey),
    timeoutMs,
  );
}

/** Element ids in the order their instances completed. */
export async function completedElements(db: Knex, processInstanceKey: string): Promise<string[]> {
  const rows = await db('engine.records')
    .where({ process_instance_key: processInstanceKey, intent: 'ELEMENT_COMPLETED' })
    .orderBy('position')
    .select<{ element_id: string }[]>('element_id');
  return rows.map((r) => r.element_id);
}

/** Live element ids of a process instance. */
export async function activeElements(db: Knex, processInstanceKey: string): Promise<string[]> {
  const rows = await db('engine.element_instances')
    .where('process_instance_key', processInstanceKey)
    .orderBy('key')
    .select<{ element_id: string }[]>('element_id');
  return rows.map((r) => r.element_id);
}

/** The process instance's root variables as stored. */
export async function rootVariables(
  db: Knex,
  processInstanceKey: string,
): Promise<Record<string, unknown>> {
  const rows = await db('engine.variables')
    .where({ scope_key: processInstanceKey })
    .select<{ name: string; value: unknown }[]>('name', 'value');
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}
