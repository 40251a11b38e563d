// Deployments: versions by process id, identical content keeps its version,
// a file with two processes, instances of a chosen version or definition key,
// and the older DeployProcess RPC (through zeebe-node); a version another
// engine process deployed on the same database is the latest here too.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startEngine } from '../../engine/index.js';
import { createDb } from '../../server/plugins/external/database.js';
import {
  activate,
  completeNext,
  deploy,
  rawGateway,
  sdkClient,
  start,
  taggedXml,
  uniqueId,
  useEngine,
  waitForEnd,
  zeebeNodeClient,
} from './support.js';

const ctx = useEngine();
const closing: (() => unknown)[] = [];
afterAll(() => Promise.all(closing.map((close) => close())));

describe('versions', () => {
  it('a changed process gets the next version; identical content keeps its version', async () => {
    // A process id of this test's own: nobody else deploys it, so versions count from 1.
    const processId = uniqueId('versioned');
    const v1 = await deploy(ctx.zeebe, 'one-service-task', { processId, tag: 'one' });
    expect(v1.version).toBe(1);
    const same = await deploy(ctx.zeebe, 'one-service-task', { processId, tag: 'one' });
    expect(same.version).toBe(1);
    expect(same.processDefinitionKey).toBe(v1.processDefinitionKey);
    const v2 = await deploy(ctx.zeebe, 'one-service-task', { processId, tag: 'two' });
    expect(v2.version).toBe(2);
    expect(v2.processDefinitionKey).not.toBe(v1.processDefinitionKey);
    // Deploying the first content again is a change relative to the latest version.
    const v3 = await deploy(ctx.zeebe, 'one-service-task', { processId, tag: 'one' });
    expect(v3.version).toBe(3);
  });

  it('instances run the latest version unless a version or definition key is given', async () => {
    const processId = uniqueId('versioned');
    const v1 = await deploy(ctx.zeebe, 'one-service-task', { processId });
    const v2 = await deploy(ctx.zeebe, 'one-service-task', { processId });
    const latest = await ctx.zeebe.createProcessInstance({
      bpmnProcessId: processId,
      variables: {},
    });
    expect(latest.version).toBe(2);
    expect(String(latest.processDefinitionKey)).toBe(v2.processDefinitionKey);
    const old = await start(ctx.zeebe, v1);
    const [job] = await activate(ctx.zeebe, v1.type('svc-a'));
    expect(job!.processInstanceKey).toBe(old);
    expect(job!.processDefinitionVersion).toBe(1);

    const raw = rawGateway(ctx.engine.address);
    closing.push(() => raw.close());
    const byKey = await raw.call('CreateProcessInstance', {
      processDefinitionKey: v1.processDefinitionKey,
      variables: '{"viaKey":true}',
    });
    expect(byKey).toMatchObject({ bpmnProcessId: processId, version: 1 });
    const [keyed] = await activate(ctx.zeebe, v1.type('svc-a'));
    expect(keyed!.variables.viaKey).toBe(true);
    await completeNext(ctx.zeebe, v2.type('svc-a'));
  });

  it('instances run the version another engine process deployed since', async () => {
    const processId = uniqueId('elsewhere');
    await deploy(ctx.zeebe, 'one-service-task', { processId });
    const first = await ctx.zeebe.createProcessInstance({
      bpmnProcessId: processId,
      variables: {},
    });
    expect(first.version).toBe(1);
    const db = createDb(inject('databaseUrl'), { max: 2 });
    const other = await startEngine({ db, port: 0 });
    const otherClient = sdkClient(other.address);
    try {
      const v2 = await deploy(otherClient, 'one-service-task', { processId });
      // This engine knew version 1 as the latest; it must not start it again.
      const next = await ctx.zeebe.createProcessInstance({
        bpmnProcessId: processId,
        variables: {},
      });
      expect(next.version).toBe(2);
      expect(String(next.processDefinitionKey)).toBe(v2.processDefinitionKey);
    } finally {
      await otherClient.close(1000);
      await other.stop();
      await db.destroy();
    }
  });

  it('the deploy response describes each process', async () => {
    const processId = uniqueId('described');
    const response = await ctx.zeebe.deployResource({
      process: Buffer.from(taggedXml('one-service-task', 't', processId)),
      name: 'described.bpmn',
    });
    expect(response.key).toMatch(/^\d+$/);
    expect(response.deployments).toHaveLength(1);
    expect(response.deployments[0]!.process).toMatchObject({
      bpmnProcessId: processId,
      version: 1,
      resourceName: 'described.bpmn',
      tenantId: '<default>',
    });
    expect(String(response.deployments[0]!.process.processDefinitionKey)).toMatch(/^\d+$/);
  });
});

describe('a file with two processes', () => {
  it('deploys both, and each runs', async () => {
    const tag = uniqueId('two');
    const response = await ctx.zeebe.deployResource({
      process: Buffer.from(taggedXml('two-processes', tag)),
      name: 'two-processes.bpmn',
    });
    const processes = response.deployments.map((d) => d.process);
    expect(processes.map((p) => p.bpmnProcessId).sort()).toEqual([
      'two-processes-a',
      'two-processes-b',
    ]);
    expect(new Set(processes.map((p) => String(p.processDefinitionKey))).size).toBe(2);
    for (const process of processes) {
      const key = await start(ctx.zeebe, {
        ...process,
        processDefinitionKey: String(process.processDefinitionKey),
        type: (t) => `${t}.${tag}`,
      });
      const type = process.bpmnProcessId === 'two-processes-a' ? 'svc-a' : 'svc-b';
      const job = await completeNext(ctx.zeebe, `${type}.${tag}`);
      expect(job.bpmnProcessId).toBe(process.bpmnProcessId);
      expect(await waitForEnd(ctx.db, key)).toBe('ELEMENT_COMPLETED');
    }
  });
});

describe('DeployProcess (the older RPC)', () => {
  it('deploys through zeebe-node and answers with the processes', async () => {
    const zbc = zeebeNodeClient(ctx.engine.address);
    closing.push(() => zbc.close());
    const processId = uniqueId('legacy');
    const response = await zbc.deployProcess({
      definition: Buffer.from(taggedXml('one-service-task', 'legacy', processId)),
      name: 'legacy.bpmn',
    });
    expect(response.processes).toHaveLength(1);
    expect(response.processes[0]).toMatchObject({
      bpmnProcessId: processId,
      version: 1,
      resourceName: 'legacy.bpmn',
    });
    const created = await ctx.zeebe.createProcessInstance({
      bpmnProcessId: processId,
      variables: {},
    });
    expect(created.version).toBe(1);
  });
});
