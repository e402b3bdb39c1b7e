import { allIndustries } from '../../server/src/modules/enterprises/industry/industry-codes.ts';
import type { EnterpriseAttributes } from '../../server/src/modules/policies/rules/evaluate.ts';
import type { Condition, Rule, SizeClass } from '../../server/src/modules/policies/rules/rule.ts';

/** Seeded generator (mulberry32): the same run gives the same province and the same policies. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T>(xs: readonly (readonly [T, number])[]) => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

// Guangdong's enterprises by section: trade and manufacturing lead (market-regulation statistics, rounded)
const SECTION_WEIGHTS: [string, number][] = [
  ['F', 30], ['C', 17], ['L', 11], ['I', 6], ['M', 7], ['E', 5], ['G', 5], ['H', 4], ['K', 3], ['O', 4],
  ['A', 2], ['R', 2], ['P', 1], ['Q', 0.6], ['N', 0.8], ['D', 0.5], ['B', 0.2], ['J', 0.6], ['S', 0.3],
];
const classes = allIndustries().filter((i) => i.level === 'class');
const classesBySection = new Map(SECTION_WEIGHTS.map(([s]) => [s, classes.filter((c) => c.section === s).map((c) => c.code)]));
const divisions = allIndustries().filter((i) => i.level === 'division').map((i) => i.code);
const groups = allIndustries().filter((i) => i.level === 'group').map((i) => i.code);

/** 21 cities of Guangdong with their districts (codes 44ccdd), bigger cities more enterprises. */
const CITIES = [['4401', 11, 20], ['4403', 9, 25], ['4406', 5, 12], ['4419', 1, 8], ['4413', 4, 5], ['4404', 3, 4], ['4420', 1, 4], ['4407', 7, 3], ['4405', 7, 3], ['4452', 5, 2], ['4412', 8, 2], ['4415', 4, 1], ['4409', 5, 1], ['4414', 8, 1], ['4418', 8, 1], ['4408', 9, 1], ['4417', 4, 1], ['4453', 5, 1], ['4416', 6, 1], ['4402', 10, 1], ['4451', 3, 1]] as const;
export const DISTRICTS: [string, number][] = CITIES.flatMap(([city, n, weight]) => Array.from({ length: n }, (_, i) => [`${city}${String(i + 3).padStart(2, '0')}`, weight / n] as [string, number]));
export const TAGS = ['高新技术企业', '专精特新', '专精特新小巨人', '科技型中小企业', '规上企业', '外贸企业', '首次升规', '瞪羚企业', '独角兽', '省级企业技术中心', '上市企业', '拟上市企业', '制造业单项冠军', '绿色工厂', '智能工厂', '数字化转型示范', '总部企业', '外资企业', '港澳资企业', '女性创业', '退役军人创业', '大学生创业', '乡村振兴', '老字号', '农业龙头企业', '文旅企业', '个转企', '小升规', '研发机构', '知识产权示范'];
const TAG_RATE = TAGS.map((_, i) => 0.12 / (1 + i * 0.6));
export const LICENSES = ['business_license', 'food_business', 'food_production', 'drug_business', 'medical_device', 'construction_qualification', 'road_transport', 'hazardous_chemicals', 'fire_safety', 'pollutant_discharge', 'import_export', 'telecom_value_added', 'human_resources', 'catering_safety', 'tobacco_retail', 'publication_business', 'travel_agency', 'education_license', 'property_service', 'special_equipment'];
const LICENSE_RATE = LICENSES.map((l, i) => (l === 'business_license' ? 0.96 : 0.15 / (1 + i * 0.5)));

const SIZES: [SizeClass | null, number][] = [['micro', 80], ['small', 14], ['medium', 3.5], ['large', 0.7], [null, 1.8]];
const EMPLOYEES: Record<SizeClass, [number, number]> = { micro: [0, 19], small: [20, 299], medium: [300, 999], large: [1000, 30000] };
const REVENUE: Record<SizeClass, [number, number]> = { micro: [1, 300], small: [300, 2000], medium: [2000, 40000], large: [40000, 2000000] };

function pad(n: number) {
  return String(n).padStart(2, '0');
}

