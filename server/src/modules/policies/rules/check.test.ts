import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleArb } from './arbitraries.ts';
import { checkRule } from './check.ts';
import { explainRule, missingCondition } from './evaluate.ts';

const problems = (input: unknown) => {
  const r = checkRule(input);
  return r.ok ? [] : r.problems.map((p) => [p.code, p.path]);
};

describe('checking a rule', () => {
  it('accepts every well-formed rule unchanged', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        expect(checkRule(rule).ok).toBe(true);
      }),
    );
  });

  it('names the node of each problem', () => {
    expect(problems({ all: [{ field: 'sizeClass', op: 'in', value: ['small'] }, { field: 'color', op: 'eq', value: 'red' }] })).toEqual([['RULE_INVALID', 'rule.all[1].field']]);
    expect(problems({ any: [{ field: 'employees', op: 'contains', value: 5 }] })).toEqual([['RULE_INVALID', 'rule.any[0].op']]);
    expect(problems({ not: { field: 'revenue', op: 'between', value: [500, 100] } })).toEqual([['RULE_INVALID', 'rule.not.value']]);
    expect(problems({ all: [{ field: 'industry', op: 'in', value: ['C13', 'C99'] }] })).toEqual([['INDUSTRY_UNKNOWN', 'rule.all[0].value[1]']]);
    expect(problems({ all: [{ any: [] }] })).toEqual([['RULE_INVALID', 'rule.all[0].any']]);
    expect(problems({ all: [] })).toEqual([['RULE_INVALID', 'rule.all']]);
    expect(problems('x')).toEqual([['RULE_INVALID', 'rule']]);
    expect(problems({ field: 'seriousBadCredit', op: 'eq', value: 'no' })).toEqual([['RULE_INVALID', 'rule.value']]);
    expect(problems({ all: [{ field: 'employees', op: 'gte', value: 5 }], any: [] })).toEqual([['RULE_INVALID', 'rule']]);
  });

  it('writes industry codes with their section letter', () => {
    expect(checkRule({ field: 'industry', op: 'prefix', value: '13' })).toEqual({ ok: true, rule: { field: 'industry', op: 'prefix', value: 'C13' } });
  });
});

describe('explaining a rule', () => {
  const e = {
    uscc: 'X', industryCode: 'C1311', sizeClass: 'small' as const, districtCode: '440605', town: '狮山镇', registrationDate: '2020-05-01',
    employees: 3, revenue: null, assets: 100, tags: [], licenses: [], seriousBadCredit: false,
  };
  const rule = { all: [{ field: 'sizeClass', op: 'in', value: ['small', 'micro'] }, { field: 'employees', op: 'gte', value: 5 }, { not: { field: 'seriousBadCredit', op: 'eq', value: true } }] } as const;

  it('shows each condition met or not with the value seen', () => {
    const x = explainRule(rule as never, e, '2026-03-01');
    expect(x.met).toBe(false);
    expect(x.conditions.map((c) => [c.path, c.met, c.seen, c.negated])).toEqual([
      ['rule.all[0]', true, 'small', false],
      ['rule.all[1]', false, 3, false],
      ['rule.all[2].not', false, false, true],
    ]);
  });

  it('finds the one condition a near miss lacks', () => {
    expect(missingCondition(rule as never, e, '2026-03-01')?.path).toBe('rule.all[1]');
    expect(missingCondition(rule as never, { ...e, employees: 3, sizeClass: 'large' }, '2026-03-01')).toBeNull();
  });
});
