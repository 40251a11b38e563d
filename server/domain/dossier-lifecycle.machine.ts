// The dossier status machine: `draft` plus the national status codes 1–10
// (TrangThaiHoSo of the national public-service portal). Pure xstate: no
// actors, no I/O. The service loads a dossier's status and machine context,
// calls applyDossierEvent, and persists the result with its audit event; a
// refused event becomes a 409 naming the status and the events it accepts.
//
// Statuses that pause or interrupt the work (5 supplement, 6 fees, 7
// withdrawal) remember in the context where the dossier came from, so that it
// can go back there: a supplemented dossier returns to 1 or 4, a paid one to
// 2 or 4, a rejected withdrawal to whatever status it was withdrawn from.
import { setup, assign, transition } from 'xstate';
import type { Message } from '../errors.js';
import {
  DOSSIER_EVENTS,
  DOSSIER_STATUSES,
  STATUS_CODES,
  STATUS_LABELS,
  type DossierEventType,
  type DossierStatus,
} from './dossier-statuses.js';

export {
  DOSSIER_EVENTS,
  DOSSIER_STATUSES,
  STATUS_CODES,
  STATUS_LABELS,
  statusOf,
  type DossierEventType,
  type DossierStatus,
} from './dossier-statuses.js';

export interface DossierEvent {
  type: DossierEventType;
}

export const EVENT_LABELS: Readonly<Record<DossierEventType, Message>> = {
  SUBMIT: { vi: 'Nộp hồ sơ', en: 'Submit' },
  RECEIVE: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  REFUSE: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
  REQUEST_SUPPLEMENT: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  SUPPLEMENT: { vi: 'Bổ sung hồ sơ', en: 'Supplement' },
  SUPPLEMENT_EXPIRED: { vi: 'Hết hạn bổ sung', en: 'Supplement deadline passed' },
  START_PROCESSING: { vi: 'Chuyển xử lý', en: 'Start processing' },
  REQUEST_FEE: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request fees' },
  FEE_PAID: { vi: 'Đã thực hiện nghĩa vụ tài chính', en: 'Fees paid' },
  REQUEST_WITHDRAWAL: { vi: 'Yêu cầu rút hồ sơ', en: 'Request withdrawal' },
  ACCEPT_WITHDRAWAL: { vi: 'Chấp nhận rút hồ sơ', en: 'Accept withdrawal' },
  REJECT_WITHDRAWAL: { vi: 'Từ chối rút hồ sơ', en: 'Reject withdrawal' },
  STOP: { vi: 'Dừng xử lý', en: 'Stop processing' },
  ISSUE_RESULT: { vi: 'Hoàn thành xử lý', en: 'Issue the result' },
  RETURN_RESULT: { vi: 'Trả kết quả', en: 'Return the result' },
};

/** Where a paused or interrupted dossier goes back to. */
const SUPPLEMENT_ORIGINS = ['submitted', 'in_processing'] as const;
const FEE_ORIGINS = ['received', 'in_processing'] as const;
const WITHDRAWAL_ORIGINS = [
  'submitted',
  'received',
  'in_processing',
  'supplement_requested',
  'fees_due',
] as const;

export interface DossierLifecycleContext {
  supplementReturnTo: (typeof SUPPLEMENT_ORIGINS)[number] | null;
  feeReturnTo: (typeof FEE_ORIGINS)[number] | null;
  withdrawalReturnTo: (typeof WITHDRAWAL_ORIGINS)[number] | null;
}

type ReturnField = keyof DossierLifecycleContext;

export const INITIAL_DOSSIER_CONTEXT: Readonly<DossierLifecycleContext> = {
  supplementReturnTo: null,
  feeReturnTo: null,
  withdrawalReturnTo: null,
};

const lifecycle = setup({
  types: {
    context: {} as DossierLifecycleContext,
    events: {} as DossierEvent,
  },
  guards: {
    returnsTo: ({ context }, params: { field: ReturnField; status: DossierStatus }) =>
      context[params.field] === params.status,
  },
  actions: {
    remember: assign(
      (_, params: { field: ReturnField; status: DossierStatus }) =>
        ({ [params.field]: params.status }) as Partial<DossierLifecycleContext>,
    ),
    forget: assign(
      (_, params: { field: ReturnField }) =>
        ({ [params.field]: null }) as Partial<DossierLifecycleContext>,
    ),
  },
});

/** The action that records the status a dossier leaves from. */
function remember(field: ReturnField, status: DossierStatus) {
  return { type: 'remember', params: { field, status } } as const;
}

