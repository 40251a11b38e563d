import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSES_DIR, seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { DEMO_CITIZEN, DEMO_ORGANISATION } from '../../server/plugins/app/seed/demo-data.js';
import { groundwaterPayload as filing } from '../../server/simulation/sample-filings.js';
import { individual, organisation } from '../unit/forms/form-fixtures.js';
import { build } from '../support/build.js';
import { login, type Session } from '../support/sessions.js';

// Officers find dossiers by part of the code or of the applicant's name, in any case.
describe('dossier search (GET /dossiers?q=)', () => {
  let app: FastifyInstance;
  let officer: Session;
  let otherAgencyOfficer: Session;
  // A name no other test files a dossier under.
  const tag = randomUUID().slice(0, 8);
  const name = `Lưu Thị Ánh ${tag}`;
  let byName: { id: string; code: string };
  let byAccount: { id: string; code: string };

  const search = async (session: Session, query: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/dossiers?${query}`,
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { id: string; code: string; status: string }[];
  };

  const intake = async (applicant: string, formApplicant: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/dossiers/intake',
      headers: { cookie: officer.cookie },
      payload: {
        procedureCode: '1.004228',
        channel: 1,
        applicant,
        formData: filing(formApplicant),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    await app.zeebe.deployResource({
      processFilename: join(PROCESSES_DIR, 'groundwater-exploration-licence.bpmn'),
    });
    officer = await login(app, 'motcua@demo.motcua.vn');
    otherAgencyOfficer = await login(app, 'motcua.mt@demo.motcua.vn');
    byName = await intake(DEMO_CITIZEN.citizenId, { ...individual, fullName: name });
    // Filed under another name than the account's: found by the account's name.
    byAccount = await intake(DEMO_ORGANISATION.taxCode, {
      ...organisation,
      fullName: `Chi nhánh ${tag}`,
    });
  });
  afterAll(() => app.close());

  it('finds a dossier by the applicant name on its form, ignoring case', async () => {
    const found = await search(officer, `q=${encodeURIComponent(name.toLocaleLowerCase('vi'))}`);
    expect(found.map((d) => d.id)).toEqual([byName.id]);
    const upper = await search(officer, `q=${encodeURIComponent(`THỊ ÁNH ${tag.toUpperCase()}`)}`);
    expect(upper.map((d) => d.id)).toEqual([byName.id]);
  });

  it('finds a dossier by part of its code', async () => {
    const part = byName.code.slice(-11);
    const found = await search(officer, `q=${encodeURIComponent(part)}&limit=200`);
    expect(found.map((d) => d.id)).toContain(byName.id);
    for (const dossier of found) expect(dossier.code).toContain(part);
  });

  it("finds a dossier by the applicant account's name", async () => {
    const found = await search(officer, `q=${encodeURIComponent('nước sạch sông hồng')}&limit=200`);
    expect(found.map((d) => d.id)).toContain(byAccount.id);
    expect(found.map((d) => d.id)).not.toContain(byName.id);
  });

  it('combines with the other filters and takes wildcards literally', async () => {
    expect(await search(officer, `q=${encodeURIComponent(name)}&status=refused`)).toEqual([]);
    expect(
      (await search(officer, `q=${encodeURIComponent(name)}&procedureCode=1.004228`)).map(
        (d) => d.id,
      ),
    ).toEqual([byName.id]);
    expect(await search(officer, `q=${encodeURIComponent(`Lưu%${tag}`)}`)).toEqual([]);
  });

  it("keeps to the caller's agency", async () => {
    expect(await search(otherAgencyOfficer, `q=${encodeURIComponent(name)}`)).toEqual([]);
  });

  it('refuses an empty text', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/dossiers?q=',
      headers: { cookie: officer.cookie },
    });
    expect(res.statusCode).toBe(400);
  });
});
