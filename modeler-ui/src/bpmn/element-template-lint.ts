// Adds the element-template rules (template valid, compatible with Camunda
// 8.6, update available), as Camunda Modeler lints templated tasks.
import { CloudElementTemplatesLinterPlugin } from 'bpmn-js-element-templates';
import type { LintConfig } from './bpmnlint-config';

const TEMPLATE_RULES_PACKAGE = 'bpmnlint-plugin-element-templates';

export function withElementTemplateRules(base: LintConfig, templates: unknown[]): LintConfig {
  const plugin = CloudElementTemplatesLinterPlugin(templates);
  return {
    config: { ...base.config, rules: { ...base.config.rules, ...plugin.config.rules } },
    resolver: {
      resolveRule: (pkg, ruleName) =>
        pkg === TEMPLATE_RULES_PACKAGE
          ? plugin.resolver.resolveRule(pkg, ruleName)
          : base.resolver.resolveRule(pkg, ruleName),
      resolveConfig: base.resolver.resolveConfig,
    },
  };
}
