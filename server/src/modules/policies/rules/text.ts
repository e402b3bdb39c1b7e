import { numericBounds } from './evaluate.ts';
import type { Condition, NumericCondition } from './rule.ts';

const SIZE_NAMES: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
const NUMERIC: Record<string, [string, string]> = {
  registeredYears: ['成立年限', '年'],
  employees: ['从业人员', '人'],
  revenue: ['营业收入', '万元'],
  assets: ['资产总额', '万元'],
};

/** A condition as a person reads it, e.g. 「企业规模为小型或微型」. */
export function describeCondition(c: Condition, negated = false): string {
  const text = positive(c);
  return negated ? `不满足：${text}` : text;
}

function positive(c: Condition): string {
  const list = (v: string | string[]) => (Array.isArray(v) ? v.join('、') : v);
  switch (c.field) {
    case 'industry':
      return `行业属于 ${list(c.value)}`;
    case 'sizeClass':
      return `企业规模为${c.value.map((s) => SIZE_NAMES[s]).join('或')}`;
    case 'districtCode':
      return `注册地区县为 ${list(c.value)}`;
    case 'town':
      return `注册地镇街为 ${list(c.value)}`;
    case 'tags':
      return c.op === 'contains' ? `具有“${c.value}”标签` : `具有以下任一标签：${list(c.value)}`;
    case 'license':
      return `持有有效电子证照 ${c.value}`;
    case 'seriousBadCredit':
      return c.value ? '有未修复的严重失信记录' : '无严重失信记录';
    default: {
      const [name, unit] = NUMERIC[c.field]!;
      const [lo, hi] = numericBounds(c as NumericCondition);
      if (hi === Infinity) return `${name} ≥ ${lo} ${unit}`;
      if (lo === -Infinity) return `${name} ≤ ${hi} ${unit}`;
      return `${name}在 ${lo}–${hi} ${unit}之间`;
    }
  }
}

/** The value an explanation saw, as text. */
export function describeSeen(c: Condition, seen: unknown): string {
  if (seen === null || seen === undefined || seen === '') return '无数据';
  if (c.field === 'sizeClass') return SIZE_NAMES[String(seen)] ?? String(seen);
  if (c.field === 'seriousBadCredit') return seen ? '有' : '无';
  if (Array.isArray(seen)) return seen.length ? seen.join('、') : '无';
  const unit = NUMERIC[c.field]?.[1];
  return unit ? `${String(seen)} ${unit}` : String(seen);
}
