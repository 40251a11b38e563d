import fp from 'fastify-plugin';
import type { Knex } from 'knex';
import { createDb } from './database.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Knex;
  }
}

export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const db = createDb(databaseUrl);
    app.decorate('db', db);
    app.addHook('onClose', async () => db.destroy());
    app.readiness.add('database', async () => {
      await db.raw('select 1');
    });
  },
  { name: 'db', dependencies: ['readiness'] },
);
