// Engine benchmark (issue 3, "Benchmark"): instances per second and
// create-to-complete latency of the embedded engine, driven over gRPC by the
// app's client (@camunda8/sdk) with streaming workers, for a one-service-task
// process and a ten-element process (gateway, message, timer); the same
// processes in `bpmn-engine` in-process as a baseline; and, when pgbench is
// installed, the PostgreSQL server's commit rate.
//
// Run: npx tsx test/bench/engine.bench.ts
// Environment (all optional):
//   DATABASE_URL           a PostgreSQL server to use (else an embedded one in a temp dir)
//   BENCH_SECONDS          measured load per scenario (default 10)
//   BENCH_WARMUP_SECONDS   unmeasured load before each scenario (default 2)
//   BENCH_CONCURRENCY      instances in flight at once, a closed loop: each finished
//                          instance starts the next (default 8,10,64: each scenario at
//                          8 and 10 for latency, then at 64 for throughput)
//   BENCH_ENGINE           process (default): the engine in a child process of its own,
//                          as `npm run engine` runs it; inline: in this process
//   BENCH_POOL             the engine's PostgreSQL pool size (default 10, as the app's)
//   BENCH_CHILD_ARGS       Node flags for the engine's process, space separated
//                          (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof)
//   BENCH_STALL_SECONDS    no completion for this long ends a scenario (default 5)
//   BENCH_PGBENCH_CLIENTS  pgbench -c (default 4; -j is half of it)
//   BENCH_SQL              1: also print the engine's SQL statements by total time
//   BENCH_SCENARIOS        which to run, comma separated: motcua,bpmn-engine,pgbench (default all)
// It prints figures and never fails on them; it exits non-zero only when it
// cannot set up (no database, engine does not start).
import { execFile, fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Camunda8 } from '@camunda8/sdk';
import { Engine as BpmnEngine, type BpmnEngineOptions } from 'bpmn-engine';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { compileExpression, type Expression } from '../../engine/feel/expression.js';
import { createDb, runMigrations } from '../../server/plugins/external/database.js';
import { startEmbeddedPostgres } from '../../server/plugins/external/embedded-postgres.js';
import { temporaryDataDir } from '../support/test-database.js';
import { backendCpu, cpuBetween } from './backend-cpu.js';
import type { ChildCounts, ChildOptions, ChildRequest } from './engine-child.js';
import { SqlCounter } from './sql-counter.js';

type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

const FIXTURES = fileURLToPath(new URL('../engine/fixtures/', import.meta.url));

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

const SECONDS = numberFromEnv('BENCH_SECONDS', 10);
const WARMUP_SECONDS = numberFromEnv('BENCH_WARMUP_SECONDS', 2);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY || '8,10,64')
  .split(',')
  .map((c) => Math.max(1, Math.floor(Number(c.trim()) || 1)));
const CONCURRENCY = Math.max(...CONCURRENCIES);
const ENGINE_APART = process.env.BENCH_ENGINE !== 'inline';
const POOL = Math.max(2, Math.floor(numberFromEnv('BENCH_POOL', 10)));
const STALL_MS = Math.max(1, numberFromEnv('BENCH_STALL_SECONDS', 5)) * 1000;
const PGBENCH_CLIENTS = Math.max(1, Math.floor(numberFromEnv('BENCH_PGBENCH_CLIENTS', 4)));
const PGBENCH_SECONDS = Math.max(1, Math.round(SECONDS));
const SQL_PROFILE = process.env.BENCH_SQL === '1';
const SCENARIOS = new Set(
  (process.env.BENCH_SCENARIOS || 'motcua,bpmn-engine,pgbench').split(',').map((s) => s.trim()),
);
// One instance may take this long before it counts as failed.
const INSTANCE_TIMEOUT_MS = 30_000;
// Each clean-up step gets this long, so the script always ends.
const CLEANUP_STEP_MS = 5_000;

const TARGET_RATE = 500;
const TARGET_P99_MS = 50;

interface ProcessCase {
  label: string;
  file: string;
  bpmnProcessId: string;
  variables(n: number): Record<string, string | boolean>;
}

