// Camunda Modeler opens a diagram as a Camunda 8 one when its definitions name
// the execution platform; element templates read the version from there too.
import type Modeler from 'bpmn-js/lib/Modeler';

const MODELER_NS = 'http://camunda.org/schema/modeler/1.0';
const EXECUTION_PLATFORM_VERSION = '8.6.0';

interface Definitions {
  $attrs: Record<string, string | undefined>;
}

export function markCamundaCloud(modeler: Modeler): void {
  const attrs = (modeler.getDefinitions() as unknown as Definitions).$attrs;
  attrs['xmlns:modeler'] ??= MODELER_NS;
  attrs['modeler:executionPlatform'] ??= 'Camunda Cloud';
  attrs['modeler:executionPlatformVersion'] ??= EXECUTION_PLATFORM_VERSION;
}
