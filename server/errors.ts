// The coded error catalogue and the one error handler. Every 4xx says what to
// fix, in Vietnamese and English; a 5xx never shows internals.
import type { FastifyError, FastifyInstance } from 'fastify';

export interface Message {
  vi: string;
  en: string;
}

export interface ErrorDetail {
  /** JSON pointer into the request, e.g. `/body/applicant/citizenId`. */
  path: string;
  message: Message;
}

const catalogue = {
  VALIDATION_FAILED: {
    status: 400,
    message: {
      vi: 'Dữ liệu gửi lên không hợp lệ, vui lòng sửa các mục được nêu.',
      en: 'The request is not valid; fix the fields listed.',
    },
  },
  MALFORMED_JSON: {
    status: 400,
    message: {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      vi: 'Định dạng nội dung không được hỗ trợ; hãy gửi application/json.',
      en: 'Unsupported content type; send application/json.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: {
      vi: 'Nội dung gửi lên quá lớn.',
      en: 'The request body is too large.',
    },
  },
  NOT_FOUND: {
    status: 404,
    message: {
      vi: 'Không tìm thấy tài nguyên được yêu cầu.',
      en: 'The requested resource was not found.',
    },
  },
  RATE_LIMITED: {
    status: 429,
    message: {
      vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
      en: 'Too many requests; try again later.',
    },
  },
  NOT_READY: {
    status: 503,
    message: {
      vi: 'Hệ thống chưa sẵn sàng.',
      en: 'The service is not ready.',
    },
  },
  INTERNAL: {
    status: 500,
    message: {
      vi: 'Lỗi hệ thống; vui lòng thử lại hoặc báo cho đơn vị vận hành kèm mã yêu cầu.',
      en: 'Internal error; try again or report it to the operator with the request id.',
    },
  },
} satisfies Record<string, { status: number; message: Message }>;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  readonly status: number;
  readonly userMessage: Message;

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    message?: Message,
  ) {
    const entry = catalogue[code];
    super(message?.en ?? entry.message.en);
    this.status = entry.status;
    this.userMessage = message ?? entry.message;
  }
}

export interface ErrorBody {
  code: string;
  message: Message;
  details?: ErrorDetail[];
  requestId: string;
}

/** Fastify's own error codes that are the client's fault, mapped to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    return new AppError(
      'VALIDATION_FAILED',
      error.validation.map((v) => {
        const missing = v.keyword === 'required' ? `/${String(v.params.missingProperty)}` : '';
        const path = `/${context}${v.instancePath}${missing}`;
        return {
          path,
          message: {
            vi: `${path}: ${v.keyword === 'required' ? 'bắt buộc phải có' : `không hợp lệ (${v.message ?? v.keyword})`}`,
            en: `${path}: ${v.keyword === 'required' ? 'is required' : (v.message ?? v.keyword)}`,
          },
        };
      }),
    );
  }
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    const appError = known ?? new AppError('INTERNAL');
    if (known) request.log.info({ code: appError.code }, appError.message);
    else request.log.error({ err: error }, 'unhandled error');
    const body: ErrorBody = {
      code: appError.code,
      message: appError.userMessage,
      requestId: request.id,
    };
    if (appError.details.length > 0) body.details = appError.details;
    return reply.status(appError.status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('NOT_FOUND');
    const body: ErrorBody = { code: error.code, message: error.userMessage, requestId: request.id };
    return reply.status(404).send(body);
  });
}
