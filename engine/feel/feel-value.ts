// Conversion of FEEL values (as `feelin` returns them) to plain JSON values,
// written the way Zeebe writes FEEL results into its variables
// (FeelToMessagePackTransformer): temporals become ISO strings, contexts
// plain objects, and values without a JSON form (functions, ranges) null.
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof FeelDate) return value.toString(); // yyyy-MM-dd
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelTime) return value.toString();
  if (value instanceof FeelDuration) return formatDuration(value);
  if (isContext(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, toJsonValue(entry)]),
    );
  }
  return null;
}

/** A FEEL context, which `feelin` represents as a plain object. */
export function isContext(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

/**
 * A string equal for equal FEEL values and different otherwise (a date and
 * the string of its ISO form differ), for set operations on lists.
 */
export function equalityKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(equalityKey).join(',')}]`;
  if (isContext(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${equalityKey(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  if (value instanceof FeelDate) return `date(${value.toString()})`;
  if (value instanceof FeelDateTime) return `date and time(${value.toString()})`;
  if (value instanceof FeelTime) return `time(${value.toString()})`;
  if (value instanceof FeelDuration) return `duration(${value.toString()})`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * ISO 8601 as Java's ISO_OFFSET_DATE_TIME writes it: a named zone
 * (`...@Europe/Berlin`) is replaced by its offset, a zero offset is `Z`.
 * A local date-time keeps no offset (ISO_LOCAL_DATE_TIME).
 */
function formatDateTime(value: FeelDateTime): string {
  if (value.zone === null) return value.toString();
  const wallClock = value.toString().replace(/(Z|[+-]\d{2}:\d{2}(:\d{2})?|@.+)$/, '');
  return wallClock + formatOffset(value['time offset']);
}

function formatOffset(offset: FeelDuration): string {
  const minutes = offset.hours * 60 + offset.minutes;
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Zeebe's duration format (feel-scala ValYearMonthDuration / ValDayTimeDuration
 * `format`): `P1Y2M`, `P1DT12H`, zero as `P0Y` / `P0D`, a minus sign in front
 * of negative durations, whole seconds only.
 */
function formatDuration(value: FeelDuration): string {
  const sign = value.toString().startsWith('-') ? '-' : '';
  // `feelin` normalizes components (PT36H has days 1, hours 12); the getters
  // of the other duration kind return null at run time, hence `|| 0`.
  const part = (n: number, unit: string) => {
    const abs = Math.abs(Math.trunc(n || 0));
    return abs === 0 ? '' : `${abs}${unit}`;
  };
  if (value.yearsMonths) {
    const body = part(value.years, 'Y') + part(value.months, 'M');
    return body ? `${sign}P${body}` : 'P0Y';
  }
  const time = part(value.hours, 'H') + part(value.minutes, 'M') + part(value.seconds, 'S');
  const body = part(value.days, 'D') + (time ? `T${time}` : '');
  return body ? `${sign}P${body}` : 'P0D';
}
