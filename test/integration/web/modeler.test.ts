// What the modeler works with: the BPMN of a procedure's latest deployment,
// deploying new versions through the Zeebe client (identical content keeps
// its version, the engine's refusal is a 422), the deployment history, the
// standard template and the element templates; and a restart that keeps the
// analyst's version instead of the file's. On a database of its own: a new
// version of a reference process would change the processes other test
// files run.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import processesPlugin from '../../../server/plugins/app/processes.plugin.js';
import { PROCESSES_DIR, seedDemo } from '../../../server/plugins/app/seed/demo-seed.js';
import { createBots } from '../../../server/simulation/procedure-bots.js';
import { build, engineOf } from '../../support/build.js';
import type { Session } from '../../support/sessions.js';
import { createDatabaseBeside, type TestDatabase } from '../../support/test-database.js';
import { GROUNDWATER, caller, sessionsOf, type Person } from './web-fixtures.js';

const FILE_XML = await readFile(join(PROCESSES_DIR, `${GROUNDWATER.bpmnProcessId}.bpmn`), 'utf8');
const RENAMED = 'Xem xét tiếp nhận hồ sơ (quy trình sửa đổi)';
const MODELED_XML = FILE_XML.replace('name="Xem xét tiếp nhận hồ sơ"', `name="${RENAMED}"`);
const REJECTED_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${GROUNDWATER.bpmnProcessId}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
    <bpmn:complexGateway id="Gateway_Complex" />
  </bpmn:process>
