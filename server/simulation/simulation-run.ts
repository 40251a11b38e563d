// One simulated dossier: each step is something a bot does (or time passing),
// then a wait until the process reaches the state the step leads to, then a
// snapshot for the timeline: engine-clock time, national status, what the
// process did meanwhile (status changes, forms Mẫu 01–05), the open user
// tasks with their due dates and the appointment date.
import {
  DOSSIER_EVENTS,
  EVENT_LABELS,
  STATUS_CODES,
  STATUS_LABELS,
  type DossierStatus,
} from '../domain/dossier-lifecycle.machine.js';
import { DEFAULT_WORKING_CALENDAR_CONFIG } from '../domain/working-calendar.js';
import type { SimulatedProcedure } from './demo-filings.js';
import type { Bots } from './procedure-bots.js';

/** What a step leads to; the run waits until all of it holds. */
export interface Expectation {
  /** The dossier's national status code. */
  status?: number;
  /** Exactly this many open user tasks per BPMN element id (0: none). */
  tasks?: Record<string, number>;
  /** National forms (Mẫu 01–05) issued during the step. */
  forms?: FormNo[];
  /** A notification of this template about the dossier, queued during the step. */
  notification?: string;
}

export type FormNo = '01' | '02' | '03' | '04' | '05';

export interface TimelineEvent {
  at: Date;
  action: string;
  label: string;
  /** The status the event led to, when it changed the status. */
  statusCode: number | null;
  statusLabel: string | null;
  reason: string | null;
  elementId: string | null;
}

export interface TimelineTask {
  name: string;
  elementId: string;
  agencyCode: string;
  candidateGroups: string[];
  dueAt: Date | null;
  /** Office time left until the due date, in working days (negative: overdue). */
  remainingWorkingDays: number | null;
}

export interface TimelineStep {
  /** Engine-clock time once the step's outcome was reached. */
  at: Date;
  actor: string;
  action: string;
  statusCode: number | null;
  statusLabel: string;
  appointmentAt: Date | null;
  events: TimelineEvent[];
  forms: { formNo: string; issuedAt: Date }[];
  notifications: { template: string; recipient: string }[];
  tasks: TimelineTask[];
}

const EXTRA_LABELS: Record<string, string> = {
  APOLOGIZE: 'Xin lỗi, hẹn lại ngày trả kết quả (Mẫu 04)',
  OVERDUE: 'Hồ sơ quá hạn',
};

const WORKING_DAY_MS = DEFAULT_WORKING_CALENDAR_CONFIG.officeHours.reduce((sum, interval) => {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return sum + (minutes(interval.end) - minutes(interval.start)) * 60_000;
}, 0);

const codeOf = (status: string | null) =>
  status && status in STATUS_CODES ? STATUS_CODES[status as DossierStatus] : null;
const labelOf = (status: string | null) =>
  status && status in STATUS_LABELS ? STATUS_LABELS[status as DossierStatus].vi : null;

export class SimulationRun {
  readonly steps: TimelineStep[] = [];
  dossierId = '';
  dossierCode: string | null = null;
  private lastSeq = 0;
  private seenForms = new Set<string>();
  private seenNotifications = new Set<string>();

  constructor(
    readonly bots: Bots,
    readonly procedure: SimulatedProcedure,
  ) {}

  /** The account of one of the procedure's bots. */
  bot(name: keyof SimulatedProcedure['bots']): string {
    const email = this.procedure.bots[name];
    if (!email) throw new Error(`procedure ${this.procedure.code} has no bot '${name}'`);
    return email;
  }

  get applicant(): string {
    return this.bot('citizen');
  }

  /** The applicant files the dossier. */
  async file(until: Expectation): Promise<TimelineStep> {
    return this.step(
      'Công dân',
      'Nộp hồ sơ trực tuyến',
      async () => {
        this.dossierId = await this.bots.file(this.procedure, this.applicant);
      },
      until,
    );
  }

  /** An officer completes the dossier's next task at `elementId` after `workingHours` of work. */
  async task(
    bot: keyof SimulatedProcedure['bots'],
    elementId: string,
    data: Record<string, unknown>,
    options: { actor: string; action: string; workingHours?: number; until: Expectation },
  ): Promise<TimelineStep> {
    const email = this.bot(bot);
    const [task] = await this.bots.waitForTasks(email, this.dossierId, elementId);
    return this.step(
      options.actor,
      options.action,
      async () => {
        await this.bots.elapseWorkingHours(options.workingHours ?? 0);
        await this.bots.work(email, task!.id, data);
      },
      options.until,
    );
  }

  /** Does `act`, waits for `until`, and records what happened. */
  async step(
    actor: string,
    action: string,
    act: () => Promise<void>,
    until: Expectation,
  ): Promise<TimelineStep> {
    await act();
    await this.bots.waitFor(`${action}: ${JSON.stringify(until)}`, () => this.holds(until));
    const step = await this.snapshot(actor, action);
    this.steps.push(step);
    return step;
  }

