// The words of form validation errors, shared by the server (the form
// registry) and the browser (the portal's form renderer), so a person reads
// the same message whether the browser or the server found the mistake. Pure
// functions over a form definition and ajv's error objects: no Node modules.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { ErrorDetail, Message } from '../../../errors.js';
import { formatDescriptions } from './form-formats.js';
import type { AdminUnitLevel, FormDefinition, JsonSchema, UiField } from './form-registry.js';

// ---------------------------------------------------------------------------
// JSON pointers

export function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `/wells/2/depth` → `/wells/*\/depth`: the key of its UI entry. */
export function uiKey(pointer: string): string {
  return pointer
    .split('/')
    .map((s) => (/^\d+$/.test(s) ? '*' : s))
    .join('/');
}

// ---------------------------------------------------------------------------
// Messages

const adminUnitDigits: Record<AdminUnitLevel, number> = { province: 2, district: 3, commune: 5 };

const typeNames: Record<string, Message> = {
  string: { vi: 'văn bản', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'giá trị có/không', en: 'yes or no (true/false)' },
  object: { vi: 'một nhóm thông tin', en: 'a group of fields (object)' },
  array: { vi: 'một danh sách', en: 'a list' },
  null: { vi: 'rỗng', en: 'null' },
};

const levelNames: Record<AdminUnitLevel, Message> = {
  province: { vi: 'tỉnh/thành phố', en: 'province' },
  district: { vi: 'quận/huyện', en: 'district' },
  commune: { vi: 'xã/phường/thị trấn', en: 'commune' },
};

function both(vi: string, en: string): Message {
  return { vi, en };
}

function numberText(value: unknown, unit?: Message): Message {
  const n = Number(value);
  const suffix = (m?: string): string => (m ? ` ${m}` : '');
  return {
    vi: n.toLocaleString('vi-VN') + suffix(unit?.vi),
    en: n.toLocaleString('en-US') + suffix(unit?.en),
  };
}

export function labelChain(form: FormDefinition, pointer: string): Message {
  if (pointer === '') return form.title;
  const vi: string[] = [];
  const en: string[] = [];
  let key = '';
  for (const raw of pointer.split('/').slice(1)) {
    const isIndex = /^\d+$/.test(raw);
    key += `/${isIndex ? '*' : raw}`;
    const field = form.ui.fields[key];
    if (isIndex) {
      const n = Number(raw) + 1;
      vi.push(field ? `${field.label.vi} ${n}` : `mục ${n}`);
      en.push(field ? `${field.label.en} ${n}` : `item ${n}`);
    } else if (field) {
      vi.push(field.label.vi);
      en.push(field.label.en);
    } else {
      const name = unescapeSegment(raw);
      vi.push(`trường «${name}»`);
      en.push(`field “${name}”`);
    }
  }
  return { vi: vi.join(' › '), en: en.join(' › ') };
}

function leafLabel(form: FormDefinition, pointer: string): Message {
  const field = form.ui.fields[uiKey(pointer)];
  if (field) return field.label;
  const name = unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
  return { vi: `«${name}»`, en: `“${name}”` };
}

function valueLabel(field: UiField | undefined, value: unknown): Message {
  const label = field?.options?.[String(value)];
  if (label) return label;
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return { vi: text, en: text };
}

function listOf(labels: Message[]): Message {
  return { vi: labels.map((l) => l.vi).join('; '), en: labels.map((l) => l.en).join('; ') };
}

/** The pointer an error is about: for a missing or extra property, that property. */
export function errorPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const extra =
    error.keyword === 'required' || error.keyword === 'dependentRequired'
      ? params.missingProperty
      : error.keyword === 'additionalProperties'
        ? params.additionalProperty
        : error.keyword === 'unevaluatedProperties'
          ? params.unevaluatedProperty
          : error.keyword === 'propertyNames'
            ? params.propertyName
            : undefined;
  return extra === undefined
    ? error.instancePath
    : `${error.instancePath}/${escapeSegment(String(extra))}`;
}

/** The UI entry of a pointer; an item of a checkboxes list answers with its list. */
function fieldAt(form: FormDefinition, pointer: string): UiField | undefined {
  const key = uiKey(pointer);
  const field = form.ui.fields[key];
  if (field || !key.endsWith('/*')) return field;
  const list = form.ui.fields[key.slice(0, -2)];
  return list?.widget === 'checkboxes' ? list : undefined;
}

