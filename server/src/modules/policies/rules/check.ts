import { lookupIndustry } from '../../enterprises/service.ts';
import { FIELD_OPS, NUMERIC_FIELDS, RULE_FIELDS, SIZE_CLASSES, type Condition, type Rule, type RuleField } from './rule.ts';

/** A rule's problem, at the path of the node that has it (e.g. `rule.all[1].any[0].value`). */
export type RuleProblem = { code: 'RULE_INVALID' | 'INDUSTRY_UNKNOWN'; path: string; message: string };
export type RuleCheck = { ok: true; rule: Rule } | { ok: false; problems: RuleProblem[] };

const MAX_DEPTH = 12;
const MAX_NODES = 400;
const MAX_LIST = 500;

const FIELD_NAMES: Record<RuleField, string> = {
  industry: '行业',
  sizeClass: '企业规模',
  districtCode: '所在区县',
  town: '所在镇街',
  registeredYears: '成立年限',
  employees: '从业人员',
  revenue: '营业收入',
  assets: '资产总额',
  tags: '企业标签',
  license: '电子证照',
  seriousBadCredit: '严重失信',
};

/**
 * Checks a rule as received (any JSON) and returns it normalised (industry codes with their
 * section letter), or every problem with the path of its node. Pure apart from reading the
 * GB/T 4754-2017 table.
 */
export function checkRule(input: unknown, root = 'rule'): RuleCheck {
  const problems: RuleProblem[] = [];
  let nodes = 0;
  const fail = (path: string, message: string, code: RuleProblem['code'] = 'RULE_INVALID') => {
    problems.push({ code, path, message: `${path}：${message}` });
    return null;
  };

  function node(value: unknown, path: string, depth: number): Rule | null {
    nodes += 1;
    if (nodes > MAX_NODES) return nodes === MAX_NODES + 1 ? fail(path, `规则过大（最多 ${MAX_NODES} 个节点）`) : null;
    if (depth > MAX_DEPTH) return fail(path, `规则嵌套过深（最多 ${MAX_DEPTH} 层）`);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, '应为条件 {field, op, value} 或条件组 {all}、{any}、{not}');
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    for (const group of ['all', 'any'] as const) {
      if (group in record) {
        if (keys.length !== 1) return fail(path, `条件组 ${group} 不能带其他键（${keys.filter((k) => k !== group).join('、')}）`);
        const items = record[group];
        if (!Array.isArray(items)) return fail(`${path}.${group}`, '应为数组');
        if (items.length === 0) return fail(`${path}.${group}`, '条件组为空，至少需要一个条件');
        const children = items.map((item, i) => node(item, `${path}.${group}[${i}]`, depth + 1));
        return children.every((c) => c !== null) ? ({ [group]: children } as Rule) : null;
      }
    }
    if ('not' in record) {
      if (keys.length !== 1) return fail(path, `条件组 not 不能带其他键（${keys.filter((k) => k !== 'not').join('、')}）`);
      const child = node(record.not, `${path}.not`, depth + 1);
      return child ? { not: child } : null;
    }
    return condition(record, path);
  }

  function condition(record: Record<string, unknown>, path: string): Condition | null {
    const extra = Object.keys(record).filter((k) => k !== 'field' && k !== 'op' && k !== 'value');
    if (extra.length > 0) return fail(path, `未知的键 ${extra.join('、')}（条件为 {field, op, value}，条件组为 all、any、not）`);
    const { field, op, value } = record;
    if (typeof field !== 'string' || !(RULE_FIELDS as string[]).includes(field)) {
      return fail(`${path}.field`, `未知字段 ${JSON.stringify(field ?? null)}，可用字段：${RULE_FIELDS.join('、')}`);
    }
    const f = field as RuleField;
    const ops = FIELD_OPS[f] as readonly string[];
    if (typeof op !== 'string' || !ops.includes(op)) {
      return fail(`${path}.op`, `字段 ${f}（${FIELD_NAMES[f]}）不支持运算 ${JSON.stringify(op ?? null)}，可用：${ops.join('、')}`);
    }
    const at = `${path}.value`;
    const name = FIELD_NAMES[f];
    if ((NUMERIC_FIELDS as readonly string[]).includes(f)) {
      const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && (f !== 'registeredYears' || Number.isInteger(v));
      const what = f === 'registeredYears' ? '非负整数（年）' : '非负数';
      if (op === 'between') {
        if (!Array.isArray(value) || value.length !== 2 || !value.every(isNumber)) return fail(at, `${name}的 between 应为 [最小值, 最大值]，均为${what}`);
        const [min, max] = value as [number, number];
        if (min > max) return fail(at, `${name}的区间最小值 ${min} 大于最大值 ${max}`);
        return { field: f, op: 'between', value: [min, max] } as Condition;
      }
      if (!isNumber(value)) return fail(at, `${name}应为${what}`);
      return { field: f, op, value } as Condition;
    }
    if (f === 'seriousBadCredit') {
      if (typeof value !== 'boolean') return fail(at, `${name}应为 true 或 false`);
      return { field: f, op: 'eq', value };
    }
    const isList = op === 'in' || op === 'containsAny';
    const strings = stringValues(value, isList, at, name);
    if (!strings) return null;
    if (f === 'industry') {
      const codes: string[] = [];
      for (const [i, code] of strings.entries()) {
        const found = lookupIndustry(code);
        if (!found.ok) fail(isList ? `${at}[${i}]` : at, `行业代码 ${code} 不存在：${found.reason}`, 'INDUSTRY_UNKNOWN');
        else codes.push(found.industry.code);
      }
      if (codes.length !== strings.length) return null;
      return (isList ? { field: f, op, value: [...new Set(codes)] } : { field: f, op, value: codes[0]! }) as Condition;
    }
    if (f === 'sizeClass') {
      const bad = strings.find((s) => !(SIZE_CLASSES as readonly string[]).includes(s));
      if (bad !== undefined) return fail(at, `企业规模 ${bad} 不存在，可用：${SIZE_CLASSES.join('、')}`);
    }
    if (f === 'districtCode') {
      const bad = strings.find((s) => !/^[1-9]\d{5}$/.test(s));
      if (bad !== undefined) return fail(at, `区县代码 ${bad} 应为 6 位行政区划代码`);
    }
    return { field: f, op, value: isList ? [...new Set(strings)] : strings[0]! } as Condition;
  }

  function stringValues(value: unknown, isList: boolean, at: string, name: string): string[] | null {
    const good = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 100;
    if (!isList) return good(value) ? [value.trim()] : fail(at, `${name}应为非空文字（最多 100 字）`);
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST) return fail(at, `${name}应为 1–${MAX_LIST} 项的列表`);
    if (!value.every(good)) return fail(at, `${name}的每一项应为非空文字（最多 100 字）`);
    return value.map((v: string) => v.trim());
  }

  const rule = node(input, root, 1);
  return rule && problems.length === 0 ? { ok: true, rule } : { ok: false, problems };
}
