// npm run bench:procedure — issue 5, "Benchmark": dossiers of the first
// reference procedure (groundwater exploration licence, 1.004228) pushed
// through the API, the engine and the job workers over HTTP on loopback, with
// bots doing the officers' user tasks at zero think time. The system is
// `npm start` itself, in a process of its own (the engine on its own thread),
// on a fresh database of the PostgreSQL server named by DATABASE_URL; the
// bots run in this process:
//   submit → reception { complete: true } → appraisal → review → approval
//   → (status 6) cashier fee-paid → status 10 (result returned).
// Each officer bot hears of its groups' new tasks on one live worklist stream
// (GET /api/v1/tasks/stream), open for the whole run; the applicant bot
// follows each dossier on its live stream (GET /api/v1/dossiers/:id/stream)
// for status 6 (fee requested) and 10. The waits count in the end-to-end
// latency and are also reported on their own.
// Prints dossiers/s, p50/p99 from submit to status 10, API requests per
// dossier, a per-endpoint breakdown, and a baseline of as many bare
// GET /health round trips per dossier, in the same run.
//
// Run: npx tsx test/bench/procedure.bench.ts
// Environment (all optional):
//   DATABASE_URL                a PostgreSQL server (a fresh database is made and dropped);
//                               else an embedded PostgreSQL in a temporary directory
//   BENCH_SECONDS               how long new dossiers are started (default 20)
//   BENCH_WARMUP_SECONDS        dossiers driven first, not measured, so that the
//                               figures are those of a warm server (default 15)
//   BENCH_CONCURRENCY           dossiers in flight at once (default 32)
//   BENCH_DOSSIERS              drafts prepared, the most that run (default 3000)
//   BENCH_STEP_TIMEOUT_SECONDS  one wait for a task or a status fails after this (default 30)
// It prints figures and never fails on them; it exits non-zero only when it
// cannot set up.
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDb } from '../../server/plugins/external/database.js';
import { DEMO_PASSWORD } from '../../server/plugins/app/seed/demo-data.js';
import { startSystem } from '../e2e/support/system.js';
import { createMigratedDatabase } from '../support/test-database.js';
import { backendCpu, cpuBetween, processGroupCpu } from './backend-cpu.js';
import { prepareDrafts } from './bench-drafts.js';
import { StreamMailbox } from './stream-mailbox.js';

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const SECONDS = numberFromEnv('BENCH_SECONDS', 20);
const WARMUP_SECONDS = numberFromEnv('BENCH_WARMUP_SECONDS', 15);
const CONCURRENCY = Math.floor(numberFromEnv('BENCH_CONCURRENCY', 32));
const DOSSIERS = Math.floor(numberFromEnv('BENCH_DOSSIERS', 3000));
const STEP_TIMEOUT_MS = numberFromEnv('BENCH_STEP_TIMEOUT_SECONDS', 30) * 1000;
// Dossiers still in flight at the end get this long to finish.
const DRAIN_MS = 60_000;
const TARGET_PER_SECOND = 100;

const PEOPLE = {
  citizen: 'congdan@demo.motcua.vn',
  reception: 'motcua@demo.motcua.vn',
  specialist: 'chuyenvien@demo.motcua.vn',
  head: 'truongphong@demo.motcua.vn',
  leader: 'lanhdao@demo.motcua.vn',
  cashier: 'thuphi@demo.motcua.vn',
} as const;
type Person = keyof typeof PEOPLE;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);
const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** One dossier's account of its run. */
interface Trace {
  requests: number;
  /** Waiting for a task to appear on the officer's live worklist. */
  taskWaitMs: number;
  /** Waiting for status 6 (fee requested) and 10 (result returned) on the dossier's stream. */
  statusWaitMs: number;
}

interface Done extends Trace {
  latencyMs: number;
  finishedAt: number;
}

class StepError extends Error {}

// Request durations by endpoint, over the whole run.
const timings = new Map<string, number[]>();
function record(label: string, ms: number) {
  let list = timings.get(label);
  if (!list) timings.set(label, (list = []));
  list.push(ms);
}

