// Bad input gets a clear gRPC status, never a crash: invalid BPMN, unknown
// processes and keys, bad variables documents, oversized messages, missing
// fields, and the RPCs the embedded engine does not implement. After each
// group, Topology still answers.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { deploy, fixtureXml, rawGateway, rejection, start, useEngine } from './support.js';

const ctx = useEngine();
let raw: ReturnType<typeof rawGateway>;

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const RESOURCE_EXHAUSTED = 8;
const UNIMPLEMENTED = 12;

afterEach(async () => {
  const topology = await ctx.zeebe.topology();
  expect(topology.brokers).toHaveLength(1);
});
afterAll(() => raw?.close());

const deployXml = (name: string, xml: string) =>
  ctx.zeebe.deployResource({ process: Buffer.from(xml), name });

describe('deploying invalid BPMN', () => {
  it.each([
    ['malformed', 'Task_A', 'closing tag mismatch'],
    ['invalid-complex-gateway', 'Gateway_Complex', 'Complex gateways are not supported'],
    ['invalid-no-task-type', 'Task_NoType', "Must have a 'zeebe:taskDefinition'"],
    ['invalid-feel', 'Flow_BadCondition', 'Invalid FEEL expression'],
  ])('%s.bpmn is INVALID_ARGUMENT naming %s', async (name, elementId, reason) => {
    const rejected = await rejection(deployXml(`${name}.bpmn`, fixtureXml(name)));
    expect(rejected.code).toBe(INVALID_ARGUMENT);
    expect(rejected.details).toContain(`${name}.bpmn`);
    expect(rejected.details).toContain(`'${elementId}'`);
    expect(rejected.details).toContain(reason);
  });

  it('rejects the whole deployment when one resource is invalid', async () => {
    const processId = `bad-batch-${Date.now()}`;
    const good = fixtureXml('one-service-task').replace(
      /(id|bpmnElement)="one-service-task"/g,
      `$1="${processId}"`,
    );
    const rejected = await rejection(
      ctx.zeebe.deployResources([
        { process: Buffer.from(good), name: 'good.bpmn' },
        { process: Buffer.from(fixtureXml('invalid-complex-gateway')), name: 'bad.bpmn' },
      ]),
    );
    expect(rejected.code).toBe(INVALID_ARGUMENT);
    const created = await rejection(
      ctx.zeebe.createProcessInstance({ bpmnProcessId: processId, variables: {} }),
    );
    expect(created.code).toBe(NOT_FOUND);
  });

  it('rejects text that is not XML, a file without an executable process, and no resources', async () => {
    expect((await rejection(deployXml('notes.bpmn', 'hello'))).code).toBe(INVALID_ARGUMENT);
    const notExecutable = fixtureXml('one-service-task').replace(
      'isExecutable="true"',
      'isExecutable="false"',
    );
    expect((await rejection(deployXml('draft.bpmn', notExecutable))).code).toBe(INVALID_ARGUMENT);
    raw ??= rawGateway(ctx.engine.address);
    expect((await rejection(raw.call('DeployResource', { resources: [] }))).code).toBe(
      INVALID_ARGUMENT,
    );
  });

  it('rejects resources other than BPMN (decisions, forms) with INVALID_ARGUMENT', async () => {
    const rejected = await rejection(
      ctx.zeebe.deployResource({ decision: Buffer.from('<definitions/>'), name: 'fee.dmn' }),
    );
    expect(rejected.code).toBe(INVALID_ARGUMENT);
    expect(rejected.details).toContain('fee.dmn');
  });
});

describe('unknown things', () => {
  it('an unknown process or version is NOT_FOUND', async () => {
    const unknown = await rejection(
      ctx.zeebe.createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} }),
    );
    expect(unknown.code).toBe(NOT_FOUND);
    expect(unknown.details).toContain('no-such-process');
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const version = await rejection(
      ctx.zeebe.createProcessInstance({
        bpmnProcessId: process.bpmnProcessId,
        version: process.version + 1000,
        variables: {},
      }),
    );
    expect(version.code).toBe(NOT_FOUND);
  });

  it('a process without a none start event cannot be created directly', async () => {
    const process = await deploy(ctx.zeebe, 'message-start');
    const rejected = await rejection(start(ctx.zeebe, process));
    expect(rejected.code).toBe(INVALID_ARGUMENT);
  });

  it('unknown keys are NOT_FOUND', async () => {
    const key = '2251799813685249';
    expect((await rejection(ctx.zeebe.cancelProcessInstance(key))).code).toBe(NOT_FOUND);
    expect((await rejection(ctx.zeebe.resolveIncident({ incidentKey: key }))).code).toBe(NOT_FOUND);
    expect(
      (
        await rejection(
          ctx.zeebe.setVariables({ elementInstanceKey: key, variables: { a: 1 }, local: false }),
        )
      ).code,
    ).toBe(NOT_FOUND);
    expect(
      (
        await rejection(
          ctx.zeebe.failJob({ jobKey: key, retries: 1, errorMessage: '', retryBackOff: 0 }),
        )
      ).code,
    ).toBe(NOT_FOUND);
  });
});

