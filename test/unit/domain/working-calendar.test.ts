import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar,
  defaultYearEntries,
  toVietnamDate,
  vietnamInstant,
  WorkingCalendarError,
  type CalendarDayEntry,
} from '../../../server/domain/working-calendar.js';

const HOUR = 3_600_000;
const at = vietnamInstant;
/** An instant as Vietnam local time, for readable assertions. */
const local = (d: Date): string => new Date(d.getTime() + 7 * HOUR).toISOString().slice(0, 16);

/** The holidays and make-up days decided for civil servants in 2025 (an admin-entered year). */
const TABLE_2025: CalendarDayEntry[] = [
  { date: '2025-01-01', kind: 'holiday' },
  ...['27', '28', '29', '30', '31'].map((d) => ({
    date: `2025-01-${d}`,
    kind: 'holiday' as const,
  })),
  { date: '2025-02-08', kind: 'make_up_working_day' },
  { date: '2025-04-07', kind: 'holiday' },
  { date: '2025-04-26', kind: 'make_up_working_day' },
  { date: '2025-04-30', kind: 'holiday' },
  { date: '2025-05-01', kind: 'holiday' },
  { date: '2025-05-02', kind: 'holiday' },
  { date: '2025-09-01', kind: 'holiday' },
  { date: '2025-09-02', kind: 'holiday' },
];

describe('defaultYearEntries', () => {
  it('computes 2026: fixed days, 2/9 + 3/9, Tết, Giỗ Tổ and the day in lieu of a Sunday', () => {
    expect(defaultYearEntries(2026).map((e) => e.date)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26', // Sunday
      '2026-04-27', // in lieu of Giỗ Tổ
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
      '2026-09-03',
    ]);
    expect(defaultYearEntries(2026).every((e) => e.kind === 'holiday')).toBe(true);
  });

  it('puts days in lieu after a Tết that spans a weekend (2024)', () => {
    const dates = defaultYearEntries(2024).map((e) => e.date);
    expect(dates.filter((d) => d.startsWith('2024-02'))).toEqual([
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
    ]);
    const lieu = defaultYearEntries(2024).find((e) => e.date === '2024-02-14');
    expect(lieu?.name?.vi).toMatch(/^Nghỉ bù Tết Nguyên Đán/);
  });

  it('can take 1/9 instead of 3/9 and skip days in lieu', () => {
    const dates = defaultYearEntries(2026, {
      nationalDayAdjacentDay: 'before',
      compensateHolidaysOnRestDays: false,
      workingWeekdays: [1, 2, 3, 4, 5],
    }).map((e) => e.date);
    expect(dates).toContain('2026-09-01');
    expect(dates).not.toContain('2026-09-03');
    expect(dates).not.toContain('2026-04-27');
  });
});

