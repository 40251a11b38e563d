// The first reference procedure with the engine in a process of its own
// (test/engine/engine-process.ts, as `npm run engine` runs it) on the app's
// database, and the app pointed at it by ZEEBE_ADDRESS, as at a Zeebe
// cluster: the same bots, workers and worklist, no code path of its own.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../server/plugins/external/embedded-postgres.js';
import { engineProcess } from '../../support/engine-child.js';
import { runSimulation } from '../../../server/simulation/simulation-paths.js';
import { engineOf } from '../../support/build.js';
import { procedureApp, type ProcedureApp } from '../../support/procedure-app.js';
import { createDatabaseBeside, type TestDatabase } from '../../support/test-database.js';

describe('groundwater licence with ZEEBE_ADDRESS pointing at an engine process', () => {
  let database: TestDatabase | undefined;
  let child: ChildProcess | undefined;
  let p: ProcedureApp | undefined;

  beforeAll(async () => {
    // The engine process and the app share a database of their own.
    database = await createDatabaseBeside(inject('databaseUrl'));
    const port = await freePort();
    child = await engineProcess(database.url, port);
    p = await procedureApp({
      env: { ZEEBE_ADDRESS: `127.0.0.1:${port}` },
      build: { database: { url: database.url } },
    });
  });
  afterAll(async () => {
    await p?.app.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await database?.drop();
  });

  it('supplement, then receipt, appraisal, approval, fee and return, every status in order', async () => {
    const { app, bots } = p!;
    expect(engineOf(app)).toBeUndefined();

    const run = await runSimulation(
      bots,
      'groundwater-exploration-licence',
      'supplement-then-approve',
    );

    const codes = run.steps.flatMap((s) =>
      s.events.filter((e) => e.statusCode !== null).map((e) => e.statusCode),
    );
    expect(codes).toEqual([1, 5, 1, 2, 4, 6, 4, 9, 10]);
    const dossier = await app.db('dossiers').where('id', run.dossierId).first();
    expect(dossier).toMatchObject({ status: 'result_returned' });
    expect(
      await app.db('dossier_results').where('dossier_id', run.dossierId).first(),
    ).toMatchObject({ approved: true });
    const forms = (
      await app.db('dossier_forms').where('dossier_id', run.dossierId).orderBy('issued_at')
    ).map((f) => f.form_no);
    expect(forms).toEqual(['02', '01']);
    // The instance ran to its end in the engine process (its records are in the shared
    // database); the end follows the status change of the last job, so wait for it.
    await bots.waitFor('the instance to end', async () => {
      const row = await app
        .db('engine.records')
        .where({
          process_instance_key: dossier.process_instance_key,
          element_id: 'EndEvent_ResultReturned',
          intent: 'ELEMENT_COMPLETED',
        })
        .count('* as n')
        .first();
      return Number(row?.n) === 1;
    });
    expect(child!.exitCode).toBeNull();
  });
});
