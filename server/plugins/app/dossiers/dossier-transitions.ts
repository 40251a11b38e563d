// Moving a dossier through its lifecycle: the pure machine decides, this
// writes the new status and its audit event in the caller's transaction.
import type { Knex } from 'knex';
import {
  applyDossierEvent,
  type DossierEventType,
  type DossierLifecycleContext,
  type DossierStatus,
} from '../../../domain/dossier-lifecycle.machine.js';
import { AppError } from '../../../errors.js';
import {
  updateByIdStatement,
  type KnexOnTransaction,
} from '../../external/pipelined-transaction.js';
import {
  appendDossierEvent,
  appendEventStatement,
  type DossierEventInput,
  type FieldChanges,
  type JsonValue,
} from '../audit/dossier-audit.js';

export interface DossierRow {
  id: string;
  code: string | null;
  procedure_id: string;
  agency_id: string;
  applicant_id: string;
  channel: 1 | 2 | 3;
  status: DossierStatus;
  lifecycle: Partial<DossierLifecycleContext>;
  form_data: Record<string, unknown>;
  submitted_at: Date | null;
  received_at: Date | null;
  appointment_at: Date | null;
  process_instance_key: string | null;
  /** The process definition the instance runs on, from its first job (dossier-process.ts). */
  bpmn_process_id: string | null;
  process_definition_key: string | null;
  process_definition_version: number | null;
  /** When the SLA clock stopped (a supplement was requested), and earlier pauses. */
  paused_at: Date | null;
  paused_intervals: { from: string; to: string }[];
  fees_due: { items: unknown[]; totalVnd: number; requestedAt: string } | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface Actor {
  id: string | null;
  role: string | null;
}

export interface TransitionExtras {
  reason?: string | null;
  /** The BPMN element whose step caused the change. */
  elementId?: string | null;
  /** Other columns that change with the status (code, dates, ...). */
  columns?: Partial<DossierRow>;
}

/** Locks a dossier for the rest of the transaction. */
export async function lockDossier(
  trx: Knex.Transaction,
  id: string,
): Promise<DossierRow | undefined> {
  return trx<DossierRow>('dossiers').where({ id }).forUpdate().first();
}

/** What an event does to a dossier: the columns to write and the audit event, or a 409. */
export function planTransition(
  dossier: DossierRow,
  event: DossierEventType,
  actor: Actor,
  now: Date,
  extras: TransitionExtras = {},
): { columns: Partial<DossierRow>; event: DossierEventInput } {
  const result = applyDossierEvent(dossier.status, event, dossier.lifecycle);
  if (!result.ok) {
    throw new AppError('INVALID_TRANSITION', [], result.message);
  }
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(extras.columns ?? {})) {
    const old = dossier[field as keyof DossierRow] ?? null;
    changes[field] = { old: jsonOf(old), new: jsonOf(value ?? null) };
  }
  return {
    columns: {
      ...extras.columns,
      status: result.status,
      lifecycle: result.context,
      updated_at: now,
    },
    event: {
      dossierId: dossier.id,
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: event,
      fromStatus: dossier.status,
      toStatus: result.status,
      reason: extras.reason ?? null,
      elementId: extras.elementId ?? null,
      changes: Object.keys(changes).length ? changes : null,
    },
  };
}

export async function transition(
  trx: Knex.Transaction,
  dossier: DossierRow,
  event: DossierEventType,
  actor: Actor,
  now: Date,
  extras: TransitionExtras = {},
): Promise<DossierRow> {
  const plan = planTransition(dossier, event, actor, now, extras);
  const [updated] = await trx<DossierRow>('dossiers')
    .where({ id: dossier.id })
    .update(plan.columns)
    .returning('*');
  await appendDossierEvent(trx, plan.event);
  return updated!;
}

/**
 * The same change as `transition`, written later (with the transaction's next
 * round trip): nothing waits for its answer. The dossier, locked, must exist;
 * returns the row as the update leaves it.
 */
export function transitionLater<D extends DossierRow>(
  trx: KnexOnTransaction,
  dossier: D,
  event: DossierEventType,
  actor: Actor,
  now: Date,
  extras: TransitionExtras = {},
): D {
  const plan = planTransition(dossier, event, actor, now, extras);
  trx.later(updateByIdStatement('dossiers', dossier.id, plan.columns));
  trx.later(appendEventStatement(plan.event));
  return { ...dossier, ...plan.columns };
}

/** Dates in the audit trail as ISO strings, the rest as JSON. */
function jsonOf(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
