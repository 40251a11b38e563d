// Reading and trimming form data by JSON pointer (`/applicant/phone`), the
// addresses the server uses in its error details and the form files use in
// their UI hints.
import type { FormDefinition, JsonSchema } from './form-definition';

export type FormValues = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of segments(pointer)) {
    if (isRecord(node)) node = node[segment];
    else if (Array.isArray(node)) node = node[Number(segment)];
    else return undefined;
  }
  return node;
}

/** Whether a field's `visibleWhen` hint lets it show with this data. */
export function isVisible(form: FormDefinition, key: string, data: unknown): boolean {
  const rule = form.ui.fields[key]?.visibleWhen;
  return !rule || rule.in.includes(valueAt(data, rule.field) as string | number | boolean);
}

/** The schema of an object's property, following a local `$ref`. */
function propertySchema(root: JsonSchema, parent: JsonSchema, name: string): JsonSchema {
  const properties = isRecord(parent.properties) ? parent.properties : {};
  let child = isRecord(properties[name]) ? properties[name] : {};
  if (typeof child.$ref === 'string' && child.$ref.startsWith('#/')) {
    let target: unknown = root;
    for (const s of segments(child.$ref.slice(1))) target = isRecord(target) ? target[s] : {};
    child = { ...(isRecord(target) ? target : {}), ...child };
  }
  return child;
}

/**
 * The data as it should be saved: without the fields their `visibleWhen` hides
 * (an organisation's tax code once the applicant became a person), and without
 * optional groups left empty (an empty `{}` would fail its own `required`).
 */
export function pruneFormData(form: FormDefinition, data: FormValues): FormValues {
  const walk = (value: unknown, schema: JsonSchema, pointer: string): unknown => {
    if (!isRecord(value)) return value;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(value)) {
      const at = `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (child === undefined || !isVisible(form, at, data)) continue;
      const kept = walk(child, propertySchema(form.schema, schema, name), at);
      if (isRecord(kept) && Object.keys(kept).length === 0 && !required.includes(name)) continue;
      out[name] = kept;
    }
    return out;
  };
  return walk(data, form.schema, '') as FormValues;
}
