// npm run bench:api — loads the running server on loopback with autocannon:
// (a) submitting a dossier (form validation, code, audit event, outbox and
// notification rows) and (b) reading a dossier's status as its applicant.
// Prints requests/s and latency percentiles, with a baseline of GET /health
// in the same run. Uses DATABASE_URL, or an embedded PostgreSQL.
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { startEngine } from '../../engine/index.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDb } from '../../server/plugins/external/database.js';
import { seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { createMigratedDatabase } from '../support/test-database.js';
import { prepareDrafts } from './bench-drafts.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 20_000);

const database = await createMigratedDatabase('motcua_bench_api');
const engineDb = createDb(database.url, { max: 4 });
const engine = await startEngine({ db: engineDb, port: 0 });
const app = await buildApp({
  ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: `/tmp/motcua-bench-${process.pid}` }),
  databaseUrl: database.url,
  zeebeAddress: engine.address,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

try {
  await seedDemo(app.db, app.services.procedures);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'congdan@demo.motcua.vn', password: 'MotCua@2026' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const ids = await prepareDrafts(app.db, 'congdan@demo.motcua.vn', SUBMITS);

  const run = (title: string, options: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      process.stdout.write(`running ${title} for ${SECONDS}s with ${CONNECTIONS} connections...\n`);
      autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
        error ? reject(error) : resolve(result),
      );
    });

  const health = await run('GET /health', { url: `${base}/health` });
  let next = 0;
  const submit = await run('submit', {
    url: base,
    amount: Math.min(SUBMITS, ids.length),
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
  });
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
          path: `/api/v1/dossiers/${submitted[read++ % submitted.length]}`,
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
      row('GET /dossiers/:id', status, '>= 5,000/s, p99 <= 20 ms'),
      '',
      `submit: ${(submit.requests.average / health.requests.average).toFixed(3)} of the /health rate; ` +
        `status read: ${(status.requests.average / health.requests.average).toFixed(3)} of it`,
      `submit target ${submit.requests.average >= 500 && submit.latency.p99 <= 100 ? 'met' : 'NOT met'}; ` +
        `status read target ${status.requests.average >= 5000 && status.latency.p99 <= 20 ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
} finally {
  await app.close();
  await engine.stop();
  await engineDb.destroy();
  await database.drop();
}
