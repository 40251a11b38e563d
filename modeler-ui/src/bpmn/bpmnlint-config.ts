// bpmnlint in the browser: the rules of the repository's .bpmnlintrc
// (bpmnlint:recommended and the Camunda 8.6 compatibility config, with
// camunda-compat/zeebe-user-task off) resolved from static imports, since
// bpmnlint's own resolver needs Node's require.
// The unit test compiles this file under the root tsconfig, which does not see modeler-ui/src.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../vendor-modules.d.ts" />
import recommended from 'bpmnlint/config/recommended.js';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import globalRule from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';
import compatCalledElement from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/called-element.js';
import compatConnectorProperties from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/connector-properties/index.js';
import compatDuplicateExecutionListeners from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-execution-listeners.js';
import compatDuplicateTaskHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-task-headers.js';
import compatElementType from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/element-type/index.js';
import compatErrorReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/error-reference.js';
import compatEscalationBoundaryEventAttachedToRef from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-boundary-event-attached-to-ref.js';
import compatEscalationReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-reference.js';
import compatEventBasedGatewayTarget from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/event-based-gateway-target.js';
import compatExecutableProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/executable-process.js';
import compatExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/execution-listener.js';
import compatFeel from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel.js';
import compatFeelCompatibility from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel-compatibility.js';
import compatImplementation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/implementation/index.js';
import compatIoMapping from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/io-mapping.js';
import compatLinkEvent from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/link-event.js';
import compatLoopCharacteristics from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/loop-characteristics.js';
import compatMessageReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/message-reference.js';
import compatNoBeforeAllExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-before-all-execution-listener.js';
import compatNoBusinessId from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-business-id.js';
import compatNoCancelExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-cancel-execution-listener.js';
import compatNoExecutionListenerHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-execution-listener-headers.js';
import compatNoExpression from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-expression.js';
import compatNoJobPriorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-job-priority-definition.js';
import compatNoLoop from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-loop.js';
import compatNoMultipleNoneStartEvents from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-multiple-none-start-events.js';
import compatNoTaskListeners from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-task-listeners.js';
import compatPriorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/priority-definition.js';
import compatSecrets from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/secrets.js';
import compatSequenceFlowCondition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/sequence-flow-condition.js';
import compatSignalReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/signal-reference.js';
import compatStartEventForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/start-event-form.js';
import compatSubscription from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/subscription.js';
import compatTaskSchedule from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-schedule.js';
import compatTimer from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/timer/index.js';
import compatUserTaskDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-definition.js';
import compatUserTaskForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-form.js';
import compatVariableName from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/variable-name.js';
import compatVersionTag from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/version-tag.js';
import compatWaitForCompletion from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/wait-for-completion.js';

type RuleFactory = (config?: unknown) => unknown;

export interface LintConfig {
  config: { extends?: string[]; rules: Record<string, unknown> };
  resolver: {
    resolveRule(pkg: string, ruleName: string): RuleFactory | null;
    resolveConfig(pkg: string, configName: string): object | null;
  };
}

/** The Camunda 8 version the server's engine and the element templates target. */
const CAMUNDA_CONFIG = 'camunda-cloud-8-6';

const bpmnlintRules = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global: globalRule,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};
const camundaRules = {
  'called-element': compatCalledElement,
  'connector-properties': compatConnectorProperties,
  'duplicate-execution-listeners': compatDuplicateExecutionListeners,
  'duplicate-task-headers': compatDuplicateTaskHeaders,
  'element-type': compatElementType,
  'error-reference': compatErrorReference,
  'escalation-boundary-event-attached-to-ref': compatEscalationBoundaryEventAttachedToRef,
  'escalation-reference': compatEscalationReference,
  'event-based-gateway-target': compatEventBasedGatewayTarget,
  'executable-process': compatExecutableProcess,
  'execution-listener': compatExecutionListener,
  feel: compatFeel,
  'feel-compatibility': compatFeelCompatibility,
  implementation: compatImplementation,
  'io-mapping': compatIoMapping,
  'link-event': compatLinkEvent,
  'loop-characteristics': compatLoopCharacteristics,
  'message-reference': compatMessageReference,
  'no-before-all-execution-listener': compatNoBeforeAllExecutionListener,
  'no-business-id': compatNoBusinessId,
  'no-cancel-execution-listener': compatNoCancelExecutionListener,
  'no-execution-listener-headers': compatNoExecutionListenerHeaders,
  'no-expression': compatNoExpression,
  'no-job-priority-definition': compatNoJobPriorityDefinition,
  'no-loop': compatNoLoop,
  'no-multiple-none-start-events': compatNoMultipleNoneStartEvents,
  'no-task-listeners': compatNoTaskListeners,
  'priority-definition': compatPriorityDefinition,
  secrets: compatSecrets,
  'sequence-flow-condition': compatSequenceFlowCondition,
  'signal-reference': compatSignalReference,
  'start-event-form': compatStartEventForm,
  subscription: compatSubscription,
  'task-schedule': compatTaskSchedule,
  timer: compatTimer,
  'user-task-definition': compatUserTaskDefinition,
  'user-task-form': compatUserTaskForm,
  'variable-name': compatVariableName,
  'version-tag': compatVersionTag,
  'wait-for-completion': compatWaitForCompletion,
};

const rules: Record<string, RuleFactory> = {
  ...prefixed('bpmnlint', bpmnlintRules),
  ...prefixed('bpmnlint-plugin-camunda-compat', camundaRules),
};

const configs: Record<string, object | undefined> = {
  'bpmnlint/recommended': recommended,
  [`bpmnlint-plugin-camunda-compat/${CAMUNDA_CONFIG}`]: camundaCompat.configs[CAMUNDA_CONFIG],
};

function prefixed(pkg: string, byName: Record<string, RuleFactory>): Record<string, RuleFactory> {
  return Object.fromEntries(Object.entries(byName).map(([name, rule]) => [`${pkg}/${name}`, rule]));
}

export const bpmnlintConfig: LintConfig = {
  config: {
    extends: ['bpmnlint:recommended', `plugin:camunda-compat/${CAMUNDA_CONFIG}`],
    // motcua models job-based user tasks; the embedded engine rejects zeebe:userTask.
    rules: { 'camunda-compat/zeebe-user-task': 'off' },
  },
  resolver: {
    resolveRule: (pkg, ruleName) => rules[`${pkg}/${ruleName}`] ?? null,
    resolveConfig: (pkg, configName) => configs[`${pkg}/${configName}`] ?? null,
  },
};
