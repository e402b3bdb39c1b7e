import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITY_CLASSES, type PriorityClass } from '../contract.ts';
import { orderForCalling, pickNext, type Candidate, type PriorityRule } from './priority.ts';

const MINUTE = 60_000;
const rule: PriorityRule = { classOrder: ['appointment', 'green_channel', 'ordinary'], maxExtraWaitMs: 30 * MINUTE };

const ticket = (id: string, priorityClass: PriorityClass, minute: number): Candidate => ({
  id,
  priorityClass,
  sortKey: minute * MINUTE,
  number: Number(id.replace(/\D/g, '')) || 0,
});

const candidates = fc
  .array(fc.record({ priorityClass: fc.constantFrom(...PRIORITY_CLASSES), sortKey: fc.integer({ min: 0, max: 600 }) }), { maxLength: 40 })
  .map((rows) => rows.map((r, i) => ({ ...r, id: `t${i}`, number: i + 1, sortKey: r.sortKey * MINUTE })));
const rules = fc.record({
  classOrder: fc.shuffledSubarray([...PRIORITY_CLASSES], { minLength: 3, maxLength: 3 }),
  maxExtraWaitMs: fc.integer({ min: 0, max: 240 }).map((m) => m * MINUTE),
});
const rankIn = (r: PriorityRule, c: PriorityClass) => r.classOrder.indexOf(c);

describe('calling order', () => {
  it('calls the green channel before ordinary tickets taken earlier, within the fairness bound', () => {
    const order = orderForCalling([ticket('a1', 'ordinary', 0), ticket('a2', 'ordinary', 1), ticket('a3', 'green_channel', 2)], rule);
    expect(order.map((t) => t.id)).toEqual(['a3', 'a1', 'a2']);
  });

  it('lets a ticket that waited too long beyond a higher-class one go first', () => {
    const order = orderForCalling([ticket('a1', 'ordinary', 0), ticket('a2', 'green_channel', 31), ticket('a3', 'appointment', 45)], rule);
    // a1 waited 31 minutes longer than a2 and 45 longer than a3: both beyond 30 minutes.
    expect(order.map((t) => t.id)).toEqual(['a1', 'a3', 'a2']);
  });

  it('is every ticket exactly once, and the first is the pick', () => {
    fc.assert(
      fc.property(candidates, rules, (tickets, r) => {
        const order = orderForCalling(tickets, r);
        expect(order.map((t) => t.id).sort()).toEqual(tickets.map((t) => t.id).sort());
        expect(pickNext(tickets, r)).toBe(order[0]);
        expect(orderForCalling(tickets, r, 5)).toEqual(order.slice(0, 5));
      }),
    );
  });

  it('keeps each class first-come first-served', () => {
    fc.assert(
      fc.property(candidates, rules, (tickets, r) => {
        const order = orderForCalling(tickets, r);
        for (const c of PRIORITY_CLASSES) {
          const keys = order.filter((t) => t.priorityClass === c).map((t) => t.sortKey);
          expect(keys).toEqual([...keys].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('never lets a lower-class ticket wait more than the maximum beyond one called before it', () => {
    fc.assert(
      fc.property(candidates, rules, (tickets, r) => {
        const order = orderForCalling(tickets, r);
        order.forEach((called, i) => {
          for (const later of order.slice(i + 1)) {
            if (rankIn(r, later.priorityClass) > rankIn(r, called.priorityClass)) {
              expect(called.sortKey - later.sortKey).toBeLessThanOrEqual(r.maxExtraWaitMs);
            }
          }
        });
      }),
    );
  });

  it('orders by class alone when everyone arrived together, and by arrival alone when the maximum is zero', () => {
    fc.assert(
      fc.property(candidates, rules, (tickets, r) => {
        const together = tickets.map((t) => ({ ...t, sortKey: 0 }));
        const ranks = orderForCalling(together, r).map((t) => rankIn(r, t.priorityClass));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        const fifo = orderForCalling(tickets, { ...r, maxExtraWaitMs: 0 }).map((t) => t.sortKey);
        expect(fifo).toEqual([...fifo].sort((a, b) => a - b));
      }),
    );
  });
});
