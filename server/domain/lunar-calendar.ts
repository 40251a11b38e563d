// Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's algorithm
// (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html), which
// computes new moons and solar terms astronomically and then applies the
// Vietnamese rules. The time zone matters: Vietnam counts days at UTC+7
// (China at UTC+8), which is why e.g. Tết 1985 and Tết 2007 fall on different
// days in the two countries. Pure arithmetic; valid for 1900–2199.
import type { Message } from '../errors.js';

/** A day of the Gregorian calendar (month 1–12). */
export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

/** A day of the lunar calendar; `leap` marks the intercalary month (tháng nhuận). */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

export type LunarHolidayKind = 'tet' | 'hung_kings';

export interface LunarHoliday {
  /** `YYYY-MM-DD`, the solar date of the day off. */
  date: string;
  kind: LunarHolidayKind;
  name: Message;
}

export const LUNAR_CALENDAR_MIN_YEAR = 1900;
export const LUNAR_CALENDAR_MAX_YEAR = 2199;

/** Vietnam's civil time zone, in hours east of UTC. */
const TIME_ZONE_HOURS = 7;

/** Mean length of a synodic month, days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (the k = 0 reference of newMoon). */
const NEW_MOON_EPOCH = 2415021.076998695;

const { floor, sin, PI } = Math;

/**
 * The statutory lunar days off, as data: Tết is the last day of the old year
 * plus mùng 1–4 (5 days, Labour Code 2019 Art. 112(1)(b)); Giỗ Tổ Hùng Vương
 * is 10/3 (Art. 112(1)(c)). `offsetFromTet` places the Tết days relative to
 * mùng 1, so a 29- or 30-day last month needs no special case.
 */
const LUNAR_HOLIDAY_RULES: readonly (
  | { kind: 'tet'; offsetFromTet: number; name: Message }
  | { kind: 'hung_kings'; lunarMonth: number; lunarDay: number; name: Message }
)[] = [
  {
    kind: 'tet',
    offsetFromTet: -1,
    name: { vi: 'Tết Nguyên Đán (ngày cuối năm)', en: 'Lunar New Year (New Year’s Eve)' },
  },
  {
    kind: 'tet',
    offsetFromTet: 0,
    name: { vi: 'Tết Nguyên Đán (mùng 1)', en: 'Lunar New Year (day 1)' },
  },
  {
    kind: 'tet',
    offsetFromTet: 1,
    name: { vi: 'Tết Nguyên Đán (mùng 2)', en: 'Lunar New Year (day 2)' },
  },
  {
    kind: 'tet',
    offsetFromTet: 2,
    name: { vi: 'Tết Nguyên Đán (mùng 3)', en: 'Lunar New Year (day 3)' },
  },
  {
    kind: 'tet',
    offsetFromTet: 3,
    name: { vi: 'Tết Nguyên Đán (mùng 4)', en: 'Lunar New Year (day 4)' },
  },
  {
    kind: 'hung_kings',
    lunarMonth: 3,
    lunarDay: 10,
    name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings’ Commemoration Day' },
  },
];

const YEAR_KIND = {
  solar: { vi: 'dương lịch', en: 'solar' },
  lunar: { vi: 'âm lịch', en: 'lunar' },
} as const;

function assertYearInRange(year: number, kind: keyof typeof YEAR_KIND): void {
  if (!Number.isInteger(year) || year < LUNAR_CALENDAR_MIN_YEAR || year > LUNAR_CALENDAR_MAX_YEAR) {
    const range = `${LUNAR_CALENDAR_MIN_YEAR}–${LUNAR_CALENDAR_MAX_YEAR}`;
    throw new RangeError(
      `Năm ${YEAR_KIND[kind].vi} phải là số nguyên trong khoảng ${range} (nhận được ${year}) / ` +
        `The ${YEAR_KIND[kind].en} year must be an integer in ${range} (got ${year}).`,
    );
  }
}

/** Julian day number of a Gregorian date (Julian calendar before 1582-10-15). */
function jdFromDate(day: number, month: number, year: number): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jd =
    day +
    floor((153 * m + 2) / 5) +
    365 * y +
    floor(y / 4) -
    floor(y / 100) +
    floor(y / 400) -
    32045;
  if (jd < 2299161) return day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - 32083;
  return jd;
}

