import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInVerdict } from './window.ts';

const window = { checkInBeforeMinutes: 30, checkInAfterMinutes: 15 };
const booking = { date: '2026-03-10', startMinute: 10 * 60 };

describe('check-in window', () => {
  it('opens 30 minutes before the slot and closes 15 after, both ends included', () => {
    expect(checkInVerdict(booking, { date: '2026-03-10', minutes: 9 * 60 + 29 }, window)).toEqual({ kind: 'too_early', opensAtMinute: 570, isOtherDay: false });
    expect(checkInVerdict(booking, { date: '2026-03-10', minutes: 9 * 60 + 30 }, window)).toEqual({ kind: 'on_time' });
    expect(checkInVerdict(booking, { date: '2026-03-10', minutes: 10 * 60 + 15 }, window)).toEqual({ kind: 'on_time' });
    expect(checkInVerdict(booking, { date: '2026-03-10', minutes: 10 * 60 + 16 }, window)).toEqual({ kind: 'late' });
  });

  it('another day: too early before it, expired after it', () => {
    expect(checkInVerdict(booking, { date: '2026-03-09', minutes: 600 }, window)).toMatchObject({ kind: 'too_early', isOtherDay: true });
    expect(checkInVerdict(booking, { date: '2026-03-11', minutes: 0 }, window)).toEqual({ kind: 'expired' });
  });

  it('on the day, the verdict only moves forward as time passes', () => {
    const order = { too_early: 0, on_time: 1, late: 2, expired: 3 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1430 }), fc.nat(240), fc.nat(240), (a, b, start, before, after) => {
        const w = { checkInBeforeMinutes: before, checkInAfterMinutes: after };
        const slot = { date: '2026-03-10', startMinute: start };
        const [early, later] = a <= b ? [a, b] : [b, a];
        const v1 = checkInVerdict(slot, { date: slot.date, minutes: early }, w).kind;
        const v2 = checkInVerdict(slot, { date: slot.date, minutes: later }, w).kind;
        expect(order[v1]).toBeLessThanOrEqual(order[v2]);
      }),
    );
  });
});
