import type { Industry } from '../industry/types.ts';

/**
 * Enterprise size classes of 国统字〔2017〕213号 (统计上大中小微型企业划分办法（2017）), FACTS §3.
 * Large, medium and small must reach the lower bound of every indicator listed for the industry,
 * otherwise the enterprise falls a class (and again, until every indicator is met); micro needs
 * only one indicator below the small bound. So the class is the lowest of the indicators' classes.
 */

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const SIZE_INDICATORS = ['employees', 'revenue', 'assets'] as const;
/** X 从业人员 (people), Y 营业收入 (万元), Z 资产总额 (万元) */
export type SizeIndicator = (typeof SIZE_INDICATORS)[number];

export const SIZE_CLASS_NAMES: Record<SizeClass, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
export const INDICATOR_NAMES: Record<SizeIndicator, string> = { employees: '从业人员', revenue: '营业收入', assets: '资产总额' };
const UNITS: Record<SizeIndicator, string> = { employees: '人', revenue: '万元', assets: '万元' };

/** Lower bounds of large, medium and small; below the small bound is micro. */
export type Bounds = readonly [large: number, medium: number, small: number];

export type SizeRule = {
  id: string;
  /** the row of the table, as the reason names it */
  name: string;
  indicators: readonly { indicator: SizeIndicator; bounds: Bounds }[];
};

export const SIZE_RULES = {
  agriculture: { id: 'agriculture', name: '农、林、牧、渔业', indicators: [{ indicator: 'revenue', bounds: [20000, 500, 50] }] },
  industry: {
    id: 'industry',
    name: '工业',
    indicators: [
      { indicator: 'employees', bounds: [1000, 300, 20] },
      { indicator: 'revenue', bounds: [40000, 2000, 300] },
    ],
  },
  construction: {
    id: 'construction',
    name: '建筑业',
    indicators: [
      { indicator: 'revenue', bounds: [80000, 6000, 300] },
      { indicator: 'assets', bounds: [80000, 5000, 300] },
    ],
  },
  wholesale: {
    id: 'wholesale',
    name: '批发业',
    indicators: [
      { indicator: 'employees', bounds: [200, 20, 5] },
      { indicator: 'revenue', bounds: [40000, 5000, 1000] },
    ],
  },
  retail: {
    id: 'retail',
    name: '零售业',
    indicators: [
      { indicator: 'employees', bounds: [300, 50, 10] },
      { indicator: 'revenue', bounds: [20000, 500, 100] },
    ],
  },
  transport: {
    id: 'transport',
    name: '交通运输业',
    indicators: [
      { indicator: 'employees', bounds: [1000, 300, 20] },
      { indicator: 'revenue', bounds: [30000, 3000, 200] },
    ],
  },
  warehousing: {
    id: 'warehousing',
    name: '仓储业',
    indicators: [
      { indicator: 'employees', bounds: [200, 100, 20] },
      { indicator: 'revenue', bounds: [30000, 1000, 100] },
    ],
  },
  postal: {
    id: 'postal',
    name: '邮政业',
    indicators: [
      { indicator: 'employees', bounds: [1000, 300, 20] },
      { indicator: 'revenue', bounds: [30000, 2000, 100] },
    ],
  },
  accommodationCatering: {
    id: 'accommodationCatering',
    name: '住宿业和餐饮业',
    indicators: [
      { indicator: 'employees', bounds: [300, 100, 10] },
      { indicator: 'revenue', bounds: [10000, 2000, 100] },
    ],
  },
  informationTransmission: {
    id: 'informationTransmission',
    name: '信息传输业',
    indicators: [
      { indicator: 'employees', bounds: [2000, 100, 10] },
      { indicator: 'revenue', bounds: [100000, 1000, 100] },
    ],
  },
  software: {
    id: 'software',
    name: '软件和信息技术服务业',
    indicators: [
      { indicator: 'employees', bounds: [300, 100, 10] },
      { indicator: 'revenue', bounds: [10000, 1000, 50] },
    ],
  },
  realEstateDevelopment: {
    id: 'realEstateDevelopment',
    name: '房地产开发经营',
    indicators: [
      { indicator: 'revenue', bounds: [200000, 1000, 100] },
      { indicator: 'assets', bounds: [10000, 5000, 2000] },
    ],
  },
  propertyManagement: {
    id: 'propertyManagement',
    name: '物业管理',
    indicators: [
      { indicator: 'employees', bounds: [1000, 300, 100] },
      { indicator: 'revenue', bounds: [5000, 1000, 500] },
    ],
  },
  leasingBusiness: {
    id: 'leasingBusiness',
    name: '租赁和商务服务业',
    indicators: [
      { indicator: 'employees', bounds: [300, 100, 10] },
      { indicator: 'assets', bounds: [120000, 8000, 100] },
    ],
  },
  other: { id: 'other', name: '其他未列明行业', indicators: [{ indicator: 'employees', bounds: [300, 100, 10] }] },
} as const satisfies Record<string, SizeRule>;

export type SizeRuleId = keyof typeof SIZE_RULES;

export type RuleSelection =
  | { kind: 'rule'; rule: SizeRule }
  /** the code covers rows with different rules: a more specific code is needed */
  | { kind: 'too-broad'; reason: string }
  /** the 2017 method does not classify this industry */
  | { kind: 'not-applicable'; reason: string };

