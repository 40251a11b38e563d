// Everything under /api/v1.
import type { FastifyPluginAsync } from 'fastify';
import accountsRoutes from './accounts.routes.js';
import formsRoutes from '../../../plugins/app/forms/forms.routes.js';
import agenciesRoutes from './agencies.routes.js';
import authRoutes from './auth.routes.js';
import calendarRoutes from './calendar.routes.js';
import meRoutes from './me.routes.js';
import notificationsRoutes from './notifications.routes.js';
import proceduresRoutes from './procedures.routes.js';

const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(accountsRoutes);
  await app.register(agenciesRoutes);
  await app.register(calendarRoutes);
  await app.register(proceduresRoutes);
  await app.register(formsRoutes, { registry: app.forms });
  await app.register(notificationsRoutes);
};

export default apiRoutes;
