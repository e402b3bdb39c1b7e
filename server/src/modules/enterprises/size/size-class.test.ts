import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupIndustry } from '../industry/industry-codes.ts';
import { classifySize, SIZE_CLASSES, SIZE_RULES, sizeRuleFor, type SizeClass, type SizeIndicator, type SizeRuleId } from './size-class.ts';

/**
 * FACTS §3 transcribed again, independently of the implementation: for each row, each
 * indicator's lower bounds of large, medium and small.
 */
const FACTS: Record<SizeRuleId, Partial<Record<SizeIndicator, [number, number, number]>>> = {
  agriculture: { revenue: [20000, 500, 50] },
  industry: { employees: [1000, 300, 20], revenue: [40000, 2000, 300] },
  construction: { revenue: [80000, 6000, 300], assets: [80000, 5000, 300] },
  wholesale: { employees: [200, 20, 5], revenue: [40000, 5000, 1000] },
  retail: { employees: [300, 50, 10], revenue: [20000, 500, 100] },
  transport: { employees: [1000, 300, 20], revenue: [30000, 3000, 200] },
  warehousing: { employees: [200, 100, 20], revenue: [30000, 1000, 100] },
  postal: { employees: [1000, 300, 20], revenue: [30000, 2000, 100] },
  accommodationCatering: { employees: [300, 100, 10], revenue: [10000, 2000, 100] },
  informationTransmission: { employees: [2000, 100, 10], revenue: [100000, 1000, 100] },
  software: { employees: [300, 100, 10], revenue: [10000, 1000, 50] },
  realEstateDevelopment: { revenue: [200000, 1000, 100], assets: [10000, 5000, 2000] },
  propertyManagement: { employees: [1000, 300, 100], revenue: [5000, 1000, 500] },
  leasingBusiness: { employees: [300, 100, 10], assets: [120000, 8000, 100] },
  other: { employees: [300, 100, 10] },
};

const ruleIds = Object.keys(FACTS) as SizeRuleId[];
const below = (indicator: SizeIndicator, bound: number) => (indicator === 'employees' ? bound - 1 : bound - 0.01);

/** Every indicator of the row at the large bound, except `indicator` at `value`. */
function inputsWith(id: SizeRuleId, indicator: SizeIndicator, value: number) {
  const inputs: Partial<Record<SizeIndicator, number>> = {};
  for (const [name, bounds] of Object.entries(FACTS[id]) as [SizeIndicator, [number, number, number]][]) inputs[name] = bounds[0];
  inputs[indicator] = value;
  return inputs;
}

function classOf(id: SizeRuleId, inputs: Partial<Record<SizeIndicator, number>>): SizeClass {
  const result = classifySize(SIZE_RULES[id], inputs);
  if (!result.ok) throw new Error(result.reason);
  return result.sizeClass;
}

