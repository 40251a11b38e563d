// `npm start`: configuration, database (embedded unless DATABASE_URL),
// migrations, the embedded engine (unless ZEEBE_ADDRESS), the HTTP server
// (the API and the built web apps); an orderly stop on SIGINT/SIGTERM.
import { pino } from 'pino';
import { buildApp } from './app.js';
import { loggerOptions } from './logger.js';
import notificationRelay from './plugins/app/notifications/notification-relay.plugin.js';
import processesPlugin from './plugins/app/processes.plugin.js';
import deadlineCron from './plugins/app/deadlines/deadline-cron.plugin.js';
import { BUILT_WEB_APPS } from './plugins/app/web-apps.plugin.js';
import { demoBanner } from './plugins/app/seed/demo-banner.js';
import { seedDemo } from './plugins/app/seed/demo-seed.js';
import {
  fail,
  loadConfigOrExit,
  prepareDatabase,
  startEmbeddedEngine,
  stopGracefully,
  type EmbeddedEngine,
} from './startup.js';

const config = loadConfigOrExit();
const log = pino(loggerOptions(config.logLevel));
const database = await prepareDatabase(config, log);
const embedded: EmbeddedEngine | null = config.zeebeAddress
  ? null
  : await startEmbeddedEngine(config, database, log);
const zeebeAddress = config.zeebeAddress ?? embedded!.address;

const app = await buildApp(
  { ...config, databaseUrl: database.url, zeebeAddress },
  { webApps: BUILT_WEB_APPS },
);
// Background work of the running server (not of apps built for tests):
// mail, the procedures' processes with their job workers, the deadline watch.
await app.register(notificationRelay);
await app.register(processesPlugin);
await app.register(deadlineCron);
await app.ready();
const demoAccounts = config.demoSeed ? await seedDemo(app.db, app.services.procedures) : [];

const stopAll = async () => {
  await app.close();
  await embedded?.stop();
  await database.stop();
};

stopGracefully(log, stopAll);

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  await stopAll();
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    fail(`Port ${config.port} on ${config.host} is already in use; set PORT to a free port.`);
  }
  if (code === 'EADDRNOTAVAIL') {
    fail(`HOST ${config.host} is not an address of this machine; set HOST to one that is.`);
  }
  throw error;
}

if (demoAccounts.length) process.stdout.write(demoBanner(demoAccounts, config.publicUrl));
