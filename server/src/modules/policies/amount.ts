import type { AmountRule } from './contract.ts';

/** The amount (元) an enterprise gets under an amount rule, with how it was worked out; null when a figure it needs is unknown. */
export function calculateAmount(rule: AmountRule, e: { employees: number | null; revenue: number | null; assets: number | null }): { amount: number | null; basis: string } {
  const capped = (value: number, cap: number | null, basis: string) =>
    cap !== null && value > cap ? { amount: cap, basis: `${basis}，超过上限按 ${yuan(cap)} 计` } : { amount: round(value), basis };
  switch (rule.kind) {
    case 'fixed':
      return { amount: rule.amount, basis: `定额 ${yuan(rule.amount)}` };
    case 'per_employee':
      if (e.employees === null) return { amount: null, basis: '缺少从业人员数' };
      return capped(rule.perEmployee * e.employees, rule.cap, `${e.employees} 人 × ${yuan(rule.perEmployee)}`);
    case 'share': {
      const figure = e[rule.figure];
      const name = rule.figure === 'revenue' ? '营业收入' : '资产总额';
      if (figure === null) return { amount: null, basis: `缺少${name}` };
      return capped(figure * 10000 * rule.rate, rule.cap, `${name} ${figure} 万元 × ${round(rule.rate * 100)}%`);
    }
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
export const yuan = (v: number) => `${round(v).toLocaleString('zh-CN')} 元`;

/** The amount rule as the policy page states it. */
export function describeAmountRule(rule: AmountRule): string {
  const cap = (c: number | null) => (c === null ? '' : `，最高 ${yuan(c)}`);
  switch (rule.kind) {
    case 'fixed':
      return rule.amount > 0 ? `定额 ${yuan(rule.amount)}` : '不涉及资金（资质认定、减免或融资支持）';
    case 'per_employee':
      return `按从业人员每人 ${yuan(rule.perEmployee)}${cap(rule.cap)}`;
    case 'share':
      return `按${rule.figure === 'revenue' ? '营业收入' : '资产总额'}的 ${round(rule.rate * 100)}%${cap(rule.cap)}`;
  }
}
