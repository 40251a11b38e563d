// Tasks: service, send, user (job-based, with Zeebe's headers), script,
// receive, manual and undefined; task headers, job variables, fetchVariable
// and input/output mappings.
import { describe, expect, it } from 'vitest';
import {
  activate,
  closeStream,
  completeNext,
  completedElements,
  deploy,
  start,
  uniqueId,
  useEngine,
  waitForEnd,
} from './support.js';

const ctx = useEngine();

describe('service task', () => {
  it('hands the worker a job with the instance, element and variables, and completes with its result', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const result = ctx.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: { applicant: 'Nguyễn Văn A', fee: 50_000, tags: ['x'] },
      requestTimeout: 10_000,
    });
    const [job] = await activate(ctx.zeebe, process.type('svc-a'));
    expect(job).toMatchObject({
      type: process.type('svc-a'),
      bpmnProcessId: 'one-service-task',
      processDefinitionVersion: process.version,
      elementId: 'Task_A',
      retries: 3,
      worker: 'test',
    });
    expect({ ...job!.customHeaders }).toEqual({});
    expect({ ...job!.variables }).toEqual({ applicant: 'Nguyễn Văn A', fee: 50_000, tags: ['x'] });
    await ctx.zeebe.completeJob({ jobKey: job!.key, variables: { approved: true } });
    const done = await result;
    expect(done.processInstanceKey).toBe(job!.processInstanceKey);
    expect({ ...done.variables }).toEqual({
      applicant: 'Nguyễn Văn A',
      fee: 50_000,
      tags: ['x'],
      approved: true,
    });
  });

  it('sends only the variables a worker fetches', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    await start(ctx.zeebe, process, { wanted: 1, other: 2, third: { deep: true } });
    const [job] = await activate(ctx.zeebe, process.type('svc-a'), 1, {
      fetchVariable: ['wanted', 'third', 'missing'],
    });
    expect({ ...job!.variables }).toEqual({ wanted: 1, third: { deep: true } });
  });

  it('runs through a worker created with createWorker', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const worker = ctx.zeebe.createWorker({
      taskType: process.type('svc-a'),
      pollInterval: 20,
      taskHandler: (job) => job.complete({ handledBy: job.worker }),
      id: 'tasks-worker',
    });
    try {
      const done = await ctx.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        variables: {},
        requestTimeout: 10_000,
      });
      expect({ ...done.variables }).toEqual({ handledBy: 'tasks-worker' });
    } finally {
      await worker.close();
    }
  });

  it('pushes jobs to a job stream', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const stream = await ctx.zeebe.streamJobs({
      type: process.type('svc-a'),
      worker: 'streamer',
      timeout: 30_000,
      tenantIds: ['<default>'],
      taskHandler: (job) => job.complete({ streamed: Number(job.variables.n) }),
    });
    try {
      const results = await Promise.all(
        [1, 2, 3].map((n) =>
          ctx.zeebe.createProcessInstanceWithResult({
            bpmnProcessId: process.bpmnProcessId,
            version: process.version,
            variables: { n },
            requestTimeout: 10_000,
          }),
        ),
      );
      expect(results.map((r) => r.variables.streamed)).toEqual([1, 2, 3]);
    } finally {
      await closeStream(stream);
    }
  });
});

