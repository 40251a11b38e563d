// The one way the portal talks to the server: same-origin JSON with the
// session cookie. Errors keep the server's code, vi/en message and field
// details so pages can show each message beside its field. Reads are retried
// on network failures; writes are not (the person decides to try again).
import type { LocalText } from '../i18n/i18n';

export interface ErrorDetail {
  path: string;
  message: LocalText;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalText,
    readonly details: ErrorDetail[] = [],
  ) {
    super(text.en);
  }
}

const NETWORK: LocalText = {
  vi: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại; dữ liệu đã nhập vẫn được giữ.',
  en: 'Could not reach the server. Check the connection and try again; what you typed is kept.',
};

const UNEXPECTED: LocalText = {
  vi: 'Máy chủ gặp sự cố. Vui lòng thử lại sau ít phút.',
  en: 'The server had a problem. Please try again in a few minutes.',
};

const RETRIES = 2;

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      code?: string;
      message?: LocalText;
      details?: ErrorDetail[];
    };
    if (body.message?.vi) {
      return new ApiError(response.status, body.code ?? 'ERROR', body.message, body.details ?? []);
    }
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return new ApiError(response.status, 'ERROR', UNEXPECTED);
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const attempts = method === 'GET' ? RETRIES + 1 : 1;
  let response: Response | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      response = await fetch(`/api/v1${path}`, init);
      break;
    } catch {
      if (attempt === attempts) throw new ApiError(0, 'NETWORK', NETWORK);
      await wait(500 * attempt);
    }
  }
  if (!response) throw new ApiError(0, 'NETWORK', NETWORK);
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, body ?? {}, headers),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
};

/** Field messages keyed by JSON pointer without the /body prefix, e.g. /applicant/phone. */
export function fieldErrors(error: unknown): Map<string, LocalText> {
  const map = new Map<string, LocalText>();
  if (error instanceof ApiError) {
    for (const detail of error.details) map.set(detail.path.replace(/^\/body/, ''), detail.message);
  }
  return map;
}
