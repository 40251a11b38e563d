// The dossier's statuses (draft and the national codes 1–10) and the events
// that move between them, with their codes and labels: plain data, shared by
// the lifecycle machine, the server and the portal's pages (no xstate here,
// so a page that needs the names does not load the machine).
import type { Message } from '../errors.js';

export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'received',
  'refused',
  'in_processing',
  'supplement_requested',
  'fees_due',
  'withdrawal_requested',
  'stopped',
  'processed',
  'result_returned',
] as const;

export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** National status code (TrangThaiHoSo); a draft has none. */
export const STATUS_CODES: Readonly<Record<DossierStatus, number | null>> = {
  draft: null,
  submitted: 1,
  received: 2,
  refused: 3,
  in_processing: 4,
  supplement_requested: 5,
  fees_due: 6,
  withdrawal_requested: 7,
  stopped: 8,
  processed: 9,
  result_returned: 10,
};

export const STATUS_LABELS: Readonly<Record<DossierStatus, Message>> = {
  draft: { vi: 'Hồ sơ nháp', en: 'Draft' },
  submitted: { vi: 'Mới đăng ký', en: 'Submitted' },
  received: { vi: 'Được tiếp nhận', en: 'Received' },
  refused: { vi: 'Không được tiếp nhận', en: 'Refused' },
  in_processing: { vi: 'Đang xử lý', en: 'In processing' },
  supplement_requested: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  fees_due: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Fees due' },
  withdrawal_requested: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawal requested' },
  stopped: { vi: 'Dừng xử lý', en: 'Stopped' },
  processed: { vi: 'Đã xử lý xong', en: 'Processed' },
  result_returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

export const DOSSIER_EVENTS = [
  'SUBMIT',
  'RECEIVE',
  'REFUSE',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT',
  'SUPPLEMENT_EXPIRED',
  'START_PROCESSING',
  'REQUEST_FEE',
  'FEE_PAID',
  'REQUEST_WITHDRAWAL',
  'ACCEPT_WITHDRAWAL',
  'REJECT_WITHDRAWAL',
  'STOP',
  'ISSUE_RESULT',
  'RETURN_RESULT',
] as const;

export type DossierEventType = (typeof DOSSIER_EVENTS)[number];

/** A status with its national code and its label in Vietnamese and English. */
export function statusOf(status: DossierStatus) {
  return { status, statusCode: STATUS_CODES[status], statusLabel: STATUS_LABELS[status] };
}
