// Camunda 8 FEEL built-ins that `feelin` lacks (or implements differently),
// passed to it as functions in the evaluation context, which it consults
// before its own built-ins. `feelin` already has `context put` (incl. a key
// path), `context merge` and `day of week`.
import { FeelDate, FeelDateTime, FeelFunction, dateAndTime, parseDate } from 'feelin';
import { equalityKey, toJsonValue } from './feel-value.js';

const feelFunction = (parameterNames: string[], body: (...args: unknown[]) => unknown) =>
  new FeelFunction(body, parameterNames);

/**
 * Camunda's `string join(list, delimiter?, prefix?, suffix?)`: null items are
 * skipped, a null delimiter, prefix or suffix counts as none, and any other
 * non-string makes the result null.
 */
function stringJoin(
  list: unknown,
  delimiter: unknown,
  prefix: unknown,
  suffix: unknown,
): string | null {
  const [sep, start, end] = [delimiter, prefix, suffix].map((text) => text ?? '');
  if (typeof sep !== 'string' || typeof start !== 'string' || typeof end !== 'string') return null;
  if (!Array.isArray(list)) return null;
  const items = list.filter((item) => item !== null);
  if (!items.every((item): item is string => typeof item === 'string')) return null;
  return start + items.join(sep) + end;
}

function duplicateValues(list: unknown): unknown[] | null {
  if (!Array.isArray(list)) return null;
  const counts = new Map<string, { item: unknown; count: number }>();
  for (const item of list) {
    const key = equalityKey(item);
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { item, count: 1 });
  }
  return [...counts.values()].filter(({ count }) => count > 1).map(({ item }) => item);
}

function lastDayOfMonth(value: unknown): FeelDate | null {
  if (!(value instanceof FeelDate || value instanceof FeelDateTime)) return null;
  // Day 0 of the next month is the last day of this one.
  const day = new Date(Date.UTC(value.year, value.month, 0)).getUTCDate();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return parseDate(`${pad(value.year, 4)}-${pad(value.month, 2)}-${pad(day, 2)}`);
}

function fromJson(value: unknown): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const clockIndependent: Record<string, FeelFunction> = {
  // Camunda 8.4+: false for null as well as for a missing variable or entry.
  'is defined': feelFunction(['value'], (value) => value !== null && value !== undefined),
  'get or else': feelFunction(['value', 'default'], (value, fallback) => value ?? fallback ?? null),
  'string join': feelFunction(['list', 'delimiter', 'prefix', 'suffix'], stringJoin),
  'is empty': feelFunction(['list'], (list) => (Array.isArray(list) ? list.length === 0 : null)),
  // A failed assertion fails the evaluation (Zeebe raises an incident): `feelin`
  // lets the exception through and compileExpression wraps it in ExpressionError.
  assert: feelFunction(['value', 'condition', 'cause'], (value, condition, cause) => {
    if (condition === true) return value;
    throw new Error(typeof cause === 'string' ? cause : 'The condition is not fulfilled');
  }),
  'duplicate values': feelFunction(['list'], duplicateValues),
  'last day of month': feelFunction(['date'], lastDayOfMonth),
  'from json': feelFunction(['value'], fromJson),
  'to json': feelFunction(['value'], (value) => JSON.stringify(toJsonValue(value))),
};

/** The built-ins for one evaluation; `now()` and `today()` read `now` (UTC, as Zeebe's default clock). */
export function camundaBuiltins(now: Date): Record<string, FeelFunction> {
  const iso = now.toISOString();
  return {
    ...clockIndependent,
    now: feelFunction([], () => dateAndTime(iso)),
    today: feelFunction([], () => parseDate(iso.slice(0, 10))),
  };
}
