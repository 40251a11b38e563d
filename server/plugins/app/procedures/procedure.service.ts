// The procedure catalogue: versions per procedure code, drafts edited by
// analysts, one published version at a time. A dossier keeps the id of the
// version it was filed under, so publishing never changes filed dossiers.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { Knex } from 'knex';
import { AppError } from '../../../errors.js';
import {
  normalizeProcedure,
  procedureDefinitionSchema,
  type ProcedureDefinition,
  type StoredProcedure,
} from './procedure.schema.js';

export interface Procedure extends StoredProcedure {
  id: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  agencyId: string;
  publishedAt: Date | null;
}

/** A procedure version's content: what a dossier filed under it follows. */
export type ProcedureVersion = Omit<Procedure, 'status' | 'publishedAt'>;

export interface ProcedureRow {
  id: string;
  code: string;
  version: number;
  status: Procedure['status'];
  agency_id: string;
  definition: StoredProcedure;
  published_at: Date | null;
}

export const procedureFromRow = (r: ProcedureRow): Procedure => ({
  ...r.definition,
  id: r.id,
  version: r.version,
  status: r.status,
  agencyId: r.agency_id,
  publishedAt: r.published_at,
});

const validateFile = new Ajv({ allErrors: true }).compile(procedureDefinitionSchema);

export interface ProcedureSearch {
  q?: string;
  field?: string;
  agencyCode?: string;
  mode?: 'full' | 'partial';
}

