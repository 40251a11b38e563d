// Everything under /api/v1.
import type { FastifyPluginAsync } from 'fastify';
import accountsRoutes from './accounts.routes.js';
import formsRoutes from '../../../plugins/app/forms/forms.routes.js';
import agenciesRoutes from './agencies.routes.js';
import auditRoutes from './audit.routes.js';
import authRoutes from './auth.routes.js';
import calendarRoutes from './calendar.routes.js';
import dossiersRoutes from './dossiers.routes.js';
import meRoutes from './me.routes.js';
import notificationsRoutes from './notifications.routes.js';
import proceduresRoutes from './procedures.routes.js';
import tasksRoutes from './tasks.routes.js';

const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(accountsRoutes);
  await app.register(agenciesRoutes);
  await app.register(calendarRoutes);
  await app.register(proceduresRoutes);
  await app.register(formsRoutes, { registry: app.forms });
  await app.register(notificationsRoutes);
  await app.register(auditRoutes);
  await app.register(dossiersRoutes);
  await app.register(tasksRoutes);
};

export default apiRoutes;
