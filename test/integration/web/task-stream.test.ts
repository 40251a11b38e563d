// GET /api/v1/tasks/stream over a real socket: `ready` once it listens, then
// each new task of the officer's agency in the officer's groups, written by
// any connection to the database (as another server's user-task worker
// would); not another group's task, not another agency's.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../../server/plugins/external/database.js';
import { seedDemo } from '../../../server/plugins/app/seed/demo-seed.js';
import { build } from '../../support/build.js';
import { openEventStream } from '../../support/event-stream-client.js';
import type { Session } from '../../support/sessions.js';
import { login } from '../../support/sessions.js';
import { readyDraft, sessionsOf, type Person } from './web-fixtures.js';

interface StreamedTask {
  id: string;
  elementId: string;
  dossierId: string;
  candidateGroups: string[];
}

describe('live worklist (Server-Sent Events)', () => {
  let app: FastifyInstance;
  let base: string;
  let s: Record<Person, Session>;
  const other = createDb(inject('databaseUrl'), { max: 1 });

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    s = await sessionsOf(app);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await other.destroy();
    await app.close();
  });

  /** A task row as a user-task worker writes it, from a connection of its own. */
  async function newTask(dossierId: string, elementId: string, groups: string[]) {
    const dossier = await other('dossiers').where('id', dossierId).first('agency_id');
    const [row] = await other('tasks')
      .insert({
        element_instance_key: randomUUID(),
        job_key: randomUUID(),
        process_instance_key: '1',
        element_id: elementId,
        dossier_id: dossierId,
        agency_id: dossier.agency_id,
        name: elementId,
        candidate_groups: groups,
        status: 'open',
        created_at: new Date(),
      })
      .returning('id');
    return String(row.id);
  }

  it("sends each new task in the officer's groups, and nothing else", async () => {
    const { id } = await readyDraft(app, s.citizen);
    const specialist = await login(app, 'chuyenvien@demo.motcua.vn');
    const reception = await openEventStream(`${base}/api/v1/tasks/stream`, s.reception.cookie);
    const specialists = await openEventStream(`${base}/api/v1/tasks/stream`, specialist.cookie);
    const elsewhere = await openEventStream(`${base}/api/v1/tasks/stream`, s.otherAgency.cookie);
    try {
      expect(reception.res.status).toBe(200);
      expect(reception.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      for (const stream of [reception, specialists, elsewhere])
        expect((await stream.next()).event).toBe('ready');

      const appraisal = await newTask(id, 'Task_Appraisal', ['specialist']);
      const receptionTask = await newTask(id, 'Task_Reception', ['reception']);

      // The reception officer's first event is the reception task: the appraisal was not sent.
      const got = await reception.next<StreamedTask>();
      expect(got.event).toBe('task');
      expect(got.data).toMatchObject({
        id: receptionTask,
        elementId: 'Task_Reception',
        dossierId: id,
        candidateGroups: ['reception'],
      });
      expect(got.id).toBe(receptionTask);
      expect((await specialists.next<StreamedTask>()).data.id).toBe(appraisal);

      // Another agency's reception officer hears of neither; a task of any group reaches every stream.
      const anyone = await newTask(id, 'Task_Anyone', []);
      expect((await reception.next<StreamedTask>()).data.id).toBe(anyone);
      expect((await specialists.next<StreamedTask>()).data.id).toBe(anyone);
      await expect(elsewhere.next(1_500)).rejects.toThrow(/timed out/);
    } finally {
      for (const stream of [reception, specialists, elsewhere]) stream.close();
    }
  });

  it('is for officers only', async () => {
    const citizen = await fetch(`${base}/api/v1/tasks/stream`, {
      headers: { cookie: s.citizen.cookie },
    });
    expect(citizen.status).toBe(403);
    expect((await fetch(`${base}/api/v1/tasks/stream`)).status).toBe(401);
  });
});
