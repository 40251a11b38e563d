// The bpmn-js modeler as Camunda Modeler sets it up for Camunda 8: Zeebe
// moddle, properties panel, element templates and their chooser, live lint.
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import Modeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
  ZeebeTooltipProvider,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { bpmnlintConfig } from './bpmnlint-config';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

export function createModeler(canvas: HTMLElement, propertiesPanel: HTMLElement): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: {
      parent: propertiesPanel,
      tooltip: ZeebeTooltipProvider,
      // Name and id first in view: what an analyst changes most.
      layout: { groups: { general: { open: true } } },
    },
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      ZeebeBehaviorsModule,
      CloudElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      lintModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
  });
}
