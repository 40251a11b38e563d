// Bots that work a dossier through a procedure over the HTTP API, as the
// applicant and the officers would: file, find the next task in their
// worklist, claim and complete it with form data, pay, supplement. Time is the
// clock the app and the engine share: with a ControlledClock the bots move it
// forward (an officer's working hours, a deadline) instead of waiting.
// Used by `npm run simulate` and by the procedure tests.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../plugins/app/accounts/auth.plugin.js';
import {
  DEMO_PASSWORD,
  SAMPLE_PDF,
  SIMULATION_APPLICANT,
  SIMULATION_STAFF,
  type SimulatedProcedure,
} from './demo-filings.js';

/** The clock of the app and the engine; `advance` when time may be moved. */
export interface SimulationClock {
  now(): Date;
  advance?(ms: number): void;
}

export interface BotsOptions {
  app: FastifyInstance;
  clock: SimulationClock;
  /** Resolves once the engine has fired every timer due by the clock (RunningEngine.settle). */
  settle?: () => Promise<void>;
  /** How long (real time) to wait for the process to reach a state; 20 s by default. */
  waitMs?: number;
}

/** A worklist row as the API returns it. */
export interface TaskView {
  id: string;
  name: string;
  elementId: string;
  dossierId: string;
  candidateGroups: string[];
  assigneeId: string | null;
  dueAt: string | null;
  remainingWorkingMinutes: number | null;
}

/** A dossier as the API returns it. */
export interface DossierView {
  id: string;
  code: string | null;
  status: string;
  statusCode: number | null;
  statusLabel: { vi: string; en: string };
  appointmentAt: string | null;
  processInstanceKey: string | null;
}

type Method = 'GET' | 'POST' | 'PATCH';