describe('send task and message throw events', () => {
  it('are job workers, run in order', async () => {
    const process = await deploy(ctx.zeebe, 'send-task');
    const key = await start(ctx.zeebe, process);
    const order: string[] = [];
    for (const type of ['svc-send', 'svc-publish', 'svc-notify-end']) {
      const job = await completeNext(ctx.zeebe, process.type(type));
      order.push(job.elementId);
    }
    expect(order).toEqual(['Task_Send', 'Event_Publish', 'EndEvent_Notify']);
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});

describe('user task (job worker implementation)', () => {
  it("is a job of type io.camunda.zeebe:userTask with Zeebe's assignment, schedule and form headers", async () => {
    const process = await deploy(ctx.zeebe, 'user-task');
    const key = await start(ctx.zeebe, process, {
      approver: 'lanh-dao-1',
      approverGroups: ['lanh-dao', 'pho-giam-doc'],
      dueDate: '2030-02-01T10:00:00+07:00',
      followUpDate: '2030-01-25T08:00:00+07:00',
    });
    const userTask = async () => {
      const jobs = await activate(ctx.zeebe, 'io.camunda.zeebe:userTask');
      const job = jobs.find((j) => j.processInstanceKey === key);
      expect(job, 'a user task job of this instance').toBeDefined();
      return job!;
    };

    const receive = await userTask();
    expect(receive.elementId).toBe('Task_Receive');
    expect(receive.retries).toBe(1);
    expect({ ...receive.customHeaders }).toEqual({
      'io.camunda.zeebe:assignee': 'officer1',
      'io.camunda.zeebe:candidateGroups': '["mot-cua","chuyen-vien"]',
      'io.camunda.zeebe:candidateUsers': '["officer2","officer3"]',
      'io.camunda.zeebe:dueDate': '2030-01-31T17:00:00+07:00',
      'io.camunda.zeebe:formKey': 'motcua:receive-dossier',
      step: 'receive',
    });
    await ctx.zeebe.completeJob({ jobKey: receive.key, variables: {} });

    const approve = await userTask();
    expect(approve.elementId).toBe('Task_Approve');
    expect({ ...approve.customHeaders }).toEqual({
      'io.camunda.zeebe:assignee': 'lanh-dao-1',
      'io.camunda.zeebe:candidateGroups': '["lanh-dao","pho-giam-doc"]',
      'io.camunda.zeebe:dueDate': '2030-02-01T10:00:00+07:00',
      'io.camunda.zeebe:followUpDate': '2030-01-25T08:00:00+07:00',
      'io.camunda.zeebe:formKey': 'approve-form',
    });
    await ctx.zeebe.completeJob({ jobKey: approve.key, variables: { approved: true } });

    const sign = await userTask();
    expect(sign.elementId).toBe('Task_Sign');
    expect({ ...sign.customHeaders }).toEqual({
      'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:UserTaskForm_Sign',
    });
    expect(sign.variables.approved).toBe(true);
    await ctx.zeebe.completeJob({ jobKey: sign.key, variables: {} });
    expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
  });
});

describe('script task', () => {
  it('evaluates its FEEL expression into the result variable; a job-worker script task is a job', async () => {
    const process = await deploy(ctx.zeebe, 'script-task');
    const result = ctx.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: { a: 2, b: 40 },
      requestTimeout: 10_000,
    });
    const job = await completeNext(ctx.zeebe, process.type('svc-script'));
    expect(job.elementId).toBe('Task_ScriptWorker');
    expect({ ...job.variables }).toEqual({ a: 2, b: 40, sum: 42 });
    expect((await result).variables).toEqual({ a: 2, b: 40, sum: 42 });
  });
});

describe('receive task', () => {
  it('waits for its message, keyed by the correlation key, and takes its variables', async () => {
    const process = await deploy(ctx.zeebe, 'receive-task');
    const dossierId = uniqueId('dossier');
    const result = ctx.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: { dossierId },
      requestTimeout: 10_000,
    });
    // Another key does not release it.
    await ctx.zeebe.publishMessage({
      name: 'document-supplemented',
      correlationKey: uniqueId('other'),
      variables: { wrong: true },
      timeToLive: 0,
    });
    await ctx.zeebe.publishMessage({
      name: 'document-supplemented',
      correlationKey: dossierId,
      variables: { pages: 3 },
      timeToLive: 10_000,
    });
    expect((await result).variables).toEqual({ dossierId, pages: 3 });
  });
});

describe('manual and undefined tasks', () => {
  it('pass through at once', async () => {
    const process = await deploy(ctx.zeebe, 'manual-and-undefined-task');
    const result = await ctx.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: { x: 1 },
      requestTimeout: 10_000,
    });
    expect(result.variables).toEqual({ x: 1 });
    expect(await completedElements(ctx.db, result.processInstanceKey)).toEqual([
      'StartEvent_1',
      'Task_Manual',
      'Task_Undefined',
      'EndEvent_1',
      'manual-and-undefined-task',
    ]);
  });
});

describe('input and output mappings', () => {
  it('give the job its local variables and map the result back into the scope', async () => {
    const process = await deploy(ctx.zeebe, 'io-mappings');
    const result = ctx.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: { order: { total: 21 }, customer: { name: 'Trần Thị B' } },
      requestTimeout: 10_000,
    });
    const job = await completeNext(ctx.zeebe, process.type('svc-a'), { result: 'ok' });
    expect({ ...job.variables }).toEqual({
      order: { total: 21 },
      total: 21,
      note: 'fixed note',
      customer: { fullName: 'Trần Thị B' },
    });
    expect((await result).variables).toEqual({
      order: { total: 21, result: 'ok' },
      customer: { name: 'Trần Thị B' },
      doubled: 42,
    });
  });
});