function reason(form: FormDefinition, error: ErrorObject, pointer: string): Message {
  const params = error.params as Record<string, unknown>;
  const field = fieldAt(form, pointer);
  const limit = params.limit;
  switch (error.keyword) {
    case 'required':
      return both('bắt buộc phải nhập', 'is required');
    case 'dependentRequired': {
      const other = leafLabel(
        form,
        `${error.instancePath}/${escapeSegment(String(params.property))}`,
      );
      return both(
        `bắt buộc phải nhập khi đã có ${other.vi}`,
        `is required when ${other.en} is given`,
      );
    }
    case 'type': {
      const names = String(params.type)
        .split(',')
        .map((t) => typeNames[t] ?? both(t, t));
      return both(
        `phải là ${names.map((n) => n.vi).join(' hoặc ')}`,
        `must be ${names.map((n) => n.en).join(' or ')}`,
      );
    }
    case 'format': {
      const format = String(params.format);
      if (field?.widget === 'admin-unit' && field.level) {
        const level = levelNames[field.level];
        return both(
          `không có trong danh mục mã ${level.vi}`,
          `is not a ${level.en} code of the national list`,
        );
      }
      const words =
        formatDescriptions[format as keyof typeof formatDescriptions] ?? both(format, format);
      return both(`không đúng định dạng ${words.vi}`, `not a valid ${words.en}`);
    }
    case 'minLength':
      return limit === 1
        ? both('không được để trống', 'must not be empty')
        : both(
            `phải có ít nhất ${String(limit)} ký tự`,
            `must be at least ${String(limit)} characters long`,
          );
    case 'maxLength':
      return both(
        `không được dài quá ${String(limit)} ký tự`,
        `must be at most ${String(limit)} characters long`,
      );
    case 'minimum': {
      const n = numberText(limit, field?.unit);
      return both(`phải lớn hơn hoặc bằng ${n.vi}`, `must be at least ${n.en}`);
    }
    case 'exclusiveMinimum': {
      const n = numberText(limit, field?.unit);
      return both(`phải lớn hơn ${n.vi}`, `must be greater than ${n.en}`);
    }
    case 'maximum': {
      const n = numberText(limit, field?.unit);
      return both(`không được lớn hơn ${n.vi}`, `must be at most ${n.en}`);
    }
    case 'exclusiveMaximum': {
      const n = numberText(limit, field?.unit);
      return both(`phải nhỏ hơn ${n.vi}`, `must be less than ${n.en}`);
    }
    case 'multipleOf': {
      const n = numberText(params.multipleOf);
      return both(`phải là bội số của ${n.vi}`, `must be a multiple of ${n.en}`);
    }
    case 'pattern':
      if (field?.widget === 'admin-unit' && field.level) {
        const level = levelNames[field.level];
        const digits = adminUnitDigits[field.level];
        return both(
          `phải là mã ${level.vi} gồm ${digits} chữ số`,
          `must be a ${digits}-digit ${level.en} code`,
        );
      }
      return both('không đúng mẫu quy định', 'does not match the required pattern');
    case 'enum': {
      const values = listOf((params.allowedValues as unknown[]).map((v) => valueLabel(field, v)));
      return both(`phải là một trong: ${values.vi}`, `must be one of: ${values.en}`);
    }
    case 'const': {
      if (params.allowedValue === true && (field?.widget === 'checkbox' || !field?.options)) {
        return both('phải được đánh dấu xác nhận', 'must be ticked to confirm');
      }
      const value = valueLabel(field, params.allowedValue);
      return both(`phải là ${value.vi}`, `must be ${value.en}`);
    }
    case 'minItems':
      return limit === 1
        ? both('phải có ít nhất một mục', 'must have at least one item')
        : both(`phải có ít nhất ${String(limit)} mục`, `must have at least ${String(limit)} items`);
    case 'maxItems':
      return limit === 0
        ? both('phải để trống trong trường hợp này', 'must be empty in this case')
        : both(`không được quá ${String(limit)} mục`, `must have at most ${String(limit)} items`);
    case 'uniqueItems': {
      const [i, j] = [Number(params.i) + 1, Number(params.j) + 1];
      const [a, b] = [Math.min(i, j), Math.max(i, j)];
      return both(`có mục trùng nhau (mục ${a} và ${b})`, `has duplicate items (${a} and ${b})`);
    }
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return both('không thuộc biểu mẫu này', 'is not a field of this form');
    case 'propertyNames':
      return both('tên trường không hợp lệ', 'is not a valid field name');
    case 'minProperties':
      return both(
        `phải có ít nhất ${String(limit)} mục thông tin`,
        `must have at least ${String(limit)} entries`,
      );
    case 'maxProperties':
      return both(
        `không được quá ${String(limit)} mục thông tin`,
        `must have at most ${String(limit)} entries`,
      );
    case 'contains':
      return both('phải có ít nhất một mục hợp lệ', 'must contain at least one valid item');
    case 'oneOf':
    case 'anyOf': {
      const branches = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
      if (branches.length > 0 && branches.every((b) => isObject(b) && 'const' in b)) {
        const values = listOf(branches.map((b) => valueLabel(field, (b as JsonSchema).const)));
        return both(`phải là một trong: ${values.vi}`, `must be one of: ${values.en}`);
      }
      const requiredOnly = branches.every(
        (b) =>
          isObject(b) && Object.keys(b).every((k) => k === 'required') && Array.isArray(b.required),
      );
      if (error.keyword === 'anyOf' && branches.length > 0 && requiredOnly) {
        const names = listOf(
          branches.flatMap((b) =>
            ((b as JsonSchema).required as string[]).map((name) =>
              leafLabel(form, `${pointer}/${escapeSegment(name)}`),
            ),
          ),
        );
        return both(`cần nhập ít nhất một trong: ${names.vi}`, `give at least one of: ${names.en}`);
      }
      return error.keyword === 'oneOf'
        ? both(
            'phải khớp đúng một trong các phương án cho phép',
            'must match exactly one of the allowed alternatives',
          )
        : both(
            'phải khớp ít nhất một phương án cho phép',
            'must match at least one of the allowed alternatives',
          );
    }
    case 'not':
      return both('có giá trị không được phép', 'has a value that is not allowed');
    case 'false schema':
      return both('không được nhập trong trường hợp này', 'must not be given in this case');
    default:
      return both(`không hợp lệ (${error.keyword})`, `is not valid (${error.keyword})`);
  }
}

