// Filing through the API from a browser context (its cookies), for scenarios
// whose subject is not the filing itself.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from 'playwright-core';
import {
  DEMO_PASSWORD,
  SAMPLE_PDF,
  type SimulatedProcedure,
} from '../../../server/simulation/demo-filings.js';

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) {
    throw new Error(`${response.url()} → ${response.status()} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

export async function signInByApi(request: APIRequestContext, email: string): Promise<void> {
  await ok(await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } }));
}

/** Creates, fills, attaches and submits a dossier of the procedure; its id. */
export async function fileByApi(
  request: APIRequestContext,
  procedure: SimulatedProcedure,
): Promise<string> {
  const { id } = await ok<{ id: string }>(
    await request.post('/api/v1/dossiers', { data: { procedureCode: procedure.code } }),
  );
  await ok(
    await request.patch(`/api/v1/dossiers/${id}`, { data: { formData: procedure.formData() } }),
  );
  for (const document of procedure.documents) {
    await ok(
      await request.post(`/api/v1/dossiers/${id}/attachments?document=${document}`, {
        multipart: {
          file: { name: `${document}.pdf`, mimeType: 'application/pdf', buffer: SAMPLE_PDF },
        },
      }),
    );
  }
  await ok(
    await request.post(`/api/v1/dossiers/${id}/submit`, {
      headers: { 'idempotency-key': randomUUID() },
    }),
  );
  return id;
}

export interface Progress {
  bpmnProcessId: string;
  version: number;
  xml: string;
  done: string[];
  current: string[];
}

/** The dossier's progress once the engine has started its process. */
export async function progressOf(request: APIRequestContext, id: string): Promise<Progress> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const progress = await ok<Progress>(await request.get(`/api/v1/dossiers/${id}/progress`));
    if (progress.done.length > 0 || progress.current.length > 0) return progress;
    if (Date.now() > deadline) throw new Error(`dossier ${id} has not started its process`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