  private forms(): Promise<{ id: string; form_no: string; issued_at: Date }[]> {
    return this.bots.app
      .db('dossier_forms')
      .where('dossier_id', this.dossierId)
      .orderBy('issued_at')
      .select('id', 'form_no', 'issued_at');
  }

  private notifications(): Promise<{ id: string; template: string; recipient: string }[]> {
    if (!this.dossierCode) return Promise.resolve([]);
    const like = `%${this.dossierCode.replace(/[%_\\]/g, '\\$&')}%`;
    return this.bots.app
      .db('notifications')
      .where('body', 'like', like)
      .orderBy('created_at')
      .select('id', 'template', 'recipient');
  }

  private async holds(until: Expectation): Promise<boolean> {
    if (!this.dossierId) return false;
    const dossier = await this.bots.dossier(this.applicant, this.dossierId);
    this.dossierCode = dossier.code;
    if (until.status !== undefined && dossier.statusCode !== until.status) return false;
    if (until.tasks) {
      const rows: { element_id: string; n: string }[] = await this.bots.app
        .db('tasks')
        .where({ dossier_id: this.dossierId, status: 'open' })
        .groupBy('element_id')
        .select('element_id')
        .count('* as n');
      const open = new Map(rows.map((r) => [r.element_id, Number(r.n)]));
      for (const [elementId, count] of Object.entries(until.tasks))
        if ((open.get(elementId) ?? 0) !== count) return false;
    }
    if (until.forms?.length) {
      const fresh = new Set(
        (await this.forms()).filter((f) => !this.seenForms.has(f.id)).map((f) => f.form_no),
      );
      if (!until.forms.every((no) => fresh.has(no))) return false;
    }
    if (until.notification) {
      const fresh = (await this.notifications()).filter((n) => !this.seenNotifications.has(n.id));
      if (!fresh.some((n) => n.template === until.notification)) return false;
    }
    return true;
  }

  private async snapshot(actor: string, action: string): Promise<TimelineStep> {
    const { app, clock } = this.bots;
    const now = clock.now();
    const dossier = await this.bots.dossier(this.applicant, this.dossierId);
    const events = (
      await this.bots.ok<
        {
          seq: number;
          at: string;
          action: string;
          fromStatus: string | null;
          toStatus: string | null;
          reason: string | null;
          elementId: string | null;
        }[]
      >(this.applicant, 'GET', `/api/v1/dossiers/${this.dossierId}/events`)
    ).filter((e) => e.seq > this.lastSeq);
    this.lastSeq = Math.max(this.lastSeq, ...events.map((e) => e.seq));
    const calendar = app.calendar.current();
    const tasks: {
      name: string;
      element_id: string;
      agency_code: string;
      candidate_groups: string[];
      due_at: Date | null;
    }[] = await app
      .db('tasks as t')
      .join('agencies as a', 'a.id', 't.agency_id')
      .where({ 't.dossier_id': this.dossierId, 't.status': 'open' })
      .orderBy([{ column: 't.created_at' }, { column: 't.element_instance_key' }])
      .select('t.name', 't.element_id', 'a.code as agency_code', 't.candidate_groups', 't.due_at');
    const forms = (await this.forms()).filter((f) => !this.seenForms.has(f.id));
    const notifications = (await this.notifications()).filter(
      (n) => !this.seenNotifications.has(n.id),
    );
    // What this step reports is not news of the next one.
    for (const f of forms) this.seenForms.add(f.id);
    for (const n of notifications) this.seenNotifications.add(n.id);
    return {
      at: now,
      actor,
      action,
      statusCode: dossier.statusCode,
      statusLabel: dossier.statusLabel.vi,
      appointmentAt: dossier.appointmentAt ? new Date(dossier.appointmentAt) : null,
      events: events
        .filter(
          (e) =>
            (DOSSIER_EVENTS as readonly string[]).includes(e.action) || e.action in EXTRA_LABELS,
        )
        .map((e) => ({
          at: new Date(e.at),
          action: e.action,
          label:
            EXTRA_LABELS[e.action] ??
            EVENT_LABELS[e.action as keyof typeof EVENT_LABELS]?.vi ??
            e.action,
          statusCode: e.fromStatus === e.toStatus ? null : codeOf(e.toStatus),
          statusLabel: e.fromStatus === e.toStatus ? null : labelOf(e.toStatus),
          reason: e.reason,
          elementId: e.elementId,
        })),
      forms: forms.map((f) => ({ formNo: f.form_no, issuedAt: f.issued_at })),
      notifications: notifications.map((n) => ({ template: n.template, recipient: n.recipient })),
      tasks: tasks.map((t) => ({
        name: t.name,
        elementId: t.element_id,
        agencyCode: t.agency_code,
        candidateGroups: t.candidate_groups,
        dueAt: t.due_at,
        remainingWorkingDays: t.due_at
          ? Math.round((calendar.remainingWorkingTime(now, t.due_at) / WORKING_DAY_MS) * 10) / 10
          : null,
      })),
    };
  }
}
