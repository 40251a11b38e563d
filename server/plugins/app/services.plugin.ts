// The app services, built once from their explicit dependencies.
import fp from 'fastify-plugin';
import type { AppConfig } from '../../app.js';
import { resolve } from 'node:path';
import { createLocalDiskStorage, type FileStorage } from '../external/file-storage.js';
import { createMailer } from '../external/mailer.js';
import { createAccountService, type AccountService } from './accounts/account.service.js';
import { createSessionCache } from './accounts/session-cache.js';
import { createAgencyService, type AgencyService } from './agencies/agency.service.js';
import {
  createProcessDeploymentService,
  type ProcessDeploymentService,
} from './deployments/process-deployment.service.js';
import {
  createDossierProgressService,
  type DossierProgressService,
} from './dossiers/dossier-progress.service.js';
import {
  createDossierRatingService,
  type DossierRatingService,
} from './dossiers/dossier-rating.service.js';
import { createDossierService, type DossierService } from './dossiers/dossier.service.js';
import { createResultService, type ResultService } from './dossiers/result.service.js';
import {
  createNotificationService,
  type NotificationService,
} from './notifications/notification.service.js';
import { createProcedureService, type ProcedureService } from './procedures/procedure.service.js';
import {
  createPublicLookupService,
  type PublicLookupService,
} from './public/public-lookup.service.js';
import { createWorklistService, type WorklistService } from './worklist/worklist.service.js';

export interface Services {
  accounts: AccountService;
  agencies: AgencyService;
  deployments: ProcessDeploymentService;
  dossiers: DossierService;
  /** Uploaded documents and generated results. */
  files: FileStorage;
  notifications: NotificationService;
  ratings: DossierRatingService;
  procedures: ProcedureService;
  progress: DossierProgressService;
  publicLookup: PublicLookupService;
  results: ResultService;
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
    const sessions = createSessionCache({
      databaseUrl: config.databaseUrl,
      onError: (error) => app.log.warn({ err: error }, 'session cache not listening'),
    });
    app.addHook('onClose', async () => sessions.close());
    const accounts = createAccountService({
      db: app.db,
      clock,
      notifications,
      addWorkingDays: app.calendar.addWorkingDays,
      publicUrl: config.publicUrl,
      sessions,
    });
    const procedures = createProcedureService({
      db: app.db,
      clock,
      formExists: (id, version) => app.forms.get(id, version) !== undefined,
    });
    const files = createLocalDiskStorage(resolve(config.dataDir, 'files'));
    const dossiers = createDossierService({
      db: app.db,
      clock,
      procedures,
      forms: app.forms,
      storage: files,
      notifications,
      codePattern: config.dossierCodePattern,
      calendar: () => app.calendar.current(),
    });
    const deployments = createProcessDeploymentService({ db: app.db, zeebe: app.zeebe, clock });
    app.decorate('clock', clock);
    app.decorate('services', {
      accounts,
      agencies: createAgencyService({ db: app.db }),
      deployments,
      dossiers,
      files,
      notifications,
      procedures,
      progress: createDossierProgressService({ db: app.db, deployments, procedures }),
      ratings: createDossierRatingService({ db: app.db, clock, dossiers }),
      publicLookup: createPublicLookupService({ db: app.db }),
      results: createResultService({ db: app.db, files, publicUrl: config.publicUrl }),
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