const rule = (id: SizeRuleId): RuleSelection => ({ kind: 'rule', rule: SIZE_RULES[id] });
const tooBroad = (code: string, rows: string): RuleSelection => ({
  kind: 'too-broad',
  reason: `行业代码 ${code} 包含划型标准不同的行业（${rows}），请填写到大类或更细的代码`,
});

/** Which row of the table applies to an industry code (any level) of GB/T 4754-2017. */
export function sizeRuleFor(industry: Industry): RuleSelection {
  const division = industry.division ? Number(industry.division) : null;
  switch (industry.section) {
    case 'A':
      return rule('agriculture');
    case 'B':
    case 'C':
    case 'D':
      return rule('industry');
    case 'E':
      return rule('construction');
    case 'F':
      if (division === null) return tooBroad(industry.code, '批发业 51、零售业 52');
      return rule(division === 51 ? 'wholesale' : 'retail');
    case 'G':
      if (division === null) return tooBroad(industry.code, '交通运输业 54–58、仓储业 59、邮政业 60');
      // Rail (53) is excluded from 交通运输业 by the method's note; it is not listed elsewhere.
      if (division === 53) return rule('other');
      if (division === 59) return rule('warehousing');
      if (division === 60) return rule('postal');
      return rule('transport');
    case 'H':
      return rule('accommodationCatering');
    case 'I':
      if (division === null) return tooBroad(industry.code, '信息传输业 63–64、软件和信息技术服务业 65');
      return rule(division === 65 ? 'software' : 'informationTransmission');
    case 'J':
      return {
        kind: 'not-applicable',
        reason: '金融业企业按《金融业企业划型标准规定》（银发〔2015〕309号）划型，不适用统计上大中小微型企业划分办法',
      };
    case 'K': {
      // Groups 701 and 702 each hold a single class (7010, 7020), so a group code is specific enough.
      const digits = industry.code.slice(1);
      if (digits.length < 3) return tooBroad(industry.code, '房地产开发经营 7010、物业管理 7020、其他房地产业');
      if (digits.startsWith('701')) return rule('realEstateDevelopment');
      if (digits.startsWith('702')) return rule('propertyManagement');
      return rule('other');
    }
    case 'L':
      return rule('leasingBusiness');
    default:
      return rule('other');
  }
}

export type SizeInputs = Partial<Record<SizeIndicator, number | null>>;

export type SizeResult =
  | { ok: true; sizeClass: SizeClass; reason: string; rule: SizeRule }
  | { ok: false; missing: SizeIndicator[]; reason: string; rule: SizeRule };

/** The class one indicator's value reaches on its own. */
export function classOfValue(value: number, bounds: Bounds): SizeClass {
  if (value >= bounds[0]) return 'large';
  if (value >= bounds[1]) return 'medium';
  if (value >= bounds[2]) return 'small';
  return 'micro';
}

/**
 * Classifies by one rule and says why, e.g.
 * "工业：从业人员 250 人（20 ≤ 250 < 300，小型），营业收入 5000 万元（2000 ≤ 5000 < 40000，中型）；须同时达到各项指标的下限，划为小型".
 */
export function classifySize(sizeRule: SizeRule, inputs: SizeInputs): SizeResult {
  const missing = sizeRule.indicators.map((i) => i.indicator).filter((i) => inputs[i] === undefined || inputs[i] === null);
  if (missing.length > 0) {
    return {
      ok: false,
      missing,
      rule: sizeRule,
      reason: `${sizeRule.name}按${sizeRule.indicators.map((i) => INDICATOR_NAMES[i.indicator]).join('和')}划型，缺少${missing.map((m) => INDICATOR_NAMES[m]).join('、')}`,
    };
  }
  const parts = sizeRule.indicators.map(({ indicator, bounds }) => {
    const value = inputs[indicator] as number;
    const own = classOfValue(value, bounds);
    return { indicator, value, own, text: `${INDICATOR_NAMES[indicator]} ${formatNumber(value)} ${UNITS[indicator]}（${comparison(value, own, bounds)}，${SIZE_CLASS_NAMES[own]}）` };
  });
  const sizeClass = parts.reduce<SizeClass>((lowest, p) => (SIZE_CLASSES.indexOf(p.own) > SIZE_CLASSES.indexOf(lowest) ? p.own : lowest), 'large');
  const isMixed = new Set(parts.map((p) => p.own)).size > 1;
  const conclusion =
    sizeClass === 'micro' && isMixed
      ? `有一项指标低于小型下限，划为${SIZE_CLASS_NAMES.micro}`
      : isMixed
        ? `须同时达到各项指标的下限，划为${SIZE_CLASS_NAMES[sizeClass]}`
        : `划为${SIZE_CLASS_NAMES[sizeClass]}`;
  return { ok: true, sizeClass, rule: sizeRule, reason: `${sizeRule.name}：${parts.map((p) => p.text).join('，')}；${conclusion}` };
}

function comparison(value: number, own: SizeClass, [large, medium, small]: Bounds): string {
  const v = formatNumber(value);
  switch (own) {
    case 'large':
      return `${v} ≥ ${large}`;
    case 'medium':
      return `${medium} ≤ ${v} < ${large}`;
    case 'small':
      return `${small} ≤ ${v} < ${medium}`;
    case 'micro':
      return `${v} < ${small}`;
  }
}

/** Exactly as given: rounding for display could show 299.999 as "300" next to "< 300". */
function formatNumber(value: number): string {
  return String(value);
}
