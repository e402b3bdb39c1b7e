import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isWorkingDay, NO_OVERRIDES } from '../../../platform/calendar/working-days.ts';
import { daySlots, daysView, earliestSlot, isOverflowOpen, refusalOf, slotCapacity, slotKey, type BookingWindow, type ItemPlan } from './plan.ts';

const PERIODS = [
  { start: '09:00', end: '12:00' },
  { start: '14:00', end: '17:30' },
];
// Monday 2026-03-09; the 3rd working day after it is Thursday 03-12.
const windowAt = (nowMinutes: number, slots = daySlots(PERIODS, 30)): BookingWindow => ({
  today: '2026-03-09',
  nowMinutes,
  lastDate: '2026-03-23',
  deadline: '2026-03-12',
  isWorkingDay: (d) => isWorkingDay(d, NO_OVERRIDES),
  slots,
});
const planOf = (base: number, booked: [string, number, number][] = [], overflowPerSlot: number | null = null): ItemPlan => ({
  regular: { base, adjustments: new Map(), booked: new Map(booked.map(([d, s, n]) => [slotKey(d, s), n])) },
  overflowPerSlot,
  overflowBooked: new Map(),
});

describe('slots of a day', () => {
  it('lays 30-minute slots in the morning and afternoon periods, dropping a short remainder', () => {
    const slots = daySlots(PERIODS, 30);
    expect(slots).toHaveLength(6 + 7);
    expect(slots[0]).toEqual({ startMinute: 540, endMinute: 570 });
    expect(slots.at(-1)).toEqual({ startMinute: 1020, endMinute: 1050 });
    expect(daySlots([{ start: '09:00', end: '10:10' }], 30).map((s) => s.startMinute)).toEqual([540, 570]);
  });

  it('every slot lies inside a period, has the length asked for, and slots do not overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1380 }), fc.integer({ min: 5, max: 240 }), fc.integer({ min: 5, max: 240 }), (start, length, slot) => {
        const end = Math.min(1440, start + length);
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const slots = daySlots([{ start: hhmm(start), end: hhmm(end) }], slot);
        expect(slots.length).toBe(Math.floor((end - start) / slot));
        for (const [i, s] of slots.entries()) {
          expect(s.endMinute - s.startMinute).toBe(slot);
          expect(s.startMinute).toBeGreaterThanOrEqual(start);
          expect(s.endMinute).toBeLessThanOrEqual(end);
          if (i > 0) expect(s.startMinute).toBeGreaterThanOrEqual(slots[i - 1]!.endMinute);
        }
      }),
    );
  });
});

describe('places of a slot', () => {
  it('adds the whole-day and the slot adjustments of its date, never below zero', () => {
    const adj = [
      { date: '2026-03-10', startMinute: null, delta: 2 },
      { date: '2026-03-10', startMinute: 540, delta: -5 },
    ];
    expect(slotCapacity(3, adj, 570)).toBe(5);
    expect(slotCapacity(3, adj, 540)).toBe(0);
    expect(slotCapacity(3, undefined, 540)).toBe(3);
  });

  it('is never negative and adding places to a day adds them to every slot', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.array(fc.integer({ min: -20, max: 20 }).filter((d) => d !== 0), { maxLength: 5 }), fc.integer({ min: 1, max: 10 }), (base, deltas, more) => {
        const adj = deltas.map((delta) => ({ date: '2026-03-10', startMinute: null, delta }));
        const before = slotCapacity(base, adj, 600);
        expect(before).toBeGreaterThanOrEqual(0);
        expect(slotCapacity(base, [...adj, { date: '2026-03-10', startMinute: null, delta: more }], 600)).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe('what may be booked', () => {
  it('names why a date or slot cannot be booked', () => {
    const w = windowAt(600);
    expect(refusalOf(w, '2026-03-08', 600)).toBe('past');
    expect(refusalOf(w, '2026-03-24', 600)).toBe('beyond_horizon');
    expect(refusalOf(w, '2026-03-14', 600)).toBe('closed_day');
    expect(refusalOf(w, '2026-03-10', 605)).toBe('no_such_slot');
    expect(refusalOf(w, '2026-03-09', 600)).toBe('started');
    expect(refusalOf(w, '2026-03-09', 630)).toBeNull();
  });

  it('the earliest slot is the first bookable one with a place left (brute force agrees)', () => {
    const slots = daySlots(PERIODS, 30);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.nat(3),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.constantFrom(...slots.map((s) => s.startMinute)), fc.nat(4)), { maxLength: 60 }),
        (now, base, bookings) => {
          const w = windowAt(now, slots);
          const plan = planOf(base, bookings.map(([day, start, n]) => [addDays(w.today, day), start, n] as [string, number, number]));
          const found = earliestSlot(plan, w);
          let expected: { date: string; startMinute: number } | null = null;
          for (let d = w.today; d <= w.lastDate && !expected; d = addDays(d, 1)) {
            for (const s of slots) {
              if (refusalOf(w, d, s.startMinute) !== null) continue;
              const booked = plan.regular.booked.get(slotKey(d, s.startMinute)) ?? 0;
              if (base - booked > 0) {
                expected = { date: d, startMinute: s.startMinute };
                break;
              }
            }
          }
          expect(found && { date: found.date, startMinute: found.startMinute }).toEqual(expected);
        },
      ),
    );
  });

  it('overflow opens only when no regular place is left up to the guarantee deadline, and only up to it', () => {
    const w = windowAt(0);
    const slots = w.slots.map((s) => s.startMinute);
    const full = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'].flatMap((d) => slots.map((s) => [d, s, 1] as [string, number, number]));
    expect(isOverflowOpen(planOf(1, full.slice(1), 2), w)).toBe(false);
    const plan = planOf(1, full, 2);
    expect(isOverflowOpen(plan, w)).toBe(true);
    expect(earliestSlot(plan, w)).toEqual({ date: '2026-03-09', startMinute: 540, isOverflow: true });
    expect(earliestSlot(planOf(1, full, null), w)).toEqual({ date: '2026-03-13', startMinute: 540, isOverflow: false });
    const days = daysView(plan, w, '2026-03-12', '2026-03-13');
    expect(days[0]!.slots[0]).toMatchObject({ remaining: 0, overflowRemaining: 2 });
    expect(days[1]!.slots[0]).toMatchObject({ remaining: 1, overflowRemaining: 0 });
  });
});
