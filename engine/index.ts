// The embedded Zeebe-compatible engine: state in PostgreSQL, commands through
// the processor, Zeebe's gateway protocol over gRPC.
import type { Knex } from 'knex';
import { startGateway } from './gateway/server.js';
import { JobDispatcher } from './gateway/job-dispatcher.js';
import { ResultWaiters } from './gateway/result-waiters.js';
import { ControlledClock, systemClock, type Clock } from './processor/clock.js';
import { Commands } from './processor/commands.js';
import { Processor } from './processor/processor.js';
import { Scheduler } from './processor/scheduler.js';

export { ControlledClock, systemClock, type Clock };

export interface EngineOptions {
  db: Knex;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  clock?: Clock;
  log?: (level: 'warn' | 'error', message: string, error?: unknown) => void;
}

export interface RunningEngine {
  /** host:port for a Zeebe client (ZEEBE_ADDRESS). */
  address: string;
  port: number;
  clock: Clock;
  /** Resolves once every timer due by the engine clock has fired. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((level, message, error) => console[level](message, error ?? ''));
  const onError = (error: unknown) => log('error', 'engine background work failed', error);

  const processor = new Processor(options.db, clock);
  const commands = new Commands(processor);
  const dispatcher = new JobDispatcher(commands, onError);
  const results = new ResultWaiters();
  const scheduler = new Scheduler(commands, () => dispatcher.wake(new Set(['*'])), onError);

  processor.streams = dispatcher;
  processor.on('jobs', (types) => dispatcher.wake(types));
  processor.on('undelivered', (keys) => void commands.yieldJobs(keys).catch(onError));
  processor.on('completed', (key, variables) => results.completed(key, variables));
  processor.on('timers', () => scheduler.poke());

  const gateway = await startGateway(commands, dispatcher, results, {
    host,
    port: options.port,
    log,
  });
  const detach = scheduler.start(clock instanceof ControlledClock ? clock : null);

  return {
    address: `${host}:${gateway.port}`,
    port: gateway.port,
    clock,
    settle: () => scheduler.settle(),
    stop: async () => {
      detach();
      await scheduler.stop();
      await dispatcher.stop();
      await gateway.stop();
    },
  };
}
