import fc from 'fast-check';
import type { EnterpriseAttributes } from './evaluate.ts';
import type { Rule } from './rule.ts';

/** Small vocabularies so that random rules and enterprises meet often (tests and the bench check). */
export const INDUSTRIES = ['C', 'C13', 'C131', 'C1311', 'C1312', 'C39', 'C3911', 'F', 'F51', 'F5211', 'I65', 'I6511', 'M7320', 'A0111'];
export const TOWNS = ['桂城街道', '狮山镇', '大沥镇', '里水镇', '九江镇'];
export const DISTRICTS = ['440605', '440604', '440606'];
export const TAGS = ['高新技术企业', '专精特新', '科技型中小企业', '规上企业', '外贸'];
export const LICENSES = ['BL', 'FOOD', 'TAX', 'ENV'];

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 5 });

export const enterpriseArb: fc.Arbitrary<EnterpriseAttributes> = fc.record({
  uscc: fc.constant(''),
  industryCode: fc.constantFrom(...INDUSTRIES),
  sizeClass: maybe(fc.constantFrom('large' as const, 'medium' as const, 'small' as const, 'micro' as const)),
  districtCode: fc.constantFrom(...DISTRICTS),
  town: fc.constantFrom(...TOWNS),
  registrationDate: maybe(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
  employees: maybe(fc.integer({ min: 0, max: 400 })),
  revenue: maybe(fc.double({ min: 0, max: 5000, noNaN: true }).map((v) => Math.round(v * 100) / 100)),
  assets: maybe(fc.integer({ min: 0, max: 9000 })),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
  licenses: fc.uniqueArray(fc.constantFrom(...LICENSES), { maxLength: 3 }),
  seriousBadCredit: fc.boolean(),
});

const nonEmpty = <T>(values: T[]) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 });
const numericOp = (field: 'registeredYears' | 'employees' | 'revenue' | 'assets', max: number) =>
  fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constantFrom('gte' as const, 'lte' as const), value: fc.integer({ min: 0, max }) }),
    fc
      .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }))
      .map(([a, b]) => ({ field, op: 'between' as const, value: [Math.min(a, b), Math.max(a, b)] as [number, number] })),
  );

export const conditionArb = fc.oneof(
  fc.record({ field: fc.constant('industry' as const), op: fc.constant('prefix' as const), value: fc.constantFrom(...INDUSTRIES) }),
  fc.record({ field: fc.constant('industry' as const), op: fc.constant('in' as const), value: nonEmpty(INDUSTRIES) }),
  fc.record({ field: fc.constant('sizeClass' as const), op: fc.constant('in' as const), value: nonEmpty(['large', 'medium', 'small', 'micro'] as const) }),
  fc.record({ field: fc.constant('districtCode' as const), op: fc.constant('eq' as const), value: fc.constantFrom(...DISTRICTS) }),
  fc.record({ field: fc.constant('town' as const), op: fc.constant('in' as const), value: nonEmpty(TOWNS) }),
  fc.record({ field: fc.constant('town' as const), op: fc.constant('eq' as const), value: fc.constantFrom(...TOWNS) }),
  numericOp('registeredYears', 30),
  numericOp('employees', 400),
  numericOp('revenue', 5000),
  numericOp('assets', 9000),
  fc.record({ field: fc.constant('tags' as const), op: fc.constant('contains' as const), value: fc.constantFrom(...TAGS) }),
  fc.record({ field: fc.constant('tags' as const), op: fc.constant('containsAny' as const), value: nonEmpty(TAGS) }),
  fc.record({ field: fc.constant('license' as const), op: fc.constant('has' as const), value: fc.constantFrom(...LICENSES) }),
  fc.record({ field: fc.constant('seriousBadCredit' as const), op: fc.constant('eq' as const), value: fc.boolean() }),
) as fc.Arbitrary<Rule>;

export const ruleArb: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    conditionArb,
    fc.array(tie('rule'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    fc.array(tie('rule'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
    tie('rule').map((not) => ({ not })),
  ),
})).rule;
