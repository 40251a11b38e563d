// Types for the bpmn-io and bpmnlint packages that ship none: only what
// motcua uses of them.
type DiagramModule = import('didi').ModuleDeclaration;
type LintRuleFactory = (config?: unknown) => unknown;

declare module 'bpmnlint/rules/*' {
  const ruleFactory: LintRuleFactory;
  export default ruleFactory;
}

declare module 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/*' {
  const ruleFactory: LintRuleFactory;
  export default ruleFactory;
}

declare module 'bpmnlint/config/recommended.js' {
  const config: { rules: Record<string, string> };
  export default config;
}

declare module 'bpmnlint-plugin-camunda-compat' {
  const plugin: { configs: Record<string, { rules: Record<string, unknown> } | undefined> };
  export default plugin;
}

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: DiagramModule;
  export const BpmnPropertiesProviderModule: DiagramModule;
  export const ZeebePropertiesProviderModule: DiagramModule;
  export const ZeebeTooltipProvider: Record<string, unknown>;
}

declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: DiagramModule;
  export function CloudElementTemplatesLinterPlugin(templates: unknown[]): {
    config: { rules: Record<string, unknown> };
    resolver: { resolveRule(pkg: string, ruleName: string): LintRuleFactory };
  };
}

declare module '@bpmn-io/element-template-chooser' {
  const module: DiagramModule;
  export default module;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: DiagramModule;
  export default module;
}

declare module 'bpmn-js-bpmnlint' {
  const module: DiagramModule;
  export default module;
}

declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: object; resolver: object });
    lint(definitions: unknown): Promise<Record<string, { id: string; message: string }[]>>;
  }
}
