import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announcementText, DEFAULT_SERVICE_SECONDS, displayNumberOf, estimateWaitMinutes } from './estimate.ts';

describe('estimated wait', () => {
  it('is the recent average service time per person ahead, shared among open counters', () => {
    expect(estimateWaitMinutes({ ahead: 4, recentServiceSeconds: [300, 600], countersOpen: 2 })).toBe(15);
    expect(estimateWaitMinutes({ ahead: 0, recentServiceSeconds: [300], countersOpen: 1 })).toBe(0);
    expect(estimateWaitMinutes({ ahead: 1, recentServiceSeconds: [], countersOpen: 0 })).toBe(DEFAULT_SERVICE_SECONDS / 60);
  });

  it('grows with the people ahead and shrinks with more counters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.integer({ min: 1, max: 3600 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (ahead, times, lanes) => {
          const base = estimateWaitMinutes({ ahead, recentServiceSeconds: times, countersOpen: lanes });
          expect(estimateWaitMinutes({ ahead: ahead + 1, recentServiceSeconds: times, countersOpen: lanes })).toBeGreaterThanOrEqual(base);
          expect(estimateWaitMinutes({ ahead, recentServiceSeconds: times, countersOpen: lanes + 1 })).toBeLessThanOrEqual(base);
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