/** One guarded transition per possible origin: go back where the context says. */
function returnTo(field: ReturnField, origins: readonly DossierStatus[]) {
  return origins.map((status) => ({
    guard: { type: 'returnsTo', params: { field, status } } as const,
    target: status,
    actions: { type: 'forget', params: { field } } as const,
  }));
}

const requestWithdrawal = (from: (typeof WITHDRAWAL_ORIGINS)[number]) => ({
  target: 'withdrawal_requested' as const,
  actions: remember('withdrawalReturnTo', from),
});

export const dossierLifecycleMachine = lifecycle.createMachine({
  id: 'dossierLifecycle',
  context: { ...INITIAL_DOSSIER_CONTEXT },
  initial: 'draft',
  states: {
    draft: {
      on: { SUBMIT: 'submitted' },
    },
    // 1: filed, waiting for the reception officer to check completeness.
    submitted: {
      on: {
        RECEIVE: 'received',
        REFUSE: 'refused',
        REQUEST_SUPPLEMENT: {
          target: 'supplement_requested',
          actions: remember('supplementReturnTo', 'submitted'),
        },
        REQUEST_WITHDRAWAL: requestWithdrawal('submitted'),
      },
    },
    // 2: received complete; the appointment date runs from here.
    received: {
      on: {
        START_PROCESSING: 'in_processing',
        REQUEST_FEE: { target: 'fees_due', actions: remember('feeReturnTo', 'received') },
        REQUEST_WITHDRAWAL: requestWithdrawal('received'),
        STOP: 'stopped',
      },
    },
    // 3: not received (Mẫu 03); nothing follows.
    refused: { type: 'final' },
    // 4
    in_processing: {
      on: {
        REQUEST_SUPPLEMENT: {
          target: 'supplement_requested',
          actions: remember('supplementReturnTo', 'in_processing'),
        },
        REQUEST_FEE: { target: 'fees_due', actions: remember('feeReturnTo', 'in_processing') },
        ISSUE_RESULT: 'processed',
        REQUEST_WITHDRAWAL: requestWithdrawal('in_processing'),
        STOP: 'stopped',
      },
    },
    // 5: the clock is paused until the applicant supplements.
    supplement_requested: {
      on: {
        SUPPLEMENT: returnTo('supplementReturnTo', SUPPLEMENT_ORIGINS),
        // A dossier never received is refused; one already in processing is stopped.
        SUPPLEMENT_EXPIRED: [
          {
            guard: {
              type: 'returnsTo',
              params: { field: 'supplementReturnTo', status: 'submitted' },
            },
            target: 'refused',
          },
          {
            guard: {
              type: 'returnsTo',
              params: { field: 'supplementReturnTo', status: 'in_processing' },
            },
            target: 'stopped',
          },
        ],
        REQUEST_WITHDRAWAL: requestWithdrawal('supplement_requested'),
        STOP: 'stopped',
      },
    },
    // 6
    fees_due: {
      on: {
        FEE_PAID: returnTo('feeReturnTo', FEE_ORIGINS),
        REQUEST_WITHDRAWAL: requestWithdrawal('fees_due'),
        STOP: 'stopped',
      },
    },
    // 7: the agency decides on the applicant's request.
    withdrawal_requested: {
      on: {
        ACCEPT_WITHDRAWAL: {
          target: 'stopped',
          actions: { type: 'forget', params: { field: 'withdrawalReturnTo' } },
        },
        REJECT_WITHDRAWAL: returnTo('withdrawalReturnTo', WITHDRAWAL_ORIGINS),
      },
    },
    // 8
    stopped: { type: 'final' },
    // 9: result ready, waiting to be handed over.
    processed: {
      on: { RETURN_RESULT: 'result_returned' },
    },
    // 10
    result_returned: { type: 'final' },
  },
});

export type ApplyDossierEventResult =
  | { ok: true; status: DossierStatus; context: DossierLifecycleContext }
  | { ok: false; status: DossierStatus; allowed: DossierEventType[]; message: Message };

function isStatus(value: unknown): value is DossierStatus {
  return (DOSSIER_STATUSES as readonly unknown[]).includes(value);
}

function isEventType(value: unknown): value is DossierEventType {
  return (DOSSIER_EVENTS as readonly unknown[]).includes(value);
}

function snapshotOf(status: DossierStatus, context?: Partial<DossierLifecycleContext>) {
  if (!isStatus(status)) {
    throw new RangeError(
      `Trạng thái hồ sơ không xác định "${String(status)}" / Unknown dossier status "${String(status)}".`,
    );
  }
  return dossierLifecycleMachine.resolveState({
    value: status,
    context: { ...INITIAL_DOSSIER_CONTEXT, ...context },
  });
}

