// Working-time calendar for appointment dates (ngày hẹn trả kết quả): office
// hours with a lunch break, working weekdays, a yearly table of holidays and
// make-up working days, and the computed statutory holidays for years the
// table does not cover. Pure: every function takes the instants it needs; no
// clock, no I/O. Vietnam has no daylight saving time, so local time is
// computed with a fixed +07:00 offset instead of a time-zone database.
import type { Message } from '../errors.js';
import { lunarHolidays } from './lunar-calendar.js';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

/** A calendar date in Vietnam, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Office interval in local time, `HH:MM`–`HH:MM`, end exclusive. */
export interface OfficeInterval {
  start: string;
  end: string;
}

/** `holiday` = ngày nghỉ; `make_up_working_day` = ngày làm bù (worked although a rest day). */
export type CalendarDayKind = 'holiday' | 'make_up_working_day';

/** One row of the yearly table the admin edits (and the database stores). */
export interface CalendarDayEntry {
  date: IsoDate;
  kind: CalendarDayKind;
  name?: Message;
}

export interface WorkingCalendarConfig {
  /** Office hours of a working day, sorted and not overlapping. */
  officeHours: readonly OfficeInterval[];
  /** Other hours on some weekdays (e.g. Saturday mornings); falls back to `officeHours`. */
  officeHoursByWeekday: Partial<Record<IsoWeekday, readonly OfficeInterval[]>>;
  workingWeekdays: readonly IsoWeekday[];
  /**
   * Holidays and make-up working days. A year with at least one entry is taken
   * as entered in full: the computed defaults no longer apply to it.
   */
  dayTable: readonly CalendarDayEntry[];
  /** A same-day ("trong ngày") dossier received at or after this time counts from the next working day. */
  sameDayCutoff: string;
  /** The day beside 2/9 (Quốc khánh) when the year is not in the table: 1/9 or 3/9. */
  nationalDayAdjacentDay: 'before' | 'after';
  /** A computed holiday on a weekly rest day gives a day off on the next working day. */
  compensateHolidaysOnRestDays: boolean;
}

export type ProcessingTimeUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface ProcessingTime {
  amount: number;
  unit: ProcessingTimeUnit;
}

/** A period during which the processing clock stood still (e.g. waiting for a supplement). */
export interface PausedInterval {
  from: Date;
  to: Date;
}

export const DEFAULT_WORKING_CALENDAR_CONFIG: WorkingCalendarConfig = {
  officeHours: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
  officeHoursByWeekday: {},
  workingWeekdays: [1, 2, 3, 4, 5],
  dayTable: [],
  sameDayCutoff: '15:00',
  nationalDayAdjacentDay: 'after',
  compensateHolidaysOnRestDays: true,
};

/**
 * Fixed solar statutory holidays (Labour Code 2019 Art. 112(1)); the lunar
 * ones come from `lunarHolidays`. The day beside 2/9 is chosen each year by
 * the Prime Minister, hence the configurable `nationalDayAdjacentDay`.
 */
