// The form registry: every filing template and officer decision form in
// `forms/`, one file per version, checked and compiled once at start-up.
// Validation answers with JSON pointers into the payload and a message in
// Vietnamese and English built from the form's own labels. The file format
// is described in forms/README.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { AppError, type ErrorDetail, type Message } from '../../../errors.js';
import { addFormFormats } from './form-formats.js';
import {
  errorPointer,
  escapeSegment,
  isObject,
  orderIndexOf,
  translateErrors,
  unescapeSegment,
} from './form-messages.js';

export type FormKind = 'filing' | 'decision';

export const WIDGETS = [
  'text',
  'textarea',
  'number',
  'date',
  'datetime',
  'email',
  'tel',
  'select',
  'radio',
  'checkbox',
  'checkboxes',
  'admin-unit',
  'group',
  'list',
  'hidden',
] as const;
export type Widget = (typeof WIDGETS)[number];

export type AdminUnitLevel = 'province' | 'district' | 'commune';

/** UI hints for one field, keyed in `ui.fields` by its JSON pointer (`*` = any array index). */
export interface UiField {
  label: Message;
  widget: Widget;
  help?: Message;
  placeholder?: Message;
  /** Unit shown after a number, e.g. m³/ngày đêm. */
  unit?: Message;
  /** Labels of the allowed values of select, radio and checkboxes, keyed by the value as text. */
  options?: Record<string, Message>;
  /** admin-unit: which level the code is, and the field holding the parent unit. */
  level?: AdminUnitLevel;
  parent?: string;
  /** textarea: visible lines. */
  rows?: number;
  /** Show the field only while another field holds one of these values. */
  visibleWhen?: { field: string; in: (string | number | boolean)[] };
}

export interface FormUi {
  /** Every key of `fields`, in display order; a group comes before its members. */
  order: string[];
  fields: Record<string, UiField>;
}

export type JsonSchema = Record<string, unknown>;

/** One version of one form, as stored in `forms/<id>.v<version>.json`. */
export interface FormDefinition {
  id: string;
  version: number;
  title: Message;
  description?: Message;
  kind: FormKind;
  schema: JsonSchema;
  ui: FormUi;
}

export interface FormSummary {
  id: string;
  /** The latest version. */
  version: number;
  title: Message;
  kind: FormKind;
  /** Every version held, ascending. */
  versions: number[];
}

/** An error in a payload: a JSON pointer into the payload and what to fix. */
export type FormError = ErrorDetail;

export type FormValidationResult = { valid: true } | { valid: false; errors: FormError[] };

export interface FormRegistry {
  /** The latest version of each form, sorted by id. */
  list(): FormSummary[];
  /** One version of a form, the latest when no version is given; undefined when unknown. */
  get(id: string, version?: number): FormDefinition | undefined;
  /** The versions held for a form, ascending; empty when unknown. */
  versions(id: string): number[];
  /**
   * Validates a payload against a form version (the latest when version is
   * undefined). Throws AppError FORM_NOT_FOUND for an unknown form or version.
   */
  validate(id: string, version: number | undefined, payload: unknown): FormValidationResult;
}

export interface FormRegistryOptions {
  /** Folder of form files; defaults to the project's `forms/`. */
  dir?: string;
}

/** The project's `forms/` folder. */
export const DEFAULT_FORMS_DIR = fileURLToPath(new URL('../../../../forms/', import.meta.url));

const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const FILE_NAME = /^([a-z][a-z0-9-]*)\.v([1-9][0-9]*)\.json$/;

/** A form reference as used in a procedure or a user task's formKey: `id` or `id.v<n>`. */
export function parseFormRef(ref: string): { id: string; version?: number } | null {
  const match = /^([a-z][a-z0-9-]*)(?:\.v([1-9][0-9]*))?$/.exec(ref);
  if (!match?.[1]) return null;
  return match[2] ? { id: match[1], version: Number(match[2]) } : { id: match[1] };
}

export interface FormFileProblem {
  file: string;
  message: string;
}

/** Thrown at start-up when a form file is not valid; names every file and problem. */
export class FormDefinitionError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: FormFileProblem[],
  ) {
    super(
      `Form files in ${dir} are not valid:\n` +
        problems.map((p) => `  - ${p.file}: ${p.message}`).join('\n'),
    );
    this.name = 'FormDefinitionError';
  }
}

// ---------------------------------------------------------------------------
// The shape of a form file

const messageShape = {
  type: 'object',
  additionalProperties: false,
  required: ['vi', 'en'],
  properties: {
    vi: { type: 'string', minLength: 1 },
    en: { type: 'string', minLength: 1 },
  },
};
const pointerShape = { type: 'string', pattern: '^(/[^/]+)+$' };

