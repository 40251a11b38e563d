// Agencies (cơ quan, with their identifier code) and their units (phòng ban).
import type { Knex } from 'knex';
import { AppError } from '../../../errors.js';

export interface Agency {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  parentId: string | null;
  units: Unit[];
}

export interface Unit {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
}

const unitOf = (r: Record<string, string>): Unit => ({
  id: r.id!,
  code: r.code!,
  nameVi: r.name_vi!,
  nameEn: r.name_en!,
});

const duplicate = (what: 'code' | 'unit') =>
  new AppError('CONFLICT', [
    {
      path: '/body/code',
      message:
        what === 'code'
          ? {
              vi: 'Mã định danh cơ quan đã tồn tại.',
              en: 'An agency with this code already exists.',
            }
          : {
              vi: 'Cơ quan đã có phòng ban với mã này.',
              en: 'The agency already has a unit with this code.',
            },
    },
  ]);

export function createAgencyService({ db }: { db: Knex }) {
  async function list(): Promise<Agency[]> {
    const [agencies, units] = await Promise.all([
      db('agencies').orderBy('code'),
      db('units').orderBy('code'),
    ]);
    return agencies.map((a) => ({
      id: a.id,
      code: a.code,
      nameVi: a.name_vi,
      nameEn: a.name_en,
      parentId: a.parent_id,
      units: units.filter((u) => u.agency_id === a.id).map(unitOf),
    }));
  }

  async function get(id: string): Promise<Agency> {
    const agency = (await list()).find((a) => a.id === id);
    if (!agency) throw new AppError('NOT_FOUND');
    return agency;
  }

  return {
    list,
    get,

    async byCode(code: string): Promise<Agency | null> {
      return (await list()).find((a) => a.code === code) ?? null;
    },

    async create(input: {
      code: string;
      nameVi: string;
      nameEn: string;
      parentId?: string | null;
    }): Promise<Agency> {
      try {
        const [row] = await db('agencies')
          .insert({
            code: input.code,
            name_vi: input.nameVi,
            name_en: input.nameEn,
            parent_id: input.parentId ?? null,
          })
          .returning('id');
        return get(row.id);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw duplicate('code');
        if ((error as { code?: string }).code === '23503') throw new AppError('NOT_FOUND');
        throw error;
      }
    },

    async update(id: string, changes: { nameVi?: string; nameEn?: string }): Promise<Agency> {
      const columns: Record<string, string> = {};
      if (changes.nameVi) columns.name_vi = changes.nameVi;
      if (changes.nameEn) columns.name_en = changes.nameEn;
      const updated = await db('agencies').where({ id }).update(columns);
      if (!updated) throw new AppError('NOT_FOUND');
      return get(id);
    },

    async addUnit(
      agencyId: string,
      input: { code: string; nameVi: string; nameEn: string },
    ): Promise<Unit> {
      await get(agencyId);
      try {
        const [row] = await db('units')
          .insert({
            agency_id: agencyId,
            code: input.code,
            name_vi: input.nameVi,
            name_en: input.nameEn,
          })
          .returning('*');
        return unitOf(row);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw duplicate('unit');
        throw error;
      }
    },
  };
}

export type AgencyService = ReturnType<typeof createAgencyService>;
