import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  businessToday,
  countWorkingDays,
  datesOfMonth,
  dayInfo,
  isWorkingDay,
  nextWorkingDay,
  NO_OVERRIDES,
  type CalendarOverride,
} from './working-days.ts';

// The suite runs with TZ=America/Los_Angeles: west of UTC, a date read in local time from UTC
// midnight lands on the day before, which is what these tests must not be fooled by.

/** Every date from `first` to `last`, both included. */
const span = (first: string, last: string): string[] => {
  const dates: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
};

/** FACTS §5: 2025 (国办发明电〔2024〕12号) and 2026 (notice of 2025-11-04). */
const schedules = {
  2025: {
    holidays: [
      ...span('2025-01-01', '2025-01-01'),
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ],
    adjustedWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    ordinaryWorkdays: [
      '2025-01-02', '2025-01-27', '2025-02-05', '2025-02-07', '2025-04-03', '2025-04-07', '2025-04-28',
      '2025-04-30', '2025-05-06', '2025-05-30', '2025-06-03', '2025-09-26', '2025-09-29', '2025-09-30',
      '2025-10-09', '2025-10-10', '2025-10-13',
    ],
    ordinaryWeekends: [
      '2025-01-04', '2025-01-25', '2025-02-09', '2025-04-12', '2025-04-26', '2025-05-10', '2025-05-11',
      '2025-06-07', '2025-09-27', '2025-10-12',
    ],
  },
  2026: {
    holidays: [
      ...span('2026-01-01', '2026-01-03'),
      ...span('2026-02-15', '2026-02-23'),
      ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'),
      ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ],
    adjustedWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    ordinaryWorkdays: [
      '2025-12-31', '2026-01-05', '2026-02-13', '2026-02-24', '2026-02-27', '2026-03-02', '2026-03-09',
      '2026-04-03', '2026-04-07', '2026-04-30', '2026-05-06', '2026-05-08', '2026-06-18', '2026-06-22',
      '2026-09-18', '2026-09-21', '2026-09-24', '2026-09-28', '2026-09-30', '2026-10-08', '2026-10-09',
      '2026-10-12',
    ],
    ordinaryWeekends: [
      '2026-01-10', '2026-02-07', '2026-02-08', '2026-03-01', '2026-03-07', '2026-03-08', '2026-04-11',
      '2026-05-10', '2026-06-27', '2026-09-19', '2026-10-11', '2026-10-17',
    ],
  },
};

describe.each([2025, 2026] as const)('the %i schedule', (year) => {
  const s = schedules[year];

  it.each(s.holidays)('%s is a holiday', (date) => {
    expect(isWorkingDay(date, NO_OVERRIDES)).toBe(false);
    expect(dayInfo(date, NO_OVERRIDES)).toMatchObject({ isWorkingDay: false, kind: 'holiday', override: null });
  });

  it.each(s.adjustedWorkdays)('%s is a weekend worked in exchange (调休)', (date) => {
    expect(isWorkingDay(date, NO_OVERRIDES)).toBe(true);
    expect(dayInfo(date, NO_OVERRIDES)).toMatchObject({ isWorkingDay: true, kind: 'adjusted_workday' });
  });

  it.each(s.ordinaryWorkdays)('%s is an ordinary working day', (date) => {
    expect(isWorkingDay(date, NO_OVERRIDES)).toBe(true);
    expect(dayInfo(date, NO_OVERRIDES)).toEqual({ date, isWorkingDay: true, kind: 'workday', name: null, override: null });
  });

  it.each(s.ordinaryWeekends)('%s is an ordinary weekend', (date) => {
    expect(isWorkingDay(date, NO_OVERRIDES)).toBe(false);
    expect(dayInfo(date, NO_OVERRIDES)).toEqual({ date, isWorkingDay: false, kind: 'weekend', name: null, override: null });
  });

  it('lists every day off and every adjusted working day of the year, and no other', () => {
    const special = span(`${year}-01-01`, `${year}-12-31`).filter((d) => {
      const kind = dayInfo(d, NO_OVERRIDES).kind;
      return kind === 'holiday' || kind === 'adjusted_workday';
    });
    expect(special).toEqual([...s.holidays, ...s.adjustedWorkdays].sort());
  });
});