export function enterpriseGenerator(seed: number) {
  const r = random(seed);
  return (): EnterpriseAttributes => {
    const section = r.weighted(SECTION_WEIGHTS);
    const size = r.weighted(SIZES);
    const [elo, ehi] = EMPLOYEES[size ?? 'micro'];
    const [rlo, rhi] = REVENUE[size ?? 'micro'];
    const district = r.weighted(DISTRICTS);
    const skew = Math.sqrt(r.next());
    const year = 1990 + Math.floor(skew * 36.9);
    const tags: string[] = [];
    for (let i = 0; i < TAGS.length; i++) if (r.next() < TAG_RATE[i]!) tags.push(TAGS[i]!);
    const licenses: string[] = [];
    for (let i = 0; i < LICENSES.length; i++) if (r.next() < LICENSE_RATE[i]!) licenses.push(LICENSES[i]!);
    return {
      uscc: '',
      industryCode: r.pick(classesBySection.get(section)!),
      sizeClass: size,
      districtCode: district,
      town: `${district}镇${r.int(1, 16)}`,
      registrationDate: r.next() < 0.02 ? null : `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
      employees: r.next() < 0.08 ? null : Math.round(elo + (ehi - elo) * r.next() ** 2),
      revenue: r.next() < 0.15 ? null : Math.round((rlo + (rhi - rlo) * r.next() ** 3) * 100) / 100,
      assets: r.next() < 0.2 ? null : Math.round(rlo * 0.8 + (rhi - rlo) * r.next() ** 3),
      tags,
      licenses,
      seriousBadCredit: r.next() < 0.015,
    };
  };
}

/** 1,000 policies of 2–8 conditions, with nested any and not, from the kinds of conditions real policies state. */
export function generatePolicies(count: number, seed: number): Rule[] {
  const r = random(seed);
  const condition = (): Condition => {
    const kind = r.weighted([['industry', 18], ['size', 14], ['district', 10], ['town', 3], ['years', 10], ['employees', 12], ['revenue', 12], ['assets', 5], ['tag', 10], ['license', 6]] as const);
    const numeric = (field: 'employees' | 'revenue' | 'assets' | 'registeredYears', pool: number[]): Condition => {
      const op = r.weighted([['gte', 6], ['lte', 2], ['between', 2]] as const);
      if (op !== 'between') return { field, op, value: r.pick(pool) };
      const a = r.pick(pool);
      const b = r.pick(pool);
      return { field, op, value: [Math.min(a, b), Math.max(a, b)] };
    };
    switch (kind) {
      case 'industry': {
        const level = r.weighted([['section', 4], ['division', 5], ['group', 2], ['many', 2]] as const);
        if (level === 'many') return { field: 'industry', op: 'in', value: Array.from({ length: r.int(2, 5) }, () => r.pick(divisions)).filter((v, i, a) => a.indexOf(v) === i) };
        const pool = level === 'section' ? ['C', 'F', 'I', 'M', 'G', 'E', 'A', 'R', 'H', 'L'] : level === 'division' ? divisions : groups;
        return { field: 'industry', op: 'prefix', value: r.pick(pool) };
      }
      case 'size':
        return { field: 'sizeClass', op: 'in', value: r.pick([['small', 'micro'], ['medium', 'small', 'micro'], ['large', 'medium'], ['medium'], ['small'], ['micro']] as SizeClass[][]) };
      case 'district': {
        const city = r.pick(CITIES)[0];
        const ds = DISTRICTS.filter(([d]) => d.startsWith(city)).map(([d]) => d);
        return r.next() < 0.5 ? { field: 'districtCode', op: 'in', value: ds } : { field: 'districtCode', op: 'eq', value: r.pick(ds) };
      }
      case 'town': {
        const d = r.weighted(DISTRICTS);
        return { field: 'town', op: 'in', value: [`${d}镇${r.int(1, 16)}`, `${d}镇${r.int(1, 16)}`].filter((v, i, a) => a.indexOf(v) === i) };
      }
      case 'years':
        return numeric('registeredYears', [1, 2, 3, 5, 8, 10, 15]);
      case 'employees':
        return numeric('employees', [5, 10, 20, 50, 100, 300, 1000]);
      case 'revenue':
        return numeric('revenue', [100, 300, 500, 1000, 2000, 5000, 20000, 40000]);
      case 'assets':
        return numeric('assets', [100, 500, 1000, 5000, 10000]);
      case 'tag':
        return r.next() < 0.6 ? { field: 'tags', op: 'contains', value: r.pick(TAGS.slice(0, 12)) } : { field: 'tags', op: 'containsAny', value: [r.pick(TAGS), r.pick(TAGS)].filter((v, i, a) => a.indexOf(v) === i) };
      case 'license':
        return { field: 'license', op: 'has', value: r.pick(LICENSES.slice(1, 12)) };
    }
  };
  return Array.from({ length: count }, () => {
    const n = r.int(2, 8);
    const items: Rule[] = [];
    let left = n;
    if (r.next() < 0.7) {
      items.push({ field: 'seriousBadCredit', op: 'eq', value: false });
      left -= 1;
    }
    while (left > 0) {
      const shape = r.next();
      if (left >= 2 && shape < 0.2) {
        const k = r.int(2, Math.min(3, left));
        items.push({ any: Array.from({ length: k }, condition) });
        left -= k;
      } else if (shape < 0.3) {
        items.push({ not: condition() });
        left -= 1;
      } else {
        items.push(condition());
        left -= 1;
      }
    }
    return { all: items };
  });
}
