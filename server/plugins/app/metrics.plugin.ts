// Prometheus metrics: process defaults plus an HTTP request histogram.
import fp from 'fastify-plugin';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

export default fp(
  async (app) => {
    // One registry per app, so several apps in one process (tests) never clash.
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'motcua_' });
    const duration = new Histogram({
      name: 'motcua_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    app.decorate('metrics', registry);
    app.addHook('onResponse', async (request, reply) => {
      duration.observe(
        {
          method: request.method,
          // The route pattern, never the raw URL, keeps label sets bounded.
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
  },
  { name: 'metrics' },
);
