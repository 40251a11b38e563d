// Drives a dossier through a procedure over the API, as officers would:
// waits for the next user task, claims it, completes it with form data.
import type { FastifyInstance } from 'fastify';
import { waitFor } from '../../server/simulation/procedure-bots.js';
import type { Session } from './sessions.js';

export { waitFor };

export function driver(app: FastifyInstance) {
  const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as object, headers: { cookie: session.cookie } });

  return {
    call,

    status: async (session: Session, dossierId: string): Promise<number | null> =>
      (await call(session, 'GET', `/api/v1/dossiers/${dossierId}`)).json().statusCode,

    waitForStatus: (session: Session, dossierId: string, code: number) =>
      waitFor(`status ${code}`, async () => {
        const body = (await call(session, 'GET', `/api/v1/dossiers/${dossierId}`)).json();
        return body.statusCode === code ? body : null;
      }),

    /** Waits for the dossier's open task at `elementId` in the officer's group view. */
    task: (officer: Session, dossierId: string, elementId: string) =>
      waitFor(`task ${elementId}`, async () => {
        const tasks = (
          await call(officer, 'GET', `/api/v1/tasks?view=groups&dossierId=${dossierId}`)
        ).json();
        return Array.isArray(tasks)
          ? (
              tasks as { id: string; dossierId: string; elementId: string; dueAt: string | null }[]
            ).find((t) => t.dossierId === dossierId && t.elementId === elementId)
          : undefined;
      }),

    /** Claims and completes a task; returns the completion response. */
    async work(officer: Session, taskId: string, data: Record<string, unknown>) {
      const claimed = await call(officer, 'POST', `/api/v1/tasks/${taskId}/claim`);
      if (claimed.statusCode !== 200)
        throw new Error(`claim: ${claimed.statusCode} ${claimed.body}`);
      return call(officer, 'POST', `/api/v1/tasks/${taskId}/complete`, { data });
    },
  };
}
