// Typed reads of bpmn-moddle elements. Moddle objects are dynamic (their
// properties depend on `$type` and on the zeebe extension descriptor), so the
// compiler reads them through these helpers instead of casting everywhere.
import { DeploymentError } from './deployment-error.js';

/** A bpmn-moddle element: `$type` plus the properties of its meta-model type. */
export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ModdleElement).$type === 'string'
  );
}

/** The element's id; every flow element must have one to be executable. */
export function idOf(element: ModdleElement): string {
  const id = element.id;
  if (typeof id !== 'string' || id === '') {
    throw new DeploymentError(ownerId(element), `A ${element.$type} has no id`);
  }
  return id;
}

/** The element's id, or the id of its closest ancestor that has one (for problems of id-less parts). */
export function ownerId(element: ModdleElement): string | null {
  for (let e: ModdleElement | undefined = element; e; e = e.$parent) {
    if (typeof e.id === 'string' && e.id !== '') return e.id;
  }
  return null;
}

/** A string attribute; absent, empty and blank all read as null. */
export function text(element: ModdleElement, property: string): string | null {
  const value = element[property];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function bool(element: ModdleElement, property: string): boolean | null {
  const value = element[property];
  return typeof value === 'boolean' ? value : null;
}

export function ref(element: ModdleElement, property: string): ModdleElement | null {
  const value = element[property];
  return isModdleElement(value) ? value : null;
}

export function many(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** Body of a `bpmn:FormalExpression` child (conditions, timer values), or null. */
export function body(element: ModdleElement, property: string): string | null {
  const expression = ref(element, property);
  return expression ? text(expression, 'body') : null;
}

/**
 * The single extension element of a type (e.g. `zeebe:TaskDefinition`) in
 * `<bpmn:extensionElements>`; more than one is rejected, as Zeebe does.
 */
export function extension(
  element: ModdleElement,
  type: string,
  elementId: string,
): ModdleElement | null {
  const container = ref(element, 'extensionElements');
  const found = container ? many(container, 'values').filter((v) => v.$type === type) : [];
  if (found.length > 1) {
    throw new DeploymentError(
      elementId,
      `Must not have more than one '${xmlName(type)}' extension element`,
    );
  }
  return found[0] ?? null;
}

/** `zeebe:TaskDefinition` → `zeebe:taskDefinition`, as written in the XML. */
export function xmlName(type: string): string {
  const [prefix, local = ''] = type.split(':');
  return `${prefix}:${local.charAt(0).toLowerCase()}${local.slice(1)}`;
}

/** `bpmn:ServiceTask` → `serviceTask`. */
export function localType(element: ModdleElement): string {
  return xmlName(element.$type).split(':')[1] ?? element.$type;
}