const PROCESSES: ProcessCase[] = [
  {
    label: '(a) one-service-task',
    file: 'one-service-task.bpmn',
    bpmnProcessId: 'one-service-task',
    variables: () => ({}),
  },
  {
    // needsApproval true takes the long way: start, svc-a, XOR, message catch
    // `approved`, svc-b, merge, timer PT0S, svc-c, svc-d, end: ten elements.
    label: '(b) ten-elements',
    file: 'ten-elements.bpmn',
    bpmnProcessId: 'ten-elements',
    variables: (n) => ({ needsApproval: true, caseId: `case-${n}` }),
  },
];

interface Measurement {
  scenario: string;
  completed: number;
  failed: number;
  seconds: number;
  latencies: number[];
  /** CPU time of this Node process (engine, client and workers) over wall time, in %. */
  cpuPercent: number;
  /** CPU time of this Node process per completed instance, in ms. */
  cpuMsPerInstance: number;
  /** The part of it spent by the engine when it runs in a process of its own, in ms. */
  engineCpuMsPerInstance?: number;
  /** No instance completed for STALL_MS while some were in flight. */
  stalled: boolean;
  inFlightAtEnd: number;
  firstError?: string;
  /** Engine transactions and SQL statements per completed instance. */
  transactionsPerInstance?: number;
  statementsPerInstance?: number;
  roundTripsPerInstance?: number;
  /** CPU time of the PostgreSQL backends per completed instance, in ms. */
  pgCpuMsPerInstance?: number;
}

// --- load driver ---------------------------------------------------------------

