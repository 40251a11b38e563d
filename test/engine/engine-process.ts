// The engine alone in a process, on DATABASE_URL and ENGINE_PORT, for tests
// that kill it (SIGKILL) and start it again. Prints one line once it listens.
import { startEngine } from '../../engine/index.js';
import { createDb } from '../../server/plugins/external/database.js';

const db = createDb(process.env.DATABASE_URL ?? '', { genericPlans: true });
const engine = await startEngine({ db, port: Number(process.env.ENGINE_PORT) });
console.log(`listening on ${engine.address}`);

process.once('SIGTERM', () => {
  void engine
    .stop()
    .then(() => db.destroy())
    .then(() => process.exit(0));
});
