import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeadlineService } from '../../server/plugins/app/deadlines/deadline.service.js';
import { seedDemo } from '../../server/plugins/app/seed/demo-seed.js';
import { build } from '../support/build.js';
import { groundwaterPayload } from '../unit/forms/form-fixtures.js';

// Tuesday 2026-03-10, 09:00 in Hà Nội.
const NOW = new Date('2026-03-10T02:00:00Z');

describe('deadline watch (injected clock)', () => {
  let app: FastifyInstance;
  let dossierId = '';
  const service = () =>
    createDeadlineService({
      db: app.db,
      clock: { now: () => NOW },
      calendar: () => app.calendar.current(),
      notifications: app.services.notifications,
    });

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    const procedure = await app
      .db('procedures')
      .where({ code: '1.004228', status: 'published' })
      .first();
    const citizen = await app.db('accounts').where('email', 'congdan@demo.motcua.vn').first('id');
    const [dossier] = await app
      .db('dossiers')
      .insert({
        procedure_id: procedure.id,
        agency_id: procedure.agency_id,
        applicant_id: citizen.id,
        channel: 2,
        status: 'in_processing',
        form_data: groundwaterPayload(),
        created_by: citizen.id,
        // Due yesterday at close of office.
        appointment_at: new Date('2026-03-09T10:00:00Z'),
      })
      .returning('id');
    dossierId = dossier.id;
    await app.db('tasks').insert([
      {
        element_instance_key: `deadline-${dossierId}-1`,
        job_key: '1',
        process_instance_key: '1',
        element_id: 'Task_Appraisal',
        dossier_id: dossierId,
        agency_id: procedure.agency_id,
        name: 'Thẩm định hồ sơ',
        status: 'open',
        // Two office hours left: 11:00 the same day.
        due_at: new Date('2026-03-10T04:00:00Z'),
        created_at: NOW,
      },
      {
        element_instance_key: `deadline-${dossierId}-2`,
        job_key: '2',
        process_instance_key: '1',
        element_id: 'Task_Review',
        dossier_id: dossierId,
        agency_id: procedure.agency_id,
        name: 'Xem xét',
        status: 'open',
        // Three working days left: not yet.
        due_at: new Date('2026-03-13T09:00:00Z'),
        created_at: NOW,
      },
    ]);
  });
  afterAll(() => app.close());

  it('warns the heads of unit once when a task nears its due time', async () => {
    const before = await app
      .db('notifications')
      .where('template', 'task.escalation')
      .count('* as n')
      .first();
    expect(await service().warnNearDue()).toBe(1);
    expect(await service().warnNearDue()).toBe(0);
    const after = await app
      .db('notifications')
      .where('template', 'task.escalation')
      .count('* as n')
      .first();
    expect(Number(after!.n) - Number(before!.n)).toBeGreaterThanOrEqual(1);
    const warned = await app
      .db('tasks')
      .where('dossier_id', dossierId)
      .whereNotNull('warned_at')
      .select('element_id');
    expect(warned).toEqual([{ element_id: 'Task_Appraisal' }]);
  });

  it('flags a dossier past its appointment date once, in its audit trail', async () => {
    expect(await service().flagOverdue()).toBeGreaterThanOrEqual(1);
    const again = await service().flagOverdue();
    expect(again).toBe(0);
    const events = await app
      .db('dossier_events')
      .where({ dossier_id: dossierId, action: 'OVERDUE' });
    expect(events).toHaveLength(1);
    const counts = await service().counts();
    const agency = counts.find((c) => c.late > 0);
    expect(agency).toBeTruthy();
  });
});
