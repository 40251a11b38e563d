// The app services, built once from their explicit dependencies.
import fp from 'fastify-plugin';
import type { AppConfig } from '../../app.js';
import { resolve } from 'node:path';
import { createLocalDiskStorage } from '../external/file-storage.js';
import { createMailer } from '../external/mailer.js';
import { createAccountService, type AccountService } from './accounts/account.service.js';
import { createAgencyService, type AgencyService } from './agencies/agency.service.js';
import { createDossierService, type DossierService } from './dossiers/dossier.service.js';
import {
  createNotificationService,
  type NotificationService,
} from './notifications/notification.service.js';
import { createProcedureService, type ProcedureService } from './procedures/procedure.service.js';
import { createWorklistService, type WorklistService } from './worklist/worklist.service.js';

export interface Services {
  accounts: AccountService;
  agencies: AgencyService;
  dossiers: DossierService;
  notifications: NotificationService;
  procedures: ProcedureService;
  worklist: WorklistService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    clock: { now(): Date };
  }
}

export default fp<{ config: AppConfig; clock?: { now(): Date } }>(
  async (app, { config, clock = { now: () => new Date() } }) => {
    const notifications = createNotificationService({
      db: app.db,
      mailer: createMailer(config.smtpUrl, config.mailFrom),
      clock,
    });
    const accounts = createAccountService({
      db: app.db,
      clock,
      notifications,
      addWorkingDays: app.calendar.addWorkingDays,
      publicUrl: config.publicUrl,
    });
    const procedures = createProcedureService({
      db: app.db,
      clock,
      formExists: (id, version) => app.forms.get(id, version) !== undefined,
    });
    const dossiers = createDossierService({
      db: app.db,
      clock,
      procedures,
      forms: app.forms,
      storage: createLocalDiskStorage(resolve(config.dataDir, 'files')),
      notifications,
      codePattern: config.dossierCodePattern,
      calendar: () => app.calendar.current(),
    });
    app.decorate('clock', clock);
    app.decorate('services', {
      accounts,
      agencies: createAgencyService({ db: app.db }),
      dossiers,
      notifications,
      procedures,
      worklist: createWorklistService({
        db: app.db,
        clock,
        calendar: () => app.calendar.current(),
        forms: app.forms,
        zeebe: app.zeebe,
      }),
    });
  },
  { name: 'services', dependencies: ['db', 'calendar', 'forms', 'zeebe'] },
);
