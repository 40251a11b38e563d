// Dossiers: drafts saved as often as needed, attachments per required
// document, submission (validation, code, hand-off to the engine in one
// transaction), withdrawal requests, counter intake by officers, and reads
// limited to what the caller may see.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import {
  STATUS_LABELS,
  statusOf,
  type DossierStatus,
} from '../../../domain/dossier-lifecycle.machine.js';
import { dossierCodeAround } from '../../../domain/dossier-code.js';
import { toVietnamDate, type WorkingCalendar } from '../../../domain/working-calendar.js';
import { AppError, type ErrorDetail } from '../../../errors.js';
import type { FileStorage } from '../../external/file-storage.js';
import { batchedById } from '../../external/batched-read.js';
import { preparedRows } from '../../external/database.js';
import { createSubmissionBatcher } from './submission-batch.js';
import {
  pipelinedTransaction,
  knexOf,
  type PipelinedTransaction,
  type Statement,
} from '../../external/pipelined-transaction.js';
import { appendDossierEvent, chainedEvent, chainHeadOf } from '../audit/dossier-audit.js';
import { dossierScope, type Caller } from '../access/access-rules.js';
import type { FormRegistry } from '../forms/form-registry.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { ProcedureService, ProcedureVersion } from '../procedures/procedure.service.js';
import { lockDossier, planTransition, transition, type DossierRow } from './dossier-transitions.js';
import { codePlaceholder, submissionStatement } from './submission-statement.js';
import { UploadInspector, UploadTooLarge } from './upload-inspector.js';
import { isUuid } from '../../../domain/uuid.js';

export interface DossierDeps {
  db: Knex;
  clock: { now(): Date };
  procedures: ProcedureService;
  forms: FormRegistry;
  storage: FileStorage;
  notifications: NotificationService;
  codePattern: string;
  calendar(): WorkingCalendar;
}

export interface AttachmentRow {
  id: string;
  dossier_id: string;
  document_key: string;
  file_name: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  created_at: Date;
}

/** The topic of the outbox rows that publish a message to the engine. */
export const ENGINE_MESSAGE_TOPIC = 'engine.message';

/** What the relay publishes: a message id makes a repeated publish harmless. */
export interface EngineMessage {
  messageName: string;
  correlationKey: string;
  messageId: string;
  variables: Record<string, string | number | boolean | Record<string, never>>;
}

function engineMessageRow(message: EngineMessage, at: Date) {
  return { topic: ENGINE_MESSAGE_TOPIC, payload: message, next_attempt_at: at };
}

export async function queueEngineMessage(
  trx: Knex.Transaction,
  message: EngineMessage,
  at: Date,
): Promise<void> {
  await trx('outbox').insert(engineMessageRow(message, at));
}

/** The message a procedure's BPMN starts on: one name per process id. */
export function startMessageName(bpmnProcessId: string): string {
  return `dossier-submitted.${bpmnProcessId}`;
}

const detail = (path: string, vi: string, en: string): ErrorDetail => ({
  path,
  message: { vi, en },
});

/** What limits a caller's view of dossiers: a column and its value (from scopeOf). */
type ScopeLimit = [column: 'applicant_id' | 'agency_id', value: string];

/**
 * Locks a dossier by id ($1), limited to the caller's view ($2) when `limit`
 * says so, and reads it with its version (the row's xmin: submission-statement.ts).
 */
function lockDossierStatement(limit: ScopeLimit | null): string {
  return `select *, xmin::text as row_version from dossiers
           where id = $1${limit ? ` and ${limit[0]} = $2` : ''} for update`;
}

/** A dossier as submit reads it: with the version of its row. */
type DossierToSubmit = DossierRow & { row_version: string };

/** What submitting a dossier reads besides its row: documents, agency code, email, chain head. */
interface SubmitContext {
  documents: string[];
  agency_code: string;
  email: string;
  seq: number | null;
  hash: string | null;
}

