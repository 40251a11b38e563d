// The embedded engine on a thread of its own (startEmbeddedEngine in
// startup.ts): its commands run on the second core while the main thread
// answers the API, instead of taking turns with it on one event loop. It
// has its own connection pool and logs through its own pino to stdout.
import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { startEngine } from '../engine/index.js';
import { loggerOptions } from './logger.js';
import { createDb } from './plugins/external/database.js';

export interface EngineThreadData {
  databaseUrl: string;
  port: number;
  logLevel: string;
}

/** What the thread tells the main thread. */
export type EngineThreadMessage =
  | { kind: 'listening'; address: string }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' };

const { databaseUrl, port, logLevel } = workerData as EngineThreadData;
const log = pino(loggerOptions(logLevel));
const db = createDb(databaseUrl, { max: 10, genericPlans: true });
const tell = (message: EngineThreadMessage) => parentPort!.postMessage(message);

try {
  const engine = await startEngine({
    db,
    port,
    host: '127.0.0.1',
    log: (level, message, error) => log[level]({ err: error }, message),
  });
  parentPort!.once('message', () => {
    void engine
      .stop()
      .then(() => db.destroy())
      .then(() => tell({ kind: 'stopped' }));
  });
  tell({ kind: 'listening', address: engine.address });
} catch (error) {
  await db.destroy();
  tell({ kind: 'failed', message: String((error as Error).message) });
}
