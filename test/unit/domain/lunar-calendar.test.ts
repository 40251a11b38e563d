import { describe, expect, it } from 'vitest';
import {
  lunarHolidays,
  lunarToSolar,
  solarToLunar,
} from '../../../server/domain/lunar-calendar.js';

const tet = (year: number): string | undefined =>
  lunarHolidays(year).find((h) => h.name.en === 'Lunar New Year (day 1)')?.date;

describe('solarToLunar / lunarToSolar', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2000, '2000-02-05'],
    [2014, '2014-01-31'],
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
  ])('Tết %i is %s', (year, date) => {
    expect(tet(year)).toBe(date);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    expect(solarToLunar({ year: y, month: m, day: d })).toEqual({
      year,
      month: 1,
      day: 1,
      leap: false,
    });
  });

  it.each([
    // Years where Vietnam (UTC+7) and China (UTC+8) start the year on different days.
    [1968, '1968-01-29'],
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
  ])('uses Vietnam time: Tết %i is %s', (year, date) => {
    expect(tet(year)).toBe(date);
  });

  it('handles leap months (tháng nhuận)', () => {
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toEqual({
      year: 2023,
      month: 3,
      day: 22,
    });
    expect(lunarToSolar({ year: 2020, month: 4, day: 1, leap: true })).toEqual({
      year: 2020,
      month: 5,
      day: 23,
    });
    expect(solarToLunar({ year: 2025, month: 7, day: 25 })).toEqual({
      year: 2025,
      month: 6,
      day: 1,
      leap: true,
    });
    // The day before is the last day of the ordinary 6th month.
    expect(solarToLunar({ year: 2025, month: 7, day: 24 })).toEqual({
      year: 2025,
      month: 6,
      day: 30,
      leap: false,
    });
  });

  it('maps a mid-autumn day and a late-December day to the right lunar year', () => {
    expect(solarToLunar({ year: 2024, month: 9, day: 17 })).toEqual({
      year: 2024,
      month: 8,
      day: 15,
      leap: false,
    });
    // 2026-01-20 is still in lunar year 2025 (Ất Tỵ), month 12.
    expect(solarToLunar({ year: 2026, month: 1, day: 20 })).toMatchObject({
      year: 2025,
      month: 12,
    });
  });

  it('refuses dates that do not exist', () => {
    expect(() => lunarToSolar({ year: 2026, month: 6, day: 1, leap: true })).toThrow(
      /không có tháng 6 nhuận/,
    );
    // Month 12 of lunar 2025 has 29 days: 30 Tết does not exist that year.
    expect(lunarToSolar({ year: 2025, month: 12, day: 29, leap: false })).toEqual({
      year: 2026,
      month: 2,
      day: 16,
    });
    expect(() => lunarToSolar({ year: 2025, month: 12, day: 30, leap: false })).toThrow(
      /chỉ có 29 ngày/,
    );
    expect(() => lunarToSolar({ year: 2025, month: 13, day: 1, leap: false })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 1899, month: 12, day: 31 })).toThrow(/1900/);
    expect(() => lunarHolidays(2200)).toThrow(/2199/);
  });

  it('round-trips every day from Tết 1900 to the end of 2199', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1900, 0, 31); ms <= Date.UTC(2199, 11, 31); ms += 86_400_000) {
      const d = new Date(ms);
      const solar = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const back = lunarToSolar(solarToLunar(solar));
      if (back.year !== solar.year || back.month !== solar.month || back.day !== solar.day) {
        mismatches.push(d.toISOString().slice(0, 10));
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('lunarHolidays', () => {
  it('gives the last day of the year, mùng 1–4 and Giỗ Tổ for 2026', () => {
    expect(lunarHolidays(2026).map((h) => [h.date, h.kind])).toEqual([
      ['2026-02-16', 'tet'],
      ['2026-02-17', 'tet'],
      ['2026-02-18', 'tet'],
      ['2026-02-19', 'tet'],
      ['2026-02-20', 'tet'],
      ['2026-04-26', 'hung_kings'],
    ]);
  });

  it('takes 30 Tết when the last month has 30 days (2024) and 29 Tết otherwise (2025)', () => {
    expect(lunarHolidays(2024)[0]?.date).toBe('2024-02-09');
    expect(solarToLunar({ year: 2024, month: 2, day: 9 })).toMatchObject({ month: 12, day: 30 });
    expect(lunarHolidays(2025)[0]?.date).toBe('2025-01-28');
    expect(solarToLunar({ year: 2025, month: 1, day: 28 })).toMatchObject({ month: 12, day: 29 });
  });

  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, date) => {
    const holiday = lunarHolidays(year).find((h) => h.kind === 'hung_kings');
    expect(holiday).toEqual({
      date,
      kind: 'hung_kings',
      name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings’ Commemoration Day' },
    });
  });
});
