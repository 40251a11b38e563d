// An app that runs the reference procedures for a test file: the demo data,
// the processes deployed and their job workers started, and the simulation's
// bots. With `movesTime`, the app and its engine share a ControlledClock and
// the app gets a database of its own (an engine fires every due timer of its
// database by its clock, other files' timers included).
import type { FastifyInstance } from 'fastify';
import { ControlledClock } from '../../engine/index.js';
import processesPlugin from '../../server/plugins/app/processes.plugin.js';
import { seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { createBots, type Bots } from '../../server/simulation/procedure-bots.js';
import { build, engineOf, type BuildOptions } from './build.js';

export interface ProcedureApp {
  app: FastifyInstance;
  bots: Bots;
  /** Set with `movesTime`. */
  clock: ControlledClock | null;
}

export async function procedureApp(
  options: { movesTime?: boolean; env?: Record<string, string>; build?: BuildOptions } = {},
): Promise<ProcedureApp> {
  const clock = options.movesTime ? new ControlledClock() : null;
  const app = await build(options.env, {
    ...(clock ? { clock, engineClock: clock, database: 'own' as const } : {}),
    ...options.build,
  });
  try {
    await seedDemo(app.db, app.services.procedures);
    await app.register(processesPlugin);
    await app.ready();
  } catch (error) {
    await app.close();
    throw error;
  }
  const engine = engineOf(app);
  const bots = createBots({
    app,
    clock: clock ?? app.clock,
    settle: engine ? () => engine.settle() : undefined,
  });
  await bots.ensureStaff();
  return { app, bots, clock };
}