/** Gregorian date of a Julian day number. */
function jdToDate(jd: number): SolarDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = floor((4 * a + 3) / 146097);
    c = a - floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  };
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, simplified). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M);
  c1 = c1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, [0, 2π), at Julian day `jdn`. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - PI * 2 * floor(L / (PI * 2));
  return L;
}

/** Which of the 12 major solar-term sectors (0–11) the sun is in at local midnight of a day. */
function sunSector(dayNumber: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE_HOURS / 24) / PI) * 6);
}

/** Julian day number (local) on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** First day of lunar month 11 (the month containing the winter solstice) of a solar year. */
function lunarMonth11(year: number): number {
  const off = jdFromDate(31, 12, year) - 2415021;
  const k = floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // If the sun is already past 270° at that new moon, the solstice month began one moon earlier.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/**
 * In a 13-month lunar year, the leap month is the first one after month 11
 * that contains no major solar term; returns its offset from month 11.
 */
function leapMonthOffset(a11: number): number {
  const k = floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Converts a Gregorian date (Vietnam time) to the Vietnamese lunar date. */
export function solarToLunar(date: SolarDate): LunarDate {
  const { year, month, day } = date;
  assertYearInRange(year, 'solar');
  const dayNumber = jdFromDate(day, month, year);
  // The mean-motion estimate can be one moon off near a new moon (e.g. 2054),
  // so walk to the last new moon on or before the day.
  let k = floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  while (newMoonDay(k) > dayNumber) k--;
  while (newMoonDay(k + 1) <= dayNumber) k++;
  const monthStart = newMoonDay(k);
  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: lunarDay, leap };
}

/** Julian day number of the first day of a lunar month, or undefined if that leap month does not exist. */
function lunarMonthStart(year: number, month: number, leap: boolean): number | undefined {
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(year - 1), lunarMonth11(year)]
      : [lunarMonth11(year), lunarMonth11(year + 1)];
  const k = floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  return newMoonDay(k + off);
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date. Throws a RangeError
 * when the date does not exist (a leap month the year does not have, day 30
 * of a 29-day month).
 */
export function lunarToSolar(date: LunarDate): SolarDate {
  const { year, month, day, leap } = date;
  assertYearInRange(year, 'lunar');
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) {
    throw new RangeError(
      `Ngày âm lịch không hợp lệ: ${day}/${month}/${year} / Invalid lunar date: ${day}/${month}/${year}.`,
    );
  }
  const start = lunarMonthStart(year, month, leap);
  if (start === undefined) {
    throw new RangeError(
      `Năm âm lịch ${year} không có tháng ${month} nhuận / Lunar year ${year} has no leap month ${month}.`,
    );
  }
  // The month ends the day before the next new moon: 29 or 30 days.
  const k = floor((start - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  const next = newMoonDay(k + 1) > start ? newMoonDay(k + 1) : newMoonDay(k + 2);
  const length = next - start;
  if (day > length) {
    throw new RangeError(
      `Tháng ${month}${leap ? ' nhuận' : ''} năm âm lịch ${year} chỉ có ${length} ngày / ` +
        `Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has only ${length} days.`,
    );
  }
  return jdToDate(start + day - 1);
}

function isoDate(d: SolarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * The lunar statutory days off that fall in solar year `year`, sorted by date:
 * the last day of the old lunar year and mùng 1–4 of the new one (Tết always
 * falls between 21 January and 20 February, so all five days are in the same
 * solar year), and Giỗ Tổ Hùng Vương (10/3, never the leap month).
 */
export function lunarHolidays(year: number): LunarHoliday[] {
  assertYearInRange(year, 'solar');
  const startOf = (month: number): number => {
    const start = lunarMonthStart(year, month, false);
    if (start === undefined) throw new Error('unreachable: a non-leap month always exists');
    return start;
  };
  return LUNAR_HOLIDAY_RULES.map((rule) => {
    const jd =
      rule.kind === 'tet'
        ? startOf(1) + rule.offsetFromTet
        : startOf(rule.lunarMonth) + rule.lunarDay - 1;
    return { date: isoDate(jdToDate(jd)), kind: rule.kind, name: rule.name };
  }).sort((a, b) => a.date.localeCompare(b.date));
}