function withTimeout<T>(promise: Promise<T>, ms: number, what = 'completion'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Instance numbers are unique over the whole run (ten-elements correlates by them).
let nextInstance = 0;

/** One instance before any load: a process that cannot complete is reported, not loaded. */
async function probe(runOne: (n: number) => Promise<void>): Promise<string | null> {
  try {
    await withTimeout(runOne(nextInstance++), INSTANCE_TIMEOUT_MS);
    return null;
  } catch (error) {
    return message(error);
  }
}

/**
 * Keeps `concurrency` instances in flight for `seconds`: each lane starts an
 * instance, waits for it to complete, and starts the next, until time is up.
 * Ends early (stalled) when nothing completes for STALL_MS.
 */
async function drive(
  scenario: string,
  seconds: number,
  concurrency: number,
  runOne: (n: number) => Promise<void>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let inFlight = 0;
  let stopped = false;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let lastProgress = start;

  const lane = async () => {
    while (!stopped && performance.now() < deadline) {
      const n = nextInstance++;
      const t0 = performance.now();
      inFlight++;
      try {
        await withTimeout(runOne(n), INSTANCE_TIMEOUT_MS);
        if (!stopped) latencies.push(performance.now() - t0);
      } catch (error) {
        if (!stopped) failed++;
        firstError ??= message(error);
      } finally {
        inFlight--;
        lastProgress = performance.now();
      }
    }
  };
  let watchdog: NodeJS.Timeout | undefined;
  const stall = new Promise<void>((resolve) => {
    watchdog = setInterval(() => {
      if (inFlight > 0 && performance.now() - lastProgress > STALL_MS) resolve();
    }, 250);
  });
  const lanes = Promise.all(Array.from({ length: concurrency }, lane));
  const stalled = await Promise.race([lanes.then(() => false), stall.then(() => true)]);
  stopped = true;
  clearInterval(watchdog);
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    scenario,
    completed: latencies.length,
    failed,
    seconds: elapsed,
    latencies,
    cpuPercent: (cpu.user + cpu.system) / 1000 / 10 / elapsed,
    cpuMsPerInstance: (cpu.user + cpu.system) / 1000 / Math.max(latencies.length, 1),
    stalled,
    inFlightAtEnd: inFlight,
    firstError,
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

// --- database --------------------------------------------------------------------

interface BenchServer {
  /** The server's URL; benchmark databases replace its database part. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

async function openServer(): Promise<BenchServer> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, embedded: false, stop: async () => undefined };
  const dataDir = await temporaryDataDir('motcua-bench');
  const embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
  return {
    url: embedded.url,
    embedded: true,
    stop: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// --- motcua over gRPC --------------------------------------------------------------

function zeebeClient(address: string): ZeebeClient {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'error',
    zeebeGrpcSettings: {
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
      // A failed command is counted, not retried for ever.
      ZEEBE_GRPC_CLIENT_RETRY: false,
    },
  });
  return c8.getZeebeGrpcApiClient();
}

interface Workers {
  /** Worker commands (complete, publish) that failed, and the first reason. */
  failures: number;
  firstFailure?: string;
  close(): void;
}

/** A streaming worker per job type; svc-a of ten-elements then publishes `approved`. */
async function startWorkers(zbc: ZeebeClient): Promise<Workers> {
  const workers: Workers = { failures: 0, close: () => undefined };
  const streams = await Promise.all(
    ['svc-a', 'svc-b', 'svc-c', 'svc-d'].map((type) =>
      zbc.streamJobs({
        type,
        worker: `bench-${type}`,
        timeout: 30_000,
        tenantIds: [],
        fetchVariables: ['caseId'],
        taskHandler: async (job) => {
          try {
            await zbc.completeJob({ jobKey: job.key, variables: {} });
            if (type === 'svc-a' && job.bpmnProcessId === 'ten-elements') {
              // The catch event's subscription opened in the command that
              // completed svc-a, so the message needs no buffering (TTL 0).
              await zbc.publishMessage({
                name: 'approved',
                correlationKey: String(job.variables.caseId),
                timeToLive: 0,
                variables: {},
              });
            }
          } catch (error) {
            workers.failures++;
            workers.firstFailure ??= message(error);
          }
          return job.forward();
        },
      }),
    ),
  );
  workers.close = () => {
    for (const stream of streams) stream.close();
  };
  return workers;
}

/** The engine under load: in this process, or in one of its own (BENCH_ENGINE). */
interface BenchEngine {
  address: string;
  /** Starts counting SQL (and the engine's CPU time when it runs apart). */
  reset(): Promise<void>;
  /** Counts since reset; cpuMs is 0 when the engine runs in this process (its CPU is this process's). */
  read(label: string, instances: number): Promise<Omit<ChildCounts, 'type' | 'notes'>>;
  stop(): Promise<void>;
  notes(): string[];
}

async function inlineEngine(url: string, database: string): Promise<BenchEngine> {
  const db = createDb(url, { max: POOL });
  let engineErrors = 0;
  let firstEngineError: string | undefined;
  let acquireErrors = 0;
  let firstAcquireError: string | undefined;
  // knex prints each timed-out connection request; count them instead.
  const logger = (db.client as { logger: { warn(text: string): void } }).logger;
  const warn = logger.warn.bind(logger);
  logger.warn = (text) => {
    if (!text.startsWith('Acquire connection error')) return warn(text);
    acquireErrors++;
    firstAcquireError ??= text.split('\n')[0];
  };
  let engine: RunningEngine;
  try {
    engine = await startEngine({
      db,
      port: 0,
      log: (level, text, error) => {
        if (level !== 'error') return;
        engineErrors++;
        firstEngineError ??= `${text}: ${message(error)}`;
      },
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const sql = new SqlCounter(database, SQL_PROFILE);
  return {
    address: engine.address,
    reset: async () => sql.reset(),
    read: async (label, instances) => {
      if (SQL_PROFILE) sql.print(label, instances);
      return { ...sql, cpuMs: 0 };
    },
    stop: async () => {
      sql.dispose();
      await withTimeout(engine.stop(), CLEANUP_STEP_MS, 'engine stop').finally(() => db.destroy());
    },
    notes: () => [
      ...(acquireErrors
        ? [`the engine's pool refused ${acquireErrors} connection requests: ${firstAcquireError}`]
        : []),
      ...(engineErrors ? [`engine logged ${engineErrors} errors: ${firstEngineError}`] : []),
    ],
  };
}

/** The engine in a child process (test/bench/engine-child.ts), asked over IPC. */
async function childEngine(url: string, database: string): Promise<BenchEngine> {
  const options: ChildOptions = { url, database, pool: POOL, timedSql: SQL_PROFILE };
  const child = fork(fileURLToPath(new URL('./engine-child.ts', import.meta.url)), {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CHILD_ARGS ?? '').split(' ').filter(Boolean),
    ],
    env: { ...process.env, BENCH_ENGINE_CHILD: JSON.stringify(options) },
    stdio: 'inherit',
  });
  let notes: string[] = [];
  const answer = <T>(type: string) =>
    withTimeout(
      new Promise<T>((resolve, reject) => {
        const onMessage = (m: { type: string }) => {
          if (m.type !== type) return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(m as T);
        };
        const onExit = (code: number | null) => {
          child.off('message', onMessage);
          reject(new Error(`the engine process ended (${code}) before answering ${type}`));
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
      }),
      INSTANCE_TIMEOUT_MS,
      `answer '${type}' from the engine process`,
    );
  const ask = <T>(request: ChildRequest, type: string) => {
    const answered = answer<T>(type);
    child.send(request);
    return answered;
  };
  try {
    const { address } = await answer<{ address: string }>('ready');
    return {
      address,
      reset: () => ask({ type: 'reset' }, 'reset').then(() => undefined),
      read: async (label, instances) => {
        const counts = await ask<ChildCounts>({ type: 'read', label, instances }, 'counts');
        notes = counts.notes;
        return counts;
      },
      stop: async () => {
        const stopped = await ask<{ notes: string[] }>({ type: 'stop' }, 'stopped').catch(
          (error: unknown) => {
            child.kill('SIGKILL');
            throw error;
          },
        );
        notes = stopped.notes;
      },
      notes: () => notes,
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

async function benchMotcua(
  serverUrl: string,
  log: (line: string) => void,
  notes: string[],
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  const name = `motcua_bench_${Date.now()}_${process.pid}`;
  const admin = createDb(serverUrl, { max: 1 });
  let engine: BenchEngine | null = null;
  let zbc: ZeebeClient | null = null;
  let workers: Workers | null = null;
  const cleanup = async (what: string, step: () => Promise<unknown>) => {
    try {
      await withTimeout(step(), CLEANUP_STEP_MS, 'end');
    } catch (error) {
      notes.push(`clean-up: ${what}: ${message(error)}`);
    }
  };
  try {
    await admin.raw('create database ??', [name]);
    const url = databaseUrl(serverUrl, name);
    const db = createDb(url, { max: 1 });
    await runMigrations(db).finally(() => db.destroy());
    engine = ENGINE_APART ? await childEngine(url, name) : await inlineEngine(url, name);
    log(
      `engine on ${engine.address} ${ENGINE_APART ? 'in a process of its own' : 'in this process'}, database ${name}, pool of ${POOL} connections`,
    );
    const client = (zbc = zeebeClient(engine.address));
    for (const p of PROCESSES) {
      await client.deployResource({
        name: p.file,
        process: await readFile(join(FIXTURES, p.file)),
      });
    }
    workers = await startWorkers(client);

    for (const p of PROCESSES) {
      const runOne = async (n: number) => {
        await client.createProcessInstanceWithResult({
          bpmnProcessId: p.bpmnProcessId,
          variables: p.variables(n),
          requestTimeout: INSTANCE_TIMEOUT_MS,
        });
      };
      const problem = await probe(runOne);
      if (problem) {
        notes.push(`motcua ${p.label}: first instance did not complete (${problem}); skipped`);
        continue;
      }
      for (const concurrency of CONCURRENCIES) {
        const label = `motcua ${p.label} @${concurrency}`;
        if (WARMUP_SECONDS > 0) {
          log(`${label}: warm-up ${WARMUP_SECONDS} s…`);
          const warmUp = await drive('warm-up', WARMUP_SECONDS, concurrency, runOne);
          if (warmUp.stalled) {
            measurements.push({ ...warmUp, scenario: `${label} (warm-up)` });
            break;
          }
        }
        await engine.reset();
        log(`${label}: ${SECONDS} s at ${concurrency} in flight…`);
        const pgBefore = await backendCpu(admin, name);
        const m = await drive(label, SECONDS, concurrency, runOne);
        const pgAfter = await backendCpu(admin, name);
        const counts = await engine.read(label, m.completed);
        // The engine's own CPU when it runs apart; else it is in this process's.
        m.cpuPercent += counts.cpuMs / 10 / m.seconds;
        m.cpuMsPerInstance += counts.cpuMs / Math.max(m.completed, 1);
        if (ENGINE_APART) m.engineCpuMsPerInstance = counts.cpuMs / Math.max(m.completed, 1);
        if (m.completed) {
          m.transactionsPerInstance = counts.transactions / m.completed;
          m.statementsPerInstance = counts.statements / m.completed;
          m.roundTripsPerInstance = counts.roundTrips / m.completed;
          if (pgAfter.size) m.pgCpuMsPerInstance = cpuBetween(pgBefore, pgAfter) / m.completed;
        }
        measurements.push(m);
        if (m.stalled) break;
      }
      if (measurements.some((m) => m.stalled)) break;
    }
    if (measurements.some((m) => m.stalled)) {
      const pool = await admin.raw<{ rows: { state: string; query: string; n: number }[] }>(
        `select state, left(regexp_replace(query, '\\s+', ' ', 'g'), 80) as query, count(*)::int as n
           from pg_stat_activity where datname = ? group by 1, 2 order by 3 desc`,
        [name],
      );
      notes.push(
        `the engine stalled (no completion for ${STALL_MS / 1000} s); its connections then: ` +
          pool.rows.map((r) => `${r.n}× ${r.state} "${r.query}"`).join('; ') +
          '; remaining motcua scenarios skipped',
      );
    }
  } finally {
    workers?.close();
    if (zbc) await cleanup('client close', () => zbc!.close());
    if (engine) await cleanup('engine stop', () => engine!.stop());
    // Forced: after a stall the engine's connections are still in transactions.
    await cleanup(`drop database ${name}`, () =>
      admin.raw('drop database if exists ?? with (force)', [name]),
    );
    await cleanup('admin pool destroy', () => admin.destroy());
    if (engine) notes.push(...engine.notes());
    if (workers?.failures) {
      notes.push(`worker commands failed ${workers.failures} times: ${workers.firstFailure}`);
    }
  }
  return measurements;
}

// --- bpmn-engine baseline ------------------------------------------------------------

interface BpmnActivity {
  type: string;
  behaviour: { Service?: unknown };
}

interface BpmnApi {
  id: string;
  signal(message?: unknown): void;
}

/** The service task's implementation: completes at once. */
function ImmediateService(this: { execute: unknown }) {
  this.execute = (_message: unknown, callback: (error: unknown, output?: unknown) => void) =>
    callback(null, {});
}

/** Values starting with `=` are FEEL, evaluated with motcua's FEEL wrapper (compiled once). */
function feelExpressions() {
  const compiled = new Map<string, Expression>();
  return {
    resolveExpression(expression: unknown, context: { environment: { variables: object } }) {
      if (typeof expression !== 'string' || !expression.trimStart().startsWith('=')) {
        return expression;
      }
      let feel = compiled.get(expression);
      if (!feel) compiled.set(expression, (feel = compileExpression(expression)));
      return feel.evaluate(context.environment.variables as Record<string, unknown>);
    },
  };
}

async function benchBpmnEngine(
  log: (line: string) => void,
  notes: string[],
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  const expressions = feelExpressions();
  const extensions = {
    // Returns no IExtension: nothing to do on activate and deactivate.
    immediateService(activity: BpmnActivity) {
      if (activity.type === 'bpmn:ServiceTask') activity.behaviour.Service = ImmediateService;
    },
  } as unknown as BpmnEngineOptions['extensions'];
  for (const p of PROCESSES) {
    // The XML is parsed once (motcua compiles once, at deploy); each instance
    // is a new engine on the parsed definitions.
    const template = new BpmnEngine({
      name: p.bpmnProcessId,
      source: await readFile(join(FIXTURES, p.file), 'utf8'),
    });
    const [definition] = (await template.getDefinitions()) as {
      context: { definitionContext: BpmnEngineOptions['sourceContext'] };
    }[];
    const sourceContext = definition!.context.definitionContext;
    const runOne = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const listener = new EventEmitter();
        // The harness publishes `approved` once the instance waits for it.
        listener.on('activity.wait', (api: BpmnApi) => {
          if (api.id === 'Event_Approved') setImmediate(() => api.signal({}));
        });
        const engine = new BpmnEngine({
          name: `${p.bpmnProcessId}-${n}`,
          sourceContext,
          listener,
          expressions,
          extensions,
        });
        engine.once('end', () => resolve());
        engine.once('error', reject);
        engine.execute({ variables: p.variables(n) }).catch(reject);
      });
    const problem = await probe(runOne);
    if (problem) {
      notes.push(`bpmn-engine ${p.label}: first instance did not complete (${problem}); skipped`);
      continue;
    }
    if (WARMUP_SECONDS > 0) await drive('warm-up', WARMUP_SECONDS, CONCURRENCY, runOne);
    log(`bpmn-engine ${p.label}: ${SECONDS} s at ${CONCURRENCY} in flight…`);
    measurements.push(await drive(`bpmn-engine ${p.label}`, SECONDS, CONCURRENCY, runOne));
  }
  return measurements;
}

// --- pgbench ---------------------------------------------------------------------------

async function findPgbench(): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = (await readdir(root)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const candidate = join(root, version, 'bin', 'pgbench');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args[0]}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

interface PgbenchResult {
  tps: number | null;
  note: string;
}

async function benchPgbench(
  serverUrl: string,
  log: (line: string) => void,
): Promise<PgbenchResult> {
  const pgbench = await findPgbench();
  if (!pgbench) return { tps: null, note: 'pgbench not found on PATH: commit rate skipped' };
  const name = `motcua_pgbench_${Date.now()}_${process.pid}`;
  const admin = createDb(serverUrl, { max: 1 });
  try {
    await admin.raw('create database ??', [name]);
    const url = databaseUrl(serverUrl, name);
    await run(pgbench, ['-i', '-q', url]);
    const threads = Math.max(1, Math.floor(PGBENCH_CLIENTS / 2));
    const args = ['-N', '-c', `${PGBENCH_CLIENTS}`, '-j', `${threads}`, '-T', `${PGBENCH_SECONDS}`];
    log(`pgbench ${args.join(' ')} (${pgbench})…`);
    const stdout = await run(pgbench, [...args, url]);
    const match =
      /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ??
      /tps = ([\d.]+)/.exec(stdout);
    if (!match) return { tps: null, note: `pgbench printed no tps:\n${stdout}` };
    return {
      tps: Number(match[1]),
      note: `pgbench ${args.join(' ')}: one commit per transaction, same server`,
    };
  } catch (error) {
    return { tps: null, note: `pgbench failed: ${message(error)}` };
  } finally {
    await admin.raw('drop database if exists ?? with (force)', [name]).catch(() => undefined);
    await admin.destroy();
  }
}

// --- report ------------------------------------------------------------------------------

function rate(m: Measurement): number {
  return m.completed / m.seconds;
}

function printTable(rows: Measurement[]): void {
  const header = [
    'scenario',
    'instances/s',
    'p50 ms',
    'p99 ms',
    'done',
    'failed',
    'node cpu%',
    'cpu ms/inst',
    'engine cpu ms/inst',
    'pg cpu ms/inst',
    'tx/inst',
    'sql/inst',
    'trips/inst',
  ];
  const lines = rows.map((m) => {
    const sorted = [...m.latencies].sort((a, b) => a - b);
    return [
      m.scenario + (m.stalled ? ' STALLED' : ''),
      rate(m).toFixed(1),
      percentile(sorted, 50).toFixed(2),
      percentile(sorted, 99).toFixed(2),
      String(m.completed),
      String(m.failed + (m.stalled ? m.inFlightAtEnd : 0)),
      m.cpuPercent.toFixed(0),
      m.completed ? m.cpuMsPerInstance.toFixed(2) : '',
      m.engineCpuMsPerInstance?.toFixed(2) ?? '',
      m.pgCpuMsPerInstance?.toFixed(2) ?? '',
      m.transactionsPerInstance?.toFixed(2) ?? '',
      m.statementsPerInstance?.toFixed(1) ?? '',
      m.roundTripsPerInstance?.toFixed(1) ?? '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

function report(rows: Measurement[], pg: PgbenchResult | null, notes: string[]): void {
  console.log('');
  printTable(rows);
  console.log('');
  console.log(
    'bpmn-engine: in-process, no persistence, service task = immediate callback; an upper bound for an in-memory interpreter, not a like-for-like engine.',
  );
  console.log(
    `@N: N instances in flight (closed loop). node cpu%, cpu ms/inst: CPU time of the Node processes (engine, gRPC client and workers together${ENGINE_APART ? ', the engine in a process of its own' : ''}; 100% = one core). engine cpu ms/inst: the engine's share of it, when it runs apart. pg cpu ms/inst: CPU time of the PostgreSQL backends serving the engine. tx/inst, sql/inst, trips/inst: engine transactions (a statement in autocommit is one), SQL statements, and round trips to PostgreSQL (BEGIN and COMMIT included) per completed instance.`,
  );
  if (pg) {
    console.log(
      pg.tps === null ? pg.note : `PostgreSQL commit rate: ${pg.tps.toFixed(0)} tps (${pg.note})`,
    );
  }

  const motcua = (label: string) => rows.filter((r) => r.scenario.startsWith(`motcua ${label} @`));
  console.log('\nRatios (motcua at its highest throughput):');
  for (const p of PROCESSES) {
    const [ours] = motcua(p.label).sort((x, y) => rate(y) - rate(x));
    const theirs = rows.find((r) => r.scenario === `bpmn-engine ${p.label}`);
    if (!ours) {
      console.log(`  ${p.label}: motcua not measured`);
      continue;
    }
    const parts: string[] = [];
    if (theirs && rate(theirs) > 0) {
      parts.push(`motcua/bpmn-engine throughput ${(rate(ours) / rate(theirs)).toFixed(2)}`);
    }
    if (pg?.tps) {
      const perInstance = rate(ours) > 0 ? (pg.tps / rate(ours)).toFixed(1) : '∞';
      parts.push(
        `motcua instances/s ÷ pgbench tps ${(rate(ours) / pg.tps).toFixed(3)} (the server commits ${perInstance} pgbench transactions in the time motcua runs one instance)`,
      );
    }
    console.log(`  ${p.label}: ${parts.join('; ') || 'no baseline measured'}`);
  }

  console.log(
    `\nTarget (issue 3, this machine): (a) >= ${TARGET_RATE} instances/s and p99 <= ${TARGET_P99_MS} ms`,
  );
  const measured = motcua(PROCESSES[0]!.label);
  for (const a of measured) {
    const p99 = percentile(
      [...a.latencies].sort((x, y) => x - y),
      99,
    );
    const rateMet = rate(a) >= TARGET_RATE && !a.stalled;
    const p99Met = p99 <= TARGET_P99_MS && !a.stalled;
    console.log(
      `  ${a.scenario}: instances/s ${rate(a).toFixed(1)} ${rateMet ? 'MET' : 'NOT MET'}, p99 ${p99.toFixed(2)} ms ${p99Met ? 'MET' : 'NOT MET'}; both at once: ${rateMet && p99Met ? 'MET' : 'NOT MET'}`,
    );
  }
  if (!measured.length) console.log('  (a) not measured: NOT MET');
  for (const m of rows) {
    if (m.failed) notes.push(`${m.scenario}: ${m.failed} instances failed: ${m.firstError}`);
    if (m.stalled) {
      notes.push(`${m.scenario}: stalled with ${m.inFlightAtEnd} instances in flight`);
    }
  }
  if (notes.length) {
    console.log('\nNotes:');
    for (const note of notes) console.log(`  - ${note}`);
  }
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`· ${line}`);
  console.log(
    `motcua engine benchmark: ${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up, closed loop with ${CONCURRENCIES.join(' / ')} instances in flight (bpmn-engine: ${CONCURRENCY}), engine ${ENGINE_APART ? 'in a child process' : 'in the bench process'}, Node ${process.version}`,
  );
  const notes: string[] = [];
  const rows: Measurement[] = [];
  let pg: PgbenchResult | null = null;
  const cores = availableParallelism();
  const loadBefore = loadavg()[0]!;
  log(`machine: ${cores} cores, load average ${loadBefore.toFixed(2)} (1 min)`);
  const needsServer = SCENARIOS.has('motcua') || SCENARIOS.has('pgbench');
  const server = needsServer ? await openServer() : null;
  if (server) {
    const url = new URL(server.url);
    const where = url.hostname
      ? `${url.hostname}:${url.port || 5432}`
      : url.searchParams.get('host');
    log(
      `PostgreSQL ${where} (${server.embedded ? 'embedded, temporary directory' : 'DATABASE_URL'})`,
    );
  }
  try {
    if (server && SCENARIOS.has('motcua'))
      rows.push(...(await benchMotcua(server.url, log, notes)));
    if (SCENARIOS.has('bpmn-engine')) rows.push(...(await benchBpmnEngine(log, notes)));
    if (server && SCENARIOS.has('pgbench')) pg = await benchPgbench(server.url, log);
  } finally {
    await server?.stop();
  }
  const loadAfter = loadavg()[0]!;
  if (Math.max(loadBefore, loadAfter) > cores) {
    notes.push(
      `the machine was busy (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, ${cores} cores): figures are low`,
    );
  }
  report(rows, pg, notes);
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error('The benchmark could not run:', error);
  process.exit(1);
}
