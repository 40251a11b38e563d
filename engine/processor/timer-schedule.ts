// When a timer is due: ISO 8601 durations, dates and repeating cycles, and
// cron expressions (six fields, seconds first, as Zeebe reads them).
import { Cron } from 'croner';
import { EngineError } from './engine-error.js';

export interface Schedule {
  dueAt: Date;
  /** Further firings after this one: 0 none, -1 unbounded. */
  repetitions: number;
  /** Time between firings, for a repeating cycle. */
  intervalMs: number | null;
  /** A cron cycle computes each firing from its expression. */
  cron: string | null;
}

const DURATION =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Adds an ISO 8601 duration to an instant (calendar months and years included). */
export function addDuration(from: Date, duration: string): Date {
  const m = DURATION.exec(duration.trim());
  if (!m || duration.trim() === 'P' || duration.trim().endsWith('T')) {
    throw new EngineError('INVALID_ARGUMENT', `'${duration}' is not an ISO 8601 duration`);
  }
  const sign = m[1] ? -1 : 1;
  const n = (i: number) => sign * Number(m[i] ?? 0);
  const result = new Date(from.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + n(2), result.getUTCMonth() + n(3));
  const ms = ((((n(4) * 7 + n(5)) * 24 + n(6)) * 60 + n(7)) * 60 + n(8)) * 1000;
  return new Date(result.getTime() + ms);
}

function parseDate(value: string): Date {
  const date = new Date(value.replace(/\[.*\]$/, ''));
  if (Number.isNaN(date.getTime())) {
    throw new EngineError('INVALID_ARGUMENT', `'${value}' is not an ISO 8601 date-time`);
  }
  return date;
}

function nextCron(expression: string, after: Date): Date {
  const next = new Cron(expression, { paused: true }).nextRun(after);
  if (!next) throw new EngineError('INVALID_ARGUMENT', `cron '${expression}' never fires`);
  return next;
}

export function schedule(kind: 'duration' | 'date' | 'cycle', value: string, now: Date): Schedule {
  const text = value.trim();
  if (kind === 'duration') {
    return { dueAt: addDuration(now, text), repetitions: 0, intervalMs: null, cron: null };
  }
  if (kind === 'date')
    return { dueAt: parseDate(text), repetitions: 0, intervalMs: null, cron: null };
  if (!text.startsWith('R')) {
    return { dueAt: nextCron(text, now), repetitions: -1, intervalMs: null, cron: text };
  }
  const [count = '', ...rest] = text.split('/');
  const repetitions = count === 'R' ? -1 : Number(count.slice(1));
  const interval = rest.at(-1) ?? '';
  const start = rest.length === 2 ? parseDate(rest[0] ?? '') : now;
  const dueAt = addDuration(start, interval);
  return {
    dueAt,
    // `R3/PT1M` fires three times in all: this one and two more.
    repetitions: repetitions === -1 ? -1 : Math.max(repetitions - 1, 0),
    intervalMs: dueAt.getTime() - start.getTime(),
    cron: null,
  };
}

/** The firing after `from`, for a cycle that has repetitions left. */
export function nextFiring(previous: Date, intervalMs: number | null, cron: string | null): Date {
  if (cron) return nextCron(cron, previous);
  return new Date(previous.getTime() + (intervalMs ?? 0));
}
