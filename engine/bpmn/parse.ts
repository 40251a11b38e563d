// BPMN XML → bpmn-moddle tree (with the zeebe extension descriptor). Moddle is
// lenient: it skips what it cannot read and reports it as a warning. A
// deployment must not run a model that silently lost elements, so every
// warning, and malformed XML, becomes a DeploymentError.
import { BpmnModdle, type ParseWarning } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { DeploymentError, type DeploymentProblem } from './deployment-error.js';
import { isModdleElement, ownerId, type ModdleElement } from './moddle-element.js';

export { DeploymentError } from './deployment-error.js';

/** Parses BPMN XML into its `bpmn:Definitions` element. */
export async function parseBpmn(xml: string): Promise<ModdleElement> {
  const result = await new BpmnModdle({ zeebe: zeebeDescriptor })
    .fromXML(xml)
    .catch((error: unknown) => {
      throw DeploymentError.of([
        toProblem(xml, error instanceof Error ? error.message : String(error)),
      ]);
    });
  if (result.warnings.length > 0) {
    throw DeploymentError.of(result.warnings.map((warning) => warningProblem(xml, warning)));
  }
  const definitions = result.rootElement;
  if (!isModdleElement(definitions) || definitions.$type !== 'bpmn:Definitions') {
    throw new DeploymentError(
      null,
      'The document is not BPMN 2.0 XML (no bpmn:definitions root element)',
    );
  }
  return definitions;
}

function warningProblem(xml: string, warning: ParseWarning): DeploymentProblem {
  if (!isModdleElement(warning.element)) return toProblem(xml, warning.message);
  // e.g. a sequence flow whose targetRef names no element.
  const reason = warning.property
    ? `Unresolved reference '${String(warning.value)}' in ${warning.property}`
    : warning.message;
  return { elementId: ownerId(warning.element), reason };
}

// Moddle's messages read "unparsable content <x> detected\n\tline: L\n\tcolumn: C
// \n\tnested error: E" with 0-based L and C; E is the useful part.
const POSITIONED = /^(.*?)\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: (.*)$/s;

function toProblem(xml: string, message: string): DeploymentProblem {
  const match = POSITIONED.exec(message);
  if (!match) return { elementId: null, reason: `Invalid BPMN XML: ${message}` };
  const [, , line = '0', column = '0', nested = ''] = match;
  const offset = offsetOf(xml, Number(line), Number(column));
  return {
    elementId: elementIdAt(xml, offset),
    reason: `Invalid BPMN XML: ${nested} (line ${Number(line) + 1}, column ${Number(column) + 1})`,
  };
}

function offsetOf(xml: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = xml.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return Math.min(offset + column, xml.length);
}

// A start or end tag; attribute values may contain '>' (FEEL comparisons).
const TAG =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([\w.:-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ID_ATTRIBUTE = /\sid\s*=\s*["']([^"']*)["']/;

/** Id of the element whose tag starts at `offset`, else of the closest enclosing element with an id. */
function elementIdAt(xml: string, offset: number): string | null {
  const tagAt = new RegExp(TAG.source, 'y');
  tagAt.lastIndex = offset;
  const own = tagAt.exec(xml);
  if (own?.[2] && !own[1]) {
    const id = ID_ATTRIBUTE.exec(own[3] ?? '')?.[1];
    if (id) return id;
  }
  const open: (string | null)[] = [];
  for (const tag of xml.slice(0, offset).matchAll(TAG)) {
    if (!tag[2]) continue;
    if (tag[1]) open.pop();
    else if (!tag[4]) open.push(ID_ATTRIBUTE.exec(tag[3] ?? '')?.[1] ?? null);
  }
  return open.filter((id) => id !== null).pop() ?? null;
}
