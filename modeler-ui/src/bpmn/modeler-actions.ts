// Small things the workspace does with the modeler.
import type Modeler from 'bpmn-js/lib/Modeler';

interface Shape {
  id: string;
  businessObject: { name?: string };
}
interface ElementRegistry {
  get(id: string): Shape | undefined;
}
interface ModdleElement {
  $type: string;
  id: string;
}

/** Selects an element and scrolls it into view; false when it has no shape. */
export function selectElement(modeler: Modeler, elementId: string): boolean {
  const element = modeler.get<ElementRegistry>('elementRegistry').get(elementId);
  if (!element) return false;
  modeler.get<{ scrollToElement(element: Shape): void }>('canvas').scrollToElement(element);
  modeler.get<{ select(element: Shape): void }>('selection').select(element);
  return true;
}

export function hasElement(modeler: Modeler, elementId: string): boolean {
  return modeler.get<ElementRegistry>('elementRegistry').get(elementId) !== undefined;
}

/** The element's name as drawn, when it has a shape and a name. */
export function elementName(modeler: Modeler, elementId: string): string | null {
  const element = modeler.get<ElementRegistry>('elementRegistry').get(elementId);
  return element?.businessObject.name?.trim() || null;
}

/** The id of the (first) executable process of the diagram, as the analyst may have renamed it. */
export function processIdOf(modeler: Modeler): string | null {
  const definitions = modeler.getDefinitions() as unknown as { rootElements?: ModdleElement[] };
  return definitions.rootElements?.find((root) => root.$type === 'bpmn:Process')?.id ?? null;
}

export async function downloadXml(modeler: Modeler, fileName: string): Promise<void> {
  const { xml } = await modeler.saveXML({ format: true });
  const url = URL.createObjectURL(new Blob([xml ?? ''], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