describe('isWorkingDay', () => {
  const calendar = createWorkingCalendar();

  it('knows weekends and computed holidays', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // 29 Tết
    expect(calendar.isWorkingDay('2026-02-20')).toBe(false); // mùng 4
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // in lieu of Giỗ Tổ
  });

  it('takes the date of an instant in Vietnam time, not UTC', () => {
    // 2025-12-31T18:00Z is 01:00 on 1 January in Hà Nội.
    expect(calendar.isWorkingDay(new Date('2025-12-31T18:00:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2025-12-31T16:59:59Z'))).toBe(true);
    expect(toVietnamDate(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });

  it('uses only the table for an entered year', () => {
    const c = createWorkingCalendar({ dayTable: TABLE_2025 });
    expect(c.isWorkingDay('2025-01-27')).toBe(false); // entered, not computed
    expect(c.isWorkingDay('2025-02-03')).toBe(true); // computed day in lieu does not apply
    expect(c.isWorkingDay('2025-02-08')).toBe(true); // make-up Saturday
    expect(c.isWorkingDay('2025-09-01')).toBe(false);
    expect(c.isWorkingDay('2025-09-03')).toBe(true);
    expect(c.yearEntries(2025)).toHaveLength(TABLE_2025.length);
    // 2026 is not in the table: computed.
    expect(c.isWorkingDay('2026-02-17')).toBe(false);
    expect(c.yearEntries(2026)).toEqual(defaultYearEntries(2026));
  });
});

describe('appointmentDate in working days', () => {
  const calendar = createWorkingCalendar();
  const fiveDays = { amount: 5, unit: 'working_days' } as const;

  it('skips Tết 2026: received Thu 12/02 → due Thu 26/02 at 17:00', () => {
    // Fri 13 (1), weekend, 16–20 Tết, weekend, Mon 23 (2), 24 (3), 25 (4), 26 (5).
    const due = calendar.appointmentDate(at('2026-02-12', '09:00'), fiveDays);
    expect(due.toISOString()).toBe('2026-02-26T10:00:00.000Z');
    expect(local(due)).toBe('2026-02-26T17:00');
  });

  it('crosses the year end and the 1/1 holiday', () => {
    expect(local(calendar.addWorkingDays(at('2025-12-31', '10:00'), 1))).toBe('2026-01-02T17:00');
    expect(local(calendar.addWorkingDays(at('2025-12-31', '10:00'), 3))).toBe('2026-01-06T17:00');
    // 1/1/2028 is a Saturday: the day in lieu is Monday 3/1.
    expect(local(calendar.addWorkingDays(at('2027-12-31', '10:00'), 1))).toBe('2028-01-04T17:00');
  });

  it.each(['07:00', '07:30', '11:45', '16:59', '17:00', '17:01', '23:59'])(
    'counts from the day after receipt whatever the hour (received Mon 10/03/2025 %s)',
    (time) => {
      const due = calendar.appointmentDate(at('2025-03-10', time), fiveDays);
      expect(local(due)).toBe('2025-03-17T17:00');
    },
  );

  it('counts a dossier received on a Saturday from the Monday', () => {
    expect(local(calendar.addWorkingDays(at('2025-03-15', '09:00'), 1))).toBe('2025-03-17T17:00');
    expect(local(calendar.addWorkingDays(at('2025-03-15', '09:00'), 0))).toBe('2025-03-17T17:00');
  });

  it('counts a make-up Saturday as a working day', () => {
    const c = createWorkingCalendar({ dayTable: TABLE_2025 });
    expect(local(c.addWorkingDays(at('2025-02-07', '10:00'), 1))).toBe('2025-02-08T17:00');
    expect(local(c.addWorkingDays(at('2025-02-07', '10:00'), 2))).toBe('2025-02-10T17:00');
    // Without the table, the Saturday is a day off.
    expect(local(calendar.addWorkingDays(at('2025-02-07', '10:00'), 1))).toBe('2025-02-10T17:00');
  });

  it('closes at the weekday hours of the due day when they differ', () => {
    const c = createWorkingCalendar({
      dayTable: TABLE_2025,
      officeHoursByWeekday: { 6: [{ start: '07:30', end: '11:30' }] },
    });
    expect(local(c.addWorkingDays(at('2025-02-07', '10:00'), 1))).toBe('2025-02-08T11:30');
  });
});

describe('same-day procedures (trong ngày)', () => {
  const calendar = createWorkingCalendar();
  const sameDay = { amount: 0, unit: 'working_days' } as const;

  it.each([
    ['07:00', '2025-03-10T17:00'],
    ['11:45', '2025-03-10T17:00'],
    ['14:59', '2025-03-10T17:00'],
    ['15:00', '2025-03-11T17:00'],
    ['17:00', '2025-03-11T17:00'],
    ['17:01', '2025-03-11T17:00'],
  ])('received Mon 10/03/2025 at %s → due %s', (time, expected) => {
    expect(local(calendar.appointmentDate(at('2025-03-10', time), sameDay))).toBe(expected);
  });

  it('moves a Friday-afternoon dossier to Monday and a Saturday one to Monday', () => {
    expect(local(calendar.appointmentDate(at('2025-03-14', '15:30'), sameDay))).toBe(
      '2025-03-17T17:00',
    );
    expect(local(calendar.appointmentDate(at('2025-03-15', '08:00'), sameDay))).toBe(
      '2025-03-17T17:00',
    );
  });

  it('has a configurable cut-off', () => {
    const c = createWorkingCalendar({ sameDayCutoff: '16:00' });
    expect(local(c.appointmentDate(at('2025-03-10', '15:30'), sameDay))).toBe('2025-03-10T17:00');
    expect(local(c.appointmentDate(at('2025-03-10', '16:00'), sameDay))).toBe('2025-03-11T17:00');
  });
});

describe('working hours', () => {
  const calendar = createWorkingCalendar();
  const hours = (date: string, time: string, n: number): string =>
    local(calendar.addWorkingHours(at(date, time), n));

  it('skips the lunch break', () => {
    expect(hours('2025-03-10', '10:30', 2)).toBe('2025-03-10T14:00');
    expect(hours('2025-03-10', '11:45', 1)).toBe('2025-03-10T14:00'); // received during lunch
    expect(hours('2025-03-10', '11:30', 0.5)).toBe('2025-03-10T13:30');
  });

  it('lands on the end of an interval rather than the next opening', () => {
    expect(hours('2025-03-10', '07:30', 4)).toBe('2025-03-10T11:30');
    expect(hours('2025-03-10', '07:30', 8)).toBe('2025-03-10T17:00');
  });

  it('skips nights and counts from opening when received outside office hours', () => {
    expect(hours('2025-03-10', '07:00', 1)).toBe('2025-03-10T08:30');
    expect(hours('2025-03-10', '17:00', 1)).toBe('2025-03-11T08:30');
    expect(hours('2025-03-10', '17:01', 1)).toBe('2025-03-11T08:30');
    expect(hours('2025-03-10', '16:00', 2)).toBe('2025-03-11T08:30');
  });

  it('skips weekends and holidays', () => {
    expect(hours('2025-03-14', '16:00', 2)).toBe('2025-03-17T08:30'); // Friday → Monday
    // Thu 12/02/2026 14:00 + 16 h: 3 h Thu, 8 h Fri, then Tết and weekends, 5 h on Mon 23/02.
    expect(hours('2026-02-12', '14:00', 16)).toBe('2026-02-23T14:00');
  });

  it('is the working_hours unit of appointmentDate', () => {
    const due = calendar.appointmentDate(at('2025-03-10', '16:00'), {
      amount: 4,
      unit: 'working_hours',
    });
    expect(local(due)).toBe('2025-03-11T10:30');
  });

  it('measures office time between instants, negative backwards', () => {
    const a = at('2025-03-10', '11:00');
    const b = at('2025-03-10', '14:00');
    expect(calendar.workingTimeBetween(a, b)).toBe(1.5 * HOUR);
    expect(calendar.workingTimeBetween(b, a)).toBe(-1.5 * HOUR);
    // Friday 16:00 to Monday 08:00: 1 h Friday + 0.5 h Monday.
    expect(calendar.workingTimeBetween(at('2025-03-14', '16:00'), at('2025-03-17', '08:00'))).toBe(
      1.5 * HOUR,
    );
    // The whole Tết week 2026 has no office time.
    expect(calendar.workingTimeBetween(at('2026-02-14', '00:00'), at('2026-02-23', '07:30'))).toBe(
      0,
    );
  });
});

describe('calendar days', () => {
  const calendar = createWorkingCalendar();

  it('ends at the close of office, moved past a day off to the next working day', () => {
    expect(local(calendar.addCalendarDays(at('2025-03-10', '09:00'), 3))).toBe('2025-03-13T17:00');
    // 10/03 + 5 days is Saturday 15/03 → Monday 17/03.
    const due = calendar.appointmentDate(at('2025-03-10', '09:00'), {
      amount: 5,
      unit: 'calendar_days',
    });
    expect(local(due)).toBe('2025-03-17T17:00');
    // 10/02/2026 + 7 days is mùng 1 Tết → Monday 23/02.
    expect(local(calendar.addCalendarDays(at('2026-02-10', '09:00'), 7))).toBe('2026-02-23T17:00');
  });
});

describe('paused intervals and remaining time', () => {
  const calendar = createWorkingCalendar();
  const due = at('2025-03-14', '17:00'); // Friday

  it('moves the due date by the office time paused', () => {
    // Mon 15:00 → Wed 10:00 = 2 h + 8 h + 2.5 h = 12.5 h: Mon 17/03 (8 h) then 4.5 h on Tue.
    const pauses = [{ from: at('2025-03-10', '15:00'), to: at('2025-03-12', '10:00') }];
    expect(local(calendar.shiftByPausedIntervals(due, pauses))).toBe('2025-03-18T13:30');
  });

  it('counts overlapping pauses once and ignores time off', () => {
    const pauses = [
      { from: at('2025-03-11', '09:00'), to: at('2025-03-11', '10:00') },
      { from: at('2025-03-10', '15:00'), to: at('2025-03-12', '10:00') },
      { from: at('2025-03-08', '08:00'), to: at('2025-03-09', '18:00') }, // a weekend
    ];
    expect(local(calendar.shiftByPausedIntervals(due, pauses))).toBe('2025-03-18T13:30');
    expect(calendar.shiftByPausedIntervals(due, [])).toEqual(due);
  });

  it('shifts a whole paused working day by exactly one day', () => {
    const pauses = [{ from: at('2025-03-11', '00:00'), to: at('2025-03-12', '00:00') }];
    expect(local(calendar.shiftByPausedIntervals(due, pauses))).toBe('2025-03-17T17:00');
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() =>
      calendar.shiftByPausedIntervals(due, [{ from: at('2025-03-12'), to: at('2025-03-11') }]),
    ).toThrow(WorkingCalendarError);
  });

  it('gives the remaining office time, negative when overdue', () => {
    expect(calendar.remainingWorkingTime(at('2025-03-14', '13:00'), due)).toBe(4 * HOUR);
    expect(calendar.remainingWorkingTime(at('2025-03-17', '09:30'), due)).toBe(-2 * HOUR);
    expect(calendar.remainingWorkingTime(at('2025-03-15', '10:00'), due)).toBe(0);
  });
});

