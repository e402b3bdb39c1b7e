import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleItemGuide } from '../testing.ts';
import { diffGuides, isSameGuide } from './diff.ts';

const DEPT = '11111111-1111-4111-8111-111111111111';

describe('guide diff', () => {
  it('names scalar changes with before and after, nested fields by their path', () => {
    const a = sampleItemGuide(DEPT);
    const b = sampleItemGuide(DEPT, { promisedLimitDays: 3, appointment: { mode: 'walk_in', walkInDailyQuota: 50 } });
    expect(diffGuides(a, b)).toEqual([
      { field: 'promisedLimitDays', kind: 'changed', before: '10', after: '3' },
      { field: 'appointment.mode', kind: 'changed', before: 'both', after: 'walk_in' },
    ]);
  });

  it('lists materials added, removed and changed by their names', () => {
    const a = sampleItemGuide(DEPT);
    const [application, plan] = a.materials;
    const b = sampleItemGuide(DEPT, {
      materials: [{ ...application!, copies: 2 }, { ...plan!, key: 'id_card', name: '身份证件' }],
    });
    expect(diffGuides(a, b)).toEqual([
      { field: 'materials', kind: 'removed', entry: '场所平面图' },
      { field: 'materials', kind: 'changed', entry: '申请书', subfields: ['copies'] },
      { field: 'materials', kind: 'added', entry: '身份证件' },
    ]);
  });

  it('the first version has no changes; a guide compared with itself has none either', () => {
    expect(diffGuides(null, sampleItemGuide(DEPT))).toEqual([]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }), (days, conditions) => {
        const g = sampleItemGuide(DEPT, { promisedLimitDays: days, conditions });
        expect(diffGuides(g, structuredClone(g))).toEqual([]);
        expect(isSameGuide(g as never, structuredClone(g) as never)).toBe(true);
      }),
    );
  });
});
