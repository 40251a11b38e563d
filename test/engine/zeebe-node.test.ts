// Part of the suite through the older zeebe-node client, unmodified: deploy,
// service tasks run by its workers, a message, a gateway, a timer,
// CreateProcessInstanceWithResult, and its view of rejections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZBClient } from 'zeebe-node';
import { taggedXml, uniqueId, useEngine, waitFor, zeebeNodeClient } from './support.js';

const ctx = useEngine();
let zbc: ZBClient;
beforeAll(() => {
  zbc = zeebeNodeClient(ctx.engine.address);
});
afterAll(() => zbc.close());

async function deployTagged(name: string) {
  const tag = uniqueId('zn');
  const response = await zbc.deployResource({
    process: Buffer.from(taggedXml(name, tag)),
    name: `${name}.bpmn`,
  });
  const { bpmnProcessId, version } = response.deployments[0]!.process;
  return { bpmnProcessId, version, type: (type: string) => `${type}.${tag}` };
}

/** A zeebe-node worker that completes every job with `variables(job)`, logging the job types. */
function worker(
  type: string,
  log: string[],
  variables: (v: Record<string, unknown>) => object = () => ({}),
) {
  return zbc.createWorker({
    taskType: type,
    pollInterval: 20,
    loglevel: 'NONE',
    taskHandler: (job) => {
      log.push(type.split('.')[0]!);
      return job.complete(variables(job.variables));
    },
  });
}

describe('zeebe-node', () => {
  it('reads the topology', async () => {
    const topology = await zbc.topology();
    expect(topology.brokers[0]!.partitions[0]!.role).toBe('LEADER');
  });

  it('deploys and runs a service task through its worker, with the result', async () => {
    const process = await deployTagged('one-service-task');
    const log: string[] = [];
    const w = worker(process.type('svc-a'), log, (v) => ({ doubled: Number(v.n) * 2 }));
    try {
      const result = await zbc.createProcessInstanceWithResult({
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        variables: { n: 21 },
        requestTimeout: 10_000,
      });
      expect(result.variables).toEqual({ n: 21, doubled: 42 });
      expect(log).toEqual(['svc-a']);
    } finally {
      await w.close();
    }
  });

  it('runs the ten-element process both ways: gateway, message, timer and tasks', async () => {
    const process = await deployTagged('ten-elements');
    const log: string[] = [];
    const workers = ['svc-a', 'svc-b', 'svc-c', 'svc-d'].map((t) => worker(process.type(t), log));
    try {
      const quick = await zbc.createProcessInstanceWithResult({
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        variables: { needsApproval: false, caseId: uniqueId('case') },
        requestTimeout: 10_000,
      });
      expect(log).toEqual(['svc-a', 'svc-c', 'svc-d']);
      expect(quick.variables.needsApproval).toBe(false);

      log.length = 0;
      const caseId = uniqueId('case');
      const approved = zbc.createProcessInstanceWithResult({
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        variables: { needsApproval: true, caseId },
        requestTimeout: 10_000,
      });
      await waitFor('svc-a', () => log.length === 1);
      await zbc.publishMessage({
        name: 'approved',
        correlationKey: caseId,
        variables: { approvedBy: 'lanh-dao' },
        timeToLive: 10_000,
      });
      expect((await approved).variables.approvedBy).toBe('lanh-dao');
      expect(log).toEqual(['svc-a', 'svc-b', 'svc-c', 'svc-d']);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });

  it('takes the branch the exclusive gateway chooses', async () => {
    const process = await deployTagged('exclusive-gateway');
    const log: string[] = [];
    const workers = ['svc-high', 'svc-low'].map((t) => worker(process.type(t), log));
    try {
      for (const amount of [500, 5]) {
        await zbc.createProcessInstanceWithResult({
          bpmnProcessId: process.bpmnProcessId,
          version: process.version,
          variables: { amount },
          requestTimeout: 10_000,
        });
      }
      expect(log).toEqual(['svc-high', 'svc-low']);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });

  it('activates, fails and completes jobs by hand', async () => {
    const process = await deployTagged('one-service-task');
    const created = await zbc.createProcessInstance({
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      variables: { by: 'hand' },
    });
    const activate = () =>
      zbc.activateJobs({
        type: process.type('svc-a'),
        worker: 'zn',
        maxJobsToActivate: 1,
        timeout: 60_000,
        requestTimeout: 5_000,
      });
    const [job] = await activate();
    expect(job!.processInstanceKey).toBe(created.processInstanceKey);
    expect(job!.variables).toEqual({ by: 'hand' });
    await zbc.failJob({ jobKey: job!.key, retries: 1, errorMessage: 'once more', retryBackOff: 0 });
    const [again] = await activate();
    expect(again!.retries).toBe(1);
    await zbc.completeJob({ jobKey: again!.key, variables: { done: true } });
  });

  it('surfaces rejections with their gRPC code', async () => {
    const codeOf = (call: Promise<unknown>) =>
      call.then(
        () => 'ok',
        (error: { code?: number }) => error.code,
      );
    expect(await codeOf(zbc.completeJob({ jobKey: '2251799813685249', variables: {} }))).toBe(5);
    expect(
      await codeOf(zbc.createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} })),
    ).toBe(5);
    const messageId = uniqueId('msg');
    const publish = () =>
      zbc.publishMessage({
        name: 'zn-message',
        correlationKey: 'k',
        messageId,
        variables: {},
        timeToLive: 10_000,
      });
    expect(await codeOf(publish())).toBe('ok');
    expect(await codeOf(publish())).toBe(6);
  });
});
