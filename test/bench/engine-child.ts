// The engine of engine.bench.ts in a process of its own, as `npm run engine`
// runs it beside the app: the bench's client and workers then do not share
// its event loop. It counts its SQL and CPU time and hands them to the bench
// over IPC (the bench forks it with an IPC channel).
import { startEngine } from '../../engine/index.js';
import { createDb } from '../../server/plugins/external/database.js';
import { SqlCounter } from './sql-counter.js';

export interface ChildOptions {
  url: string;
  database: string;
  pool: number;
  timedSql: boolean;
}

export type ChildRequest =
  { type: 'reset' } | { type: 'read'; label: string; instances: number } | { type: 'stop' };

export interface ChildCounts {
  type: 'counts';
  transactions: number;
  statements: number;
  roundTrips: number;
  /** CPU time of this process since the last reset, in ms. */
  cpuMs: number;
  notes: string[];
}

const options = JSON.parse(process.env.BENCH_ENGINE_CHILD ?? '{}') as ChildOptions;
const send = (message: object) => process.send!(message);

const db = createDb(options.url, { max: options.pool });
const notes = { engineErrors: 0, firstEngineError: '', acquireErrors: 0, firstAcquireError: '' };
// knex prints each timed-out connection request; count them instead.
const logger = (db.client as { logger: { warn(text: string): void } }).logger;
const warn = logger.warn.bind(logger);
logger.warn = (text) => {
  if (!text.startsWith('Acquire connection error')) return warn(text);
  notes.acquireErrors++;
  notes.firstAcquireError ||= text.split('\n')[0]!;
};
const sql = new SqlCounter(options.database, options.timedSql);
const engine = await startEngine({
  db,
  port: 0,
  log: (level, text, error) => {
    if (level !== 'error') return;
    notes.engineErrors++;
    notes.firstEngineError ||= `${text}: ${error instanceof Error ? error.message : String(error)}`;
  },
});
let cpuBefore = process.cpuUsage();

function noteLines(): string[] {
  const lines: string[] = [];
  if (notes.acquireErrors) {
    lines.push(
      `the engine's pool refused ${notes.acquireErrors} connection requests: ${notes.firstAcquireError}`,
    );
  }
  if (notes.engineErrors) {
    lines.push(`engine logged ${notes.engineErrors} errors: ${notes.firstEngineError}`);
  }
  return lines;
}

process.on('message', (request: ChildRequest) => {
  if (request.type === 'reset') {
    sql.reset();
    cpuBefore = process.cpuUsage();
    send({ type: 'reset' });
  } else if (request.type === 'read') {
    const cpu = process.cpuUsage(cpuBefore);
    if (options.timedSql) sql.print(request.label, request.instances);
    const counts: ChildCounts = {
      type: 'counts',
      transactions: sql.transactions,
      statements: sql.statements,
      roundTrips: sql.roundTrips,
      cpuMs: (cpu.user + cpu.system) / 1000,
      notes: noteLines(),
    };
    send(counts);
  } else {
    void engine
      .stop()
      .then(() => db.destroy())
      .finally(() => {
        send({ type: 'stopped', notes: noteLines() });
        process.disconnect?.();
      });
  }
});
send({ type: 'ready', address: engine.address });