describe('configuration and arguments', () => {
  it('refuses bad office hours, weekdays, tables and cut-offs with Vietnamese and English text', () => {
    const overlapping = [
      { start: '07:30', end: '12:00' },
      { start: '11:00', end: '17:00' },
    ];
    expect(() => createWorkingCalendar({ officeHours: overlapping })).toThrow(/chồng nhau/);
    expect(() => createWorkingCalendar({ officeHours: [{ start: '7:30', end: '17:00' }] })).toThrow(
      /HH:MM/,
    );
    expect(() => createWorkingCalendar({ officeHours: [] })).toThrow(WorkingCalendarError);
    expect(() => createWorkingCalendar({ workingWeekdays: [] })).toThrow(/workingWeekdays/);
    expect(() => createWorkingCalendar({ sameDayCutoff: '25:00' })).toThrow(/sameDayCutoff/);
    expect(() =>
      createWorkingCalendar({ dayTable: [{ date: '2025-02-30', kind: 'holiday' }] }),
    ).toThrow(/2025-02-30/);
    expect(() =>
      createWorkingCalendar({
        dayTable: [
          { date: '2025-02-08', kind: 'holiday' },
          { date: '2025-02-08', kind: 'make_up_working_day' },
        ],
      }),
    ).toThrow(/vừa là ngày nghỉ vừa là ngày làm bù/);
  });

  it('refuses negative or fractional day counts', () => {
    const calendar = createWorkingCalendar();
    const now = at('2025-03-10', '09:00');
    expect(() => calendar.addWorkingDays(now, -1)).toThrow(WorkingCalendarError);
    expect(() => calendar.appointmentDate(now, { amount: 1.5, unit: 'working_days' })).toThrow(
      /nguyên/,
    );
    expect(() => calendar.addWorkingHours(new Date(Number.NaN), 1)).toThrow(/instant/);
    expect(() =>
      calendar.appointmentDate(now, { amount: 0, unit: 'months' as 'working_days' }),
    ).toThrow(/months/);
    expect(local(calendar.appointmentDate(now, { amount: 1.5, unit: 'working_hours' }))).toBe(
      '2025-03-10T10:30',
    );
  });

  it('names the problem when a year is outside the computable range and not entered', () => {
    const calendar = createWorkingCalendar();
    expect(() => calendar.isWorkingDay('2200-01-02')).toThrow(/2199/);
    const entered = createWorkingCalendar({ dayTable: [{ date: '2200-01-01', kind: 'holiday' }] });
    expect(entered.isWorkingDay('2200-01-02')).toBe(true);
  });
});
