import { isCondition, type Condition, type NumericCondition, type Rule, type SizeClass } from './rule.ts';

/** What a rule reads of an enterprise. Numbers are null when the registry has no value. */
export type EnterpriseAttributes = {
  uscc: string;
  /** GB/T 4754-2017 code with its section letter (C, C13, C131 or C1311) */
  industryCode: string;
  sizeClass: SizeClass | null;
  districtCode: string;
  town: string;
  /** YYYY-MM-DD */
  registrationDate: string | null;
  employees: number | null;
  /** 万元 */
  revenue: number | null;
  /** 万元 */
  assets: number | null;
  tags: string[];
  /** type codes of the e-licenses it holds that are valid on the business date */
  licenses: string[];
  /** holds an unrepaired serious bad-credit record */
  seriousBadCredit: boolean;
};

/** Whole years from the registration date to `today` (both YYYY-MM-DD): the anniversary counts. */
export function wholeYears(from: string, today: string): number {
  const f = dateNumber(from);
  const t = dateNumber(today);
  return Math.floor(t / 10000) - Math.floor(f / 10000) - (t % 10000 < f % 10000 ? 1 : 0);
}

/** YYYY-MM-DD as the integer YYYYMMDD. */
export function dateNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** The value a condition reads, as the explanation shows it. */
export function valueSeen(c: Condition, e: EnterpriseAttributes, today: string): unknown {
  switch (c.field) {
    case 'registeredYears':
      return e.registrationDate === null ? null : wholeYears(e.registrationDate, today);
    case 'license':
      return e.licenses;
    case 'industry':
      return e.industryCode;
    default:
      return e[c.field];
  }
}

/** A numeric condition as the closed range [lo, hi] it accepts. */
export function numericBounds(c: NumericCondition): [number, number] {
  if (Array.isArray(c.value)) return c.value;
  return c.op === 'gte' ? [c.value, Infinity] : [-Infinity, c.value];
}

/**
 * A registeredYears condition as the registration dates (YYYYMMDD) that meet it on `today`: whole
 * years ≥ k ⟺ registered on or before the date k years back; years ≤ k ⟺ not years ≥ k + 1. The
 * lower bound is at least 1, so an enterprise with no date (0) never meets it.
 */
export function registrationDates(c: NumericCondition, today: string): [number, number] {
  const t = dateNumber(today);
  const [lo, hi] = numericBounds(c);
  return [hi === Infinity ? 1 : Math.max(1, t - (hi + 1) * 10000 + 1), lo === -Infinity ? Infinity : t - lo * 10000];
}

/** The plain reading of one condition: the reference the compiled matcher must agree with. */
export function meetsCondition(c: Condition, e: EnterpriseAttributes, today: string): boolean {
  switch (c.field) {
    case 'industry':
      // An enterprise belongs to its code at every level: C1311 is in C, C13, C131 and C1311.
      return (c.op === 'prefix' ? [c.value] : c.value).some((code) => e.industryCode.startsWith(code));
    case 'sizeClass':
      return e.sizeClass !== null && c.value.includes(e.sizeClass);
    case 'districtCode':
    case 'town':
      return c.op === 'eq' ? e[c.field] === c.value : c.value.includes(e[c.field]);
    case 'registeredYears':
    case 'employees':
    case 'revenue':
    case 'assets': {
      const v = valueSeen(c, e, today) as number | null;
      if (v === null) return false;
      const [lo, hi] = numericBounds(c as NumericCondition);
      return v >= lo && v <= hi;
    }
    case 'tags':
      return c.op === 'contains' ? e.tags.includes(c.value) : c.value.some((t) => e.tags.includes(t));
    case 'license':
      return e.licenses.includes(c.value);
    case 'seriousBadCredit':
      return e.seriousBadCredit === c.value;
  }
}

export function evaluateRule(rule: Rule, e: EnterpriseAttributes, today: string): boolean {
  if (isCondition(rule)) return meetsCondition(rule, e, today);
  if ('all' in rule) return rule.all.every((r) => evaluateRule(r, e, today));
  if ('any' in rule) return rule.any.some((r) => evaluateRule(r, e, today));
  return !evaluateRule(rule.not, e, today);
}

export type ConditionExplanation = { path: string; condition: Condition; met: boolean; seen: unknown; negated: boolean };
export type Explanation = { met: boolean; conditions: ConditionExplanation[] };

/**
 * Each condition of the rule, met or not, with the value seen; `negated` marks a condition under
 * an odd number of `not`s (there, not meeting it is what qualifies).
 */
export function explainRule(rule: Rule, e: EnterpriseAttributes, today: string, root = 'rule'): Explanation {
  const conditions: ConditionExplanation[] = [];
  const walk = (r: Rule, path: string, negated: boolean) => {
    if (isCondition(r)) conditions.push({ path, condition: r, met: meetsCondition(r, e, today), seen: valueSeen(r, e, today), negated });
    else if ('all' in r) r.all.forEach((c, i) => walk(c, `${path}.all[${i}]`, negated));
    else if ('any' in r) r.any.forEach((c, i) => walk(c, `${path}.any[${i}]`, negated));
    else walk(r.not, `${path}.not`, !negated);
  };
  walk(rule, root, false);
  return { met: evaluateRule(rule, e, today), conditions };
}

/**
 * For a rule the enterprise does not meet: the one condition whose flip would make it qualify
 * (a near miss), or null when more than one is missing.
 */
export function missingCondition(rule: Rule, e: EnterpriseAttributes, today: string): ConditionExplanation | null {
  if (evaluateRule(rule, e, today)) return null;
  const { conditions } = explainRule(rule, e, today);
  const flips = conditions.filter((c) => evaluateFlipped(rule, c.path, e, today));
  return flips.length === 1 ? flips[0]! : null;
}

function evaluateFlipped(rule: Rule, flipPath: string, e: EnterpriseAttributes, today: string): boolean {
  const walk = (r: Rule, path: string): boolean => {
    if (isCondition(r)) return path === flipPath ? !meetsCondition(r, e, today) : meetsCondition(r, e, today);
    if ('all' in r) return r.all.every((c, i) => walk(c, `${path}.all[${i}]`));
    if ('any' in r) return r.any.some((c, i) => walk(c, `${path}.any[${i}]`));
    return !walk(r.not, `${path}.not`);
  };
  return walk(rule, 'rule');
}
