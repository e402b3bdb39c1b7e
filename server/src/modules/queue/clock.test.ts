import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessClock } from '../../platform/calendar/clock.ts';
import { checkPeriods, describeHours, ticketWindow, type OpeningHours } from './clock.ts';

const hours: OpeningHours = {
  serviceDays: 'working_days',
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  lastTicketMinutes: 30,
};
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('business clock', () => {
  it('reads Beijing wall-clock time whatever the machine zone', () => {
    // 2026-03-02 01:30 UTC is 09:30 in Beijing; the suite runs in America/Los_Angeles (still March 1 there).
    expect(businessClock(new Date('2026-03-02T01:30:00Z'))).toEqual({ date: '2026-03-02', minutes: 9 * 60 + 30 });
    expect(businessClock(new Date('2026-03-01T16:00:00Z'))).toEqual({ date: '2026-03-02', minutes: 0 });
  });
});

describe('ticket window', () => {
  it('is open inside a period up to the last-ticket cut-off, closed otherwise', () => {
    const open = (hhmm: string) => ticketWindow(hours, { isWorkingDay: true, minutes: at(hhmm) }).isOpen;
    expect(open('08:59')).toBe(false);
    expect(open('09:00')).toBe(true);
    expect(open('11:29')).toBe(true);
    expect(open('11:30')).toBe(false);
    expect(open('13:00')).toBe(false);
    expect(open('16:59')).toBe(true);
    expect(open('17:00')).toBe(false);
  });

  it('is closed on rest days unless the center opens every day', () => {
    const day = { isWorkingDay: false, minutes: at('10:00') };
    expect(ticketWindow(hours, day)).toMatchObject({ isOpen: false, reason: 'not_service_day' });
    expect(ticketWindow({ ...hours, serviceDays: 'every_day' }, day).isOpen).toBe(true);
  });

  it('says the hours in the refusal', () => {
    const closed = ticketWindow(hours, { isWorkingDay: true, minutes: at('18:00') });
    expect(closed).toMatchObject({ isOpen: false, reason: 'outside_hours' });
    expect(describeHours(hours)).toBe('工作日 09:00–11:30、14:00–17:00');
  });

  it('is never open outside every period, whatever the periods', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 120 }), (minutes, cut) => {
        const window = ticketWindow({ ...hours, lastTicketMinutes: cut }, { isWorkingDay: true, minutes });
        const inside = minutes >= 540 && minutes < 720 - cut || minutes >= 840 && minutes < 1050 - cut;
        expect(window.isOpen).toBe(inside);
      }),
    );
  });

  it('checks periods for order and overlap', () => {
    expect(checkPeriods(hours.periods)).toBeNull();
    expect(checkPeriods([{ start: '10:00', end: '09:00' }])).toMatch(/晚于/);
    expect(checkPeriods([{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }])).toMatch(/重叠/);
    expect(checkPeriods([{ start: '00:00', end: '24:00' }])).toBeNull();
  });
});
