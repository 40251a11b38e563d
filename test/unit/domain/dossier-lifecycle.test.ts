import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  allowedEvents,
  applyDossierEvent,
  DOSSIER_EVENTS,
  DOSSIER_STATUSES,
  dossierLifecycleMachine,
  INITIAL_DOSSIER_CONTEXT,
  isFinalStatus,
  STATUS_CODES,
  STATUS_LABELS,
  statusFromCode,
  type DossierEventType,
  type DossierLifecycleContext,
  type DossierStatus,
} from '../../../server/domain/dossier-lifecycle.machine.js';

type Ctx = Partial<DossierLifecycleContext>;

/**
 * The specification, written out independently of the machine: for each
 * status (and the context it may carry), the events it accepts, where each
 * leads, and what the context becomes. Everything not listed must be refused.
 */
const SPEC: {
  status: DossierStatus;
  context?: Ctx;
  on: Partial<Record<DossierEventType, [DossierStatus, Ctx?]>>;
}[] = [
  { status: 'draft', on: { SUBMIT: ['submitted'] } },
  {
    status: 'submitted',
    on: {
      RECEIVE: ['received'],
      REFUSE: ['refused'],
      REQUEST_SUPPLEMENT: ['supplement_requested', { supplementReturnTo: 'submitted' }],
      REQUEST_WITHDRAWAL: ['withdrawal_requested', { withdrawalReturnTo: 'submitted' }],
    },
  },
  {
    status: 'received',
    on: {
      START_PROCESSING: ['in_processing'],
      REQUEST_FEE: ['fees_due', { feeReturnTo: 'received' }],
      REQUEST_WITHDRAWAL: ['withdrawal_requested', { withdrawalReturnTo: 'received' }],
      STOP: ['stopped'],
    },
  },
  { status: 'refused', on: {} },
  {
    status: 'in_processing',
    on: {
      REQUEST_SUPPLEMENT: ['supplement_requested', { supplementReturnTo: 'in_processing' }],
      REQUEST_FEE: ['fees_due', { feeReturnTo: 'in_processing' }],
      ISSUE_RESULT: ['processed'],
      REQUEST_WITHDRAWAL: ['withdrawal_requested', { withdrawalReturnTo: 'in_processing' }],
      STOP: ['stopped'],
    },
  },
  {
    status: 'supplement_requested',
    context: { supplementReturnTo: 'submitted' },
    on: {
      SUPPLEMENT: ['submitted', { supplementReturnTo: null }],
      SUPPLEMENT_EXPIRED: ['refused'],
      REQUEST_WITHDRAWAL: [
        'withdrawal_requested',
        { supplementReturnTo: 'submitted', withdrawalReturnTo: 'supplement_requested' },
      ],
      STOP: ['stopped'],
    },
  },
  {
    status: 'supplement_requested',
    context: { supplementReturnTo: 'in_processing' },
    on: {
      SUPPLEMENT: ['in_processing', { supplementReturnTo: null }],
      SUPPLEMENT_EXPIRED: ['stopped'],
      REQUEST_WITHDRAWAL: [
        'withdrawal_requested',
        { supplementReturnTo: 'in_processing', withdrawalReturnTo: 'supplement_requested' },
      ],
      STOP: ['stopped'],
    },
  },
  {
    status: 'fees_due',
    context: { feeReturnTo: 'received' },
    on: {
      FEE_PAID: ['received', { feeReturnTo: null }],
      REQUEST_WITHDRAWAL: [
        'withdrawal_requested',
        { feeReturnTo: 'received', withdrawalReturnTo: 'fees_due' },
      ],
      STOP: ['stopped'],
    },
  },
  {
    status: 'fees_due',
    context: { feeReturnTo: 'in_processing' },
    on: {
      FEE_PAID: ['in_processing', { feeReturnTo: null }],
      REQUEST_WITHDRAWAL: [
        'withdrawal_requested',
        { feeReturnTo: 'in_processing', withdrawalReturnTo: 'fees_due' },
      ],
      STOP: ['stopped'],
    },
  },
  ...(['submitted', 'received', 'in_processing', 'supplement_requested', 'fees_due'] as const).map(
    (from) => ({
      status: 'withdrawal_requested' as const,
      context: { withdrawalReturnTo: from },
      on: {
        ACCEPT_WITHDRAWAL: ['stopped', { withdrawalReturnTo: null }] as [DossierStatus, Ctx],
        REJECT_WITHDRAWAL: [from, { withdrawalReturnTo: null }] as [DossierStatus, Ctx],
      },
    }),
  ),
  { status: 'stopped', on: {} },
  { status: 'processed', on: { RETURN_RESULT: ['result_returned'] } },
  { status: 'result_returned', on: {} },
];