describe('variables documents', () => {
  it('invalid JSON or a root that is no object is INVALID_ARGUMENT, naming the problem', async () => {
    raw ??= rawGateway(ctx.engine.address);
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const create = (variables: string) =>
      raw.call('CreateProcessInstance', {
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        variables,
      });
    const badJson = await rejection(create('{"a": '));
    expect(badJson.code).toBe(INVALID_ARGUMENT);
    expect(badJson.details).toContain('valid JSON');
    for (const [document, kind] of [
      ['[1, 2]', 'ARRAY'],
      ['"text"', 'STRING'],
      ['42', 'NUMBER'],
      ['null', 'NIL'],
    ]) {
      const rejected = await rejection(create(document!));
      expect(rejected.code).toBe(INVALID_ARGUMENT);
      expect(rejected.details).toContain(kind);
    }
    // An empty document is no variables at all.
    const created = await create('');
    expect(created.processInstanceKey).toMatch(/^\d+$/);
  });

  it('is checked the same way by CompleteJob, PublishMessage, SetVariables and BroadcastSignal', async () => {
    raw ??= rawGateway(ctx.engine.address);
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const key = await start(ctx.zeebe, process);
    const calls: [string, Record<string, unknown>][] = [
      ['CompleteJob', { jobKey: key }],
      ['PublishMessage', { name: 'anything', correlationKey: 'x' }],
      ['SetVariables', { elementInstanceKey: key }],
      ['BroadcastSignal', { signalName: 'nothing-waits' }],
      ['FailJob', { jobKey: key, retries: 1 }],
    ];
    for (const [method, request] of calls) {
      const rejected = await rejection(raw.call(method, { ...request, variables: '[1]' }));
      expect(rejected.code, method).toBe(INVALID_ARGUMENT);
    }
  });

  it('over 4 MB is RESOURCE_EXHAUSTED', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const rejected = await rejection(
      start(ctx.zeebe, process, { blob: 'x'.repeat(4 * 1024 * 1024 + 1) }),
    );
    expect(rejected.code).toBe(RESOURCE_EXHAUSTED);
  });
});

describe('missing fields', () => {
  it('are INVALID_ARGUMENT', async () => {
    raw ??= rawGateway(ctx.engine.address);
    const cases: [string, Record<string, unknown>][] = [
      ['CreateProcessInstance', {}],
      ['PublishMessage', { correlationKey: 'x' }],
      ['BroadcastSignal', {}],
      ['ThrowError', { jobKey: '1' }],
      ['CompleteJob', { jobKey: '-5' }],
      ['CancelProcessInstance', { processInstanceKey: '0' }],
    ];
    for (const [method, request] of cases) {
      const rejected = await rejection(raw.call(method, request));
      expect(rejected.code, method).toBe(INVALID_ARGUMENT);
    }
    for (const request of [{ maxJobsToActivate: 1 }, { type: 'x', maxJobsToActivate: 0 }]) {
      const rejected = await rejection(raw.stream('ActivateJobs', request));
      expect(rejected.code).toBe(INVALID_ARGUMENT);
    }
    const stream = await rejection(raw.stream('StreamActivatedJobs', {}));
    expect(stream.code).toBe(INVALID_ARGUMENT);
  });

  it('start instructions are INVALID_ARGUMENT', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const rejected = await rejection(
      ctx.zeebe.createProcessInstance({
        bpmnProcessId: process.bpmnProcessId,
        variables: {},
        startInstructions: [{ elementId: 'Task_A' }],
      }),
    );
    expect(rejected.code).toBe(INVALID_ARGUMENT);
  });
});

describe('unsupported RPCs', () => {
  it('are UNIMPLEMENTED with a message', async () => {
    const process = await deploy(ctx.zeebe, 'one-service-task');
    const key = await start(ctx.zeebe, process);
    const decision = await rejection(
      ctx.zeebe.evaluateDecision({ decisionId: 'fee', variables: {} }),
    );
    expect(decision.code).toBe(UNIMPLEMENTED);
    expect(decision.details).toContain('EvaluateDecision');
    const modify = await rejection(
      ctx.zeebe.modifyProcessInstance({
        processInstanceKey: key,
        activateInstructions: [
          { elementId: 'Task_A', ancestorElementInstanceKey: '-1', variableInstructions: [] },
        ],
      }),
    );
    expect(modify.code).toBe(UNIMPLEMENTED);
    expect(modify.details).toContain('ModifyProcessInstance');
    const deleted = await rejection(
      ctx.zeebe.deleteResource({ resourceKey: process.processDefinitionKey }),
    );
    expect(deleted.code).toBe(UNIMPLEMENTED);
  });
});
