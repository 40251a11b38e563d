// `npm run engine`: the embedded engine alone on ENGINE_PORT, on the same
// database settings as the app (DATABASE_URL or the embedded PostgreSQL).
// Point the app at it with ZEEBE_ADDRESS=127.0.0.1:<ENGINE_PORT>.
import { pino } from 'pino';
import { loggerOptions } from '../server/logger.js';
import {
  loadConfigOrExit,
  prepareDatabase,
  startEmbeddedEngine,
  stopGracefully,
} from '../server/startup.js';

const config = loadConfigOrExit();
const log = pino(loggerOptions(config.logLevel));
const database = await prepareDatabase(config, log);
const embedded = await startEmbeddedEngine(config, database, log);
process.stdout.write(`motcua engine: Zeebe gateway protocol on ${embedded.address}\n`);

stopGracefully(log, async () => {
  await embedded.stop();
  await database.stop();
});