/** Polls `probe` until it gives a value, for at most `ms` of real time. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Re-login a little before a session ends by the (moving) app clock.
const SESSION_MARGIN_MS = 60_000;

export function createBots(options: BotsOptions) {
  const { app, clock } = options;
  const waitMs = options.waitMs ?? 20_000;
  const sessions = new Map<string, { cookie: string; expiresAt: Date }>();

  /**
   * A session cookie for the account. Bots log in through the account
   * service (the login route's rate limit counts real minutes, and moving the
   * clock past a session's end makes the bots log in often).
   */
  async function cookieOf(email: string): Promise<string> {
    const known = sessions.get(email);
    if (known && known.expiresAt.getTime() - SESSION_MARGIN_MS > clock.now().getTime())
      return known.cookie;
    const { token, expiresAt } = await app.services.accounts.login(email, DEMO_PASSWORD);
    const cookie = `${SESSION_COOKIE}=${token}`;
    sessions.set(email, { cookie, expiresAt });
    return cookie;
  }

  async function call(email: string, method: Method, url: string, payload?: unknown) {
    return app.inject({
      method,
      url,
      payload: payload as object | undefined,
      headers: { cookie: await cookieOf(email) },
    });
  }

  /** A call that must succeed; its JSON body. */
  async function ok<T = unknown>(
    email: string,
    method: Method,
    url: string,
    payload?: unknown,
  ): Promise<T> {
    const res = await call(email, method, url, payload);
    if (res.statusCode >= 300)
      throw new Error(`${email}: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }

  async function upload(email: string, dossierId: string, document: string): Promise<void> {
    const boundary = `b${randomUUID()}`;
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierId}/attachments?document=${document}`,
      headers: {
        cookie: await cookieOf(email),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${document}.pdf"\r\n\r\n`,
        ),
        SAMPLE_PDF,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    if (res.statusCode >= 300) throw new Error(`upload ${document}: ${res.statusCode} ${res.body}`);
  }

  const dossier = (email: string, id: string) =>
    ok<DossierView>(email, 'GET', `/api/v1/dossiers/${id}`);

  /** The dossier's open tasks at `elementId` in the officer's group view. */
  async function tasks(email: string, dossierId: string, elementId: string): Promise<TaskView[]> {
    const all = await ok<TaskView[]>(
      email,
      'GET',
      `/api/v1/tasks?view=groups&dossierId=${dossierId}`,
    );
    return all.filter((t) => t.dossierId === dossierId && t.elementId === elementId);
  }

  function requireAdvance(): (ms: number) => void {
    const advance = clock.advance?.bind(clock);
    if (!advance) throw new Error('this simulation moves time: it needs a ControlledClock');
    return advance;
  }

  return {
    app,
    clock,
    call,
    ok,
    dossier,
    tasks,
    upload,
    /** Whether the clock can be moved (a ControlledClock shared by the app and the engine). */
    canMoveTime: typeof clock.advance === 'function',

    waitFor: <T>(what: string, probe: () => Promise<T | undefined | null | false>) =>
      waitFor(what, probe, waitMs),

    /** Creates the officers the demo seed lacks (idempotent; safe if another app does it too). */
    async ensureStaff(): Promise<void> {
      for (const person of SIMULATION_STAFF) {
        const exists = async () =>
          app.db('accounts').whereRaw('lower(email) = lower(?)', [person.email]).first('id');
        if (await exists()) continue;
        const agency = await app.db('agencies').where('code', person.agencyCode).first('id');
        if (!agency) throw new Error(`agency ${person.agencyCode} is not seeded`);
        const units: { id: string }[] = await app
          .db('units')
          .where('agency_id', agency.id)
          .whereIn('code', person.unitCodes)
          .select('id');
        try {
          await app.services.accounts.createStaff({
            fullName: person.fullName,
            email: person.email,
            password: DEMO_PASSWORD,
            agencyId: agency.id,
            unitIds: units.map((u) => u.id),
            roles: person.roles,
          });
        } catch (error) {
          // Another app on the same database created it meanwhile.
          if (!(await exists())) throw error;
        }
      }
    },

    /** The applicant creates, fills, attaches and submits a dossier; its id. */
    async file(procedure: SimulatedProcedure, applicant = SIMULATION_APPLICANT): Promise<string> {
      const { id } = await ok<{ id: string }>(applicant, 'POST', '/api/v1/dossiers', {
        procedureCode: procedure.code,
      });
      await ok(applicant, 'PATCH', `/api/v1/dossiers/${id}`, { formData: procedure.formData() });
      for (const document of procedure.documents) await upload(applicant, id, document);
      await ok(applicant, 'POST', `/api/v1/dossiers/${id}/submit`);
      return id;
    },

    async waitForStatus(email: string, id: string, code: number): Promise<DossierView> {
      return waitFor(
        `dossier ${id} in status ${code}`,
        async () => {
          const d = await dossier(email, id);
          return d.statusCode === code ? d : null;
        },
        waitMs,
      );
    },

    /** Waits until the officer sees `count` open tasks at `elementId` for the dossier. */
    waitForTasks(
      email: string,
      dossierId: string,
      elementId: string,
      count = 1,
    ): Promise<TaskView[]> {
      return waitFor(
        `${count} open task(s) ${elementId} for ${email}`,
        async () => {
          const open = await tasks(email, dossierId, elementId);
          return open.length >= count ? open : null;
        },
        waitMs,
      );
    },

    /** Claims and completes a task with its form's data. */
    async work(email: string, taskId: string, data: Record<string, unknown>): Promise<void> {
      await ok(email, 'POST', `/api/v1/tasks/${taskId}/claim`);
      await ok(email, 'POST', `/api/v1/tasks/${taskId}/complete`, { data });
    },

    /** Moves the shared clock forward; the engine fires what falls due. */
    async advance(ms: number): Promise<void> {
      requireAdvance()(Math.max(ms, 0));
      await options.settle?.();
    },

    /** Moves the shared clock to `at` (never back). */
    async advanceTo(at: Date): Promise<void> {
      requireAdvance()(Math.max(at.getTime() - clock.now().getTime(), 0));
      await options.settle?.();
    },

    /** Moves the clock by office time (an officer's work), when it can move; else nothing. */
    async elapseWorkingHours(hours: number): Promise<void> {
      if (!clock.advance) return;
      const to = app.calendar.current().addWorkingHours(clock.now(), hours);
      requireAdvance()(Math.max(to.getTime() - clock.now().getTime(), 0));
      await options.settle?.();
    },
  };
}

export type Bots = ReturnType<typeof createBots>;
