// Boots the app on the run's test database, with an embedded engine on a
// free port, for `app.inject`. Closing the app stops the engine.
import { inject } from 'vitest';
import { startEngine } from '../../engine/index.js';
import { buildApp, type AppOptions } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDb } from '../../server/plugins/external/database.js';

export async function build(env: Record<string, string> = {}, options: AppOptions = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const databaseUrl = inject('databaseUrl');
  const engineDb = createDb(databaseUrl, { max: 4 });
  const engine = await startEngine({ db: engineDb, port: 0 });
  const app = await buildApp({ ...config, databaseUrl, zeebeAddress: engine.address }, options);
  app.addHook('onClose', async () => {
    await engine.stop();
    await engineDb.destroy();
  });
  return app;
}
