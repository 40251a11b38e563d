// Builds the Fastify app from config. Plugins come in tiers: external
// infrastructure, then app services, then routes; each declares what it needs.
import type { Ajv } from 'ajv';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { installErrorHandler } from './errors.js';
import { loggerOptions } from './logger.js';
import dbPlugin from './plugins/external/db.plugin.js';
import zeebePlugin from './plugins/external/zeebe.plugin.js';
import authPlugin from './plugins/app/accounts/auth.plugin.js';
import calendarPlugin from './plugins/app/calendar.plugin.js';
import engineMessageRelayPlugin from './plugins/app/dossiers/engine-message-relay.plugin.js';
import { customFormats } from './plugins/app/forms/form-formats.js';
import formsPlugin from './plugins/app/forms/forms.plugin.js';
import dossierFeedPlugin from './plugins/app/live/dossier-feed.plugin.js';
import taskFeedPlugin from './plugins/app/live/task-feed.plugin.js';
import metricsPlugin from './plugins/app/metrics.plugin.js';
import openapiPlugin from './plugins/app/openapi.plugin.js';
import readinessPlugin from './plugins/app/readiness.plugin.js';
import servicesPlugin from './plugins/app/services.plugin.js';
import webAppsPlugin, { type WebAppDirs } from './plugins/app/web-apps.plugin.js';
import healthRoutes from './routes/health.routes.js';
import apiRoutes from './routes/api/v1/index.js';

/** Route schemas may use the Vietnamese formats of the form registry (citizen-id, vn-phone, ...). */
function addCustomFormats(ajv: Ajv): Ajv {
  for (const [name, validate] of Object.entries(customFormats)) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  return ajv;
}

/** Config once the database and the engine are known (embedded or configured). */
export type AppConfig = Config & { databaseUrl: string; zeebeAddress: string };

export interface AppOptions {
  /** The clock of every deadline; tests and the simulator move it. */
  clock?: { now(): Date };
  /** Serve the built web apps from these folders (`npm start` serves portal-ui and modeler-ui). */
  webApps?: WebAppDirs;
}

export async function buildApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    // Requests carry the caller's id when a proxy sets one, for log correlation.
    requestIdHeader: 'x-request-id',
    trustProxy: config.trustProxy,
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, discriminator: true },
      plugins: [addCustomFormats],
    },
  });
  installErrorHandler(app);

  await app.register(readinessPlugin);
  await app.register(dbPlugin, { databaseUrl: config.databaseUrl });
  await app.register(zeebePlugin, { zeebeAddress: config.zeebeAddress });

  await app.register(metricsPlugin);
  await app.register(openapiPlugin);
  await app.register(calendarPlugin);
  await app.register(formsPlugin);
  await app.register(servicesPlugin, { config, clock: options.clock });
  await app.register(authPlugin);
  await app.register(engineMessageRelayPlugin);
  await app.register(dossierFeedPlugin, { databaseUrl: config.databaseUrl });
  await app.register(taskFeedPlugin, { databaseUrl: config.databaseUrl });

  await app.register(healthRoutes);
  await app.register(apiRoutes, { prefix: '/api/v1' });
  if (options.webApps) await app.register(webAppsPlugin, options.webApps);
  return app;
}