describe('dayInfo', () => {
  it('names the festival in Chinese', () => {
    expect(dayInfo('2026-02-17', NO_OVERRIDES)).toEqual({
      date: '2026-02-17',
      isWorkingDay: false,
      kind: 'holiday',
      name: '春节',
      override: null,
    });
    expect(dayInfo('2026-02-14', NO_OVERRIDES).name).toBe('春节');
    expect(dayInfo('2025-10-01', NO_OVERRIDES).name).toBe('国庆节');
    expect(dayInfo('2026-10-10', NO_OVERRIDES).name).toBe('国庆节');
    expect(dayInfo('2026-01-01', NO_OVERRIDES).name).toBe('元旦');
    expect(dayInfo('2026-05-01', NO_OVERRIDES).name).toBe('劳动节');
    // chinese-days' own short names; 2025's combined break marks the festival day itself
    expect(dayInfo('2026-09-25', NO_OVERRIDES).name).toBe('中秋');
    expect(dayInfo('2025-10-06', NO_OVERRIDES).name).toBe('中秋');
  });

  it('shows an override with its note', () => {
    const overrides = new Map<string, CalendarOverride>([
      ['2027-02-10', { kind: 'holiday', note: '春节（国务院通知）' }],
      ['2027-02-20', { kind: 'workday', note: '春节调休上班' }],
      ['2026-02-16', 'workday'],
    ]);
    expect(dayInfo('2027-02-10', overrides)).toEqual({
      date: '2027-02-10',
      isWorkingDay: false,
      kind: 'holiday',
      name: null,
      override: { kind: 'holiday', note: '春节（国务院通知）' },
    });
    expect(dayInfo('2027-02-20', overrides)).toEqual({
      date: '2027-02-20',
      isWorkingDay: true,
      kind: 'adjusted_workday',
      name: null,
      override: { kind: 'workday', note: '春节调休上班' },
    });
    expect(dayInfo('2026-02-16', overrides)).toEqual({
      date: '2026-02-16',
      isWorkingDay: true,
      kind: 'workday',
      name: null,
      override: { kind: 'workday', note: '' },
    });
  });

  it('rejects what is not a date', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '20260203', '', '2026-13-01']) {
      expect(() => dayInfo(bad, NO_OVERRIDES)).toThrow(RangeError);
    }
  });
});

describe('addWorkingDays', () => {
  it('returns the start itself for n = 0, even on a holiday', () => {
    expect(addWorkingDays('2026-02-20', 0, NO_OVERRIDES)).toBe('2026-02-20');
    expect(addWorkingDays('2026-03-10', 0, NO_OVERRIDES)).toBe('2026-03-10');
  });

  it('counts across 春节 2026 (2/15–2/23 off, Sat 2/14 and Sat 2/28 worked)', () => {
    const from = '2026-02-12'; // Thursday
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => addWorkingDays(from, n, NO_OVERRIDES))).toEqual([
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-02',
    ]);
    expect(addWorkingDays('2026-02-20', 1, NO_OVERRIDES)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-14', 1, NO_OVERRIDES)).toBe('2026-02-24');
  });

  it('counts across 国庆 2025 (10/1–10/8 off, Sun 9/28 and Sat 10/11 worked)', () => {
    const from = '2025-09-26'; // Friday
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => addWorkingDays(from, n, NO_OVERRIDES))).toEqual([
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
    ]);
  });

  it('counts across 中秋 and 国庆 2026 (9/25–9/27 and 10/1–10/7 off, Sun 9/20 and Sat 10/10 worked)', () => {
    const from = '2026-09-18'; // Friday
    expect([1, 2, 5, 6, 8, 9, 10, 11, 12].map((n) => addWorkingDays(from, n, NO_OVERRIDES))).toEqual([
      '2026-09-20',
      '2026-09-21',
      '2026-09-24',
      '2026-09-28',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ]);
    expect(addWorkingDays('2026-09-30', 3, NO_OVERRIDES)).toBe('2026-10-10');
  });

  it('follows the overrides', () => {
    expect(addWorkingDays('2027-02-09', 1, NO_OVERRIDES)).toBe('2027-02-10');
    expect(addWorkingDays('2027-02-09', 1, new Map([['2027-02-10', 'holiday']]))).toBe('2027-02-11');

    expect(addWorkingDays('2027-02-19', 1, NO_OVERRIDES)).toBe('2027-02-22');
    expect(addWorkingDays('2027-02-19', 1, new Map([['2027-02-20', 'workday']]))).toBe('2027-02-20');

    expect(addWorkingDays('2026-02-14', 1, new Map([['2026-02-16', 'workday']]))).toBe('2026-02-16');
  });

  it('rejects a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-01-05', -1, NO_OVERRIDES)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-05', 1.5, NO_OVERRIDES)).toThrow(RangeError);
  });
});

