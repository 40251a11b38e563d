// The coded error catalogue and the one error handler. Every 4xx says what to
// fix, in Vietnamese and English; a 5xx never shows internals.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { FastifyError, FastifyInstance } from 'fastify';
import { requestErrorReason } from './plugins/app/forms/form-messages.js';

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
  FORM_NOT_FOUND: {
    status: 404,
    message: {
      vi: 'Không tìm thấy biểu mẫu hoặc phiên bản biểu mẫu được yêu cầu.',
      en: 'The requested form or form version was not found.',
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
  UNAUTHENTICATED: {
    status: 401,
    message: {
      vi: 'Bạn cần đăng nhập để thực hiện thao tác này.',
      en: 'Log in to do this.',
    },
  },
  FORBIDDEN: {
    status: 403,
    message: {
      vi: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
      en: 'Your account may not do this.',
    },
  },
  CONFLICT: {
    status: 409,
    message: {
      vi: 'Thao tác xung đột với trạng thái hiện tại.',
      en: 'This conflicts with the current state.',
    },
  },
  LOGIN_FAILED: {
    status: 401,
    message: {
      vi: 'Thư điện tử hoặc mật khẩu không đúng.',
      en: 'Wrong email or password.',
    },
  },
  ACCOUNT_LOCKED: {
    status: 423,
    message: {
      vi: 'Tài khoản tạm khóa 15 phút do đăng nhập sai nhiều lần; hãy thử lại sau hoặc đặt lại mật khẩu.',
      en: 'Too many failed logins: the account is locked for 15 minutes; try later or reset the password.',
    },
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    message: {
      vi: 'Hãy xác nhận địa chỉ thư điện tử bằng mã đã gửi trước khi đăng nhập.',
      en: 'Confirm your email address with the code sent to you before logging in.',
    },
  },
  ACCOUNT_PENDING_REVIEW: {
    status: 403,
    message: {
      vi: 'Tài khoản tổ chức đang chờ cán bộ xác minh (tối đa 2 ngày làm việc).',
      en: 'The organisation account is waiting for an officer to verify it (up to 2 working days).',
    },
  },
  ACCOUNT_REFUSED: {
    status: 403,
    message: {
      vi: 'Tài khoản tổ chức không được xác minh; xem lý do trong thư đã gửi.',
      en: 'The organisation account was not verified; see the reasons in the message sent to you.',
    },
  },
  ACCOUNT_SUSPENDED: {
    status: 403,
    message: {
      vi: 'Tài khoản đang bị tạm dừng hoặc đã hủy; liên hệ đơn vị vận hành.',
      en: 'The account is suspended or cancelled; contact the operator.',
    },
  },
  TOKEN_INVALID: {
    status: 400,
    message: {
      vi: 'Mã xác nhận không đúng, đã dùng hoặc đã hết hạn; hãy yêu cầu mã mới.',
      en: 'The code is wrong, used or expired; ask for a new one.',
    },
  },
  INVALID_TRANSITION: {
    status: 409,
    message: {
      vi: 'Hồ sơ đang ở trạng thái không cho phép thao tác này.',
      en: 'The dossier is in a status that does not allow this.',
    },
  },
  DOSSIER_INCOMPLETE: {
    status: 422,
    message: {
      vi: 'Hồ sơ chưa đủ điều kiện nộp; hãy sửa các mục được nêu.',
      en: 'The dossier cannot be submitted yet; fix the items listed.',
    },
  },
  UPLOAD_REJECTED: {
    status: 422,
    message: {
      vi: 'Tệp tải lên không được chấp nhận.',
      en: 'The uploaded file was not accepted.',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: {
      vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
      en: 'This Idempotency-Key was already used for a different request.',
    },
  },
  DOSSIER_LOOKUP_FAILED: {
    status: 404,
    message: {
      vi: 'Không tìm thấy hồ sơ có mã và thông tin người nộp (số điện thoại, số định danh cá nhân hoặc mã số thuế) như đã nhập.',
      en: 'No dossier has this code and applicant (phone number, citizen ID or tax code).',
    },
  },
  RESULT_NOT_FOUND: {
    status: 404,
    message: {
      vi: 'Không có kết quả giải quyết thủ tục hành chính nào mang số này.',
      en: 'No result document has this number.',
    },
  },
  ALREADY_RATED: {
    status: 409,
    message: {
      vi: 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.',
      en: 'This dossier has been rated already; a dossier is rated once.',
    },
  },
  BPMN_INVALID: {
    status: 422,
    message: {
      vi: 'Mô hình BPMN không triển khai được; hãy sửa các lỗi được nêu.',
      en: 'The BPMN model cannot be deployed; fix the problems listed.',
    },
  },
  PROCESS_NOT_DEPLOYED: {
    status: 404,
    message: {
      vi: 'Chưa có quy trình BPMN nào được triển khai cho thủ tục này.',
      en: 'No BPMN process has been deployed for this procedure yet.',
    },
  },
  WEB_APP_NOT_BUILT: {
    status: 503,
    message: {
      vi: 'Giao diện web chưa được build; hãy chạy `npm run build` rồi khởi động lại máy chủ.',
      en: 'The web app has not been built; run `npm run build`, then restart the server.',
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
        const reason = requestErrorReason(v as ErrorObject, `${v.instancePath}${missing}`);
        return { path, message: { vi: `${path}: ${reason.vi}`, en: `${path}: ${reason.en}` } };
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