/** The events a dossier in `status` (with its machine context) accepts now. */
export function allowedEvents(
  status: DossierStatus,
  context?: Partial<DossierLifecycleContext>,
): DossierEventType[] {
  const snapshot = snapshotOf(status, context);
  return DOSSIER_EVENTS.filter((type) => snapshot.can({ type }));
}

function refusalMessage(
  status: DossierStatus,
  type: unknown,
  allowed: DossierEventType[],
): Message {
  const label = STATUS_LABELS[status];
  const code = STATUS_CODES[status];
  const where = {
    vi: `Hồ sơ đang ở trạng thái "${label.vi}"${code === null ? '' : ` (mã ${code})`}`,
    en: `The dossier is "${label.en}"${code === null ? '' : ` (code ${code})`}`,
  };
  const then =
    allowed.length > 0
      ? {
          vi: `Thao tác được phép: ${allowed.map((t) => `${EVENT_LABELS[t].vi} (${t})`).join(', ')}.`,
          en: `Allowed: ${allowed.map((t) => `${EVENT_LABELS[t].en} (${t})`).join(', ')}.`,
        }
      : { vi: 'Không còn thao tác nào được phép.', en: 'No further action is allowed.' };
  let why: Message;
  if (!isEventType(type)) {
    why = {
      vi: `thao tác "${String(type)}" không tồn tại`,
      en: `there is no action "${String(type)}"`,
    };
  } else if (dossierLifecycleMachine.states[status]?.ownEvents.includes(type)) {
    // The status takes this event, but the context does not say where to go back to.
    why = {
      vi: `thiếu thông tin trạng thái trước đó để "${EVENT_LABELS[type].vi}"`,
      en: `the status it came from is unknown, so it cannot "${EVENT_LABELS[type].en}"`,
    };
  } else {
    why = {
      vi: `không thể "${EVENT_LABELS[type].vi}" (${type})`,
      en: `"${EVENT_LABELS[type].en}" (${type}) is not allowed`,
    };
  }
  return { vi: `${where.vi}: ${why.vi}. ${then.vi}`, en: `${where.en}: ${why.en}. ${then.en}` };
}

/**
 * Applies one event to a dossier's status. On success, returns the new status
 * and the context to persist; otherwise the unchanged status, the events it
 * would accept, and a message for the 409 answer.
 */
export function applyDossierEvent(
  status: DossierStatus,
  event: DossierEvent | DossierEventType,
  context?: Partial<DossierLifecycleContext>,
): ApplyDossierEventResult {
  const type: unknown = typeof event === 'string' ? event : event.type;
  const key = JSON.stringify([status, context ?? null, type]);
  let result = decided.get(key);
  if (!result) {
    result = decide(status, type, context);
    if (decided.size >= DECIDED_MAX) decided.clear();
    decided.set(key, result);
  }
  // A copy: the caller may change what it gets.
  return result.ok
    ? { ...result, context: { ...result.context } }
    : { ...result, allowed: [...result.allowed], message: { ...result.message } };
}

// The machine is pure and its states few: each (status, context, event) is
// worked out by xstate once, then answered from here.
const decided = new Map<string, ApplyDossierEventResult>();
const DECIDED_MAX = 4096;

function decide(
  status: DossierStatus,
  type: unknown,
  context?: Partial<DossierLifecycleContext>,
): ApplyDossierEventResult {
  const snapshot = snapshotOf(status, context);
  if (!isEventType(type) || !snapshot.can({ type })) {
    const allowed = DOSSIER_EVENTS.filter((t) => snapshot.can({ type: t }));
    return { ok: false, status, allowed, message: refusalMessage(status, type, allowed) };
  }
  const [next] = transition(dossierLifecycleMachine, snapshot, { type });
  return { ok: true, status: next.value as DossierStatus, context: { ...next.context } };
}

/** The status for a national status code (1–10), or undefined. */
export function statusFromCode(code: number): Exclude<DossierStatus, 'draft'> | undefined {
  const found = DOSSIER_STATUSES.find((s) => STATUS_CODES[s] === code);
  return found === 'draft' ? undefined : found;
}

/** Refused (3), stopped (8) and result returned (10) end the dossier's life. */
export function isFinalStatus(status: DossierStatus): boolean {
  return dossierLifecycleMachine.states[snapshotOf(status).value as string]?.type === 'final';
}