const SUBMIT_CONTEXT_OF = (where: string, dossierColumns = '') => `
select ${dossierColumns}
       coalesce((select array_agg(document_key) from attachments where dossier_id = d.id), '{}')
         as documents,
       ag.code as agency_code, ac.email, head.seq, head.hash
  from dossiers d
  join agencies ag on ag.id = d.agency_id
  join accounts ac on ac.id = d.applicant_id
  left join lateral (
    select seq, hash from dossier_events e where e.dossier_id = d.id order by seq desc limit 1
  ) head on true
 where ${where}`;
const SUBMIT_CONTEXT = SUBMIT_CONTEXT_OF('d.id = $1');
/** Dossiers with their version and context, for submits that check them without a lock. */
const DOSSIERS_TO_SUBMIT = SUBMIT_CONTEXT_OF(
  'd.id = any($1::uuid[])',
  'd.*, d.xmin::text as row_version,',
);

/** An Idempotency-Key given with a submit, and the hash of the request it came with. */
interface SubmitKey {
  value: string;
  hash: string;
}

interface IdempotencyRow {
  request_hash: string;
  status_code: number;
  response: unknown;
}

const requestHashOf = (id: string) => createHash('sha256').update(`submit:${id}`).digest('hex');

function keptAnswerStatement(caller: Caller, key: SubmitKey): Statement {
  return {
    text: 'select * from idempotency_keys where account_id = $1 and key = $2',
    values: [caller.id, key.value],
  };
}

/** Statuses in which the applicant may still change the form and the files. */
const EDITABLE: DossierStatus[] = ['draft', 'supplement_requested'];