describe('size classes (FACTS §3) at every boundary of every row', () => {
  it('the rules carry exactly the indicators of the table', () => {
    for (const id of ruleIds) {
      const fromRule = Object.fromEntries(SIZE_RULES[id].indicators.map((i) => [i.indicator, [...i.bounds]]));
      expect(fromRule, id).toEqual(FACTS[id]);
    }
  });

  for (const id of ruleIds) {
    for (const [indicator, [large, medium, small]] of Object.entries(FACTS[id]) as [SizeIndicator, [number, number, number]][]) {
      it(`${id}: ${indicator} at and just below ${large}, ${medium}, ${small} (the other indicators large)`, () => {
        expect(classOf(id, inputsWith(id, indicator, large))).toBe('large');
        expect(classOf(id, inputsWith(id, indicator, below(indicator, large)))).toBe('medium');
        expect(classOf(id, inputsWith(id, indicator, medium))).toBe('medium');
        expect(classOf(id, inputsWith(id, indicator, below(indicator, medium)))).toBe('small');
        expect(classOf(id, inputsWith(id, indicator, small))).toBe('small');
        expect(classOf(id, inputsWith(id, indicator, below(indicator, small)))).toBe('micro');
        expect(classOf(id, inputsWith(id, indicator, 0))).toBe('micro');
      });
    }
  }

  it('large, medium and small need every indicator; micro needs one: the class is the lowest of the indicators', () => {
    const reference = (id: SizeRuleId, inputs: Partial<Record<SizeIndicator, number>>): SizeClass => {
      let lowest = 0;
      for (const [name, [l, m, s]] of Object.entries(FACTS[id]) as [SizeIndicator, [number, number, number]][]) {
        const v = inputs[name]!;
        const own = v >= l ? 0 : v >= m ? 1 : v >= s ? 2 : 3;
        lowest = Math.max(lowest, own);
      }
      return SIZE_CLASSES[lowest]!;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...ruleIds),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 300000, noNaN: true }),
        fc.double({ min: 0, max: 300000, noNaN: true }),
        (id, employees, revenue, assets) => {
          const inputs = { employees, revenue, assets };
          expect(classOf(id, inputs)).toBe(reference(id, inputs));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('raising an indicator never lowers the class', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ruleIds), fc.nat(3000), fc.nat(3000), fc.nat(200000), fc.nat(200000), (id, e, extra, r, a) => {
        const before = classOf(id, { employees: e, revenue: r, assets: a });
        const after = classOf(id, { employees: e + extra, revenue: r + extra, assets: a + extra });
        expect(SIZE_CLASSES.indexOf(after)).toBeLessThanOrEqual(SIZE_CLASSES.indexOf(before));
      }),
    );
  });

  it('explains the class with each indicator compared to its bounds', () => {
    const result = classifySize(SIZE_RULES.industry, { employees: 250, revenue: 5000 });
    expect(result).toMatchObject({ ok: true, sizeClass: 'small' });
    expect(result.reason).toBe('工业：从业人员 250 人（20 ≤ 250 < 300，小型），营业收入 5000 万元（2000 ≤ 5000 < 40000，中型）；须同时达到各项指标的下限，划为小型');
    expect(classifySize(SIZE_RULES.other, { employees: 5 }).reason).toBe('其他未列明行业：从业人员 5 人（5 < 10，微型）；划为微型');
  });

  it('names the missing indicators', () => {
    expect(classifySize(SIZE_RULES.construction, { revenue: 100 })).toMatchObject({ ok: false, missing: ['assets'] });
    expect(classifySize(SIZE_RULES.industry, {})).toMatchObject({ ok: false, missing: ['employees', 'revenue'] });
  });
});

describe('which row applies to an industry code', () => {
  const ruleOf = (code: string) => {
    const found = lookupIndustry(code);
    if (!found.ok) throw new Error(found.reason);
    const selection = sizeRuleFor(found.industry);
    return selection.kind === 'rule' ? selection.rule.id : selection.kind;
  };

  it.each([
    ['A', 'agriculture'],
    ['A0511', 'agriculture'],
    ['B06', 'industry'],
    ['C', 'industry'],
    ['C13', 'industry'],
    ['C3670', 'industry'],
    ['D4411', 'industry'],
    ['E', 'construction'],
    ['F51', 'wholesale'],
    ['F5212', 'retail'],
    ['F52', 'retail'],
    ['G53', 'other'],
    ['G5431', 'transport'],
    ['G58', 'transport'],
    ['G5920', 'warehousing'],
    ['G60', 'postal'],
    ['H', 'accommodationCatering'],
    ['H6210', 'accommodationCatering'],
    ['I63', 'informationTransmission'],
    ['I6421', 'informationTransmission'],
    ['I6513', 'software'],
    ['J66', 'not-applicable'],
    ['K7010', 'realEstateDevelopment'],
    ['K701', 'realEstateDevelopment'],
    ['K702', 'propertyManagement'],
    ['K7020', 'propertyManagement'],
    ['K7030', 'other'],
    ['L', 'leasingBusiness'],
    ['L7212', 'leasingBusiness'],
    ['M7320', 'other'],
    ['O80', 'other'],
    ['F', 'too-broad'],
    ['G', 'too-broad'],
    ['I', 'too-broad'],
    ['K', 'too-broad'],
    ['K70', 'too-broad'],
  ])('%s → %s', (code, expected) => {
    expect(ruleOf(code)).toBe(expected);
  });
});
