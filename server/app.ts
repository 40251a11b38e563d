// Builds the Fastify app from config. Plugins come in tiers: external
// infrastructure, then app services, then routes; each declares what it needs.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { installErrorHandler } from './errors.js';
import { loggerOptions } from './logger.js';
import dbPlugin from './plugins/external/db.plugin.js';
import zeebePlugin from './plugins/external/zeebe.plugin.js';
import metricsPlugin from './plugins/app/metrics.plugin.js';
import openapiPlugin from './plugins/app/openapi.plugin.js';
import readinessPlugin from './plugins/app/readiness.plugin.js';
import healthRoutes from './routes/health.routes.js';

/** Config once the database and the engine are known (embedded or configured). */
export type AppConfig = Config & { databaseUrl: string; zeebeAddress: string };

export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    // Requests carry the caller's id when a proxy sets one, for log correlation.
    requestIdHeader: 'x-request-id',
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
  });
  installErrorHandler(app);

  await app.register(readinessPlugin);
  await app.register(dbPlugin, { databaseUrl: config.databaseUrl });
  await app.register(zeebePlugin, { zeebeAddress: config.zeebeAddress });

  await app.register(metricsPlugin);
  await app.register(openapiPlugin);

  await app.register(healthRoutes);
  return app;
}