// Whatever got set up is taken down again, last first, even when a later step fails.
const cleanups: (() => Promise<unknown>)[] = [];
const loadBefore = loadavg();
try {
  const database = await createMigratedDatabase('motcua_bench_procedure');
  cleanups.push(() => database.drop());
  const databaseName = new URL(database.url).pathname.slice(1);
  const db = createDb(database.url, { max: 2 });
  cleanups.push(() => db.destroy());
  const system = await startSystem({ databaseUrl: database.url, logLevel: 'silent' });
  cleanups.push(() => system.stop());
  const base = system.baseUrl;

  /** Transactions the database has committed or rolled back (all processes). */
  async function transactionsSoFar(): Promise<number> {
    // Backends report their counts when idle for a moment; the snapshot is then re-read.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await db.raw('select pg_stat_clear_snapshot()');
    const row = await db('pg_stat_database')
      .where('datname', databaseName)
      .first(db.raw('(xact_commit + xact_rollback)::bigint as n'));
    return Number(row.n);
  }

  async function call(
    cookie: string,
    method: 'GET' | 'POST',
    path: string,
    label: string,
    trace: Trace | null,
    body?: unknown,
  ): Promise<{ status: number; text: string }> {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    record(label, performance.now() - started);
    if (trace) trace.requests++;
    return { status: res.status, text };
  }

  async function ok<T>(
    promise: Promise<{ status: number; text: string }>,
    what: string,
  ): Promise<T> {
    const res = await promise;
    if (res.status !== 200) throw new StepError(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
    return JSON.parse(res.text) as T;
  }

  // Log in once as each demo account.
  const cookies = {} as Record<Person, string>;
  for (const [person, email] of Object.entries(PEOPLE) as [Person, string][]) {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('motcua_session='));
    if (res.status !== 200 || !session) throw new Error(`login ${email}: ${res.status}`);
    cookies[person] = session.split(';')[0]!;
  }

  const ids = await prepareDrafts(db, PEOPLE.citizen, DOSSIERS);

  let hardStop = Infinity;
  const until = (since: number) => Math.min(since + STEP_TIMEOUT_MS, hardStop);

  // Each officer bot hears of its groups' new tasks on one live worklist
  // stream, open for the whole run (the stream listens once its answer has
  // begun), each task filed by dossier and BPMN element.
  const inboxes = {} as Record<Exclude<Person, 'citizen' | 'cashier'>, StreamMailbox<string>>;
  for (const person of ['reception', 'specialist', 'head', 'leader'] as const) {
    const inbox = await StreamMailbox.open<string>(
      `${base}/api/v1/tasks/stream`,
      cookies[person],
      ({ event, data }) =>
        event === 'task'
          ? [`${String(data.dossierId)}/${String(data.elementId)}`, String(data.id)]
          : null,
    );
    cleanups.push(async () => inbox.close());
    inboxes[person] = inbox;
  }

  /** Waits for what `mailbox` files under `key`; the time it took counts in `trace[spent]`. */
  async function waitFor<T>(
    mailbox: StreamMailbox<T>,
    key: string,
    trace: Trace,
    spent: 'taskWaitMs' | 'statusWaitMs',
  ): Promise<T> {
    const started = performance.now();
    try {
      return await mailbox.take(key, until(started) - started);
    } catch (error) {
      throw new StepError((error as Error).message);
    } finally {
      trace[spent] += performance.now() - started;
    }
  }

  async function work(
    person: keyof typeof inboxes,
    dossierId: string,
    elementId: string,
    data: Record<string, unknown>,
    trace: Trace,
  ) {
    const taskId = await waitFor(inboxes[person], `${dossierId}/${elementId}`, trace, 'taskWaitMs');
    await ok(
      call(
        cookies[person],
        'POST',
        `/api/v1/tasks/${taskId}/claim`,
        'POST /tasks/:id/claim',
        trace,
      ),
      `claim ${elementId}`,
    );
    await ok(
      call(
        cookies[person],
        'POST',
        `/api/v1/tasks/${taskId}/complete`,
        'POST /tasks/:id/complete',
        trace,
        { data },
      ),
      `complete ${elementId}`,
    );
  }

  async function drive(dossierId: string): Promise<Done> {
    const trace: Trace = {
      requests: 0,
      taskWaitMs: 0,
      statusWaitMs: 0,
    };
    const started = performance.now();
    const submitted = await ok<{ code: string | null }>(
      call(
        cookies.citizen,
        'POST',
        `/api/v1/dossiers/${dossierId}/submit`,
        'POST /dossiers/:id/submit',
        trace,
      ),
      'submit',
    );
    const code = submitted.code;
    if (!code) throw new StepError('submit: no dossier code');
    // The applicant follows the dossier live, as the portal's dossier page does.
    const opening = performance.now();
    const watch = await StreamMailbox.open<true>(
      `${base}/api/v1/dossiers/${dossierId}/stream`,
      cookies.citizen,
      ({ data }) => (data.statusCode == null ? null : [String(data.statusCode), true]),
    );
    record('GET /dossiers/:id/stream', performance.now() - opening);
    trace.requests++;
    try {
      await work('reception', dossierId, 'Task_Reception', { complete: true }, trace);
      await work(
        'specialist',
        dossierId,
        'Task_Appraisal',
        { opinion: 'Đủ điều kiện cấp phép.', recommendation: 'approve' },
        trace,
      );
      await work('head', dossierId, 'Task_Review', { reviewDecision: 'agree' }, trace);
      await work('leader', dossierId, 'Task_Approval', { approvalDecision: 'approve' }, trace);
      await waitFor(watch, '6', trace, 'statusWaitMs');
      await ok(
        call(
          cookies.cashier,
          'POST',
          `/api/v1/dossiers/${dossierId}/fee-paid`,
          'POST /dossiers/:id/fee-paid',
          trace,
          { receiptNumber: `BL-${code}` },
        ),
        'fee-paid',
      );
      await waitFor(watch, '10', trace, 'statusWaitMs');
    } finally {
      watch.close();
    }
    const finishedAt = performance.now();
    return { ...trace, latencyMs: finishedAt - started, finishedAt };
  }

  // A run: CONCURRENCY bots, each driving one dossier after another until
  // `seconds` have passed or the drafts run out; then the ones in flight finish.
  let next = 0;
  /** Returns when new dossiers stopped starting. */
  async function runFor(seconds: number, done: Done[], failures: string[]): Promise<number> {
    const stopStarting = performance.now() + seconds * 1000;
    hardStop = stopStarting + DRAIN_MS;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < stopStarting && next < ids.length) {
          const id = ids[next++]!;
          try {
            done.push(await drive(id));
          } catch (error) {
            // A failed step, or a failed request (e.g. a reset connection): counted, and on to the next.
            failures.push(error instanceof Error ? error.message : String(error));
          }
        }
      }),
    );
    return stopStarting;
  }

  // The warm-up: the same run, unmeasured, so that the server's code is
  // compiled and its caches filled, as on a server that has been up a while.
  process.stdout.write(`warming up for ${WARMUP_SECONDS}s...\n`);
  const warmedUp: Done[] = [];
  const warmupFailures: string[] = [];
  await runFor(WARMUP_SECONDS, warmedUp, warmupFailures);
  timings.clear();

  process.stdout.write(`driving dossiers for ${SECONDS}s with ${CONCURRENCY} in flight...\n`);
  const done: Done[] = [];
  const failures: string[] = [];
  const firstMeasured = next;
  const transactionsBefore = await transactionsSoFar();
  const systemCpuBefore = await processGroupCpu(system.pid);
  const pgCpuBefore = await backendCpu(db, databaseName);
  const cpuBefore = process.cpuUsage();
  const runStart = performance.now();
  const stopStarting = await runFor(SECONDS, done, failures);
  const runEnd = performance.now();
  const botsCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuBefore));
  const systemCpuMs = (await processGroupCpu(system.pid)) - systemCpuBefore;
  const pgCpuMs = cpuBetween(pgCpuBefore, await backendCpu(db, databaseName));
  // (The bench's own statements, a handful, count with the system's.)
  const transactions = (await transactionsSoFar()) - transactionsBefore;
  const loadAfterRun = loadavg();

  // Baseline: the same number of bare GET /health round trips per dossier, as
  // many "dossiers" as completed, with the same concurrency.
  const perDossier = done.length ? Math.max(1, Math.round(mean(done.map((d) => d.requests)))) : 20;
  const baselineCount = Math.max(done.length, CONCURRENCY);
  process.stdout.write(
    `baseline: ${baselineCount} x ${perDossier} GET /health round trips, ${CONCURRENCY} in flight...\n`,
  );
  const healthLatencies: number[] = [];
  let healthNext = 0;
  let healthFailures = 0;
  const healthStart = performance.now();
  const healthStop = healthStart + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (healthNext < baselineCount && performance.now() < healthStop) {
        healthNext++;
        const started = performance.now();
        for (let i = 0; i < perDossier; i++) {
          const res = await fetch(`${base}/health`);
          await res.text();
          if (res.status !== 200) healthFailures++;
        }
        healthLatencies.push(performance.now() - started);
      }
    }),
  );
  const healthEnd = performance.now();

  // Figures.
  const latencies = sortedCopy(done.map((d) => d.latencyMs));
  const elapsedS = (runEnd - runStart) / 1000;
  const rate = done.length / elapsedS;
  // Steady state: completions after the first one and before new starts stopped.
  const firstFinish = Math.min(...done.map((d) => d.finishedAt));
  const steady = done.filter((d) => d.finishedAt > firstFinish && d.finishedAt <= stopStarting);
  const steadyRate =
    stopStarting > firstFinish ? steady.length / ((stopStarting - firstFinish) / 1000) : NaN;
  const healthRate = healthLatencies.length / ((healthEnd - healthStart) / 1000);
  const healthSorted = sortedCopy(healthLatencies);
  const avg = (pick: (d: Done) => number) => mean(done.map(pick));
  const meanLatency = mean(latencies);
  const taskWait = avg((d) => d.taskWaitMs);
  const statusWait = avg((d) => d.statusWaitMs);
  const waitLabels = new Set(['GET /dossiers/:id/stream']);
  // Time in the requests that do the work (submit, claim, complete, fee-paid).
  const actionMs =
    [...timings]
      .filter(([label]) => !waitLabels.has(label))
      .reduce((sum, [, values]) => sum + values.reduce((a, b) => a + b, 0), 0) /
    Math.max(1, done.length + failures.length);
  const perCount = Math.max(1, done.length);
  const met = rate >= TARGET_PER_SECOND;

  const lines = [
    '',
    `machine: ${availableParallelism()} cores; load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, ` +
      `after the run ${loadAfterRun.map((l) => l.toFixed(2)).join(' ')} (other processes share the machine)`,
    '',
    `warm-up                   ${warmedUp.length} dossiers completed (failed ${warmupFailures.length}) in ${WARMUP_SECONDS} s, not measured`,
    `dossiers completed        ${done.length} (failed ${failures.length}, started ${next - firstMeasured}; ${next} of ${ids.length} drafts used)`,
    `dossiers/s                ${fixed(rate, 1)} over ${fixed(elapsedS, 1)} s incl. ramp-up and drain; ` +
      `steady state ${fixed(steadyRate, 1)}`,
    `submit → status 10        p50 ${fixed(percentile(latencies, 50), 0)} ms, p99 ${fixed(percentile(latencies, 99), 0)} ms, ` +
      `mean ${fixed(meanLatency, 0)} ms, max ${fixed(latencies.at(-1) ?? NaN, 0)} ms`,
    `  of which, on average    bots waiting for tasks ${fixed(taskWait, 0)} ms (${fixed((100 * taskWait) / meanLatency, 0)}%), ` +
      `waiting for status 6/10 ${fixed(statusWait, 0)} ms (${fixed((100 * statusWait) / meanLatency, 0)}%), ` +
      `in submit/claim/complete/fee-paid ${fixed(actionMs, 0)} ms`,
    `CPU per dossier           system (npm start: API, workers, engine thread) ${fixed(systemCpuMs / perCount, 0)} ms ` +
      `(${fixed((100 * systemCpuMs) / (runEnd - runStart), 0)}% of one core), PostgreSQL backends ${fixed(pgCpuMs / perCount, 0)} ms, ` +
      `bots ${fixed(botsCpuMs / perCount, 0)} ms`,
    `transactions per dossier  ${fixed(transactions / perCount, 1)} (app and engine together, counted by PostgreSQL; ` +
      `${fixed(transactions / elapsedS, 0)} transactions/s)`,
    `API requests per dossier  ${fixed(
      avg((d) => d.requests),
      1,
    )} (${fixed(avg((d) => d.requests) * rate, 0)} requests/s)`,
    '',
    `${'endpoint'.padEnd(30)} ${'count'.padStart(7)} ${'mean ms'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`,
    ...[...timings].map(([label, values]) => {
      const s = sortedCopy(values);
      return `${label.padEnd(30)} ${String(values.length).padStart(7)} ${fixed(mean(values)).padStart(8)} ${fixed(percentile(s, 50)).padStart(7)} ${fixed(percentile(s, 99)).padStart(7)}`;
    }),
    '',
    `baseline: ${perDossier} x GET /health per "dossier", ${healthLatencies.length} of them (${healthFailures} non-200): ` +
      `${fixed(healthRate, 1)}/s (${fixed(healthRate * perDossier, 0)} requests/s), ` +
      `p50 ${fixed(percentile(healthSorted, 50), 1)} ms, p99 ${fixed(percentile(healthSorted, 99), 1)} ms`,
    `dossier rate is ${fixed(rate / healthRate, 3)} of the /health-only rate; ` +
      `HTTP round trips alone would take ${fixed(percentile(healthSorted, 50), 0)} ms of the p50 ${fixed(percentile(latencies, 50), 0)} ms`,
    '',
    `target >= ${TARGET_PER_SECOND} dossiers/s end to end: ${met ? 'met' : 'NOT met'}`,
  ];
  if (failures.length) {
    const counts = new Map<string, number>();
    for (const f of failures) counts.set(f, (counts.get(f) ?? 0) + 1);
    lines.push('', 'failures:');
    for (const [f, n] of [...counts].slice(0, 5)) lines.push(`  ${n} x ${f}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => {
      process.stderr.write(`clean-up: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
  }
}
process.exit(process.exitCode ?? 0);
