import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announcementText, displayNumberOf, estimateWait } from './estimate.ts';

describe('estimated wait', () => {
  it('is the recent average service time per person ahead, shared among open counters, as a range', () => {
    expect(estimateWait({ ahead: 4, recentServiceSeconds: [300, 600, 450], countersOpen: 2, typicalServiceSeconds: 60 })).toEqual({ minMinutes: 15, maxMinutes: 20 });
    expect(estimateWait({ ahead: 0, recentServiceSeconds: [300], countersOpen: 1, typicalServiceSeconds: 480 })).toEqual({ minMinutes: 0, maxMinutes: 0 });
  });

  it('falls back to the typical service time while a queue has no history, with a wider range', () => {
    expect(estimateWait({ ahead: 1, recentServiceSeconds: [], countersOpen: 0, typicalServiceSeconds: 480 })).toEqual({ minMinutes: 8, maxMinutes: 12 });
    expect(estimateWait({ ahead: 10, recentServiceSeconds: [5, 7], countersOpen: 2, typicalServiceSeconds: 600 })).toEqual({ minMinutes: 50, maxMinutes: 75 });
  });

  it('never goes under ahead ÷ counters × the typical time, and its high end is never under its low end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.double({ min: 0.01, max: 3600, noNaN: true }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 60, max: 3600 }),
        (ahead, times, lanes, typical) => {
          const e = estimateWait({ ahead, recentServiceSeconds: times, countersOpen: lanes, typicalServiceSeconds: typical });
          expect(e.minMinutes).toBeGreaterThanOrEqual(Math.floor((ahead / lanes) * (typical / 60)));
          expect(e.maxMinutes).toBeGreaterThanOrEqual(e.minMinutes);
          const more = estimateWait({ ahead: ahead + 1, recentServiceSeconds: times, countersOpen: lanes, typicalServiceSeconds: typical });
          expect(more.minMinutes).toBeGreaterThanOrEqual(e.minMinutes);
          const wider = estimateWait({ ahead, recentServiceSeconds: times, countersOpen: lanes + 1, typicalServiceSeconds: typical });
          expect(wider.minMinutes).toBeLessThanOrEqual(e.minMinutes);
        },
      ),
    );
  });
});

describe('announcement', () => {
  it('says the number and the counter in Mandarin', () => {
    expect(announcementText(displayNumberOf('A', 12), '5')).toBe('请 A012 号到 5 号窗口办理');
    expect(displayNumberOf('GC', 1234)).toBe('GC1234');
  });
});
