import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDeployment } from '../../../engine/bpmn/compile.js';
import { USER_TASK_HEADERS, USER_TASK_JOB_TYPE } from '../../../engine/bpmn/compile-job.js';
import type { CompiledProcess, FlowNode } from '../../../engine/bpmn/model.js';
import { DeploymentError, parseBpmn } from '../../../engine/bpmn/parse.js';

const fixture = (file: string): string =>
  readFileSync(new URL(`../../engine/fixtures/${file}`, import.meta.url), 'utf8');

async function compileFixture(file: string): Promise<CompiledProcess> {
  const processes = await compileDeployment(fixture(file));
  expect(processes).toHaveLength(1);
  return processes[0]!;
}

type Kind = FlowNode['kind'];
function node<K extends Kind>(
  process: CompiledProcess,
  id: string,
  kind: K,
): Extract<FlowNode, { kind: K }> {
  const found = process.elements.get(id);
  expect(found?.kind, `kind of ${id}`).toBe(kind);
  return found as Extract<FlowNode, { kind: K }>;
}

const kinds = (process: CompiledProcess): Record<string, Kind> =>
  Object.fromEntries([...process.elements.values()].map((n) => [n.id, n.kind]));

async function rejection(xml: string): Promise<DeploymentError> {
  const error: unknown = await compileDeployment(xml).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeploymentError);
  return error as DeploymentError;
}

async function expectProblem(
  xml: string,
  elementId: string | null,
  reason: string | RegExp,
): Promise<void> {
  const error = await rejection(xml);
  expect(error.problems).toContainEqual({
    elementId,
    reason:
      typeof reason === 'string' ? expect.stringContaining(reason) : expect.stringMatching(reason),
  });
}