const fileShape = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'version', 'title', 'kind', 'schema', 'ui'],
  properties: {
    $comment: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 100 },
    version: { type: 'integer', minimum: 1 },
    title: messageShape,
    description: messageShape,
    kind: { enum: ['filing', 'decision'] },
    schema: {
      type: 'object',
      required: ['$schema', 'type'],
      properties: { $schema: { const: SCHEMA_DIALECT }, type: { const: 'object' } },
    },
    ui: {
      type: 'object',
      additionalProperties: false,
      required: ['order', 'fields'],
      properties: {
        order: { type: 'array', items: pointerShape, uniqueItems: true },
        fields: {
          type: 'object',
          propertyNames: pointerShape,
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['label', 'widget'],
            properties: {
              label: messageShape,
              widget: { enum: [...WIDGETS] },
              help: messageShape,
              placeholder: messageShape,
              unit: messageShape,
              options: { type: 'object', minProperties: 1, additionalProperties: messageShape },
              level: { enum: ['province', 'district', 'commune'] },
              parent: pointerShape,
              rows: { type: 'integer', minimum: 1, maximum: 50 },
              visibleWhen: {
                type: 'object',
                additionalProperties: false,
                required: ['field', 'in'],
                properties: {
                  field: pointerShape,
                  in: {
                    type: 'array',
                    minItems: 1,
                    items: { type: ['string', 'number', 'boolean'] },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

// ---------------------------------------------------------------------------
// Walking a schema by instance location

function resolveLocalRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    if (!isObject(node)) return undefined;
    node = node[unescapeSegment(decodeURIComponent(raw))];
  }
  return isObject(node) ? node : undefined;
}

/**
 * A schema and every subschema that applies to the same instance location
 * (allOf, anyOf, oneOf, then, else, dependentSchemas, local $ref; with
 * `withConditions`, also if and not).
 */
function sameLocation(
  root: JsonSchema,
  schemas: JsonSchema[],
  withConditions = false,
): JsonSchema[] {
  const out: JsonSchema[] = [];
  const seen = new Set<JsonSchema>();
  const visit = (schema: unknown): void => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    out.push(schema);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach(visit);
    }
    visit(schema.then);
    visit(schema.else);
    if (withConditions) {
      visit(schema.if);
      visit(schema.not);
    }
    if (isObject(schema.dependentSchemas)) Object.values(schema.dependentSchemas).forEach(visit);
    if (typeof schema.$ref === 'string') visit(resolveLocalRef(root, schema.$ref));
  };
  schemas.forEach(visit);
  return out;
}

/** Children of a set of schemas (one instance location), by UI key (`*` for array items). */
function children(root: JsonSchema, schemas: JsonSchema[]): Map<string, JsonSchema[]> {
  const out = new Map<string, JsonSchema[]>();
  const add = (segment: string, schema: unknown): void => {
    const child = schema === true ? {} : schema;
    if (!isObject(child)) return;
    const list = out.get(segment) ?? [];
    list.push(child);
    out.set(segment, list);
  };
  for (const schema of sameLocation(root, schemas)) {
    if (isObject(schema.properties)) {
      for (const [name, sub] of Object.entries(schema.properties)) add(escapeSegment(name), sub);
    }
    if (isObject(schema.items)) add('*', schema.items);
  }
  return out;
}

/** Every declared instance location of a schema, by UI key, with the subschemas there. */
function declaredLocations(root: JsonSchema): Map<string, JsonSchema[]> {
  const out = new Map<string, JsonSchema[]>([['', [root]]]);
  const walk = (pointer: string, schemas: JsonSchema[], depth: number): void => {
    if (depth > 16) return; // a recursive $ref: forms are not that deep
    for (const [segment, subs] of children(root, schemas)) {
      const child = `${pointer}/${segment}`;
      out.set(child, [...(out.get(child) ?? []), ...subs]);
      walk(child, subs, depth + 1);
    }
  };
  walk('', [root], 0);
  return out;
}

const widgetTypes: Record<Widget, string[] | null> = {
  text: ['string'],
  textarea: ['string'],
  number: ['number', 'integer'],
  date: ['string'],
  datetime: ['string'],
  email: ['string'],
  tel: ['string'],
  select: ['string', 'number', 'integer', 'boolean'],
  radio: ['string', 'number', 'integer', 'boolean'],
  checkbox: ['boolean'],
  checkboxes: ['array'],
  'admin-unit': ['string'],
  group: ['object'],
  list: ['array'],
  hidden: null,
};

function declaredTypes(schemas: JsonSchema[]): Set<string> {
  const types = new Set<string>();
  for (const schema of schemas) {
    if (typeof schema.type === 'string') types.add(schema.type);
    if (Array.isArray(schema.type)) schema.type.forEach((t) => types.add(String(t)));
  }
  return types;
}

/** The values a field allows when it is a closed list (enum, const, oneOf of consts, boolean). */
function allowedValues(root: JsonSchema, schemas: JsonSchema[]): unknown[] | null {
  const all = sameLocation(root, schemas);
  for (const schema of all) {
    if (Array.isArray(schema.enum)) return schema.enum;
  }
  for (const schema of all) {
    for (const key of ['oneOf', 'anyOf']) {
      const list = schema[key];
      if (
        Array.isArray(list) &&
        list.length > 0 &&
        list.every((b) => isObject(b) && 'const' in b)
      ) {
        return list.map((b) => (b as JsonSchema).const);
      }
    }
  }
  if (declaredTypes(all).has('boolean')) return [true, false];
  return null;
}

/** Checks that the schema and the UI hints agree; returns the problems found. */
function checkUi(form: FormDefinition): string[] {
  const problems: string[] = [];
  const { schema, ui } = form;
  const locations = declaredLocations(schema);
  const fieldKeys = Object.keys(ui.fields);

  for (const [pointer, schemas] of locations) {
    if (pointer === '' || pointer.endsWith('/*')) continue;
    if (schemas.length > 0 && !ui.fields[pointer]) {
      problems.push(`ui.fields has no entry (label, widget) for ${pointer}`);
    }
  }

  // `required` must name declared properties (ajv's strictRequired, which
  // misreads required inside allOf/then, is replaced by this check).
  const withConditions = new Map<string, JsonSchema[]>();
  for (const [pointer, schemas] of locations) {
    withConditions.set(pointer, sameLocation(schema, schemas, true));
  }
  for (const [pointer, schemas] of withConditions) {
    for (const sub of schemas) {
      const names = [
        ...(Array.isArray(sub.required) ? sub.required : []),
        ...(isObject(sub.dependentRequired)
          ? Object.entries(sub.dependentRequired).flatMap(([k, v]) => [k, ...(v as string[])])
          : []),
      ];
      for (const name of names) {
        const child = `${pointer}/${escapeSegment(String(name))}`;
        if (!locations.has(child)) {
          problems.push(
            `schema requires "${String(name)}" at ${pointer || '/'} but does not declare it`,
          );
        }
      }
    }
  }

  for (const key of fieldKeys) {
    if (!locations.has(key))
      problems.push(`ui.fields has ${key}, which the schema does not declare`);
  }
  const orderIndex = new Map(ui.order.map((p, i) => [p, i]));
  for (const key of fieldKeys) {
    if (!orderIndex.has(key)) problems.push(`ui.order does not list ${key}`);
  }
  for (const [pointer, index] of orderIndex) {
    if (!ui.fields[pointer]) {
      problems.push(`ui.order lists ${pointer}, which has no entry in ui.fields`);
      continue;
    }
    const parent = pointer.slice(0, pointer.lastIndexOf('/'));
    const parentIndex = orderIndex.get(parent);
    if (parentIndex !== undefined && parentIndex > index) {
      problems.push(`ui.order lists ${pointer} before its group ${parent}`);
    }
  }

  for (const [pointer, field] of Object.entries(ui.fields)) {
    const schemas = locations.get(pointer);
    if (!schemas) continue;
    const at = sameLocation(schema, schemas);
    const accepted = widgetTypes[field.widget];
    const types = declaredTypes(at);
    if (accepted && types.size > 0 && ![...types].some((t) => accepted.includes(t))) {
      problems.push(
        `${pointer}: widget "${field.widget}" does not suit type ${[...types].join('/')}`,
      );
    }
    if (field.widget === 'select' || field.widget === 'radio' || field.widget === 'checkboxes') {
      const values =
        field.widget === 'checkboxes'
          ? allowedValues(schema, children(schema, at).get('*') ?? [])
          : allowedValues(schema, at);
      if (!values) {
        problems.push(
          `${pointer}: widget "${field.widget}" needs an enum (or const list) in the schema`,
        );
      } else {
        const keys = new Set(Object.keys(field.options ?? {}));
        const wanted = new Set(values.map(String));
        const missing = [...wanted].filter((v) => !keys.has(v));
        const extra = [...keys].filter((v) => !wanted.has(v));
        if (missing.length > 0)
          problems.push(`${pointer}: ui options lack labels for ${missing.join(', ')}`);
        if (extra.length > 0)
          problems.push(
            `${pointer}: ui options name values not in the schema: ${extra.join(', ')}`,
          );
      }
    }
    if (field.widget === 'admin-unit') {
      if (!field.level) problems.push(`${pointer}: widget "admin-unit" needs a level`);
      if (field.parent && ui.fields[field.parent]?.widget !== 'admin-unit') {
        problems.push(`${pointer}: parent ${field.parent} is not an admin-unit field`);
      }
    } else if (field.level || field.parent) {
      problems.push(`${pointer}: level and parent are only for widget "admin-unit"`);
    }
    if (field.visibleWhen && !ui.fields[field.visibleWhen.field]) {
      problems.push(
        `${pointer}: visibleWhen names ${field.visibleWhen.field}, which is not a field`,
      );
    }
  }
  return problems;
}

interface CompiledForm {
  definition: FormDefinition;
  validate: ValidateFunction;
  orderIndex: Map<string, number>;
}

// ---------------------------------------------------------------------------
// Loading

function shapeProblem(error: ErrorObject): string {
  const where = errorPointer(error) || '/';
  if (error.keyword === 'required') return `${where} is required`;
  if (error.keyword === 'additionalProperties') return `${where} is not allowed`;
  const allowed =
    error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : '';
  return `${where} ${error.message ?? error.keyword}${allowed}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function newFormAjv(): Ajv2020 {
  // strictRequired is off because ajv 8 misreads `required` inside allOf/then
  // subschemas; checkUi does that check itself. Every other strict rule holds.
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allErrors: true,
    verbose: true,
  });
  return addFormFormats(ajv);
}

/** Loads and checks every `*.json` file of a folder; throws FormDefinitionError naming each bad file. */
export function createFormRegistry(options: FormRegistryOptions = {}): FormRegistry {
  const dir = options.dir ?? DEFAULT_FORMS_DIR;
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new FormDefinitionError(dir, [
      { file: dir, message: `cannot read the forms folder (${(error as Error).message})` },
    ]);
  }

  const shapeAjv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  const checkShape = shapeAjv.compile(fileShape);
  const formAjv = newFormAjv();
  const problems: FormFileProblem[] = [];
  const forms = new Map<string, Map<number, CompiledForm>>();

  for (const file of names) {
    const fail = (message: string): void => void problems.push({ file, message });
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      fail(`not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (!checkShape(raw)) {
      for (const e of checkShape.errors ?? []) fail(shapeProblem(e));
      continue;
    }
    const definition = raw as unknown as FormDefinition;
    const match = FILE_NAME.exec(file);
    if (!match) {
      fail(
        'the file name must be <id>.v<version>.json, e.g. groundwater-exploration-licence.v1.json',
      );
      continue;
    }
    if (match[1] !== definition.id || Number(match[2]) !== definition.version) {
      fail(
        `the file name says ${match[1]} v${match[2]} but the file holds ${definition.id} v${definition.version}`,
      );
      continue;
    }
    let validate: ValidateFunction;
    try {
      validate = formAjv.compile(definition.schema);
    } catch (error) {
      fail(`schema does not compile under ajv strict mode: ${(error as Error).message}`);
      continue;
    }
    const uiProblems = checkUi(definition);
    if (uiProblems.length > 0) {
      uiProblems.forEach(fail);
      continue;
    }
    const versions = forms.get(definition.id) ?? new Map<number, CompiledForm>();
    versions.set(definition.version, {
      definition: deepFreeze(definition),
      validate,
      orderIndex: orderIndexOf(definition),
    });
    forms.set(definition.id, versions);
  }
  if (problems.length > 0) throw new FormDefinitionError(dir, problems);

  const versionsOf = (id: string): number[] =>
    [...(forms.get(id)?.keys() ?? [])].sort((a, b) => a - b);

  const find = (id: string, version?: number): CompiledForm | undefined => {
    const versions = forms.get(id);
    if (!versions) return undefined;
    return versions.get(version ?? Math.max(...versions.keys()));
  };

  return {
    list() {
      return [...forms.keys()].sort().map((id) => {
        const all = versionsOf(id);
        const latest = find(id)?.definition as FormDefinition;
        return {
          id,
          version: latest.version,
          title: latest.title,
          kind: latest.kind,
          versions: all,
        };
      });
    },
    get(id, version) {
      return find(id, version)?.definition;
    },
    versions: versionsOf,
    validate(id, version, payload) {
      const compiled = find(id, version);
      if (!compiled) throw formNotFound(id, version);
      if (compiled.validate(payload)) return { valid: true };
      return {
        valid: false,
        errors: translateErrors(
          compiled.definition,
          compiled.validate.errors ?? [],
          compiled.orderIndex,
        ),
      };
    },
  };
}

/** The 404 for an unknown form or version, naming what was asked for. */
export function formNotFound(id: string, version?: number): AppError {
  return new AppError(
    'FORM_NOT_FOUND',
    [],
    version === undefined
      ? { vi: `Không có biểu mẫu "${id}".`, en: `There is no form "${id}".` }
      : {
          vi: `Không có biểu mẫu "${id}" phiên bản ${version}.`,
          en: `There is no version ${version} of form "${id}".`,
        },
  );
}
