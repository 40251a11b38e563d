// Checks form data in the browser exactly as the server does: JSON Schema
// 2020-12 with the server's formats (citizen ID, phone, tax code,
// administrative units) and the server's own vi/en messages.
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { ErrorDetail } from '../../../server/errors';
import { addFormFormats } from '../../../server/plugins/app/forms/form-formats';
import { translateErrors } from '../../../server/plugins/app/forms/form-messages';
import type { FormDefinition } from './form-definition';

// Not strict: the modeler previews forms still being written.
const options = { allErrors: true, verbose: true, strict: false } as const;

/** The validator RJSF uses to resolve conditions (if/then) while rendering. */
export const rjsfValidator = customizeValidator({
  AjvClass: Ajv2020 as never,
  ajvOptionsOverrides: options,
  ajvFormatOptions: false,
  extenderFn: (ajv) => addFormFormats(ajv as unknown as Ajv2020) as never,
});

const ajv = addFormFormats(new Ajv2020(options));
const compiled = new WeakMap<object, ValidateFunction | null>();

function compile(form: FormDefinition): ValidateFunction | null {
  if (!compiled.has(form.schema)) {
    try {
      compiled.set(form.schema, ajv.compile(form.schema));
    } catch {
      // A schema that does not compile is the server's to report.
      compiled.set(form.schema, null);
    }
  }
  return compiled.get(form.schema) ?? null;
}

/** What is wrong with the data, as the server would say it; empty when valid. */
export function checkFormData(form: FormDefinition, data: unknown): ErrorDetail[] {
  const validate = compile(form);
  if (!validate || validate(data)) return [];
  return translateErrors(form, validate.errors ?? []);
}