describe('countWorkingDays', () => {
  it('counts the days after `from` up to and including `to`', () => {
    expect(countWorkingDays('2026-02-01', '2026-02-28', NO_OVERRIDES)).toBe(16);
    expect(countWorkingDays('2026-02-13', '2026-02-24', NO_OVERRIDES)).toBe(2);
    expect(countWorkingDays('2025-09-30', '2025-10-09', NO_OVERRIDES)).toBe(1);
    expect(countWorkingDays('2026-03-09', '2026-03-09', NO_OVERRIDES)).toBe(0);
    expect(countWorkingDays('2026-03-10', '2026-03-09', NO_OVERRIDES)).toBe(0);
  });

  it('follows the overrides', () => {
    const overrides = new Map<string, CalendarOverride>([
      ['2027-02-10', 'holiday'],
      ['2027-02-20', 'workday'],
    ]);
    // after Sun 2/7 up to Sun 2/21: two weeks of five working days; one Wednesday off, one Saturday on
    expect(countWorkingDays('2027-02-07', '2027-02-21', NO_OVERRIDES)).toBe(10);
    expect(countWorkingDays('2027-02-07', '2027-02-21', overrides)).toBe(10);
    expect(countWorkingDays('2027-02-07', '2027-02-19', overrides)).toBe(9);
    expect(countWorkingDays('2027-02-07', '2027-02-19', NO_OVERRIDES)).toBe(10);
  });
});

describe('nextWorkingDay', () => {
  it('skips weekends and holidays', () => {
    expect(nextWorkingDay('2026-03-06', NO_OVERRIDES)).toBe('2026-03-09');
    expect(nextWorkingDay('2026-02-13', NO_OVERRIDES)).toBe('2026-02-14');
    expect(nextWorkingDay('2025-12-31', NO_OVERRIDES)).toBe('2026-01-04');
  });
});

describe('datesOfMonth', () => {
  it('lists every day of the month', () => {
    expect(datesOfMonth('2026-02')).toHaveLength(28);
    expect(datesOfMonth('2024-02').at(-1)).toBe('2024-02-29');
    expect(datesOfMonth('2026-12')[0]).toBe('2026-12-01');
    expect(datesOfMonth('2026-12').at(-1)).toBe('2026-12-31');
    expect(() => datesOfMonth('2026-13')).toThrow(RangeError);
  });
});

describe('businessToday', () => {
  it('reads the date in Shanghai, whatever the machine zone', () => {
    expect(businessToday(new Date('2026-01-01T16:30:00Z'))).toBe('2026-01-02');
    expect(businessToday(new Date('2026-01-01T15:59:59Z'))).toBe('2026-01-01');
    expect(businessToday(new Date('2026-03-08T10:00:00Z'))).toBe('2026-03-08'); // the US clock change
  });
});

describe('properties', () => {
  const FIRST = Date.UTC(2024, 5, 1) / 86_400_000;
  const LAST = Date.UTC(2027, 11, 31) / 86_400_000;
  const date = fc.integer({ min: FIRST, max: LAST }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const overrides = fc
    .array(fc.tuple(date, fc.constantFrom<'holiday' | 'workday'>('holiday', 'workday')), { maxLength: 30 })
    .map((entries) => new Map<string, CalendarOverride>(entries));
  const n = fc.integer({ min: 0, max: 80 });

  it('the n-th working day after a date is a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 80 }), overrides, (from, k, o) => {
        expect(isWorkingDay(addWorkingDays(from, k, o), o)).toBe(true);
      }),
    );
  });

  it('counting back from the n-th working day gives n', () => {
    fc.assert(
      fc.property(date, n, overrides, (from, k, o) => {
        expect(countWorkingDays(from, addWorkingDays(from, k, o), o)).toBe(k);
      }),
    );
  });

  it('more working days never give an earlier date', () => {
    fc.assert(
      fc.property(date, n, n, overrides, (from, a, b, o) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const early = addWorkingDays(from, low, o);
        const late = addWorkingDays(from, high, o);
        if (low === high) expect(late).toBe(early);
        else expect(late > early).toBe(true);
      }),
    );
  });

  it('the next working day is one working day later', () => {
    fc.assert(
      fc.property(date, overrides, (d, o) => {
        expect(nextWorkingDay(d, o)).toBe(addWorkingDays(d, 1, o));
      }),
    );
  });

  it('an empty or backward range counts nothing', () => {
    fc.assert(
      fc.property(date, date, overrides, (a, b, o) => {
        const [from, to] = a >= b ? [a, b] : [b, a];
        expect(countWorkingDays(from, to, o)).toBe(0);
      }),
    );
  });
});
