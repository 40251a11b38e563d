// The UI hints of a form file (labels, order, widgets, options, visibleWhen)
// as an RJSF uiSchema, in the reader's language, for the data as it stands.
import type { UiSchema } from '@rjsf/utils';
import { local, t } from '../i18n/i18n';
import { isVisible, segments } from './form-data';
import type { FormDefinition, UiField } from './form-definition';

type UiNode = Record<string, unknown>;

/** `/applicant/address/street` → uiSchema.applicant.address.street; `*` is an array's items. */
function nodeAt(root: UiNode, pointer: string): UiNode {
  let node = root;
  for (const segment of segments(pointer)) {
    const key = segment === '*' ? 'items' : segment;
    node[key] ??= {};
    node = node[key] as UiNode;
  }
  return node;
}

function label(field: UiField): string {
  // A unit belongs to the label: "Chiều sâu giếng dự kiến (m)".
  return field.unit ? `${local(field.label)} (${local(field.unit)})` : local(field.label);
}

function widgetHints(field: UiField): UiNode {
  const hints: UiNode = {};
  const options: UiNode = {};
  switch (field.widget) {
    case 'textarea':
      hints['ui:widget'] = 'textarea';
      if (field.rows) options.rows = field.rows;
      break;
    case 'date':
    case 'email':
    case 'radio':
    case 'select':
    case 'checkbox':
    case 'checkboxes':
    case 'hidden':
      hints['ui:widget'] = field.widget;
      break;
    case 'datetime':
      hints['ui:widget'] = 'datetime';
      break;
    case 'tel':
      options.inputType = 'tel';
      options.autocomplete = 'tel';
      break;
    case 'admin-unit':
      hints['ui:widget'] = 'admin-unit';
      options.level = field.level;
      break;
    default:
      break;
  }
  if (field.options) {
    options.enumNames = Object.fromEntries(
      Object.entries(field.options).map(([value, text]) => [value, local(text)]),
    );
  }
  if (field.widget === 'select') hints['ui:placeholder'] = t('forms.choose');
  if (Object.keys(options).length > 0) hints['ui:options'] = options;
  return hints;
}

/**
 * The uiSchema for a form and its current data: fields hidden by `visibleWhen`
 * render nothing, the others get their label, help, placeholder and widget,
 * and each group lists its members in `ui.order`.
 */
export function buildUiSchema(form: FormDefinition, data: unknown): UiSchema {
  // The root title is the page's heading, shown by the page itself.
  const root: UiNode = { 'ui:title': '' };
  for (const key of form.ui.order) {
    const field = form.ui.fields[key];
    if (!field) continue;
    if (!key.endsWith('/*')) {
      const group = nodeAt(root, key.slice(0, key.lastIndexOf('/')));
      const order = (group['ui:order'] as string[] | undefined) ?? [];
      order.push(segments(key).at(-1) as string);
      group['ui:order'] = order;
    }
    const node = nodeAt(root, key);
    if (!isVisible(form, key, data)) {
      node['ui:field'] = 'hidden';
      continue;
    }
    Object.assign(node, widgetHints(field), { 'ui:title': label(field) });
    // A group's help reads under its legend; a field's under its label.
    const grouping = field.widget === 'group' || field.widget === 'list';
    if (field.help) node[grouping ? 'ui:description' : 'ui:help'] = local(field.help);
    if (field.placeholder) node['ui:placeholder'] = local(field.placeholder);
  }
  return root as UiSchema;
}
