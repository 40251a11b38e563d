// Creates the bpmn-js modeler in two containers and follows its state: are
// there changes not deployed yet, and what does the live lint find.
import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useState, type RefObject } from 'react';
import { api } from '../api';
import { bpmnlintConfig, type LintConfig } from './bpmnlint-config';
import { createModeler } from './create-modeler';
import { withElementTemplateRules } from './element-template-lint';
import { toFindings, type LintFinding, type LintReport } from './lint-findings';

export interface ModelerState {
  modeler: Modeler | null;
  dirty: boolean;
  setDirty: (dirty: boolean) => void;
  findings: LintFinding[];
  clearFindings: () => void;
}

export function useModeler(
  canvas: RefObject<HTMLElement | null>,
  propertiesPanel: RefObject<HTMLElement | null>,
  onTemplatesFailed: () => void,
): ModelerState {
  const [modeler, setModeler] = useState<Modeler | null>(null);
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<LintFinding[]>([]);

  useEffect(() => {
    if (!canvas.current || !propertiesPanel.current) return;
    const created = createModeler(canvas.current, propertiesPanel.current);
    let alive = true;
    created.on<{ trigger: string | null }>('commandStack.changed', ({ trigger }) => {
      // Importing clears the stack; only edits, undo and redo change the diagram.
      if (trigger !== 'clear') setDirty(true);
    });
    created.on('import.done', () => setDirty(false));
    created.on<{ issues: Record<string, LintReport[]> }>('linting.completed', ({ issues }) =>
      setFindings(toFindings(issues)),
    );
    api.elementTemplates().then(
      (templates) => {
        if (!alive) return;
        created
          .get<{ setTemplates(t: unknown[]): void }>('elementTemplatesLoader')
          .setTemplates(templates);
        created
          .get<{ setLinterConfig(config: LintConfig): void }>('linting')
          .setLinterConfig(withElementTemplateRules(bpmnlintConfig, templates));
      },
      () => alive && onTemplatesFailed(),
    );
    setModeler(created);
    return () => {
      alive = false;
      created.destroy();
    };
    // One modeler for the life of the workspace; the callback only reports.
  }, []);

  return { modeler, dirty, setDirty, findings, clearFindings: () => setFindings([]) };
}