</bpmn:definitions>`;

async function startApp(url: string): Promise<FastifyInstance> {
  const app = await build({}, { database: { url } });
  await seedDemo(app.db, app.services.procedures);
  await app.register(processesPlugin);
  await app.ready();
  return app;
}

describe('modeler support', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let s: Record<Person, Session>;
  const deploy = (xml: string, session = s.analyst) =>
    caller(app)(session, 'POST', `/api/v1/procedures/${GROUNDWATER.code}/deployments`, { xml });

  beforeAll(async () => {
    database = await createDatabaseBeside(inject('databaseUrl'), 'motcua_modeler');
    app = await startApp(database.url);
    s = await sessionsOf(app);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('gives the BPMN of the latest deployment, deployed from processes/ at start', async () => {
    const res = await caller(app)(s.analyst, 'GET', `/api/v1/procedures/${GROUNDWATER.code}/bpmn`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      bpmnProcessId: GROUNDWATER.bpmnProcessId,
      version: 1,
      processDefinitionKey: expect.stringMatching(/^\d+$/),
      xml: FILE_XML,
    });
    expect(
      (await caller(app)(s.admin, 'GET', `/api/v1/procedures/${GROUNDWATER.code}/bpmn`)).statusCode,
    ).toBe(200);
    for (const who of ['citizen', 'reception', 'operator'] as const) {
      const denied = await caller(app)(
        s[who],
        'GET',
        `/api/v1/procedures/${GROUNDWATER.code}/bpmn`,
      );
      expect(denied.statusCode, who).toBe(403);
    }
    expect(
      (await caller(app)(null, 'GET', `/api/v1/procedures/${GROUNDWATER.code}/bpmn`)).statusCode,
    ).toBe(401);
    expect(
      (await caller(app)(s.analyst, 'GET', '/api/v1/procedures/9.999999/bpmn')).statusCode,
    ).toBe(404);
  });

  it('deploys a changed model as the next version; the same model again keeps it', async () => {
    const first = await deploy(MODELED_XML);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ bpmnProcessId: GROUNDWATER.bpmnProcessId, version: 2 });
    const again = await deploy(MODELED_XML);
    expect(again.json()).toEqual(first.json());

    const latest = (
      await caller(app)(s.analyst, 'GET', `/api/v1/procedures/${GROUNDWATER.code}/bpmn`)
    ).json();
    expect(latest).toMatchObject({ version: 2, xml: MODELED_XML });

    const history = await caller(app)(
      s.analyst,
      'GET',
      `/api/v1/procedures/${GROUNDWATER.code}/deployments`,
    );
    expect(history.statusCode).toBe(200);
    expect(history.json()).toEqual([
      {
        version: 2,
        processDefinitionKey: first.json().processDefinitionKey,
        source: 'modeler',
        deployedBy: { id: expect.any(String), fullName: 'Vũ Đức Anh' },
        deployedAt: expect.any(String),
      },
      {
        version: 1,
        processDefinitionKey: expect.any(String),
        source: 'file',
        deployedBy: null,
        deployedAt: expect.any(String),
      },
    ]);
  });

  it('names what is wrong with a model it does not deploy', async () => {
    const notXml = await deploy('this is not BPMN');
    expect(notXml.statusCode).toBe(422);
    expect(notXml.json().code).toBe('BPMN_INVALID');
    expect(notXml.json().details[0]).toMatchObject({
      path: '/body/xml',
      message: { vi: expect.stringContaining('Không đọc được BPMN'), en: expect.any(String) },
    });

    const otherProcess = await deploy(
      MODELED_XML.replaceAll(GROUNDWATER.bpmnProcessId, 'some-other-process'),
    );
    expect(otherProcess.statusCode).toBe(422);
    expect(otherProcess.json().details[0].message.en).toContain(
      `no process (bpmn:process) with the procedure's id "${GROUNDWATER.bpmnProcessId}"`,
    );
    expect(otherProcess.json().details[0].message.en).toContain('some-other-process');

    const refused = await deploy(REJECTED_XML);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details[0].message.en).toMatch(
      /^The engine refused: .*Element 'Gateway_Complex': Complex gateways/s,
    );

    const empty = await deploy('');
    expect(empty.statusCode).toBe(400);
    const versions = await app
      .db('process_deployments')
      .where('bpmn_process_id', GROUNDWATER.bpmnProcessId)
      .max<{ v: number }>('version as v')
      .first();
    expect(versions?.v).toBe(2);
    expect((await deploy(MODELED_XML, s.reception)).statusCode).toBe(403);
  });

  it('gives the standard template under a new process id and name, deployable as it is', async () => {
    const name = 'Cấp phép "thử" & <mới>';
    const res = await caller(app)(
      s.analyst,
      'GET',
      `/api/v1/modeler/template?processId=cap-phep-thu&name=${encodeURIComponent(name)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const xml = res.body;
    expect(xml).toContain(
      '<bpmn:process id="cap-phep-thu" name="Cấp phép &quot;thử&quot; &amp; &lt;mới&gt;"',
    );
    expect(xml).toContain('name="dossier-submitted.cap-phep-thu"');
    expect(xml).toContain('bpmnElement="cap-phep-thu"');
    expect(xml).not.toContain('standard-procedure');
    for (const type of [
      'dossier.check-completeness',
      'dossier.receive',
      'dossier.request-supplement',
      'dossier.issue-result',
      'dossier.return-result',
    ]) {
      expect(xml).toContain(`type="${type}"`);
    }
    const deployed = await app.zeebe.deployResource({
      name: 'cap-phep-thu.bpmn',
      process: Buffer.from(xml),
    });
    expect(deployed.deployments[0]).toMatchObject({
      process: { bpmnProcessId: 'cap-phep-thu', version: 1 },
    });

    for (const processId of ['1-starts-with-a-digit', 'has space', 'x"y', '']) {
      const bad = await caller(app)(
        s.analyst,
        'GET',
        `/api/v1/modeler/template?processId=${encodeURIComponent(processId)}`,
      );
      expect(bad.statusCode, processId).toBe(400);
      expect(bad.json().details[0].path).toBe('/querystring/processId');
    }
    expect(
      (await caller(app)(s.citizen, 'GET', '/api/v1/modeler/template?processId=x')).statusCode,
    ).toBe(403);
  });

  it('gives the element templates of the job workers', async () => {
    const files = (await readdir(join(PROCESSES_DIR, 'element-templates'))).filter((f) =>
      f.endsWith('.json'),
    );
    const res = await caller(app)(s.analyst, 'GET', '/api/v1/modeler/element-templates');
    expect(res.statusCode).toBe(200);
    const templates = res.json() as { id: string; appliesTo: string[] }[];
    expect(templates).toHaveLength(files.length);
    expect(templates.map((t) => t.id)).toContain('vn.motcua.dossier.receive');
    expect(templates.every((t) => Array.isArray(t.appliesTo))).toBe(true);
  });

  it('after a restart the analyst’s version stays the running one', async () => {
    const modeled = (
      await caller(app)(s.analyst, 'GET', `/api/v1/procedures/${GROUNDWATER.code}/bpmn`)
    ).json();
    await app.close();
    app = await startApp(database.url);

    const engineVersions = await app
      .db('engine.process_definitions')
      .where('bpmn_process_id', GROUNDWATER.bpmnProcessId)
      .max<{ v: number }>('version as v')
      .first();
    expect(engineVersions?.v).toBe(2);
    const latest = await app.services.deployments.latest(GROUNDWATER.bpmnProcessId);
    expect(latest).toMatchObject({
      version: 2,
      source: 'modeler',
      process_definition_key: modeled.processDefinitionKey,
    });

    // A dossier filed now runs on it, and the officer's task has the analyst's name.
    const bots = createBots({ app, clock: app.clock, settle: () => engineOf(app)!.settle() });
    const dossierId = await bots.file(GROUNDWATER);
    const [task] = await bots.waitForTasks('motcua@demo.motcua.vn', dossierId, 'Task_Reception');
    expect(task!.name).toBe(RENAMED);
    const dossier = await app.db('dossiers').where('id', dossierId).first();
    expect(dossier).toMatchObject({
      process_definition_version: 2,
      process_definition_key: modeled.processDefinitionKey,
    });
  });
});