// Minimal files for one rule each (no diagram: the compiler ignores it).
function bpmn(body: string, roots = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${body}
  </bpmn:process>
  ${roots}
</bpmn:definitions>`;
}
const service = (id: string, extra = '', inner = ''): string =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="svc" />${extra}</bpmn:extensionElements>${inner}</bpmn:serviceTask>`;
const flow = (id: string, source: string, target: string, condition?: string): string =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
const catchMessage = (key = '=id'): string =>
  `<bpmn:message id="m" name="msg"><bpmn:extensionElements><zeebe:subscription correlationKey="${key}" /></bpmn:extensionElements></bpmn:message>`;

describe('parseBpmn', () => {
  it('returns the definitions of a Modeler file', async () => {
    const definitions = await parseBpmn(fixture('one-service-task.bpmn'));
    expect(definitions.$type).toBe('bpmn:Definitions');
  });

  it('rejects malformed XML, naming the element around the error', async () => {
    await expect(parseBpmn(fixture('malformed.bpmn'))).rejects.toMatchObject({
      name: 'DeploymentError',
      elementId: 'Task_A',
      reason: expect.stringContaining('closing tag mismatch (line 14'),
    });
  });

  it('rejects elements moddle does not know instead of dropping them', async () => {
    const xml = bpmn(
      '<bpmn:fooTask id="strange" /><bpmn:task id="t"><bpmn:extensionElements><zeebe:bogus /></bpmn:extensionElements></bpmn:task>',
    );
    const error = await rejection(xml);
    expect(error.problems).toEqual([
      { elementId: 'strange', reason: expect.stringContaining('unknown type <bpmn:FooTask>') },
      { elementId: 't', reason: expect.stringContaining('unknown type <zeebe:Bogus>') },
    ]);
    expect(error.message).toMatch(/^Element 'strange': Invalid BPMN XML: unknown type/);
  });

  it('rejects unresolved references and non-BPMN documents', async () => {
    await expectProblem(
      bpmn(flow('f', 'start', 'nowhere')),
      'f',
      "Unresolved reference 'nowhere' in bpmn:targetRef",
    );
    await expect(parseBpmn('<html/>')).rejects.toBeInstanceOf(DeploymentError);
    await expect(parseBpmn('')).rejects.toBeInstanceOf(DeploymentError);
  });
});

describe('compileDeployment: fixtures', () => {
  it('one-service-task: start → job task → end', async () => {
    const p = await compileFixture('one-service-task.bpmn');
    expect(p.bpmnProcessId).toBe('one-service-task');
    expect(p.name).toBe('One service task');
    expect(kinds(p)).toEqual({
      StartEvent_1: 'startEvent',
      Task_A: 'jobTask',
      EndEvent_1: 'endEvent',
    });
    const task = node(p, 'Task_A', 'jobTask');
    expect(task.job.type.source).toBe('svc-a');
    expect(task.job.type.isStatic).toBe(true);
    expect(task.job.retries.source).toBe('3');
    expect(task.incoming).toEqual(['Flow_1']);
    expect(task.outgoing).toEqual(['Flow_2']);
    expect(p.flows.get('Flow_1')).toMatchObject({
      sourceId: 'StartEvent_1',
      targetId: 'Task_A',
      condition: null,
    });
    expect(p.scope).toEqual({
      children: ['StartEvent_1', 'Task_A', 'EndEvent_1'],
      noneStartId: 'StartEvent_1',
      eventStartIds: [],
      eventSubprocessIds: [],
    });
  });

  it('exclusive-gateway: conditions and default flow', async () => {
    const p = await compileFixture('exclusive-gateway.bpmn');
    const gateway = node(p, 'Gateway_Amount', 'exclusiveGateway');
    expect(gateway.defaultFlowId).toBe('Flow_Low');
    expect(gateway.outgoing).toEqual(['Flow_High', 'Flow_Low']);
    const high = p.flows.get('Flow_High')!;
    expect(high.condition?.source).toBe('=amount > 100');
    expect(high.condition?.evaluate({ amount: 150 })).toBe(true);
    expect(high.condition?.variableNames).toEqual(['amount']);
    expect(p.flows.get('Flow_Low')?.condition).toBeNull();
  });

  it('parallel-gateway: fork and join', async () => {
    const p = await compileFixture('parallel-gateway.bpmn');
    expect(node(p, 'Gateway_Fork', 'parallelGateway').outgoing).toEqual(['Flow_2', 'Flow_3']);
    expect(node(p, 'Gateway_Join', 'parallelGateway').incoming).toEqual(['Flow_4', 'Flow_5']);
  });

  it('inclusive-gateway: conditional split with default, and join', async () => {
    const p = await compileFixture('inclusive-gateway.bpmn');
    expect(node(p, 'Gateway_Split', 'inclusiveGateway').defaultFlowId).toBe('Flow_C');
    expect(node(p, 'Gateway_Join', 'inclusiveGateway').incoming).toHaveLength(3);
    expect(p.flows.get('Flow_A')?.condition?.source).toBe('=a = true');
  });

  it('event-based-gateway: message and FEEL timer catch events', async () => {
    const p = await compileFixture('event-based-gateway.bpmn');
    expect(node(p, 'Gateway_Wait', 'eventBasedGateway').outgoing).toEqual(['Flow_2', 'Flow_3']);
    const payment = node(p, 'Event_Payment', 'intermediateCatchEvent');
    expect(payment.event).toMatchObject({ kind: 'message' });
    if (payment.event.kind !== 'message') return;
    expect(payment.event.message.name.source).toBe('payment-received');
    expect(payment.event.message.correlationKey?.source).toBe('=orderId');
    const timeout = node(p, 'Event_Timeout', 'intermediateCatchEvent');
    expect(timeout.event).toMatchObject({
      kind: 'timer',
      timer: { kind: 'duration', value: { source: '=timeout', isStatic: false } },
    });
  });

  it('message-catch and receive-task: name and correlation key', async () => {
    const catchEvent = node(
      await compileFixture('message-catch.bpmn'),
      'Event_Approval',
      'intermediateCatchEvent',
    );
    expect(catchEvent.event).toMatchObject({
      kind: 'message',
      message: { name: { source: 'approval' }, correlationKey: { source: '=requestId' } },
    });
    const receive = node(
      await compileFixture('receive-task.bpmn'),
      'Task_WaitSupplement',
      'receiveTask',
    );
    expect(receive.message.name.source).toBe('document-supplemented');
    expect(receive.message.correlationKey?.source).toBe('=dossierId');
  });

  it('message-start: an event start without correlation key and no none start', async () => {
    const p = await compileFixture('message-start.bpmn');
    expect(p.scope.noneStartId).toBeNull();
    expect(p.scope.eventStartIds).toEqual(['StartEvent_1']);
    expect(node(p, 'StartEvent_1', 'startEvent').event).toMatchObject({
      kind: 'message',
      message: { name: { source: 'order-placed' }, correlationKey: null },
    });
  });

  it('timer-catch and timer-start: static duration and cycle', async () => {
    const wait = node(
      await compileFixture('timer-catch.bpmn'),
      'Event_Wait',
      'intermediateCatchEvent',
    );
    expect(wait.event).toMatchObject({
      kind: 'timer',
      timer: { kind: 'duration', value: { source: 'PT1S', isStatic: true } },
    });
    const p = await compileFixture('timer-start.bpmn');
    expect(p.scope.eventStartIds).toEqual(['StartEvent_1']);
    expect(node(p, 'StartEvent_1', 'startEvent').event).toMatchObject({
      kind: 'timer',
      timer: { kind: 'cycle', value: { source: 'R2/PT1S' } },
    });
  });

  it('boundary timers: interrupting duration and non-interrupting cycle', async () => {
    const p = await compileFixture('boundary-timer-interrupting.bpmn');
    expect(node(p, 'Task_Slow', 'jobTask').boundaryIds).toEqual(['Event_Timeout']);
    expect(node(p, 'Event_Timeout', 'boundaryEvent')).toMatchObject({
      attachedToId: 'Task_Slow',
      cancelActivity: true,
      outgoing: ['Flow_3'],
      event: { kind: 'timer', timer: { kind: 'duration' } },
    });
    const q = await compileFixture('boundary-timer-non-interrupting-cycle.bpmn');
    expect(node(q, 'Event_Remind', 'boundaryEvent')).toMatchObject({
      cancelActivity: false,
      event: { kind: 'timer', timer: { kind: 'cycle', value: { source: 'R3/PT1S' } } },
    });
  });

  it('boundary-message and boundary-error', async () => {
    const message = node(
      await compileFixture('boundary-message.bpmn'),
      'Event_Cancel',
      'boundaryEvent',
    );
    expect(message.event).toMatchObject({
      kind: 'message',
      message: { correlationKey: { source: '=orderId' } },
    });
    const error = node(
      await compileFixture('boundary-error.bpmn'),
      'Event_Invalid',
      'boundaryEvent',
    );
    expect(error.event).toEqual({ kind: 'error', code: 'INVALID' });
  });

  it('error-end-uncaught and terminate-end', async () => {
    const errorEnd = node(
      await compileFixture('error-end-uncaught.bpmn'),
      'EndEvent_Error',
      'endEvent',
    );
    expect(errorEnd.event).toEqual({ kind: 'error', code: 'UNHANDLED' });
    expect(errorEnd.job).toBeNull();
    const terminate = node(
      await compileFixture('terminate-end.bpmn'),
      'EndEvent_Terminate',
      'endEvent',
    );
    expect(terminate.event).toEqual({ kind: 'terminate' });
  });

  it('signal-catch-throw: signal names on catch and throw', async () => {
    const p = await compileFixture('signal-catch-throw.bpmn');
    expect(node(p, 'Event_CatchGo', 'intermediateCatchEvent').event).toMatchObject({
      kind: 'signal',
      name: { source: 'go' },
    });
    const thrown = node(p, 'Event_ThrowGo', 'intermediateThrowEvent');
    expect(thrown.event).toMatchObject({ kind: 'signal', name: { source: 'go' } });
    expect(thrown.job).toBeNull();
  });

  it('event subprocesses: scope, start event and interrupting flag', async () => {
    const message = await compileFixture('event-subprocess-message.bpmn');
    expect(message.scope.eventSubprocessIds).toEqual(['SubProcess_Cancel']);
    expect(message.scope.children).toContain('SubProcess_Cancel');
    const sub = node(message, 'SubProcess_Cancel', 'subProcess');
    expect(sub.triggeredByEvent).toBe(true);
    expect(sub.scope).toEqual({
      children: ['StartEvent_Cancel', 'Task_Cancel', 'SubProcess_Cancel_End'],
      noneStartId: null,
      eventStartIds: ['StartEvent_Cancel'],
      eventSubprocessIds: [],
    });
    expect(node(message, 'StartEvent_Cancel', 'startEvent')).toMatchObject({
      parentId: 'SubProcess_Cancel',
      interrupting: true,
      event: {
        kind: 'message',
        message: { name: { source: 'cancel' }, correlationKey: { source: '=orderId' } },
      },
    });
    expect(node(message, 'Task_Cancel', 'jobTask').parentId).toBe('SubProcess_Cancel');

    const timer = await compileFixture('event-subprocess-timer.bpmn');
    expect(node(timer, 'StartEvent_Remind', 'startEvent')).toMatchObject({
      interrupting: false,
      event: { kind: 'timer' },
    });

    const error = await compileFixture('event-subprocess-error.bpmn');
    expect(node(error, 'StartEvent_Error', 'startEvent')).toMatchObject({
      interrupting: true,
      event: { kind: 'error', code: null },
    });
  });

  it('embedded-subprocess: its own scope with a none start', async () => {
    const p = await compileFixture('embedded-subprocess.bpmn');
    const sub = node(p, 'SubProcess_1', 'subProcess');
    expect(sub.triggeredByEvent).toBe(false);
    expect(sub.scope).toEqual({
      children: ['StartEvent_Sub', 'Task_A', 'Task_B', 'EndEvent_Sub'],
      noneStartId: 'StartEvent_Sub',
      eventStartIds: [],
      eventSubprocessIds: [],
    });
    expect(p.scope.children).toEqual(['StartEvent_1', 'SubProcess_1', 'Task_C', 'EndEvent_1']);
    expect(p.flows.get('Flow_Sub_1')).toMatchObject({
      sourceId: 'StartEvent_Sub',
      targetId: 'Task_A',
    });
    expect(p.elements.size).toBe(8);
  });

  it('call activity parent and child', async () => {
    const call = node(
      await compileFixture('call-activity-parent.bpmn'),
      'Activity_CallChild',
      'callActivity',
    );
    expect(call.processId.source).toBe('call-activity-child');
    expect(call.propagateAllChildVariables).toBe(true);
    expect(call.propagateAllParentVariables).toBe(true);
    expect((await compileFixture('call-activity-child.bpmn')).bpmnProcessId).toBe(
      'call-activity-child',
    );
  });

  it('multi-instance: parallel, sequential with completion condition, subprocess', async () => {
    const parallel = node(
      await compileFixture('multi-instance-parallel.bpmn'),
      'Task_Item',
      'jobTask',
    );
    expect(parallel.multiInstance).toMatchObject({
      sequential: false,
      inputCollection: { source: '=items' },
      inputElement: 'item',
      outputCollection: 'results',
      outputElement: { source: '=result' },
      completionCondition: null,
    });
    const sequential = node(
      await compileFixture('multi-instance-sequential.bpmn'),
      'Task_Item',
      'jobTask',
    );
    expect(sequential.multiInstance).toMatchObject({
      sequential: true,
      outputCollection: null,
      outputElement: null,
      completionCondition: { source: '=stop = true' },
    });
    const sub = node(
      await compileFixture('multi-instance-subprocess.bpmn'),
      'SubProcess_Review',
      'subProcess',
    );
    expect(sub.multiInstance).toMatchObject({
      inputElement: 'reviewer',
      outputCollection: 'reviews',
    });
    expect(sub.scope.noneStartId).toBe('StartEvent_Sub');
  });

  it('user-task: job-based user tasks with static and FEEL properties', async () => {
    const p = await compileFixture('user-task.bpmn');
    const receive = node(p, 'Task_Receive', 'jobTask');
    expect(receive.bpmnType).toBe('userTask');
    expect(receive.job.type.source).toBe(USER_TASK_JOB_TYPE);
    expect(receive.job.retries.source).toBe('1');
    expect(receive.job.headers).toEqual({
      step: 'receive',
      [USER_TASK_HEADERS.assignee]: 'officer1',
      [USER_TASK_HEADERS.candidateGroups]: '["mot-cua","chuyen-vien"]',
      [USER_TASK_HEADERS.candidateUsers]: '["officer2","officer3"]',
      [USER_TASK_HEADERS.dueDate]: '2030-01-31T17:00:00+07:00',
      [USER_TASK_HEADERS.formKey]: 'motcua:receive-dossier',
    });
    expect(receive.job.dynamicHeaders).toEqual({});

    const approve = node(p, 'Task_Approve', 'jobTask');
    expect(approve.job.headers).toEqual({ [USER_TASK_HEADERS.formKey]: 'approve-form' });
    expect(Object.keys(approve.job.dynamicHeaders).sort()).toEqual(
      [
        USER_TASK_HEADERS.assignee,
        USER_TASK_HEADERS.candidateGroups,
        USER_TASK_HEADERS.dueDate,
        USER_TASK_HEADERS.followUpDate,
      ].sort(),
    );
    expect(
      approve.job.dynamicHeaders[USER_TASK_HEADERS.assignee]?.evaluate({ approver: 'leader1' }),
    ).toBe('leader1');

    expect(node(p, 'Task_Sign', 'jobTask').job.headers).toEqual({
      [USER_TASK_HEADERS.formKey]: 'camunda-forms:bpmn:UserTaskForm_Sign',
    });
  });

  it('script-task: FEEL script and job-worker script', async () => {
    const p = await compileFixture('script-task.bpmn');
    const sum = node(p, 'Task_Sum', 'scriptTask');
    expect(sum.resultVariable).toBe('sum');
    expect(sum.expression.evaluate({ a: 1, b: 2 })).toBe(3);
    expect(node(p, 'Task_ScriptWorker', 'jobTask').job.type.source).toBe('svc-script');
  });

  it('send-task: send task, message throw and message end events are jobs', async () => {
    const p = await compileFixture('send-task.bpmn');
    expect(node(p, 'Task_Send', 'jobTask').job.type.source).toBe('svc-send');
    const publish = node(p, 'Event_Publish', 'intermediateThrowEvent');
    expect(publish.event).toEqual({ kind: 'none' });
    expect(publish.job?.type.source).toBe('svc-publish');
    expect(node(p, 'EndEvent_Notify', 'endEvent').job?.type.source).toBe('svc-notify-end');
  });

  it('io-mappings: FEEL and static sources, nested targets', async () => {
    const task = node(await compileFixture('io-mappings.bpmn'), 'Task_A', 'jobTask');
    expect(task.inputs.map((m) => [m.source.source, m.target])).toEqual([
      ['=order.total', 'total'],
      ['fixed note', 'note'],
      ['=customer.name', 'customer.fullName'],
    ]);
    expect(task.inputs[1]?.source.isStatic).toBe(true);
    expect(task.outputs.map((m) => [m.source.source, m.target])).toEqual([
      ['=result', 'order.result'],
      ['=total * 2', 'doubled'],
    ]);
  });

  it('manual-and-undefined-task: pass through', async () => {
    const p = await compileFixture('manual-and-undefined-task.bpmn');
    expect(node(p, 'Task_Manual', 'passThrough').bpmnType).toBe('manualTask');
    expect(node(p, 'Task_Undefined', 'passThrough').bpmnType).toBe('task');
  });

  it('ten-elements: ten nodes with a gateway, a message and a timer', async () => {
    const p = await compileFixture('ten-elements.bpmn');
    expect(p.elements.size).toBe(10);
    const all = Object.values(kinds(p));
    expect(all.filter((k) => k === 'exclusiveGateway')).toHaveLength(2);
    expect(all.filter((k) => k === 'intermediateCatchEvent')).toHaveLength(2);
    expect(node(p, 'Event_Pause', 'intermediateCatchEvent').event).toMatchObject({ kind: 'timer' });
  });

  it('two-processes: a collaboration with two executable processes', async () => {
    const processes = await compileDeployment(fixture('two-processes.bpmn'));
    expect(processes.map((p) => p.bpmnProcessId)).toEqual(['two-processes-a', 'two-processes-b']);
    expect(node(processes[1]!, 'Task_B', 'jobTask').job.type.source).toBe('svc-b');
  });
});

describe('compileDeployment: invalid fixtures', () => {
  it.each([
    ['invalid-complex-gateway.bpmn', 'Gateway_Complex', 'Complex gateways are not supported'],
    [
      'invalid-no-task-type.bpmn',
      'Task_NoType',
      "Must have a 'zeebe:taskDefinition' extension element",
    ],
    [
      'invalid-feel.bpmn',
      'Flow_BadCondition',
      "conditionExpression: Invalid FEEL expression '=amount >'",
    ],
    ['malformed.bpmn', 'Task_A', 'Invalid BPMN XML: closing tag mismatch'],
  ])('%s is rejected naming %s', async (file, elementId, reason) => {
    const error = await rejection(fixture(file));
    expect(error.elementId).toBe(elementId);
    expect(error.reason).toContain(reason);
    expect(error.message).toContain(`Element '${elementId}': ${reason}`);
  });
});

describe('compileDeployment: Zeebe rules', () => {
  it('needs an executable process', async () => {
    const xml = bpmn('').replace('isExecutable="true"', 'isExecutable="false"');
    await expectProblem(xml, null, 'at least one executable process');
  });

  it('reports every invalid element of the file', async () => {
    const error = await rejection(
      bpmn('<bpmn:serviceTask id="a" /><bpmn:complexGateway id="b" />'),
    );
    expect(error.problems.map((p) => p.elementId)).toEqual(['a', 'b']);
    expect(error.message.split('\n')).toHaveLength(2);
  });

  it.each([
    ['transaction', '<bpmn:transaction id="x" />', 'Transaction subprocesses are not supported'],
    [
      'ad-hoc subprocess',
      '<bpmn:adHocSubProcess id="x" />',
      'Ad-hoc subprocesses are not supported',
    ],
    [
      'escalation end event',
      '<bpmn:endEvent id="x"><bpmn:escalationEventDefinition /></bpmn:endEvent>',
      'Escalation events are not supported',
    ],
    [
      'link catch event',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateCatchEvent>',
      'Link events are not supported',
    ],
    [
      'conditional catch event',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>',
      'Conditional events are not supported',
    ],
    [
      'compensation handler',
      '<bpmn:task id="x" isForCompensation="true" />',
      'Compensation handlers are not supported',
    ],
    [
      'native user task',
      '<bpmn:userTask id="x"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>',
      'use the job worker implementation',
    ],
    [
      'DMN business rule task',
      '<bpmn:businessRuleTask id="x"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask>',
      'DMN decisions (zeebe:calledDecision) are not supported',
    ],
    [
      'script task with neither script nor job',
      '<bpmn:scriptTask id="x" />',
      "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition'",
    ],
    ['send task without job type', '<bpmn:sendTask id="x" />', "'zeebe:taskDefinition'"],
    [
      'execution listeners',
      service(
        'x',
        '<zeebe:executionListeners><zeebe:executionListener eventType="start" type="l" /></zeebe:executionListeners>',
      ),
      'Execution listeners are not supported',
    ],
    [
      'standard loop',
      service('x', '', '<bpmn:standardLoopCharacteristics />'),
      'Standard loops are not supported',
    ],
    [
      'multi-instance without inputCollection',
      service('x', '', '<bpmn:multiInstanceLoopCharacteristics />'),
      'zeebe:loopCharacteristics',
    ],
    [
      'call activity without processId',
      '<bpmn:callActivity id="x"><bpmn:extensionElements><zeebe:calledElement /></bpmn:extensionElements></bpmn:callActivity>',
      'zeebe:calledElement processId must be present',
    ],
    [
      'timer without definition',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>',
      'Must be exactly one type of timer',
    ],
    [
      'intermediate timer with cycle',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      'either a time duration or a time date',
    ],
    [
      'invalid static duration',
      '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition><bpmn:timeDuration>5 minutes</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      "Invalid timer duration '5 minutes'",
    ],
    [
      'intermediate catch without definition',
      '<bpmn:intermediateCatchEvent id="x" />',
      'Must have an event definition',
    ],
    [
      'error end event without error',
      '<bpmn:endEvent id="x"><bpmn:errorEventDefinition /></bpmn:endEvent>',
      'Must reference an error',
    ],
    [
      'error end event with FEEL code',
      '<bpmn:endEvent id="x"><bpmn:errorEventDefinition errorRef="feelError" /></bpmn:endEvent>',
      'needs a static error code',
    ],
    ['message catch without message', '<bpmn:receiveTask id="x" />', 'Must reference a message'],
    [
      'static correlation key',
      '<bpmn:receiveTask id="x" messageRef="m" />',
      "must be a FEEL expression (starting with '=')",
    ],
    [
      'blank candidate group',
      '<bpmn:userTask id="x"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="a,,b" /></bpmn:extensionElements></bpmn:userTask>',
      "candidateGroups 'a,,b' must be a list of comma-separated values",
    ],
    [
      'invalid static due date',
      '<bpmn:userTask id="x"><bpmn:extensionElements><zeebe:taskSchedule dueDate="tomorrow" /></bpmn:extensionElements></bpmn:userTask>',
      "dueDate 'tomorrow' must be a valid date-time",
    ],
    [
      'unknown embedded form',
      '<bpmn:userTask id="x"><bpmn:extensionElements><zeebe:formDefinition formKey="camunda-forms:bpmn:nope" /></bpmn:extensionElements></bpmn:userTask>',
      "names no zeebe:userTaskForm with id 'nope'",
    ],
    [
      'FEEL syntax error in a mapping',
      service('x', '<zeebe:ioMapping><zeebe:input source="=a +" target="b" /></zeebe:ioMapping>'),
      'zeebe:input source: Invalid FEEL expression',
    ],
    [
      'static output mapping',
      service('x', '<zeebe:ioMapping><zeebe:output source="a" target="b" /></zeebe:ioMapping>'),
      'zeebe:output source must be a FEEL expression',
    ],
    [
      'invalid mapping target',
      service('x', '<zeebe:ioMapping><zeebe:input source="=a" target="a b" /></zeebe:ioMapping>'),
      "zeebe:input target 'a b' is not a variable name",
    ],
    [
      'non-numeric retries',
      '<bpmn:serviceTask id="x"><bpmn:extensionElements><zeebe:taskDefinition type="svc" retries="many" /></bpmn:extensionElements></bpmn:serviceTask>',
      "retries 'many' is not a whole number",
    ],
  ])('rejects %s', async (_label, body, reason) => {
    // A message with a static correlation key and an error with a FEEL code, for the rows that use them.
    const roots = `${catchMessage('id')}<bpmn:error id="feelError" errorCode="=code" />`;
    await expectProblem(bpmn(body, roots), 'x', reason);
  });

  it('rejects a message catch without a name or without a correlation key', async () => {
    const catchEvent =
      '<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>';
    await expectProblem(
      bpmn(catchEvent, '<bpmn:message id="m" />'),
      'x',
      'message name must be present',
    );
    await expectProblem(
      bpmn(catchEvent, '<bpmn:message id="m" name="msg" />'),
      'x',
      "Message 'm' must have a 'zeebe:subscription'",
    );
  });

  it('accepts an error boundary without error as catch-all, and defaults retries to 3', async () => {
    const [p] = await compileDeployment(
      bpmn(
        `${service('task')}<bpmn:boundaryEvent id="b" attachedToRef="task"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`,
      ),
    );
    expect(node(p!, 'b', 'boundaryEvent').event).toEqual({ kind: 'error', code: null });
    expect(node(p!, 'task', 'jobTask').job.retries.source).toBe('3');
  });

  it('rejects non-interrupting error events and interrupting timer cycles', async () => {
    await expectProblem(
      bpmn(
        `${service('task')}<bpmn:boundaryEvent id="x" attachedToRef="task" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`,
      ),
      'x',
      'Non-interrupting error events are not allowed',
    );
    await expectProblem(
      bpmn(
        `${service('task')}<bpmn:boundaryEvent id="x" attachedToRef="task"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
      ),
      'x',
      'Interrupting timer event with time cycle is not allowed',
    );
  });

  it('rejects exclusive gateway flows without condition that are not the default', async () => {
    const body = `<bpmn:exclusiveGateway id="g" default="f2" />${service('a')}${service('b')}${service('c')}
      ${flow('f0', 'start', 'g')}${flow('f1', 'g', 'a', '=x')}${flow('f2', 'g', 'b')}${flow('f3', 'g', 'c')}`;
    await expectProblem(bpmn(body), 'f3', 'Must have a condition or be default flow');
  });

  it('rejects static conditions and conditions after non-gateways', async () => {
    await expectProblem(
      bpmn(
        `<bpmn:exclusiveGateway id="g" />${service('a')}${flow('f0', 'start', 'g')}${flow('f1', 'g', 'a', 'true')}`,
      ),
      'f1',
      'conditionExpression must be a FEEL expression',
    );
    await expectProblem(
      bpmn(`${service('a')}${flow('f1', 'start', 'a', '=x')}`),
      'start',
      'Conditional sequence flows are only supported',
    );
  });

  it('rejects event-based gateways that lead to anything but catch events', async () => {
    const body = `<bpmn:eventBasedGateway id="g" />${service('a')}${service('b')}${flow('f0', 'start', 'g')}${flow('f1', 'g', 'a')}${flow('f2', 'g', 'b')}`;
    await expectProblem(
      bpmn(body),
      'g',
      'Event-based gateway must not have an outgoing sequence flow',
    );
  });

  it('checks start events per scope', async () => {
    await expectProblem(
      bpmn('<bpmn:startEvent id="second" />'),
      'p',
      'Multiple none start events are not allowed',
    );
    await expectProblem(
      bpmn('<bpmn:subProcess id="s"><bpmn:task id="t" /></bpmn:subProcess>'),
      's',
      'Must have exactly one start event',
    );
    await expectProblem(
      bpmn(
        '<bpmn:subProcess id="s"><bpmn:startEvent id="x"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent></bpmn:subProcess>',
        catchMessage(),
      ),
      'x',
      'Start events of an embedded subprocess must be one of: none',
    );
    await expectProblem(
      bpmn(
        '<bpmn:subProcess id="s" triggeredByEvent="true"><bpmn:startEvent id="x" /></bpmn:subProcess>',
      ),
      'x',
      'Start events of an event subprocess must be one of: message, timer, error, signal',
    );
  });

  it('rejects two boundary events of one activity waiting for the same message', async () => {
    const boundary = (id: string): string =>
      `<bpmn:boundaryEvent id="${id}" attachedToRef="task"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>`;
    await expectProblem(
      bpmn(`${service('task')}${boundary('b1')}${boundary('b2')}`, catchMessage()),
      'task',
      "Multiple message event definitions with the same name 'msg' are not allowed",
    );
  });

  it('rejects sequence flows that cross a subprocess boundary', async () => {
    const body = `<bpmn:subProcess id="s"><bpmn:startEvent id="inner" /></bpmn:subProcess>${flow('f', 'start', 'inner')}`;
    await expectProblem(bpmn(body), 'f', 'Must connect elements of its own scope');
  });

  it('orders outgoing flows as the element lists them (Zeebe evaluates conditions in this order)', async () => {
    const body = `<bpmn:exclusiveGateway id="g" default="f1"><bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>f1</bpmn:outgoing></bpmn:exclusiveGateway>
      ${service('a')}${service('b')}${flow('f0', 'start', 'g')}${flow('f1', 'g', 'a')}${flow('f2', 'g', 'b', '=x')}`;
    const [p] = await compileDeployment(bpmn(body));
    expect(node(p!, 'g', 'exclusiveGateway').outgoing).toEqual(['f2', 'f1']);
  });

  it('evaluates FEEL start event message names at deploy', async () => {
    const start =
      '<bpmn:startEvent id="ms"><bpmn:messageEventDefinition messageRef="m2" /></bpmn:startEvent>';
    const [p] = await compileDeployment(
      bpmn(start, '<bpmn:message id="m2" name="=&#34;order-&#34; + &#34;placed&#34;" />'),
    );
    const event = node(p!, 'ms', 'startEvent').event;
    expect(event.kind === 'message' && event.message.name.evaluate({})).toBe('order-placed');
  });
});