function orderOf(orderIndex: ReadonlyMap<string, number>, pointer: string): number {
  if (pointer === '') return -1;
  let key = uiKey(pointer);
  // An unknown property sorts with its nearest known group, or last.
  while (key !== '') {
    const index = orderIndex.get(key);
    if (index !== undefined) return index;
    key = key.slice(0, key.lastIndexOf('/'));
  }
  return Number.MAX_SAFE_INTEGER;
}

/** The order of each `ui.fields` key, for sorting errors as the form shows its fields. */
export function orderIndexOf(form: FormDefinition): Map<string, number> {
  return new Map(form.ui.order.map((p, i) => [p, i]));
}

/**
 * ajv errors as the person filling in the form reads them: a JSON pointer and
 * `<labels from the group down to the field>: <what is wrong>` in vi and en,
 * in the order of `ui.order`.
 */
export function translateErrors(
  form: FormDefinition,
  errors: ErrorObject[],
  orderIndex: ReadonlyMap<string, number> = orderIndexOf(form),
): ErrorDetail[] {
  // An anyOf/oneOf answers for its branches; an `if` only says "see then".
  const composite = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => `${e.schemaPath}/`);
  // A pattern error already says what a value should look like: drop the
  // format error at the same place.
  // A value of the wrong type only needs that said.
  const at = (keyword: string): Set<string> =>
    new Set(errors.filter((e) => e.keyword === keyword).map((e) => e.instancePath));
  const patterned = at('pattern');
  const mistyped = at('type');
  const kept = errors.filter(
    (e) =>
      e.keyword !== 'if' &&
      !(e.keyword === 'format' && patterned.has(e.instancePath)) &&
      !(e.keyword !== 'type' && mistyped.has(e.instancePath)) &&
      !composite.some((prefix) => e.schemaPath.startsWith(prefix)),
  );
  const seen = new Set<string>();
  const out: { error: ErrorDetail; order: number; seq: number }[] = [];
  kept.forEach((error, seq) => {
    const path = errorPointer(error);
    const label = labelChain(form, path);
    const why = reason(form, error, path);
    const message = { vi: `${label.vi}: ${why.vi}`, en: `${label.en}: ${why.en}` };
    const key = `${path}\u0000${message.vi}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ error: { path, message }, order: orderOf(orderIndex, path), seq });
  });
  out.sort((a, b) => a.order - b.order || a.seq - b.seq);
  return out.map((o) => o.error);
}

// A request body is not a form: its fields have no labels to read.
const NO_LABELS = { ui: { order: [], fields: {} } } as unknown as FormDefinition;

/** What is wrong, in vi and en, for an error of a route's own request schema. */
export function requestErrorReason(error: ErrorObject, pointer: string): Message {
  return reason(NO_LABELS, error, pointer);
}