export function createProcedureService(deps: {
  db: Knex;
  clock: { now(): Date };
  /** Whether a form version exists in the registry. */
  formExists(id: string, version: number): boolean;
}) {
  const { db, clock } = deps;
  // Versions past draft (published or retired): their content never changes.
  const filed = new Map<string, ProcedureVersion>();

  async function byId(id: string, trx: Knex | Knex.Transaction = db): Promise<Procedure> {
    const row = await trx<ProcedureRow>('procedures').where({ id }).first();
    if (!row) throw new AppError('NOT_FOUND');
    return procedureFromRow(row);
  }

  async function agencyId(trx: Knex | Knex.Transaction, code: string): Promise<string> {
    const agency = await trx('agencies').where({ code }).first('id');
    if (!agency) {
      throw new AppError('VALIDATION_FAILED', [
        {
          path: '/body/agencyCode',
          message: { vi: `Không có cơ quan mã ${code}.`, en: `No agency has the code ${code}.` },
        },
      ]);
    }
    return String(agency.id);
  }

  function checkForm(definition: StoredProcedure): void {
    if (!deps.formExists(definition.form.id, definition.form.version)) {
      throw new AppError('VALIDATION_FAILED', [
        {
          path: '/body/form',
          message: {
            vi: `Chưa có biểu mẫu ${definition.form.id} phiên bản ${definition.form.version}.`,
            en: `Form ${definition.form.id} version ${definition.form.version} does not exist.`,
          },
        },
      ]);
    }
  }

  async function version(code: string, v: number): Promise<Procedure> {
    const row = await db<ProcedureRow>('procedures').where({ code, version: v }).first();
    if (!row) throw new AppError('NOT_FOUND');
    return procedureFromRow(row);
  }

  return {
    /** Loads processes/*.procedure.json: a code not in the catalogue yet is added, published. */
    async seedFromDirectory(dir: string): Promise<string[]> {
      const files = (await readdir(dir)).filter((f) => f.endsWith('.procedure.json')).sort();
      const added: string[] = [];
      for (const file of files) {
        const data: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'));
        if (!validateFile(data)) {
          const problem = validateFile.errors?.[0];
          throw new Error(
            `${file}: ${problem?.instancePath || '/'} ${problem?.message ?? 'is invalid'}`,
          );
        }
        const definition = normalizeProcedure(data as ProcedureDefinition);
        checkForm(definition);
        await db.transaction(async (trx) => {
          if (await trx('procedures').where({ code: definition.code }).first('id')) return;
          await trx('procedures').insert({
            code: definition.code,
            version: 1,
            status: 'published',
            agency_id: await agencyId(trx, definition.agencyCode),
            definition,
            published_at: clock.now(),
          });
          added.push(definition.code);
        });
      }
      return added;
    },

    /** Public search over the published versions. */
    async search(filter: ProcedureSearch): Promise<Procedure[]> {
      const query = db<ProcedureRow>('procedures as p')
        .join('agencies as a', 'a.id', 'p.agency_id')
        .where('p.status', 'published')
        .select('p.*')
        .orderBy('p.code');
      const { q, field } = filter;
      if (q) {
        const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
        query.where((w) =>
          w
            .whereRaw("p.definition->'name'->>'vi' ilike ?", [like])
            .orWhereRaw("p.definition->'name'->>'en' ilike ?", [like])
            .orWhere('p.code', q),
        );
      }
      if (field) {
        query.where((w) =>
          w
            .whereRaw("p.definition->'field'->>'vi' = ?", [field])
            .orWhereRaw("p.definition->'field'->>'en' = ?", [field]),
        );
      }
      if (filter.agencyCode) query.where('a.code', filter.agencyCode);
      if (filter.mode) query.whereRaw("p.definition->>'mode' = ?", [filter.mode]);
      return (await query).map(procedureFromRow);
    },

    /** The published version, or a given version (drafts only for those who edit them). */
    async get(code: string, v?: number, includeDrafts = false): Promise<Procedure> {
      if (v !== undefined) {
        const found = await version(code, v);
        if (found.status === 'draft' && !includeDrafts) throw new AppError('NOT_FOUND');
        return found;
      }
      const row = await db<ProcedureRow>('procedures').where({ code, status: 'published' }).first();
      if (!row) throw new AppError('NOT_FOUND');
      return procedureFromRow(row);
    },

    byId,

    /** The content of the version a dossier was filed under, read once per version past draft. */
    async filedVersion(id: string, trx: Knex | Knex.Transaction = db): Promise<ProcedureVersion> {
      const known = filed.get(id);
      if (known) return known;
      const procedure = await byId(id, trx);
      if (procedure.status !== 'draft') filed.set(id, procedure);
      return procedure;
    },

    versions(code: string): Promise<Procedure[]> {
      return db<ProcedureRow>('procedures')
        .where({ code })
        .orderBy('version')
        .then((rows) => rows.map(procedureFromRow));
    },

    /** A new draft version (version 1 of a new code, or the next version). */
    async createDraft(input: ProcedureDefinition): Promise<Procedure> {
      const definition = normalizeProcedure(input);
      checkForm(definition);
      return db.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [
          `procedure:${definition.code}`,
        ]);
        const latest = await trx('procedures')
          .where({ code: definition.code })
          .max('version as v')
          .first();
        const [row] = await trx<ProcedureRow>('procedures')
          .insert({
            code: definition.code,
            version: Number(latest?.v ?? 0) + 1,
            status: 'draft',
            agency_id: await agencyId(trx, definition.agencyCode),
            definition,
          })
          .returning('*');
        return procedureFromRow(row!);
      });
    },

    async updateDraft(code: string, v: number, input: ProcedureDefinition): Promise<Procedure> {
      const definition = normalizeProcedure(input);
      if (definition.code !== code) {
        throw new AppError('VALIDATION_FAILED', [
          {
            path: '/body/code',
            message: { vi: 'Không được đổi mã thủ tục.', en: 'The procedure code cannot change.' },
          },
        ]);
      }
      checkForm(definition);
      const current = await version(code, v);
      if (current.status !== 'draft') {
        throw new AppError('CONFLICT', [], {
          vi: `Phiên bản ${v} đã công bố, không sửa được; hãy tạo phiên bản mới.`,
          en: `Version ${v} is published and cannot change; create a new version.`,
        });
      }
      const [row] = await db<ProcedureRow>('procedures')
        .where({ id: current.id })
        .update({ definition, agency_id: await agencyId(db, definition.agencyCode) })
        .returning('*');
      return procedureFromRow(row!);
    },

    /** Publishes a draft; the version published before it retires. */
    async publish(code: string, v: number): Promise<Procedure> {
      return db.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`procedure:${code}`]);
        const target = await trx<ProcedureRow>('procedures').where({ code, version: v }).first();
        if (!target) throw new AppError('NOT_FOUND');
        if (target.status !== 'draft') {
          throw new AppError('CONFLICT', [], {
            vi: `Phiên bản ${v} không phải bản nháp.`,
            en: `Version ${v} is not a draft.`,
          });
        }
        await trx('procedures').where({ code, status: 'published' }).update({ status: 'retired' });
        const [row] = await trx<ProcedureRow>('procedures')
          .where({ id: target.id })
          .update({ status: 'published', published_at: clock.now() })
          .returning('*');
        return procedureFromRow(row!);
      });
    },
  };
}

export type ProcedureService = ReturnType<typeof createProcedureService>;
