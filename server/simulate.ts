// `npm run simulate -- <procedure> <path>`: one dossier of a reference
// procedure, end to end on the embedded engine, against the configured
// database (DATABASE_URL, or the embedded PostgreSQL under ./data). The app
// and the engine share a ControlledClock: officers' working hours and
// deadlines are reached by moving it, not by waiting. Bots work the tasks
// over the API; the timeline is printed at the end.
import './simulation/quiet-zeebe-client.js';
import type { Knex } from 'knex';
import { pino } from 'pino';
import { ControlledClock, startEngine, type RunningEngine } from '../engine/index.js';
import { buildApp } from './app.js';
import { loggerOptions } from './logger.js';
import processesPlugin from './plugins/app/processes.plugin.js';
import { seedDemo } from './plugins/app/seed/demo-seed.js';
import { createDb } from './plugins/external/database.js';
import type { ResolvedDatabase } from './plugins/external/database.js';
import { createBots } from './simulation/procedure-bots.js';
import {
  resolveSimulation,
  runSimulation,
  validSimulations,
} from './simulation/simulation-paths.js';
import { formatTimeline } from './simulation/timeline-format.js';
import { loadConfigOrExit, prepareDatabase, stopGracefully } from './startup.js';

const [procedureArg = '', pathArg = ''] = process.argv.slice(2);
const found = resolveSimulation(procedureArg, pathArg);
if (!found) {
  process.stderr.write(
    `${procedureArg ? `Unknown procedure or path "${procedureArg} ${pathArg}"` : 'Usage: npm run simulate -- <procedure> <path>'}; valid: ${validSimulations()}\n`,
  );
  process.exit(2);
}

const config = loadConfigOrExit();
// Quiet unless asked: the timeline is the output.
const logLevel = process.env.LOG_LEVEL ? config.logLevel : 'warn';
const log = pino(loggerOptions(logLevel));
if (config.zeebeAddress) {
  log.warn(
    'simulate runs its own embedded engine on a controlled clock; ZEEBE_ADDRESS is not used',
  );
}

let database: ResolvedDatabase | null = null;
let engineDb: Knex | null = null;
let engine: RunningEngine | null = null;
let app: Awaited<ReturnType<typeof buildApp>> | null = null;

let stopping: Promise<void> | null = null;
/** Stops everything once (the end of the run and a Ctrl-C may both ask). */
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    await app?.close();
    await engine?.stop();
    await engineDb?.destroy();
    await database?.stop();
  })();
  return stopping;
}
stopGracefully(log, stopAll);

/**
 * An engine fires every timer of its database that is due by its clock:
 * moving the clock would fire other dossiers' timers (supplement deadlines,
 * reminders) early. The simulation runs only on a database without them.
 */
async function refuseForeignTimers(db: Knex): Promise<void> {
  const row = await db('engine.timers').count<{ n: string }[]>('* as n').first();
  const pending = Number(row?.n ?? 0);
  if (pending > 0) {
    throw new Error(
      `the database has ${pending} pending process timer(s) of other dossiers; moving the ` +
        'simulation clock would fire them early. Run the simulation on a database of its own ' +
        '(DATABASE_URL=postgres://.../motcua_sim).',
    );
  }
}

try {
  database = await prepareDatabase(config, log);
  engineDb = createDb(database.url, { max: 10, genericPlans: true });
  await refuseForeignTimers(engineDb);
  const clock = new ControlledClock();
  engine = await startEngine({
    db: engineDb,
    port: 0,
    clock,
    log: (level, message, error) => log[level]({ err: error }, message),
  });
  app = await buildApp(
    { ...config, logLevel, databaseUrl: database.url, zeebeAddress: engine.address },
    { clock },
  );
  await app.register(processesPlugin);
  await app.ready();
  await seedDemo(app.db, app.services.procedures);

  const startedAt = clock.now();
  const running = engine;
  const bots = createBots({ app, clock, settle: () => running.settle() });
  const run = await runSimulation(bots, found.key, pathArg);
  // The last status change comes before its job completes: let the instance end.
  const { process_instance_key: instanceKey } = await app
    .db('dossiers')
    .where('id', run.dossierId)
    .first('process_instance_key');
  await bots.waitFor('the process instance to end', async () => {
    const left = await engineDb!('engine.element_instances')
      .where('process_instance_key', instanceKey)
      .count<{ n: string }[]>('* as n')
      .first();
    return Number(left?.n) === 0;
  });
  const procedure = await app.services.procedures.get(found.procedure.code);
  process.stdout.write(
    formatTimeline(
      {
        procedureCode: found.procedure.code,
        procedureName: procedure.name.vi,
        bpmnProcessId: found.key,
        path: pathArg,
        dossierCode: run.dossierCode,
        applicant: run.applicant,
        startedAt,
      },
      run.steps,
    ),
  );
  await stopAll();
  process.exit(0);
} catch (error) {
  process.stderr.write(`Simulation failed: ${(error as Error).message}\n`);
  await stopAll().catch(() => undefined);
  process.exit(1);
}