const FIXED_SOLAR_HOLIDAYS: readonly { month: number; day: number; name: Message }[] = [
  { month: 1, day: 1, name: { vi: 'Tết Dương lịch', en: 'New Year’s Day' } },
  { month: 4, day: 30, name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' } },
  { month: 5, day: 1, name: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' } },
  { month: 9, day: 2, name: { vi: 'Quốc khánh', en: 'National Day' } },
];

const NATIONAL_DAY_ADJACENT: Record<
  WorkingCalendarConfig['nationalDayAdjacentDay'],
  { month: number; day: number; name: Message }
> = {
  before: {
    month: 9,
    day: 1,
    name: { vi: 'Quốc khánh (1/9)', en: 'National Day holiday (1 Sep)' },
  },
  after: { month: 9, day: 3, name: { vi: 'Quốc khánh (3/9)', en: 'National Day holiday (3 Sep)' } },
};

/** Invalid calendar configuration or argument; `detail` carries the Vietnamese and English text. */
export class WorkingCalendarError extends RangeError {
  readonly detail: Message;
  constructor(detail: Message) {
    super(`${detail.vi} / ${detail.en}`);
    this.name = 'WorkingCalendarError';
    this.detail = detail;
  }
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MINUTE_MS;
/** Give up looking for a working day after ten years of days off: the table must be broken. */
const MAX_SCAN_DAYS = 3660;

// Internally a local date is a day number: whole days since 1970-01-01 in Vietnam.

/** Day number of the Vietnam-local date of an instant. */
function localDayOf(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** Instant (epoch ms) of a local time on a local day. */
function instantAt(day: number, minuteOfDay: number): number {
  return day * DAY_MS + minuteOfDay * MINUTE_MS - OFFSET_MS;
}

function isoWeekday(day: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

function dayToIso(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoToDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || dayToIso(ms / DAY_MS) !== date) {
    throw new WorkingCalendarError({
      vi: `Ngày "${date}" không hợp lệ, cần dạng YYYY-MM-DD.`,
      en: `Invalid date "${date}"; expected YYYY-MM-DD.`,
    });
  }
  return ms / DAY_MS;
}

function ymdToDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(value: string, field: string): number {
  const m = HH_MM.exec(value);
  if (!m) {
    throw new WorkingCalendarError({
      vi: `Giờ "${value}" ở ${field} không hợp lệ, cần dạng HH:MM.`,
      en: `Invalid time "${value}" in ${field}; expected HH:MM.`,
    });
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Intervals as [startMinute, endMinute), checked to be sorted and disjoint. */
function parseIntervals(intervals: readonly OfficeInterval[], field: string): [number, number][] {
  if (intervals.length === 0) {
    throw new WorkingCalendarError({
      vi: `${field} phải có ít nhất một khoảng giờ làm việc.`,
      en: `${field} needs at least one office interval.`,
    });
  }
  const parsed = intervals.map((i): [number, number] => [
    parseTime(i.start, field),
    parseTime(i.end, field),
  ]);
  parsed.forEach(([start, end], index) => {
    const previousEnd = index > 0 ? parsed[index - 1]![1] : -1;
    if (start >= end || start < previousEnd) {
      throw new WorkingCalendarError({
        vi: `${field}: các khoảng giờ phải theo thứ tự, bắt đầu trước kết thúc và không chồng nhau.`,
        en: `${field}: intervals must be in order, start before they end and not overlap.`,
      });
    }
  });
  return parsed;
}

/**
 * The entries that apply to a year the table does not cover: the fixed solar
 * holidays, 2/9 and its adjacent day, the lunar holidays (Tết, Giỗ Tổ), and,
 * when a holiday falls on a weekly rest day, a compensatory day off on the
 * next working day (Labour Code 2019 Art. 111(3)).
 */
export function defaultYearEntries(
  year: number,
  options: Pick<
    WorkingCalendarConfig,
    'nationalDayAdjacentDay' | 'compensateHolidaysOnRestDays' | 'workingWeekdays'
  > = DEFAULT_WORKING_CALENDAR_CONFIG,
): CalendarDayEntry[] {
  const solar = [
    ...FIXED_SOLAR_HOLIDAYS,
    NATIONAL_DAY_ADJACENT[options.nationalDayAdjacentDay],
  ].map((h) => ({ day: ymdToDay(year, h.month, h.day), name: h.name }));
  const lunar = lunarHolidays(year).map((h) => ({ day: isoToDay(h.date), name: h.name }));
  const holidays = [...solar, ...lunar].sort((a, b) => a.day - b.day);
  const taken = new Set(holidays.map((h) => h.day));
  const restDay = (day: number): boolean => !options.workingWeekdays.includes(isoWeekday(day));
  const compensations: typeof holidays = [];
  if (options.compensateHolidaysOnRestDays) {
    for (const holiday of holidays) {
      if (!restDay(holiday.day)) continue;
      let day = holiday.day + 1;
      while (restDay(day) || taken.has(day)) day++;
      taken.add(day);
      compensations.push({
        day,
        name: { vi: `Nghỉ bù ${holiday.name.vi}`, en: `Day off in lieu of ${holiday.name.en}` },
      });
    }
  }
  return [...holidays, ...compensations]
    .sort((a, b) => a.day - b.day)
    .map((h) => ({ date: dayToIso(h.day), kind: 'holiday', name: h.name }));
}

interface YearDays {
  holidays: Set<number>;
  makeUp: Set<number>;
}

export interface WorkingCalendar {
  readonly config: WorkingCalendarConfig;
  /** The holidays and make-up days in force for a year: the table's, or the computed defaults. */
  yearEntries(year: number): CalendarDayEntry[];
  /** Whether a Vietnam-local date (or the local date of an instant) is a working day. */
  isWorkingDay(date: Date | IsoDate): boolean;
  /** Close of office on the n-th working day after the local date of `instant` (n = 0: that day, or the next working day). */
  addWorkingDays(instant: Date, days: number): Date;
  /** The instant after `hours` of office time from `instant`, skipping lunch, nights and days off. */
  addWorkingHours(instant: Date, hours: number): Date;
  /** Like addWorkingHours, in milliseconds of office time. */
  addWorkingTime(instant: Date, ms: number): Date;
  /** Close of office on the local date `days` calendar days later, moved to the next working day if that is a day off. */
  addCalendarDays(instant: Date, days: number): Date;
  /** Milliseconds of office time between two instants; negative when `b` is before `a`. */
  workingTimeBetween(a: Date, b: Date): number;
  /** The due date moved later by the office time covered by the (merged) paused intervals. */
  shiftByPausedIntervals(due: Date, pauses: readonly PausedInterval[]): Date;
  /**
   * Office time left until `due`; negative when overdue. A day off after the
   * due date adds no lateness, so "is it late?" is `now > due`, not this sign.
   */
  remainingWorkingTime(now: Date, due: Date): number;
  /** The appointment date (ngày hẹn trả) for a dossier received complete at `receivedAt`. */
  appointmentDate(receivedAt: Date, processingTime: ProcessingTime): Date;
}

/** Builds a calendar; missing settings take `DEFAULT_WORKING_CALENDAR_CONFIG`. Throws WorkingCalendarError on bad settings. */
export function createWorkingCalendar(
  settings: Partial<WorkingCalendarConfig> = {},
): WorkingCalendar {
  const config: WorkingCalendarConfig = { ...DEFAULT_WORKING_CALENDAR_CONFIG, ...settings };

  const defaultIntervals = parseIntervals(config.officeHours, 'officeHours');
  const intervalsByWeekday = new Map<IsoWeekday, [number, number][]>();
  for (const [weekday, intervals] of Object.entries(config.officeHoursByWeekday)) {
    if (intervals) {
      intervalsByWeekday.set(
        Number(weekday) as IsoWeekday,
        parseIntervals(intervals, `officeHoursByWeekday.${weekday}`),
      );
    }
  }
  if (
    config.workingWeekdays.length === 0 ||
    config.workingWeekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)
  ) {
    throw new WorkingCalendarError({
      vi: 'workingWeekdays phải là danh sách thứ trong tuần từ 1 (thứ Hai) đến 7 (Chủ nhật), không rỗng.',
      en: 'workingWeekdays must be a non-empty list of ISO weekdays, 1 (Monday) to 7 (Sunday).',
    });
  }
  const sameDayCutoff = parseTime(config.sameDayCutoff, 'sameDayCutoff');

  const tableByYear = new Map<number, YearDays>();
  for (const entry of config.dayTable) {
    const day = isoToDay(entry.date);
    const year = yearOfDay(day);
    const days = tableByYear.get(year) ?? { holidays: new Set(), makeUp: new Set() };
    tableByYear.set(year, days);
    const [own, other] =
      entry.kind === 'holiday' ? [days.holidays, days.makeUp] : [days.makeUp, days.holidays];
    if (other.has(day)) {
      throw new WorkingCalendarError({
        vi: `Ngày ${entry.date} vừa là ngày nghỉ vừa là ngày làm bù.`,
        en: `${entry.date} is both a holiday and a make-up working day.`,
      });
    }
    own.add(day);
  }

  // Computed years are cached: the calendar is immutable once built.
  const computedByYear = new Map<number, YearDays>();
  function daysOfYear(year: number): YearDays {
    const entered = tableByYear.get(year);
    if (entered) return entered;
    let computed = computedByYear.get(year);
    if (!computed) {
      computed = {
        holidays: new Set(defaultYearEntries(year, config).map((e) => isoToDay(e.date))),
        makeUp: new Set(),
      };
      computedByYear.set(year, computed);
    }
    return computed;
  }

  function isWorkingDayNumber(day: number): boolean {
    const { holidays, makeUp } = daysOfYear(yearOfDay(day));
    if (makeUp.has(day)) return true;
    if (holidays.has(day)) return false;
    return config.workingWeekdays.includes(isoWeekday(day));
  }

  function intervalsOn(day: number): [number, number][] {
    if (!isWorkingDayNumber(day)) return [];
    return intervalsByWeekday.get(isoWeekday(day)) ?? defaultIntervals;
  }

  function closeOfOffice(day: number): number {
    const intervals = intervalsOn(day);
    return instantAt(day, intervals[intervals.length - 1]![1]);
  }

  /** First working day on or after `day`. */
  function workingDayFrom(day: number): number {
    for (let d = day; d < day + MAX_SCAN_DAYS; d++) if (isWorkingDayNumber(d)) return d;
    throw new WorkingCalendarError({
      vi: `Không tìm thấy ngày làm việc nào sau ${dayToIso(day)}; kiểm tra bảng ngày nghỉ.`,
      en: `No working day found after ${dayToIso(day)}; check the holiday table.`,
    });
  }

  function assertInstant(value: Date, name: string): number {
    const ms = value instanceof Date ? value.getTime() : NaN;
    if (Number.isNaN(ms)) {
      throw new WorkingCalendarError({
        vi: `${name} phải là một thời điểm hợp lệ.`,
        en: `${name} must be a valid instant.`,
      });
    }
    return ms;
  }

  function assertCount(value: number, name: string, integer: boolean): void {
    if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
      throw new WorkingCalendarError({
        vi: `${name} phải là số ${integer ? 'nguyên ' : ''}không âm (nhận được ${value}).`,
        en: `${name} must be a non-negative ${integer ? 'integer' : 'number'} (got ${value}).`,
      });
    }
  }

  function addWorkingDays(instant: Date, days: number): Date {
    assertCount(days, 'Số ngày làm việc / days', true);
    let day = localDayOf(assertInstant(instant, 'instant'));
    if (days === 0) return new Date(closeOfOffice(workingDayFrom(day)));
    for (let counted = 0; counted < days; counted++) day = workingDayFrom(day + 1);
    return new Date(closeOfOffice(day));
  }

  function addWorkingTime(instant: Date, ms: number): Date {
    assertCount(ms, 'Thời gian làm việc / working time', false);
    const start = assertInstant(instant, 'instant');
    if (ms === 0) return new Date(start);
    let remaining = ms;
    const firstDay = localDayOf(start);
    for (let day = firstDay; day < firstDay + MAX_SCAN_DAYS * 10; day++) {
      for (const [open, close] of intervalsOn(day)) {
        const intervalEnd = instantAt(day, close);
        if (intervalEnd <= start) continue;
        const from = Math.max(instantAt(day, open), start);
        // Landing exactly on the end of an interval returns that end (11:30, 17:00), not the next opening.
        if (remaining <= intervalEnd - from) return new Date(from + remaining);
        remaining -= intervalEnd - from;
      }
    }
    throw new WorkingCalendarError({
      vi: 'Thời gian cộng thêm quá lớn.',
      en: 'The working time to add is too large.',
    });
  }

  function workingTimeBetween(a: Date, b: Date): number {
    const from = assertInstant(a, 'a');
    const to = assertInstant(b, 'b');
    if (to < from) {
      const backwards = workingTimeBetween(b, a);
      return backwards === 0 ? 0 : -backwards;
    }
    let total = 0;
    for (let day = localDayOf(from); day <= localDayOf(to); day++) {
      for (const [open, close] of intervalsOn(day)) {
        const overlap = Math.min(instantAt(day, close), to) - Math.max(instantAt(day, open), from);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  function shiftByPausedIntervals(due: Date, pauses: readonly PausedInterval[]): Date {
    const intervals = pauses
      .map((p, index): [number, number] => {
        const from = assertInstant(p.from, `pauses[${index}].from`);
        const to = assertInstant(p.to, `pauses[${index}].to`);
        if (to < from) {
          throw new WorkingCalendarError({
            vi: `Khoảng tạm dừng thứ ${index + 1} kết thúc trước khi bắt đầu.`,
            en: `Pause ${index + 1} ends before it starts.`,
          });
        }
        return [from, to];
      })
      .sort((x, y) => x[0] - y[0]);
    // Overlapping pauses (two reasons at once) must not count the same time twice.
    const merged: [number, number][] = [];
    for (const [from, to] of intervals) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    const paused = merged.reduce(
      (sum, [from, to]) => sum + workingTimeBetween(new Date(from), new Date(to)),
      0,
    );
    return addWorkingTime(due, paused);
  }

  /** How each unit of a procedure's processing time counts. */
  const UNITS: Record<
    ProcessingTimeUnit,
    { integer: boolean; add: (at: Date, n: number) => Date }
  > = {
    working_days: { integer: true, add: addWorkingDays },
    working_hours: { integer: false, add: (at, n) => addWorkingTime(at, n * HOUR_MS) },
    calendar_days: { integer: true, add: addCalendarDays },
  };

  function appointmentDate(receivedAt: Date, processingTime: ProcessingTime): Date {
    const { amount, unit } = processingTime;
    const received = assertInstant(receivedAt, 'receivedAt');
    const rule = Object.hasOwn(UNITS, unit) ? UNITS[unit] : undefined;
    if (!rule) {
      throw new WorkingCalendarError({
        vi: `Đơn vị thời hạn "${String(unit)}" không được hỗ trợ; dùng working_days, working_hours hoặc calendar_days.`,
        en: `Unsupported processing time unit "${String(unit)}"; use working_days, working_hours or calendar_days.`,
      });
    }
    assertCount(amount, 'Thời hạn giải quyết / processing time', rule.integer);
    if (amount === 0) {
      // "Trong ngày": the same day, unless received on a day off or after the cut-off.
      const day = localDayOf(received);
      const minute = (received - instantAt(day, 0)) / MINUTE_MS;
      const today = isWorkingDayNumber(day) && minute < sameDayCutoff;
      return today ? new Date(closeOfOffice(day)) : addWorkingDays(receivedAt, 1);
    }
    return rule.add(receivedAt, amount);
  }

  function addCalendarDays(instant: Date, days: number): Date {
    assertCount(days, 'Số ngày / days', true);
    // Civil Code 2015 Art. 148(5): a period ending on a day off ends at the close of the next working day.
    const day = localDayOf(assertInstant(instant, 'instant')) + days;
    return new Date(closeOfOffice(workingDayFrom(day)));
  }

  return {
    config,
    yearEntries(year) {
      const entered = config.dayTable.filter((e) => Number(e.date.slice(0, 4)) === year);
      return entered.length > 0
        ? [...entered].sort((a, b) => a.date.localeCompare(b.date))
        : defaultYearEntries(year, config);
    },
    isWorkingDay(date) {
      const day =
        typeof date === 'string' ? isoToDay(date) : localDayOf(assertInstant(date, 'date'));
      return isWorkingDayNumber(day);
    },
    addWorkingDays,
    addWorkingHours(instant, hours) {
      assertCount(hours, 'Số giờ làm việc / hours', false);
      return addWorkingTime(instant, hours * HOUR_MS);
    },
    addWorkingTime,
    addCalendarDays,
    workingTimeBetween,
    shiftByPausedIntervals,
    remainingWorkingTime: (now, due) => workingTimeBetween(now, due),
    appointmentDate,
  };
}

/** The Vietnam-local date of an instant, `YYYY-MM-DD`. */
export function toVietnamDate(instant: Date): IsoDate {
  return dayToIso(localDayOf(instant.getTime()));
}

/** The instant of a Vietnam-local date and time, e.g. `vietnamInstant('2026-02-12', '09:00')`. */
export function vietnamInstant(date: IsoDate, time = '00:00'): Date {
  return new Date(instantAt(isoToDay(date), parseTime(time, 'time')));
}
