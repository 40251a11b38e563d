// The server API the modeler uses: same origin, session cookie, errors in the
// shape of server/errors.ts.
import type { Localized } from './i18n';

export interface ErrorDetail {
  path: string;
  message: Localized;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's message, or null when the server could not be reached or gave none. */
    readonly text: Localized | null,
    readonly details: ErrorDetail[] = [],
  ) {
    super(text?.en ?? `HTTP ${status}`);
  }
}

export interface Account {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
}

export interface Procedure {
  code: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  name: Localized;
  bpmnProcessId: string;
  form: { id: string; version: number };
}

export interface ProcessBpmn {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  xml: string;
}

export interface Deployment {
  version: number;
  processDefinitionKey: string;
  source: string;
  deployedBy: { id: string; fullName: string } | null;
  deployedAt: string;
}

export type DeployResult = Omit<ProcessBpmn, 'xml'>;

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { message?: Localized; details?: ErrorDetail[] };
    return new ApiError(response.status, body.message ?? null, body.details ?? []);
  } catch {
    return new ApiError(response.status, null);
  }
}

const json = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
  (await (await request(method, path, body)).json()) as T;

const code = (procedureCode: string) => encodeURIComponent(procedureCode);

export const api = {
  me: () => json<Account>('GET', '/me'),
  login: (email: string, password: string) =>
    json<Account>('POST', '/auth/login', { email, password }),
  logout: async () => void (await request('POST', '/auth/logout')),
  procedures: () => json<Procedure[]>('GET', '/procedures'),
  procedure: (procedureCode: string) =>
    json<Procedure>('GET', `/procedures/${code(procedureCode)}`),
  processBpmn: (procedureCode: string) =>
    json<ProcessBpmn>('GET', `/procedures/${code(procedureCode)}/bpmn`),
  deployments: (procedureCode: string) =>
    json<Deployment[]>('GET', `/procedures/${code(procedureCode)}/deployments`),
  deploy: (procedureCode: string, xml: string) =>
    json<DeployResult>('POST', `/procedures/${code(procedureCode)}/deployments`, { xml }),
  elementTemplates: () => json<unknown[]>('GET', '/modeler/element-templates'),
  templateXml: async (processId: string, name: string) => {
    const query = new URLSearchParams({ processId, name });
    return (await request('GET', `/modeler/template?${query.toString()}`)).text();
  },
  form: (id: string, version: number) =>
    json<unknown>('GET', `/forms/${encodeURIComponent(id)}?version=${version}`),
};