const describeCase = (c: (typeof SPEC)[number]): string =>
  c.context ? `${c.status} ${JSON.stringify(c.context)}` : c.status;

describe('dossier lifecycle: every transition', () => {
  const transitions = SPEC.flatMap((c) =>
    Object.entries(c.on).map(([event, [to, ctx]]) => ({
      name: `${describeCase(c)} --${event}--> ${to}`,
      c,
      event: event as DossierEventType,
      to,
      ctx,
    })),
  );

  it.each(transitions)('$name', ({ c, event, to, ctx }) => {
    const result = applyDossierEvent(c.status, { type: event }, c.context);
    expect(result).toEqual({
      ok: true,
      status: to,
      context: { ...INITIAL_DOSSIER_CONTEXT, ...c.context, ...ctx },
    });
  });

  it('covers every status in the spec', () => {
    expect(new Set(SPEC.map((c) => c.status))).toEqual(new Set(DOSSIER_STATUSES));
  });
});

describe('dossier lifecycle: refusals', () => {
  const refusals = SPEC.flatMap((c) =>
    DOSSIER_EVENTS.filter((e) => !(e in c.on)).map((event) => ({
      name: `${describeCase(c)} refuses ${event}`,
      c,
      event,
    })),
  );

  it.each(refusals)('$name', ({ c, event }) => {
    const result = applyDossierEvent(c.status, event, c.context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(c.status);
    expect(result.allowed).toEqual(DOSSIER_EVENTS.filter((e) => e in c.on));
    expect(result.message.vi).toContain(STATUS_LABELS[c.status].vi);
    expect(result.message.en).toContain(STATUS_LABELS[c.status].en);
  });

  it('says which status the dossier is in and what is allowed', () => {
    const result = applyDossierEvent('refused', 'RECEIVE');
    expect(result).toEqual({
      ok: false,
      status: 'refused',
      allowed: [],
      message: {
        vi: 'Hồ sơ đang ở trạng thái "Không được tiếp nhận" (mã 3): không thể "Tiếp nhận hồ sơ" (RECEIVE). Không còn thao tác nào được phép.',
        en: 'The dossier is "Refused" (code 3): "Receive" (RECEIVE) is not allowed. No further action is allowed.',
      },
    });
    const submitted = applyDossierEvent('submitted', 'ISSUE_RESULT');
    expect(submitted.ok).toBe(false);
    if (!submitted.ok) {
      expect(submitted.message.vi).toContain('Thao tác được phép: Tiếp nhận hồ sơ (RECEIVE)');
      expect(submitted.message.en).toContain('Allowed: Receive (RECEIVE), Refuse (REFUSE)');
    }
  });

  it('refuses an unknown event by name', () => {
    const result = applyDossierEvent('draft', 'DELETE' as DossierEventType);
    expect(result).toMatchObject({ ok: false, status: 'draft', allowed: ['SUBMIT'] });
    if (!result.ok) expect(result.message.en).toContain('there is no action "DELETE"');
  });

  it('refuses to return from a pause when the context lost where to go back to', () => {
    const result = applyDossierEvent('supplement_requested', 'SUPPLEMENT');
    expect(result).toMatchObject({ ok: false, allowed: ['REQUEST_WITHDRAWAL', 'STOP'] });
    if (!result.ok) expect(result.message.vi).toContain('thiếu thông tin trạng thái trước đó');
    expect(allowedEvents('withdrawal_requested')).toEqual(['ACCEPT_WITHDRAWAL']);
    expect(allowedEvents('fees_due')).toEqual(['REQUEST_WITHDRAWAL', 'STOP']);
  });

  it('throws on a status that does not exist (a bug, not a user error)', () => {
    expect(() => applyDossierEvent('archived' as DossierStatus, 'SUBMIT')).toThrow(
      /Unknown dossier status/,
    );
  });
});

describe('dossier lifecycle: journeys', () => {
  function run(
    events: DossierEventType[],
    start: DossierStatus = 'draft',
  ): { statuses: DossierStatus[]; context: DossierLifecycleContext } {
    let status = start;
    let context: DossierLifecycleContext = { ...INITIAL_DOSSIER_CONTEXT };
    const statuses: DossierStatus[] = [];
    for (const event of events) {
      const result = applyDossierEvent(status, event, context);
      if (!result.ok) throw new Error(result.message.en);
      ({ status, context } = result);
      statuses.push(status);
    }
    return { statuses, context };
  }

  it('goes from draft to a returned result with a supplement and a fee on the way', () => {
    const { statuses } = run([
      'SUBMIT',
      'REQUEST_SUPPLEMENT',
      'SUPPLEMENT',
      'RECEIVE',
      'START_PROCESSING',
      'REQUEST_SUPPLEMENT',
      'SUPPLEMENT',
      'REQUEST_FEE',
      'FEE_PAID',
      'ISSUE_RESULT',
      'RETURN_RESULT',
    ]);
    expect(statuses.map((s) => STATUS_CODES[s])).toEqual([1, 5, 1, 2, 4, 5, 4, 6, 4, 9, 10]);
  });

  it('keeps the supplement origin through a rejected withdrawal', () => {
    const { statuses, context } = run([
      'SUBMIT',
      'RECEIVE',
      'START_PROCESSING',
      'REQUEST_SUPPLEMENT',
      'REQUEST_WITHDRAWAL',
      'REJECT_WITHDRAWAL',
      'SUPPLEMENT',
    ]);
    expect(statuses.slice(-4)).toEqual([
      'supplement_requested',
      'withdrawal_requested',
      'supplement_requested',
      'in_processing',
    ]);
    expect(context).toEqual(INITIAL_DOSSIER_CONTEXT);
  });

  it('ends in stopped (8) when a withdrawal is accepted', () => {
    expect(run(['SUBMIT', 'RECEIVE', 'REQUEST_WITHDRAWAL', 'ACCEPT_WITHDRAWAL']).statuses).toEqual([
      'submitted',
      'received',
      'withdrawal_requested',
      'stopped',
    ]);
  });

  it('runs as an xstate actor too', () => {
    const actor = createActor(dossierLifecycleMachine).start();
    actor.send({ type: 'SUBMIT' });
    actor.send({ type: 'REQUEST_SUPPLEMENT' });
    expect(actor.getSnapshot().value).toBe('supplement_requested');
    actor.send({ type: 'SUPPLEMENT_EXPIRED' });
    expect(actor.getSnapshot().value).toBe('refused');
    expect(actor.getSnapshot().status).toBe('done');
    actor.stop();
  });
});

describe('dossier lifecycle: answers worked out once', () => {
  it('answers a repeated question the same, whatever the caller did to the first answer', () => {
    const first = applyDossierEvent('submitted', 'REQUEST_SUPPLEMENT');
    if (!first.ok) throw new Error('refused');
    first.context.supplementReturnTo = null;
    const again = applyDossierEvent('submitted', 'REQUEST_SUPPLEMENT');
    expect(again).toEqual({
      ok: true,
      status: 'supplement_requested',
      context: { ...INITIAL_DOSSIER_CONTEXT, supplementReturnTo: 'submitted' },
    });
    const refused = applyDossierEvent('draft', 'RECEIVE');
    if (refused.ok) throw new Error('accepted');
    refused.allowed.length = 0;
    refused.message.vi = '';
    const refusedAgain = applyDossierEvent('draft', 'RECEIVE');
    expect(refusedAgain.ok === false && refusedAgain.allowed).toEqual(allowedEvents('draft'));
    expect(refusedAgain.ok === false && refusedAgain.message.vi).not.toBe('');
  });
});

describe('status data', () => {
  it('maps statuses to the national codes 1–10 and back', () => {
    expect(DOSSIER_STATUSES.map((s) => STATUS_CODES[s])).toEqual([
      null,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
    ]);
    expect(statusFromCode(5)).toBe('supplement_requested');
    expect(statusFromCode(10)).toBe('result_returned');
    expect(statusFromCode(0)).toBeUndefined();
    expect(statusFromCode(11)).toBeUndefined();
  });

  it('labels every status in Vietnamese and English', () => {
    expect(STATUS_LABELS.refused).toEqual({ vi: 'Không được tiếp nhận', en: 'Refused' });
    expect(STATUS_LABELS.fees_due.vi).toBe('Yêu cầu thực hiện nghĩa vụ tài chính');
    for (const status of DOSSIER_STATUSES) {
      expect(STATUS_LABELS[status].vi).not.toBe('');
      expect(STATUS_LABELS[status].en).not.toBe('');
    }
  });

  it('has refused, stopped and result returned as the only final statuses', () => {
    expect(DOSSIER_STATUSES.filter(isFinalStatus)).toEqual([
      'refused',
      'stopped',
      'result_returned',
    ]);
  });
});