export function createDossierService(deps: DossierDeps) {
  const { db, clock, procedures, forms, storage, notifications } = deps;
  const batcher = createSubmissionBatcher(db);
  // The reads of submits that arrive in one event-loop turn share a statement.
  const dossierToSubmit = batchedById<DossierToSubmit & SubmitContext>(
    db,
    'dossiers_to_submit',
    DOSSIERS_TO_SUBMIT,
  );
  // Status polls: the scope is checked on the row, so one statement serves every caller.
  const statusRow = batchedById<DossierRow>(
    db,
    'dossier_status',
    `select id, code, status, submitted_at, appointment_at, updated_at, applicant_id, agency_id
       from dossiers where id = any($1::uuid[])`,
  );

  /**
   * The column that limits the caller's view of a dossier and its value, or
   * null when the caller sees every dossier; 404 for a malformed id or a
   * caller who sees none, so nothing leaks.
   */
  function scopeOf(caller: Caller, id: string): ScopeLimit | null {
    if (!isUuid(id)) {
      throw new AppError('NOT_FOUND');
    }
    const scope = dossierScope(caller);
    if (scope === 'none') throw new AppError('NOT_FOUND');
    if (scope === 'all') return null;
    return 'applicantId' in scope
      ? ['applicant_id', scope.applicantId]
      : ['agency_id', scope.agencyId];
  }

  /** The caller's view of one dossier: a query that finds nothing they may not see. */
  function scoped(caller: Caller, id: string, trx: Knex | Knex.Transaction) {
    const limit = scopeOf(caller, id);
    const query = trx<DossierRow>('dossiers').where({ id });
    return limit ? query.where(...limit) : query;
  }

  /** The dossier if the caller may see it; 404 otherwise, so nothing leaks. */
  async function visible(
    caller: Caller,
    id: string,
    trx: Knex | Knex.Transaction = db,
  ): Promise<DossierRow> {
    const dossier = await scoped(caller, id, trx).first();
    if (!dossier) throw new AppError('NOT_FOUND');
    return dossier;
  }

  /** The dossier locked for change, if the caller is its applicant. */
  async function ownForChange(
    trx: Knex.Transaction,
    caller: Caller,
    id: string,
  ): Promise<DossierRow> {
    const dossier = await scoped(caller, id, trx).forUpdate().first();
    if (!dossier) throw new AppError('NOT_FOUND');
    if (dossier.applicant_id !== caller.id) throw new AppError('FORBIDDEN');
    return dossier;
  }

  function requireEditable(dossier: DossierRow): void {
    if (!EDITABLE.includes(dossier.status)) {
      throw new AppError('INVALID_TRANSITION', [], {
        vi: `Hồ sơ đang ở trạng thái "${STATUS_LABELS[dossier.status].vi}", không sửa được.`,
        en: `The dossier is ${STATUS_LABELS[dossier.status].en}; it cannot be changed.`,
      });
    }
  }

  /**
   * Every reason the dossier cannot be submitted, at once. `present` holds
   * the keys of the documents on file; null when the originals are on paper
   * (checked at the counter).
   */
  function problems(dossier: DossierRow, procedure: ProcedureVersion, present: Set<string> | null) {
    const found: ErrorDetail[] = [];
    const result = forms.validate(procedure.form.id, procedure.form.version, dossier.form_data);
    if (!result.valid) {
      for (const error of result.errors)
        found.push({ path: `/formData${error.path}`, message: error.message });
    }
    if (present) {
      for (const document of procedure.documents) {
        if (document.required && !present.has(document.key)) {
          found.push(
            detail(
              `/documents/${document.key}`,
              `Thiếu thành phần hồ sơ bắt buộc: ${document.name.vi}.`,
              `A required document is missing: ${document.name.en}.`,
            ),
          );
        }
      }
    }
    return found;
  }

  /**
   * Locks the dossier (if the caller may see it) and reads what submitting it
   * needs, after `before`, in one round trip; each statement starts after the
   * one before it, so the reads see the dossier as locked. The procedure
   * version comes from the catalogue's cache (read on this connection once).
   */
  async function lockForSubmit(
    tx: PipelinedTransaction,
    caller: Caller | null,
    id: string,
    before: Statement[] = [],
  ) {
    const limit = caller ? scopeOf(caller, id) : null;
    const results = await tx.inOneTrip([
      ...before,
      { text: lockDossierStatement(limit), values: limit ? [id, limit[1]] : [id] },
      { text: SUBMIT_CONTEXT, values: [id] },
    ]);
    const [dossier, context] = results.slice(before.length).map((rows) => rows[0]) as [
      DossierToSubmit | undefined,
      SubmitContext,
    ];
    return {
      before: results.slice(0, before.length),
      dossier,
      context,
      procedure: dossier && (await procedures.filedVersion(dossier.procedure_id, knexOf(tx))),
    };
  }

  /**
   * The statement that submits a dossier read for it (locked by
   * lockForSubmit, or unlocked for a batch): it issues the code and writes
   * the dossier, its audit event, the engine's start message and the
   * applicant's notice (submission-statement.ts). With it,
   * the dossier's row as it leaves it, given the code the statement returns
   * (the locked row and what it changes: no second read of the whole row).
   */
  function submission(
    locked: { dossier: DossierToSubmit; context: SubmitContext; procedure: ProcedureVersion },
    actor: { id: string; role: string },
    paperOriginals: boolean,
  ): { statement: Statement; counter: string; submitted: (code: string) => DossierRow } {
    const { dossier, context, procedure } = locked;
    const now = clock.now();
    const found = problems(dossier, procedure, paperOriginals ? null : new Set(context.documents));
    if (found.length) throw new AppError('DOSSIER_INCOMPLETE', found);

    const code = codePlaceholder();
    const plan = planTransition(dossier, 'SUBMIT', actor, now, {
      columns: { code, submitted_at: now },
    });
    const start: EngineMessage = {
      messageName: startMessageName(procedure.bpmnProcessId),
      correlationKey: dossier.id,
      messageId: dossier.id,
      variables: {
        dossierId: dossier.id,
        dossierCode: code,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        channel: dossier.channel,
      },
    };
    const day = toVietnamDate(now);
    const statement = submissionStatement({
      agencyId: dossier.agency_id,
      day,
      code: dossierCodeAround(deps.codePattern, { agencyCode: context.agency_code, date: now }),
      placeholder: code,
      dossier: {
        id: dossier.id,
        version: dossier.row_version,
        status: plan.columns.status!,
        lifecycle: plan.columns.lifecycle,
        submittedAt: now,
        updatedAt: now,
      },
      event: chainedEvent(chainHeadOf(context), plan.event),
      message: engineMessageRow(start, now),
      notice: notifications.row({
        accountId: dossier.applicant_id,
        to: context.email,
        template: 'dossier.submitted',
        locale: 'vi',
        variables: { code, procedureName: procedure.name.vi, submittedAt: now.toISOString() },
      }),
    });
    return {
      statement,
      counter: `${dossier.agency_id}/${day}`,
      submitted: (issued) => ({ ...dossier, ...plan.columns, code: issued }),
    };
  }

  /** The answer kept for an Idempotency-Key, if it was given for this request. */
  function answerKept(kept: IdempotencyRow | undefined, key: SubmitKey) {
    if (!kept) return null;
    if (kept.request_hash !== key.hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { status: kept.status_code, body: kept.response };
  }

  function keepAnswer(caller: Caller, key: SubmitKey, body: unknown): Statement {
    return {
      text: `insert into idempotency_keys (account_id, key, request_hash, status_code, response)
             values ($1, $2, $3, $4, $5)`,
      values: [caller.id, key.value, key.hash, 200, JSON.stringify(body)],
    };
  }

  /** The caller's own dossier, as read for submit, ready to submit. */
  function ownSubmission(
    caller: Caller,
    read: {
      dossier: DossierToSubmit | undefined;
      context: SubmitContext;
      procedure: ProcedureVersion | undefined;
    },
  ) {
    const { dossier, procedure } = read;
    if (!dossier) throw new AppError('NOT_FOUND');
    if (dossier.applicant_id !== caller.id) throw new AppError('FORBIDDEN');
    const actor = { id: caller.id, role: caller.roles[0] ?? 'citizen' };
    return submission({ ...read, dossier, procedure: procedure! }, actor, false);
  }

  /**
   * Submits the dossier as read without a lock, with the next batch
   * (submission-batch.ts); null when that version is no longer the dossier's.
   */
  async function submitInBatch(caller: Caller, id: string, key: SubmitKey | null) {
    const limit = scopeOf(caller, id);
    const keptRead = key && keptAnswerStatement(caller, key);
    const [row, keptRows] = await Promise.all([
      dossierToSubmit(id),
      keptRead
        ? preparedRows<IdempotencyRow>(db, 'kept_answer', keptRead.text, keptRead.values)
        : [],
    ]);
    const kept = key && answerKept(keptRows[0], key);
    if (kept) return kept;
    // Beyond the caller's view it does not exist, as for a locked read.
    const dossier = row && (!limit || row[limit[0]] === limit[1]) ? row : undefined;
    const procedure = dossier && (await procedures.filedVersion(dossier.procedure_id));
    const { statement, counter, submitted } = ownSubmission(caller, {
      dossier,
      context: row!,
      procedure,
    });
    const answer = (code: string) => present(submitted(code));
    const outcome = await batcher.submit({
      dossierId: id,
      counter,
      statement,
      afterwards: key ? (code) => keepAnswer(caller, key, answer(code)) : undefined,
    });
    return outcome === 'stale' ? null : { status: 200, body: answer(outcome.code) };
  }

  /** Submits the dossier locked, in a transaction of its own. */
  function submitAlone(caller: Caller, id: string, key: SubmitKey | null) {
    // A key's requests take turns, so that a retry finds the first one's answer.
    const before: Statement[] = key
      ? [
          {
            text: 'select pg_advisory_xact_lock(hashtext($1))',
            values: [`idem:${caller.id}:${key.value}`],
          },
          keptAnswerStatement(caller, key),
        ]
      : [];
    return pipelinedTransaction(db, async (tx) => {
      const read = await lockForSubmit(tx, caller, id, before);
      const kept = key && answerKept(read.before[1]![0] as IdempotencyRow | undefined, key);
      if (kept) return kept;
      const { statement, submitted } = ownSubmission(caller, read);
      const { text, values } = statement;
      if (!key)
        return { status: 200, body: present(submitted((await tx.last(text, values))[0]!.code)) };
      // The first answer is kept for the key, in the same transaction.
      const body = present(submitted((await tx.query(text, values))[0]!.code));
      const keep = keepAnswer(caller, key, body);
      await tx.last(keep.text, keep.values);
      return { status: 200, body };
    });
  }

  return {
    visible,

    /** Where the dossier stands, without its form and documents: what a status poll reads. */
    async status(caller: Caller, id: string) {
      const limit = scopeOf(caller, id);
      const row = await statusRow(id);
      if (!row || (limit && row[limit[0]] !== limit[1])) throw new AppError('NOT_FOUND');
      return {
        id: row.id,
        code: row.code,
        ...statusOf(row.status),
        submittedAt: row.submitted_at,
        appointmentAt: row.appointment_at,
        updatedAt: row.updated_at,
      };
    },

    /** What keeps the dossier from being complete: form errors and missing documents. */
    async checkCompleteness(trx: Knex.Transaction, dossier: DossierRow): Promise<ErrorDetail[]> {
      const procedure = await procedures.filedVersion(dossier.procedure_id, trx);
      if (dossier.channel !== 2) return problems(dossier, procedure, null);
      const present = await trx('attachments')
        .where('dossier_id', dossier.id)
        .pluck('document_key');
      return problems(dossier, procedure, new Set<string>(present));
    },

    async createDraft(
      caller: Caller,
      input: { procedureCode: string; formData?: Record<string, unknown> },
    ) {
      const procedure = await procedures.get(input.procedureCode).catch(() => {
        throw new AppError('VALIDATION_FAILED', [
          detail(
            '/body/procedureCode',
            `Không có thủ tục đang áp dụng với mã ${input.procedureCode}.`,
            `No published procedure has the code ${input.procedureCode}.`,
          ),
        ]);
      });
      return db.transaction(async (trx) => {
        const [dossier] = await trx<DossierRow>('dossiers')
          .insert({
            procedure_id: procedure.id,
            agency_id: procedure.agencyId,
            applicant_id: caller.id,
            channel: 2,
            status: 'draft',
            form_data: input.formData ?? {},
            created_by: caller.id,
          })
          .returning('*');
        await appendDossierEvent(trx, {
          dossierId: dossier!.id,
          at: clock.now(),
          actorId: caller.id,
          actorRole: caller.roles[0] ?? null,
          action: 'CREATE_DRAFT',
          fromStatus: null,
          toStatus: 'draft',
          reason: null,
          elementId: null,
          changes: null,
        });
        return dossier!;
      });
    },

    /** Saves the form data (a draft, or an answer to a supplement request). */
    async saveForm(
      caller: Caller,
      id: string,
      formData: Record<string, unknown>,
    ): Promise<DossierRow> {
      return db.transaction(async (trx) => {
        const dossier = await ownForChange(trx, caller, id);
        requireEditable(dossier);
        const [updated] = await trx<DossierRow>('dossiers')
          .where({ id })
          .update({ form_data: formData, updated_at: clock.now() })
          .returning('*');
        return updated!;
      });
    },

    async addAttachment(
      caller: Caller,
      id: string,
      upload: { documentKey: string; fileName: string; stream: Readable },
    ): Promise<AttachmentRow> {
      const dossier = await visible(caller, id);
      if (dossier.applicant_id !== caller.id) throw new AppError('FORBIDDEN');
      requireEditable(dossier);
      const procedure = await procedures.filedVersion(dossier.procedure_id);
      const document = procedure.documents.find((d) => d.key === upload.documentKey);
      if (!document) {
        upload.stream.resume();
        throw new AppError('VALIDATION_FAILED', [
          detail(
            '/query/document',
            `Thủ tục không có thành phần hồ sơ "${upload.documentKey}"; chọn một trong: ${procedure.documents.map((d) => d.key).join(', ')}.`,
            `The procedure has no document "${upload.documentKey}"; choose one of: ${procedure.documents.map((d) => d.key).join(', ')}.`,
          ),
        ]);
      }
      const path = `/documents/${document.key}`;
      const inspector = new UploadInspector(document.maxSizeMb * 1024 * 1024);
      let key: string;
      try {
        key = await storage.put(upload.stream, inspector);
      } catch (error) {
        upload.stream.resume();
        if (error instanceof UploadTooLarge) {
          throw new AppError('UPLOAD_REJECTED', [
            detail(
              path,
              `Tệp "${upload.fileName}" vượt quá dung lượng cho phép ${document.maxSizeMb} MB của "${document.name.vi}".`,
              `The file "${upload.fileName}" is over the ${document.maxSizeMb} MB allowed for "${document.name.en}".`,
            ),
          ]);
        }
        throw error;
      }
      const type = await inspector.detectedType();
      if (!type || !(document.acceptedTypes as string[]).includes(type)) {
        await storage.delete(key);
        throw new AppError('UPLOAD_REJECTED', [
          detail(
            path,
            `Nội dung tệp "${upload.fileName}" là ${type ?? 'không xác định'}, không phải loại được chấp nhận (${document.acceptedTypes.join(', ')}).`,
            `The content of "${upload.fileName}" is ${type ?? 'unknown'}, not an accepted type (${document.acceptedTypes.join(', ')}).`,
          ),
        ]);
      }
      try {
        return await db.transaction(async (trx) => {
          const locked = (await lockDossier(trx, id))!;
          requireEditable(locked);
          const [row] = await trx<AttachmentRow>('attachments')
            .insert({
              dossier_id: id,
              document_key: document.key,
              file_name: upload.fileName.slice(0, 255),
              content_type: type,
              size_bytes: String(inspector.size),
              sha256: inspector.sha256(),
              storage_key: key,
              uploaded_by: caller.id,
            })
            .returning('*');
          await appendDossierEvent(trx, {
            dossierId: id,
            at: clock.now(),
            actorId: caller.id,
            actorRole: caller.roles[0] ?? null,
            action: 'ATTACH',
            fromStatus: locked.status,
            toStatus: locked.status,
            reason: null,
            elementId: null,
            changes: { [`documents.${document.key}`]: { old: null, new: row!.sha256 } },
          });
          return row!;
        });
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
    },

    /**
     * The applicant takes a wrong file out of a draft. Once filed, documents
     * belong to the record and stay.
     */
    async removeAttachment(caller: Caller, id: string, attachmentId: string): Promise<void> {
      const dossier = await visible(caller, id);
      if (dossier.applicant_id !== caller.id) throw new AppError('FORBIDDEN');
      const removed = await db.transaction(async (trx) => {
        const locked = (await lockDossier(trx, id))!;
        if (locked.status !== 'draft') {
          throw new AppError('INVALID_TRANSITION', [], {
            vi: 'Chỉ gỡ được tệp khỏi hồ sơ nháp; hồ sơ đã nộp giữ nguyên giấy tờ đã gửi.',
            en: 'Files can only be taken out of a draft; a filed dossier keeps what was sent.',
          });
        }
        const [row] = await trx<AttachmentRow>('attachments')
          .where({ id: attachmentId, dossier_id: id })
          .delete()
          .returning('*');
        if (!row) throw new AppError('NOT_FOUND');
        await appendDossierEvent(trx, {
          dossierId: id,
          at: clock.now(),
          actorId: caller.id,
          actorRole: caller.roles[0] ?? null,
          action: 'DETACH',
          fromStatus: locked.status,
          toStatus: locked.status,
          reason: row.file_name,
          elementId: null,
          changes: { [`documents.${row.document_key}`]: { old: row.sha256, new: null } },
        });
        return row;
      });
      // After the commit: a failed delete leaves an unreferenced file, never a dangling row.
      await storage.delete(removed.storage_key);
    },

    attachments(dossierId: string): Promise<AttachmentRow[]> {
      return db<AttachmentRow>('attachments').where('dossier_id', dossierId).orderBy('created_at');
    },

    /** One document of a dossier the caller may see, with its content; 404 otherwise. */
    async attachmentFile(caller: Caller, id: string, attachmentId: string) {
      await visible(caller, id);
      const row = await db<AttachmentRow>('attachments')
        .where({ id: attachmentId, dossier_id: id })
        .first();
      if (!row) throw new AppError('NOT_FOUND');
      return { row, stream: storage.get(row.storage_key) };
    },

    /**
     * Submits a draft. With an Idempotency-Key, a retry of the same request
     * answers what the first one did.
     */
    async submit(
      caller: Caller,
      id: string,
      idempotencyKey?: string,
    ): Promise<{ status: number; body: unknown }> {
      const key = idempotencyKey ? { value: idempotencyKey, hash: requestHashOf(id) } : null;
      // With the next batch, as read; on its own, locked, if that version is gone.
      return (await submitInBatch(caller, id, key)) ?? submitAlone(caller, id, key);
    },

    /**
     * A reception officer registers a walk-in (1) or postal (3) dossier for an
     * applicant who has an account; it is submitted at once.
     */
    async registerAtCounter(
      caller: Caller,
      input: {
        procedureCode: string;
        channel: 1 | 3;
        applicantCitizenIdOrTaxCode: string;
        formData: Record<string, unknown>;
      },
    ): Promise<DossierRow> {
      const procedure = await procedures.get(input.procedureCode);
      if (procedure.agencyId !== caller.agencyId) throw new AppError('FORBIDDEN');
      // Several accounts may carry one tax code (a refused or pending
      // registration beside the verified one): the active one files.
      const applicant = await db('accounts')
        .where((query) =>
          query
            .where('citizen_id', input.applicantCitizenIdOrTaxCode)
            .orWhere('tax_code', input.applicantCitizenIdOrTaxCode),
        )
        .orderByRaw("status = 'active' desc, created_at")
        .first('id', 'status');
      if (!applicant || applicant.status !== 'active') {
        throw new AppError('VALIDATION_FAILED', [
          detail(
            '/body/applicant',
            'Người nộp chưa có tài khoản đang hoạt động; hãy hướng dẫn đăng ký tài khoản trước.',
            'The applicant has no active account; help them register one first.',
          ),
        ]);
      }
      return pipelinedTransaction(db, async (tx) => {
        const [draft] = await tx
          .db<DossierRow>('dossiers')
          .insert({
            procedure_id: procedure.id,
            agency_id: procedure.agencyId,
            applicant_id: String(applicant.id),
            channel: input.channel,
            status: 'draft',
            form_data: input.formData,
            created_by: caller.id,
          })
          .returning('id');
        const locked = await lockForSubmit(tx, null, draft!.id);
        // Paper originals are checked at the counter: only the form is validated here.
        const { statement, submitted } = submission(
          { ...locked, dossier: locked.dossier!, procedure: locked.procedure! },
          { id: caller.id, role: 'reception' },
          true,
        );
        return submitted((await tx.last(statement.text, statement.values))[0]!.code);
      });
    },

    /**
     * The applicant answers a supplement request: the SLA clock runs again,
     * the appointment moves by the office time it stood still, and the
     * process hears `dossier-supplemented`.
     */
    async supplement(caller: Caller, id: string): Promise<DossierRow> {
      return db.transaction(async (trx) => {
        const dossier = await ownForChange(trx, caller, id);
        const now = clock.now();
        const from = dossier.paused_at ?? now;
        const intervals = [
          ...dossier.paused_intervals,
          { from: from.toISOString(), to: now.toISOString() },
        ];
        const appointment = dossier.appointment_at
          ? deps.calendar().shiftByPausedIntervals(dossier.appointment_at, [{ from, to: now }])
          : null;
        const updated = await transition(
          trx,
          dossier,
          'SUPPLEMENT',
          { id: caller.id, role: caller.roles[0] ?? null },
          now,
          {
            // A JSON array for jsonb: pg would send a JS array as a PostgreSQL array.
            columns: {
              paused_at: null,
              paused_intervals: JSON.stringify(intervals) as never,
              appointment_at: appointment,
            },
          },
        );
        await queueEngineMessage(
          trx,
          {
            messageName: 'dossier-supplemented',
            correlationKey: id,
            messageId: `${id}:supplement:${intervals.length}`,
            variables: { supplementedAt: now.toISOString() },
          },
          now,
        );
        return updated;
      });
    },

    /** A cashier records a counter payment; the process hears `fee-paid`. */
    async recordFeePaid(caller: Caller, id: string, receiptNumber: string): Promise<DossierRow> {
      return db.transaction(async (trx) => {
        await visible(caller, id, trx);
        const dossier = (await lockDossier(trx, id))!;
        const now = clock.now();
        const updated = await transition(
          trx,
          dossier,
          'FEE_PAID',
          { id: caller.id, role: 'cashier' },
          now,
          {
            reason: `receipt ${receiptNumber}`,
          },
        );
        await queueEngineMessage(
          trx,
          {
            messageName: 'fee-paid',
            correlationKey: id,
            messageId: `${id}:fee-paid`,
            variables: { feeReceiptNumber: receiptNumber, feePaidAt: now.toISOString() },
          },
          now,
        );
        return updated;
      });
    },

    async requestWithdrawal(caller: Caller, id: string, reason: string): Promise<DossierRow> {
      return db.transaction(async (trx) => {
        const dossier = await ownForChange(trx, caller, id);
        return transition(
          trx,
          dossier,
          'REQUEST_WITHDRAWAL',
          { id: caller.id, role: caller.roles[0] ?? null },
          clock.now(),
          {
            reason,
          },
        );
      });
    },

    async list(
      caller: Caller,
      filter: {
        status?: DossierStatus;
        procedureCode?: string;
        q?: string;
        limit: number;
        offset: number;
      },
    ): Promise<DossierRow[]> {
      const scope = dossierScope(caller);
      if (scope === 'none') return [];
      const query = db<DossierRow>('dossiers as d').select('d.*').orderBy('d.created_at', 'desc');
      if (scope !== 'all') {
        if ('applicantId' in scope) query.where('d.applicant_id', scope.applicantId);
        else query.where('d.agency_id', scope.agencyId);
      }
      if (filter.status) query.where('d.status', filter.status);
      if (filter.procedureCode) {
        query
          .join('procedures as p', 'p.id', 'd.procedure_id')
          .where('p.code', filter.procedureCode);
      }
      if (filter.q) {
        // The applicant's name as filed on the form, or on the applicant's account.
        const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
        query.where((w) =>
          w
            .where('d.code', 'ilike', like)
            .orWhereRaw("d.form_data #>> '{applicant,fullName}' ilike ?", [like])
            .orWhereExists((accounts) =>
              accounts
                .select(db.raw('1'))
                .from('accounts as a')
                .whereRaw('a.id = d.applicant_id')
                .where((name) =>
                  name
                    .where('a.full_name', 'ilike', like)
                    .orWhere('a.organisation_name', 'ilike', like),
                ),
            ),
        );
      }
      return query.limit(filter.limit).offset(filter.offset);
    },

    async events(caller: Caller, id: string) {
      await visible(caller, id);
      return db('dossier_events').where('dossier_id', id).orderBy('seq');
    },
  };
}

/** A dossier as the API shows it: national status code and label beside the status. */
export function present(d: DossierRow) {
  return {
    id: d.id,
    code: d.code,
    procedureId: d.procedure_id,
    agencyId: d.agency_id,
    applicantId: d.applicant_id,
    channel: d.channel,
    ...statusOf(d.status),
    formData: d.form_data,
    submittedAt: d.submitted_at,
    receivedAt: d.received_at,
    appointmentAt: d.appointment_at,
    processInstanceKey: d.process_instance_key,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

export type DossierService = ReturnType<typeof createDossierService>;
