// Syntax of static timer values, checked at deploy as Zeebe does (FEEL timer
// values are checked when the timer is created).

// ISO 8601 duration: P1D, PT15M, P1Y2M3W4DT5H6M7.5S (at least one component).
const DURATION =
  /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

// ISO 8601 date-time, optionally with offset and zone id: 2025-01-31T09:00:00+07:00[Asia/Ho_Chi_Minh].
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?(\[[\w/+-]+\])?$/;

// Spring cron as Zeebe reads it: six fields (second minute hour day month weekday) or a macro.
const CRON_FIELD = /^[\w*?/,#-]+$/;
const CRON_MACROS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);

export function isDuration(value: string): boolean {
  return DURATION.test(value);
}

export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.replace(/\[.*\]$/, '')));
}

/** `R5/PT10M`, `R/PT1H`, `R3/2025-01-01T08:00:00Z/P1D`, or a cron expression. */
export function isCycle(value: string): boolean {
  if (value.startsWith('R')) {
    const parts = value.split('/');
    const [repetitions = '', ...rest] = parts;
    if (!/^R\d*$/.test(repetitions)) return false;
    if (rest.length === 1) return isDuration(rest[0] ?? '');
    if (rest.length === 2) return isDateTime(rest[0] ?? '') && isDuration(rest[1] ?? '');
    return false;
  }
  if (CRON_MACROS.has(value)) return true;
  const fields = value.split(/\s+/);
  return fields.length === 6 && fields.every((field) => CRON_FIELD.test(field));
}
