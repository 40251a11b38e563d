// What the web-app route tests share: the demo people by what they are to a
// dossier of the water-resources department, and a groundwater draft with its
// documents uploaded.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { SAMPLE_PDF, SIMULATED_PROCEDURES } from '../../../server/simulation/demo-filings.js';
import { login, type Session } from '../../support/sessions.js';

export const GROUNDWATER = SIMULATED_PROCEDURES['groundwater-exploration-licence']!;

export const PEOPLE = {
  /** The applicant of the dossiers the tests file. */
  citizen: 'congdan@demo.motcua.vn',
  /** Another applicant. */
  organisation: 'doanhnghiep@demo.motcua.vn',
  /** An officer of the agency that handles groundwater dossiers. */
  reception: 'motcua@demo.motcua.vn',
  /** An officer of another agency. */
  otherAgency: 'motcua.mt@demo.motcua.vn',
  analyst: 'phantich@demo.motcua.vn',
  operator: 'vanhanh@demo.motcua.vn',
  admin: 'quantri@demo.motcua.vn',
} as const;

export type Person = keyof typeof PEOPLE;

export async function sessionsOf(app: FastifyInstance): Promise<Record<Person, Session>> {
  const entries = await Promise.all(
    Object.entries(PEOPLE).map(async ([who, email]) => [who, await login(app, email)] as const),
  );
  return Object.fromEntries(entries) as Record<Person, Session>;
}

export function caller(app: FastifyInstance) {
  return (
    session: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    app.inject({
      method,
      url,
      payload: payload as object | undefined,
      headers: session ? { cookie: session.cookie } : {},
    });
}

export function multipartPdf(fileName: string, content: Buffer = SAMPLE_PDF) {
  const boundary = `----motcua${randomUUID()}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A groundwater draft, filled and with every document uploaded: ready to submit. */
export async function readyDraft(
  app: FastifyInstance,
  applicant: Session,
): Promise<{ id: string; attachmentIds: string[] }> {
  const call = caller(app);
  const draft = await call(applicant, 'POST', '/api/v1/dossiers', {
    procedureCode: GROUNDWATER.code,
    formData: GROUNDWATER.formData(),
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const id: string = draft.json().id;
  const attachmentIds: string[] = [];
  for (const document of GROUNDWATER.documents) {
    const upload = multipartPdf(`${document} – bản chính.pdf`);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/attachments?document=${document}`,
      payload: upload.payload,
      headers: { ...upload.headers, cookie: applicant.cookie },
    });
    expect(res.statusCode, res.body).toBe(201);
    attachmentIds.push(res.json().id);
  }
  return { id, attachmentIds };
}
