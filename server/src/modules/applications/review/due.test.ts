import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarWith } from '../../../platform/calendar/service.ts';
import { addDays } from '../../../platform/calendar/working-days.ts';
import { dueStatusOf, type DueFacts } from './due.ts';
import { dueDateOf, memberDueDate, stagePlan } from './schedule.ts';

const calendar = calendarWith(new Map());
const facts = (over: Partial<DueFacts>): DueFacts => ({
  state: 'in_review',
  clockStartOn: '2026-09-28',
  dueDate: '2026-10-16',
  promisedDays: 10,
  pausedDays: 0,
  pausedSince: null,
  decidedOn: null,
  ...over,
});

describe('due-date colours', () => {
  it('turns to a warning at 80 % of the promised working days and overdue after the due date', () => {
    // 28 September + 10 working days skips 国庆: 16 October.
    expect(dueDateOf(calendar, '2026-09-28', 10, 0)).toBe('2026-10-16');
    expect(dueStatusOf(facts({}), '2026-10-12', calendar.countWorkingDays)).toEqual({ status: 'normal', usedShare: 0.6, usedDays: 6 });
    expect(dueStatusOf(facts({}), '2026-10-14', calendar.countWorkingDays)).toMatchObject({ status: 'warning', usedDays: 8 });
    expect(dueStatusOf(facts({}), '2026-10-16', calendar.countWorkingDays)).toMatchObject({ status: 'warning', usedShare: 1 });
    expect(dueStatusOf(facts({}), '2026-10-17', calendar.countWorkingDays)).toMatchObject({ status: 'overdue', usedDays: 10 });
    expect(dueStatusOf(facts({}), '2026-10-19', calendar.countWorkingDays)).toMatchObject({ status: 'overdue', usedDays: 11 });
  });

  it('stands still while paused and judges a decision against the due date', () => {
    expect(dueStatusOf(facts({ pausedSince: '2026-10-09' }), '2026-11-30', calendar.countWorkingDays)).toEqual({ status: 'paused', usedShare: 0.4, usedDays: 4 });
    expect(dueStatusOf(facts({ decidedOn: '2026-10-16' }), '2026-12-01', calendar.countWorkingDays).status).toBe('done_on_time');
    expect(dueStatusOf(facts({ decidedOn: '2026-10-19' }), '2026-12-01', calendar.countWorkingDays).status).toBe('done_late');
    expect(dueStatusOf(facts({ clockStartOn: null, dueDate: null, state: 'received' }), '2026-10-01', calendar.countWorkingDays).status).toBe('none');
    expect(dueStatusOf(facts({ state: 'stopped' }), '2026-10-01', calendar.countWorkingDays).status).toBe('none');
  });

  it('never reports overdue on or before the due date, and always after it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: -5, max: 80 }), (startOffset, promised, paused, todayOffset) => {
        const start = addDays('2025-01-01', startOffset);
        const dueDate = dueDateOf(calendar, start, promised, paused);
        const today = addDays(start, todayOffset);
        if (today < start) return;
        const due = dueStatusOf(facts({ clockStartOn: start, dueDate, promisedDays: promised, pausedDays: paused }), today, calendar.countWorkingDays);
        expect(due.status === 'overdue').toBe(today > dueDate);
        if (today <= dueDate) expect(due.usedDays).toBeLessThanOrEqual(promised);
      }),
    );
  });
});

describe('bundle schedules', () => {
  it('runs members of a stage in parallel and stages one after another', () => {
    const plan = stagePlan([
      { stage: 1, promisedDays: 1 },
      { stage: 2, promisedDays: 10 },
      { stage: 2, promisedDays: 7 },
      { stage: 3, promisedDays: 0 },
    ]);
    expect(plan.totalDays).toBe(11);
    expect([...plan.offsets]).toEqual([
      [1, 0],
      [2, 1],
      [3, 11],
    ]);
    expect(memberDueDate(calendar, '2026-11-02', plan, { stage: 2, promisedDays: 7 })).toBe('2026-11-12');
  });

  it('gives the whole bundle the longest path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ stage: fc.integer({ min: 1, max: 4 }), promisedDays: fc.integer({ min: 0, max: 30 }) }), { minLength: 1, maxLength: 12 }), (members) => {
        const plan = stagePlan(members);
        for (const m of members) expect((plan.offsets.get(m.stage) ?? 0) + m.promisedDays).toBeLessThanOrEqual(plan.totalDays);
        expect(members.some((m) => (plan.offsets.get(m.stage) ?? 0) + m.promisedDays === plan.totalDays) || plan.totalDays === 0).toBe(true);
      }),
    );
  });
});
