// npm run bench:api — loads the running server on loopback with autocannon:
// (a) submitting a dossier (form validation, code, audit event, outbox and
// notification rows) and (b) reading a dossier's status as its applicant.
// The server is `npm start` itself, in a process of its own (embedded engine,
// job workers, relays), on a fresh database of the PostgreSQL server named by
// DATABASE_URL (else an embedded one); autocannon runs in this process.
// Before the status reads the bench waits until every submitted dossier has
// reached the reception officers' worklist, so that (b) measures reading,
// not the engine and workers working off the backlog. Submits run first
// unmeasured (BENCH_WARMUP_SECONDS, default 5) and are worked off, so that
// the figures are those of a warm server whose engine starts without backlog.
// Prints requests/s and latency percentiles, with a baseline of GET /health
// in the same run.
import autocannon from 'autocannon';
import { createDb } from '../../server/plugins/external/database.js';
import { DEMO_PASSWORD } from '../../server/plugins/app/seed/demo-data.js';
import { startSystem } from '../e2e/support/system.js';
import { createMigratedDatabase } from '../support/test-database.js';
import { prepareDrafts } from './bench-drafts.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 20_000);
// The engine and workers get this long to work off the submitted dossiers.
const SETTLE_MS = 300_000;
const CITIZEN = 'congdan@demo.motcua.vn';

const database = await createMigratedDatabase('motcua_bench_api');
const db = createDb(database.url, { max: 2 });
const system = await startSystem({ databaseUrl: database.url, logLevel: 'silent' });
const base = system.baseUrl;

/** Waits until every submitted dossier waits in the reception officers' worklist. */
async function settle(): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < SETTLE_MS) {
    const waiting = await db('dossiers as d')
      .where('d.status', 'submitted')
      .whereNotExists(db('tasks as t').whereRaw('t.dossier_id = d.id').select(db.raw('1')))
      .first(db.raw('count(*)::int as count'));
    if (waiting.count === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return (Date.now() - started) / 1000;
}

try {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: CITIZEN, password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const ids = await prepareDrafts(db, CITIZEN, SUBMITS);

  const run = (title: string, options: autocannon.Options, seconds = SECONDS) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      process.stdout.write(`running ${title} for ${seconds}s with ${CONNECTIONS} connections...\n`);
      autocannon({ connections: CONNECTIONS, duration: seconds, ...options }, (error, result) =>
        error ? reject(error) : resolve(result),
      );
    });

  let next = 0;
  const submits: autocannon.Options = {
    url: base,
    requests: [
      {
        method: 'POST',
        headers: { cookie },
        setupRequest: (request) => ({
          ...request,
          path: `/api/v1/dossiers/${ids[next++ % ids.length]}/submit`,
        }),
      },
    ],
  };
  async function workedOff() {
    process.stdout.write('waiting until every submitted dossier is in the worklist...\n');
    process.stdout.write(`settled after ${(await settle()).toFixed(1)} s\n`);
  }
  await run('submit (warm-up, not measured)', submits, WARMUP_SECONDS);
  await workedOff();
  const health = await run('GET /health', { url: `${base}/health` });
  const submit = await run('submit', submits);
  await workedOff();
  const submitted = ids.slice(0, 500);
  let read = 0;
  const status = await run('status read', {
    url: base,
    requests: [
      {
        method: 'GET',
        headers: { cookie },
        setupRequest: (request) => ({
          ...request,
          path: `/api/v1/dossiers/${submitted[read++ % submitted.length]}/status`,
        }),
      },
    ],
  });

  const row = (name: string, r: autocannon.Result, target: string) =>
    `${name.padEnd(28)} ${String(Math.round(r.requests.average)).padStart(8)} ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)} ${String(r.non2xx).padStart(7)}  ${target}`;
  process.stdout.write(
    [
      '',
      `${'scenario'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(7)}  target`,
      row('GET /health (baseline)', health, '-'),
      row('POST /dossiers/:id/submit', submit, '>= 500/s, p99 <= 100 ms'),
      row('GET /dossiers/:id/status', status, '>= 5,000/s, p99 <= 20 ms'),
      '',
      `submit: ${(submit.requests.average / health.requests.average).toFixed(3)} of the /health rate; ` +
        `status read: ${(status.requests.average / health.requests.average).toFixed(3)} of it`,
      `submit target ${submit.requests.average >= 500 && submit.latency.p99 <= 100 ? 'met' : 'NOT met'}; ` +
        `status read target ${status.requests.average >= 5000 && status.latency.p99 <= 20 ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
} finally {
  await system.stop();
  await db.destroy();
  await database.drop();
}
