/**
 * SchemaForm: one form of forms/ (a citizen's filing template or an
 * officer's decision form) generated from its JSON Schema 2020-12 and UI
 * hints with RJSF. Used by the filing wizard, the officers' task and dossier
 * pages and the modeler's form preview.
 *
 * Props
 * - form: the form definition (GET /api/v1/forms/:id?version=).
 * - formData: the data shown; the form is controlled.
 * - onChange(data)?: every edit, without the fields `visibleWhen` hides and
 *   without optional groups left empty: the data to save.
 * - onSubmit(data)?: on submit, once the data passes the server's own checks
 *   (schema, Vietnamese formats); otherwise the server's vi/en messages are
 *   listed above the form and beside each field, and focus moves to the list.
 * - readonly?: shows the data to read (labels and values, no inputs), for
 *   the filing review and the officers' dossier pages.
 * - serverErrors?: messages of a 4xx keyed by JSON pointer into the form
 *   data (`fieldErrors(error)` with the request's prefix, e.g. /formData,
 *   removed); each shows beside its field until the next submit.
 * - id?: the <form> element's id (a button elsewhere may use form={id}); it
 *   also prefixes the fields' ids.
 * - children: the buttons; none by default.
 */
import Form from '@rjsf/core';
import { englishStringTranslator, TranslatableString, type ErrorSchema } from '@rjsf/utils';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { ErrorDetail } from '../../../server/errors';
import { labelChain } from '../../../server/plugins/app/forms/form-messages';
import { addMessages, local, t, useLocale, type LocalText } from '../i18n/i18n';
import { pruneFormData, segments, type FormValues } from './form-data';
import type { FormDefinition } from './form-definition';
import { FormSummary } from './form-summary';
import {
  AdminUnitWidget,
  ButtonTemplates,
  DescriptionFieldTemplate,
  FieldTemplate,
  HiddenField,
  RadioWidget,
} from './form-templates';
import { checkFormData, rjsfValidator } from './form-validator';
import { formsMessages } from './forms.messages';
import { buildUiSchema } from './ui-schema';

export type { FormDefinition } from './form-definition';
export type { FormValues } from './form-data';

addMessages(formsMessages);

export interface SchemaFormProps {
  form: FormDefinition;
  formData: FormValues;
  onChange?: (data: FormValues) => void;
  onSubmit?: (data: FormValues) => void;
  readonly?: boolean;
  serverErrors?: ReadonlyMap<string, LocalText>;
  id?: string;
  children?: ReactNode;
}

const templates = { FieldTemplate, DescriptionFieldTemplate, ButtonTemplates };
const widgets = { radio: RadioWidget, 'admin-unit': AdminUnitWidget };
const fields = { hidden: HiddenField };

const translations: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddItemButton]: 'forms.list.add',
  [TranslatableString.AddButton]: 'forms.list.add',
  [TranslatableString.RemoveButton]: 'forms.list.remove',
  [TranslatableString.MoveUpButton]: 'forms.list.up',
  [TranslatableString.MoveDownButton]: 'forms.list.down',
  [TranslatableString.CopyButton]: 'forms.list.copy',
  [TranslatableString.ArrayItemTitle]: 'forms.list.item',
  [TranslatableString.EmptyArray]: 'forms.list.empty',
  [TranslatableString.YesLabel]: 'forms.yes',
  [TranslatableString.NoLabel]: 'forms.no',
};

function translateString(key: TranslatableString, params?: string[]): string {
  const own = translations[key];
  return own ? t(own) : englishStringTranslator(key, params);
}

/** The message beside a field: its labels are already on screen, so only what is wrong. */
function besideField(form: FormDefinition, path: string, message: LocalText): string {
  const text = local(message);
  const prefix = `${local(labelChain(form, path))}: `;
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function toErrorSchema(form: FormDefinition, errors: ErrorDetail[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { path, message } of errors) {
    let node = root;
    for (const segment of segments(path)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    const list = (node.__errors as string[] | undefined) ?? [];
    list.push(besideField(form, path, message));
    node.__errors = list;
  }
  return root as ErrorSchema;
}

/** Moves focus to a field named in the error list (the first radio of a group). */
function focusField(id: string) {
  const target = document.getElementById(id);
  const control = target?.matches('input, select, textarea')
    ? target
    : target?.querySelector<HTMLElement>('input, select, textarea');
  (control ?? target)?.focus();
}

export function SchemaForm({
  form,
  formData,
  onChange,
  onSubmit,
  readonly = false,
  serverErrors,
  id = 'schema-form',
  children,
}: SchemaFormProps) {
  const locale = useLocale();
  const [attempted, setAttempted] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const uiSchema = useMemo(() => buildUiSchema(form, formData), [form, formData, locale]);
  const clientErrors = useMemo(
    () => (attempted ? checkFormData(form, formData) : []),
    [attempted, form, formData],
  );
  const extraErrors = useMemo(() => {
    const all = [...clientErrors];
    for (const [path, message] of serverErrors ?? []) all.push({ path, message });
    return toErrorSchema(form, all);
  }, [clientErrors, serverErrors, form, locale]);

  if (readonly) {
    return (
      <>
        <FormSummary form={form} formData={formData} />
        {children}
      </>
    );
  }

  function submit(data: FormValues) {
    const clean = pruneFormData(form, data);
    setAttempted(true);
    if (checkFormData(form, clean).length > 0) {
      // Let the list render, then take the reader to it.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    onSubmit?.(clean);
  }

  return (
    <>
      {clientErrors.length > 0 && (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
          <h2 className="alert-title">{t('forms.errors.title', { count: clientErrors.length })}</h2>
          <ul>
            {clientErrors.map((error) => {
              const fieldId = [id, ...segments(error.path)].join('_');
              return (
                <li key={error.path + error.message.vi}>
                  <a
                    href={`#${fieldId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(fieldId);
                    }}
                  >
                    {local(error.message)}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p className="hint">{t('forms.required')}</p>
      <Form
        id={id}
        idPrefix={id}
        className="schema-form"
        schema={form.schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={rjsfValidator}
        templates={templates}
        widgets={widgets}
        fields={fields}
        translateString={translateString}
        extraErrors={extraErrors}
        noHtml5Validate
        noValidate
        showErrorList={false}
        experimental_defaultFormStateBehavior={{
          emptyObjectFields: 'populateRequiredDefaults',
          // A declaration (const: true) is ticked by the person, never for them.
          constAsDefaults: 'never',
        }}
        onChange={(event) => onChange?.(pruneFormData(form, event.formData as FormValues))}
        onSubmit={(event) => submit(event.formData as FormValues)}
      >
        {children ?? <></>}
      </Form>
    </>
  );
}
