import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, monthRange } from './dates.ts';

describe('certificate dates', () => {
  it('adds months keeping the day, or the month’s last day when it has none', () => {
    expect(addMonths('2026-10-07', 24)).toBe('2028-10-07');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts days across months and years, negative backwards', () => {
    expect(daysBetween('2026-12-07', '2026-12-31')).toBe(24);
    expect(daysBetween('2026-12-07', '2026-11-30')).toBe(-7);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('gives a month’s first and last day', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
