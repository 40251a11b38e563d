// The first reference procedure, end to end through the API, the engine and
// the job workers: supplement then approve, with the national status code at
// each point and every step in the timeline.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import processesPlugin from '../../../server/plugins/app/processes.plugin.js';
import { seedDemo } from '../../../server/plugins/app/seed/demo-seed.js';
import { build } from '../../support/build.js';
import { driver, waitFor } from '../../support/procedure-driver.js';
import { login, type Session } from '../../support/sessions.js';
import { groundwaterPayload } from '../../unit/forms/form-fixtures.js';

const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(500, 32),
]);

describe('groundwater exploration licence (fully online, with a fee)', () => {
  let app: FastifyInstance;
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    app = await build();
    await seedDemo(app.db, app.services.procedures);
    await app.register(processesPlugin);
    await app.ready();
    const people = {
      citizen: 'congdan@demo.motcua.vn',
      reception: 'motcua@demo.motcua.vn',
      specialist: 'chuyenvien@demo.motcua.vn',
      head: 'truongphong@demo.motcua.vn',
      leader: 'lanhdao@demo.motcua.vn',
      cashier: 'thuphi@demo.motcua.vn',
      organisation: 'doanhnghiep@demo.motcua.vn',
    };
    for (const [role, email] of Object.entries(people)) s[role] = await login(app, email);
  });
  afterAll(() => app.close());

  async function submitted(): Promise<string> {
    const d = driver(app);
    const id = (
      await d.call(s.citizen!, 'POST', '/api/v1/dossiers', { procedureCode: '1.004228' })
    ).json().id;
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/dossiers/${id}`,
      payload: { formData: groundwaterPayload() },
      headers: { cookie: s.citizen!.cookie },
    });
    for (const document of ['application', 'exploration-plan']) {
      const boundary = `b${randomUUID()}`;
      await app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${id}/attachments?document=${document}`,
        headers: {
          cookie: s.citizen!.cookie,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${document}.pdf"\r\n\r\n`,
          ),
          pdf,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    }
    const res = await d.call(s.citizen!, 'POST', `/api/v1/dossiers/${id}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }

  it('supplement, then appraisal, review, approval, fee, result and return', async () => {
    const d = driver(app);
    const id = await submitted();
    const codes: (number | null)[] = [await d.status(s.citizen!, id)];

    // Reception finds a document unsigned and asks for a supplement.
    let task = await d.task(s.reception!, id, 'Task_Reception');
    const missing = {
      complete: false,
      missingItems: [
        { documentCode: 'application', item: 'Đơn đề nghị', reason: 'Chưa có chữ ký số' },
      ],
    };
    expect((await d.work(s.reception!, task.id, missing)).statusCode).toBe(200);
    codes.push((await d.waitForStatus(s.citizen!, id, 5)).statusCode);
    const form02 = await waitFor('Mẫu 02', () =>
      app.db('dossier_forms').where({ dossier_id: id, form_no: '02' }).first(),
    );
    expect(JSON.stringify(form02.data)).toContain('Chưa có chữ ký số');

    // The citizen supplements; the process checks again and reception accepts.
    expect((await d.call(s.citizen!, 'POST', `/api/v1/dossiers/${id}/supplement`)).statusCode).toBe(
      200,
    );
    codes.push(1);
    task = await d.task(s.reception!, id, 'Task_Reception');
    expect((await d.work(s.reception!, task.id, { complete: true })).statusCode).toBe(200);
    const received = await d.waitForStatus(s.citizen!, id, 4);
    codes.push(2, 4);
    expect(received.appointmentAt).toBeTruthy();
    expect(received.processInstanceKey).toMatch(/^\d+$/);

    task = await d.task(s.specialist!, id, 'Task_Appraisal');
    // The appraisal is due before the appointment date given at receipt.
    expect(new Date(task.dueAt!).getTime()).toBeLessThan(
      new Date(received.appointmentAt).getTime(),
    );
    expect(
      (
        await d.work(s.specialist!, task.id, {
          opinion: 'Đủ điều kiện cấp phép.',
          recommendation: 'approve',
        })
      ).statusCode,
    ).toBe(200);
    task = await d.task(s.head!, id, 'Task_Review');
    expect((await d.work(s.head!, task.id, { reviewDecision: 'agree' })).statusCode).toBe(200);
    task = await d.task(s.leader!, id, 'Task_Approval');
    expect((await d.work(s.leader!, task.id, { approvalDecision: 'approve' })).statusCode).toBe(
      200,
    );
    codes.push((await d.waitForStatus(s.citizen!, id, 6)).statusCode);

    const paid = await d.call(s.cashier!, 'POST', `/api/v1/dossiers/${id}/fee-paid`, {
      receiptNumber: 'BL-0001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    codes.push(4);
    codes.push((await d.waitForStatus(s.citizen!, id, 10)).statusCode);
    expect(codes).toEqual([1, 5, 1, 2, 4, 6, 4, 10]);

    const result = await app.db('dossier_results').where('dossier_id', id).first();
    expect(result).toMatchObject({ approved: true });
    const actions = (await d.call(s.citizen!, 'GET', `/api/v1/dossiers/${id}/events`))
      .json()
      .map((e: { action: string }) => e.action);
    for (const action of [
      'SUBMIT',
      'REQUEST_SUPPLEMENT',
      'SUPPLEMENT',
      'RECEIVE',
      'START_PROCESSING',
      'REQUEST_FEE',
      'FEE_PAID',
      'ISSUE_RESULT',
      'RETURN_RESULT',
    ]) {
      expect(actions).toContain(action);
    }
    const taskEvents = (await d.call(s.citizen!, 'GET', `/api/v1/dossiers/${id}/events`))
      .json()
      .filter((e: { action: string }) => e.action === 'TASK_COMPLETED')
      .map((e: { elementId: string }) => e.elementId);
    expect(taskEvents).toEqual([
      'Task_Reception',
      'Task_Reception',
      'Task_Appraisal',
      'Task_Review',
      'Task_Approval',
    ]);
  });

  it('worklist rules: groups, agency, claim conflicts, and no completing as a citizen', async () => {
    const d = driver(app);
    const id = await submitted();
    const task = await d.task(s.reception!, id, 'Task_Reception');
    // A specialist's group view does not hold the reception task; another agency's officer cannot see it.
    const specialistTasks = (await d.call(s.specialist!, 'GET', '/api/v1/tasks')).json();
    expect(specialistTasks.map((t: { id: string }) => t.id)).not.toContain(task.id);
    const other = await login(app, 'motcua.mt@demo.motcua.vn');
    expect((await d.call(other, 'GET', `/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
    expect(
      (
        await d.call(s.citizen!, 'POST', `/api/v1/tasks/${task.id}/complete`, {
          data: { complete: true },
        })
      ).statusCode,
    ).toBe(403);

    // Claiming: not the specialist's group (403), not the other agency's task (404).
    expect((await d.call(s.specialist!, 'POST', `/api/v1/tasks/${task.id}/claim`)).statusCode).toBe(
      403,
    );
    expect((await d.call(other, 'POST', `/api/v1/tasks/${task.id}/claim`)).statusCode).toBe(404);
    expect((await d.call(s.reception!, 'POST', `/api/v1/tasks/${task.id}/claim`)).statusCode).toBe(
      200,
    );
    // Another reception officer of the agency cannot take it while it is claimed.
    const colleague = await app.services.accounts.createStaff({
      fullName: 'Cán bộ một cửa 2',
      email: `motcua2.${randomUUID().slice(0, 6)}@demo.motcua.vn`,
      password: 'mat-khau-can-bo',
      agencyId: (await app.db('agencies').where('code', '000.00.12.G12').first('id')).id,
      unitIds: [],
      roles: ['reception'],
    });
    const colleagueSession = await login(app, colleague.email, 'mat-khau-can-bo');
    expect(
      (await d.call(colleagueSession, 'POST', `/api/v1/tasks/${task.id}/claim`)).statusCode,
    ).toBe(409);
    // Bad decision data is refused with the form's messages.
    const bad = await d.call(s.reception!, 'POST', `/api/v1/tasks/${task.id}/complete`, {
      data: { complete: 'maybe' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toMatch(/^\/body\/data/);
    // The head of unit may reassign; the reception officer may not.
    expect(
      (
        await d.call(s.reception!, 'POST', `/api/v1/tasks/${task.id}/reassign`, {
          assigneeId: colleague.id,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await d.call(s.reception!, 'GET', `/api/v1/tasks/${task.id}/candidates`)).statusCode,
    ).toBe(403);
    // The head of unit picks from the agency's active officers, the assignee excepted.
    const candidates = await d.call(s.head!, 'GET', `/api/v1/tasks/${task.id}/candidates`);
    expect(candidates.statusCode).toBe(200);
    const ids = candidates.json().map((c: { id: string }) => c.id);
    const idOf = async (session: Session) =>
      (await d.call(session, 'GET', '/api/v1/me')).json().id as string;
    expect(ids).toContain(colleague.id);
    expect(ids).not.toContain(await idOf(s.reception!));
    expect(ids).not.toContain(await idOf(other));
    const moved = await d.call(s.head!, 'POST', `/api/v1/tasks/${task.id}/reassign`, {
      assigneeId: colleague.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().assigneeId).toBe(colleague.id);
  });
});
