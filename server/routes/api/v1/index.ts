// Everything under /api/v1.
import type { FastifyPluginAsync } from 'fastify';
import accountsRoutes from './accounts.routes.js';
import formsRoutes from '../../../plugins/app/forms/forms.routes.js';
import agenciesRoutes from './agencies.routes.js';
import auditRoutes from './audit.routes.js';
import authRoutes from './auth.routes.js';
import calendarRoutes from './calendar.routes.js';
import dossierFilesRoutes from './dossier-files.routes.js';
import dossierProgressRoutes from './dossier-progress.routes.js';
import dossierRatingRoutes from './dossier-rating.routes.js';
import dossierStreamRoutes from './dossier-stream.routes.js';
import dossiersRoutes from './dossiers.routes.js';
import meRoutes from './me.routes.js';
import modelerRoutes from './modeler.routes.js';
import notificationsRoutes from './notifications.routes.js';
import proceduresRoutes from './procedures.routes.js';
import publicRoutes from './public.routes.js';
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
  await app.register(dossierFilesRoutes);
  await app.register(dossierProgressRoutes);
  await app.register(dossierRatingRoutes);
  await app.register(dossierStreamRoutes);
  await app.register(tasksRoutes);
  await app.register(modelerRoutes);
  await app.register(publicRoutes);
};

export default apiRoutes;
