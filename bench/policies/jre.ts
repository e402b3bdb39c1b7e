import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { wholeYears, type EnterpriseAttributes } from '../../server/src/modules/policies/rules/evaluate.ts';
import { isCondition, type Condition, type Rule } from '../../server/src/modules/policies/rules/rule.ts';

/** The same rules as json-rules-engine rules (custom operators where its built-ins differ on missing values). */
export function jreEngine(rules: { id: string; rule: Rule }[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const num = (v: unknown): v is number => typeof v === 'number';
  engine.addOperator('numGte', (fact: unknown, value: number) => num(fact) && fact >= value);
  engine.addOperator('numLte', (fact: unknown, value: number) => num(fact) && fact <= value);
  engine.addOperator('numBetween', (fact: unknown, value: [number, number]) => num(fact) && fact >= value[0] && fact <= value[1]);
  engine.addOperator('prefixAny', (fact: unknown, value: string[]) => typeof fact === 'string' && value.some((p) => fact.startsWith(p)));
  engine.addOperator('hasAny', (fact: unknown, value: string[]) => Array.isArray(fact) && value.some((v) => fact.includes(v)));
  for (const { id, rule } of rules) engine.addRule({ conditions: top(rule), event: { type: id } });
  return engine;
}

function top(rule: Rule): TopLevelCondition {
  const c = convert(rule);
  return 'all' in c || 'any' in c || 'not' in c ? (c as TopLevelCondition) : { all: [c] };
}

function convert(rule: Rule): NestedCondition {
  if (isCondition(rule)) return leaf(rule);
  if ('all' in rule) return { all: rule.all.map(convert) };
  if ('any' in rule) return { any: rule.any.map(convert) };
  return { not: convert(rule.not) };
}

function leaf(c: Condition): NestedCondition {
  switch (c.field) {
    case 'industry':
      return { fact: 'industryCode', operator: 'prefixAny', value: c.op === 'prefix' ? [c.value] : c.value };
    case 'sizeClass':
      return { fact: 'sizeClass', operator: 'in', value: c.value };
    case 'districtCode':
    case 'town':
      return c.op === 'eq' ? { fact: c.field, operator: 'equal', value: c.value } : { fact: c.field, operator: 'in', value: c.value };
    case 'tags':
      return { fact: 'tags', operator: 'hasAny', value: c.op === 'contains' ? [c.value] : c.value };
    case 'license':
      return { fact: 'licenses', operator: 'contains', value: c.value };
    case 'seriousBadCredit':
      return { fact: 'seriousBadCredit', operator: 'equal', value: c.value };
    default:
      return { fact: c.field, operator: c.op === 'gte' ? 'numGte' : c.op === 'lte' ? 'numLte' : 'numBetween', value: c.value };
  }
}

/** The facts of an enterprise (registeredYears worked out on the business date). */
export function factsOf(e: EnterpriseAttributes, today: string): Record<string, unknown> {
  return { ...e, registeredYears: e.registrationDate === null ? null : wholeYears(e.registrationDate, today) };
}
