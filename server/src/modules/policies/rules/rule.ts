import { z } from 'zod';

/**
 * Eligibility rules as data (issue 12): groups `{all:[…]}`, `{any:[…]}`, `{not:{…}}` and
 * conditions `{field, op, value}`. This exact shape is what is stored, exchanged and checked.
 */

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const NUMERIC_FIELDS = ['registeredYears', 'employees', 'revenue', 'assets'] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];

/** Each field with the operators it takes. */
export const FIELD_OPS = {
  industry: ['prefix', 'in'],
  sizeClass: ['in'],
  districtCode: ['eq', 'in'],
  town: ['eq', 'in'],
  registeredYears: ['gte', 'lte', 'between'],
  employees: ['gte', 'lte', 'between'],
  revenue: ['gte', 'lte', 'between'],
  assets: ['gte', 'lte', 'between'],
  tags: ['contains', 'containsAny'],
  license: ['has'],
  seriousBadCredit: ['eq'],
} as const;
export type RuleField = keyof typeof FIELD_OPS;
export const RULE_FIELDS = Object.keys(FIELD_OPS) as RuleField[];

export type NumericCondition =
  | { field: NumericField; op: 'gte' | 'lte'; value: number }
  | { field: NumericField; op: 'between'; value: [number, number] };

export type Condition =
  | { field: 'industry'; op: 'prefix'; value: string }
  | { field: 'industry'; op: 'in'; value: string[] }
  | { field: 'sizeClass'; op: 'in'; value: SizeClass[] }
  | { field: 'districtCode' | 'town'; op: 'eq'; value: string }
  | { field: 'districtCode' | 'town'; op: 'in'; value: string[] }
  | NumericCondition
  | { field: 'tags'; op: 'contains'; value: string }
  | { field: 'tags'; op: 'containsAny'; value: string[] }
  | { field: 'license'; op: 'has'; value: string }
  | { field: 'seriousBadCredit'; op: 'eq'; value: boolean };

export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition;

export function isCondition(rule: Rule): rule is Condition {
  return 'field' in rule;
}

const conditionSchema = z.object({
  field: z.enum(RULE_FIELDS as [RuleField, ...RuleField[]]),
  op: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
});

/** The JSON shape for OpenAPI and the web app; the full check (ops per field, values, codes) is `checkRule`. */
export const ruleSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ruleSchema) }),
    z.object({ any: z.array(ruleSchema) }),
    z.object({ not: ruleSchema }),
    conditionSchema,
  ]),
);

/** Every condition of a rule, depth first. */
export function conditionsOf(rule: Rule): Condition[] {
  if (isCondition(rule)) return [rule];
  if ('all' in rule) return rule.all.flatMap(conditionsOf);
  if ('any' in rule) return rule.any.flatMap(conditionsOf);
  return conditionsOf(rule.not);
}

/** A stable key of a condition: identical conditions across policies share it (and their bitset). */
export function conditionKey(c: Condition): string {
  const value = Array.isArray(c.value) && c.op !== 'between' ? [...(c.value as (string | number)[])].sort() : c.value;
  return `${c.field}|${c.op}|${JSON.stringify(value)}`;
}
