import { entityCheckCharacter, usccCheckCharacter } from '../../lib/uscc.ts';
import type { CreditKind, EnterpriseInput, EnterpriseType } from './contract.ts';
import { residentIdCheckCharacter } from './people/resident-id.ts';

/**
 * Generated demo enterprises of 南海区 (440605): deterministic (a seeded PRNG), so tests and
 * screenshots see the same registry every time. All names, codes and people are fictional.
 */

export const DEMO_DISTRICT = '440605';
export const DEMO_ENTERPRISE_COUNT = 5000;

/** The two demo portal accounts' enterprises, registered first with fixed data. */
export const DEMO_ACCOUNT_ENTERPRISES = {
  manufacturing: '91440605MA4W3K7P3K',
  catering: '91440605MA51XQ2D77',
} as const;

/** 南海区's towns (镇街) and a few of their roads, for addresses. */
export const NANHAI_TOWNS: { name: string; roads: string[] }[] = [
  { name: '桂城街道', roads: ['南海大道', '桂澜路', '海八路', '南桂东路', '天佑路', '灯湖东路'] },
  { name: '九江镇', roads: ['沙口路', '环市路', '九江大道', '儒林路'] },
  { name: '西樵镇', roads: ['樵高路', '西樵大道', '樵金路', '江浦西路'] },
  { name: '丹灶镇', roads: ['丹灶大道', '金沙大道', '桂丹路', '国家生态工业园路'] },
  { name: '狮山镇', roads: ['狮山大道', '博爱路', '兴业路', '科技大道', '罗村大道'] },
  { name: '大沥镇', roads: ['广佛路', '大沥大道', '雅瑶路', '黄岐广佛路', '盐步大道'] },
  { name: '里水镇', roads: ['里和路', '沿江路', '和顺大道', '甘蕉路'] },
];

/** Industries as they occur in 南海 (aluminium, ceramics, furniture, appliances, trade…): weight, then [code, name word]. */
const INDUSTRIES: { weight: number; kinds: [string, string][] }[] = [
  {
    weight: 40,
    kinds: [
      ['C3311', '钢结构'], ['C3312', '门窗'], ['C3351', '五金配件'], ['C3352', '卫浴五金'], ['C3381', '厨具'], ['C3389', '五金制品'],
      ['C3391', '铸造'], ['C3392', '压铸'], ['C3360', '表面处理'], ['C3252', '铝业'], ['C3824', '电子元器件'], ['C3851', '电器'],
      ['C3854', '厨房电器'], ['C3856', '小家电'], ['C3872', '照明'], ['C3982', '电路板'], ['C3071', '陶瓷'], ['C3072', '洁具'],
      ['C2110', '家具'], ['C2130', '金属家具'], ['C1713', '印染'], ['C1819', '服装'], ['C2927', '塑料制品'], ['C2929', '塑胶'],
      ['C3484', '精密机械'], ['C3670', '汽车配件'], ['C3523', '塑料机械'], ['C3491', '机器人'], ['C2641', '涂料'], ['C1431', '食品'],
    ],
  },
  { weight: 10, kinds: [['F5174', '五金贸易'], ['F5175', '电气设备'], ['F5165', '建材贸易'], ['F5179', '机电设备'], ['F5132', '服装贸易'], ['F5123', '果蔬批发'], ['F5169', '化工贸易'], ['F5193', '供应链']] },
  { weight: 10, kinds: [['F5212', '超市'], ['F5213', '便利店'], ['F5232', '服饰'], ['F5281', '五金店'], ['F5283', '家居'], ['F5292', '电子商务'], ['F5261', '汽车销售'], ['F5223', '生鲜'], ['F5251', '大药房']] },
  { weight: 6, kinds: [['H6110', '酒店'], ['H6121', '快捷酒店'], ['H6210', '餐饮管理'], ['H6220', '快餐'], ['H6232', '咖啡'], ['H6291', '小吃']] },
  { weight: 5, kinds: [['I6513', '软件'], ['I6531', '信息系统'], ['I6532', '物联网科技'], ['I6432', '网络科技'], ['I6540', '信息技术']] },
  { weight: 8, kinds: [['L7212', '投资管理'], ['L7224', '供应链管理'], ['L7241', '财务咨询'], ['L7251', '广告'], ['L7261', '人力资源'], ['L7281', '会展服务'], ['L7297', '商务服务'], ['L7111', '汽车租赁']] },
  { weight: 5, kinds: [['E4710', '建筑工程'], ['E4999', '机电安装'], ['E5011', '装饰工程'], ['E5012', '家居装修'], ['E4862', '环保工程']] },
  { weight: 5, kinds: [['G5431', '货运'], ['G5437', '城市配送'], ['G5821', '货运代理'], ['G5920', '仓储'], ['G6020', '快递']] },
  { weight: 3, kinds: [['K7010', '置业'], ['K7020', '物业管理'], ['K7030', '房地产经纪']] },
  { weight: 4, kinds: [['M7320', '技术研究院'], ['M7452', '检测技术'], ['M7491', '工业设计'], ['M7492', '设计'], ['M7511', '农业科技']] },
  { weight: 2, kinds: [['O8040', '美容'], ['O8111', '汽车维修'], ['O8211', '清洁服务'], ['O8010', '家政服务']] },
  { weight: 1, kinds: [['A0141', '蔬菜种植'], ['A0143', '花卉'], ['A0411', '水产养殖']] },
  { weight: 1, kinds: [['P8393', '艺术培训'], ['R8930', '体育发展'], ['Q8425', '门诊部'], ['N7820', '环境卫生'], ['J6635', '小额贷款']] },
];

const BRANDS = ['鸿达', '盛世', '华源', '利通', '恒信', '金汇', '永兴', '广联', '嘉瑞', '德润', '锦华', '创辉', '宏图', '新科', '泰丰', '万盛', '佳和', '中南', '华誉', '美腾', '荣达', '联兴', '星河', '博源', '天成', '富华', '宝丰', '骏业', '合众', '启航', '粤海', '南方', '雄峰', '金凯', '汇丰', '鼎盛', '瑞昌', '雅图', '敏捷', '卓越'];
const SURNAMES = ['陈', '李', '黄', '梁', '张', '何', '罗', '吴', '林', '郑', '冯', '周', '谭', '区', '麦', '关', '潘', '叶', '邓', '杨'];
const GIVEN = ['志强', '伟明', '嘉欣', '建华', '丽娟', '国栋', '晓彤', '文静', '俊杰', '慧敏', '少华', '永康', '美玲', '锦荣', '泽文', '秀英', '家豪', '婉婷', '振宇', '思敏'];
const SUFFIXES: Partial<Record<EnterpriseType, string>> = {
  individual_business: '经营部',
  farmer_cooperative: '专业合作社',
  joint_stock: '股份有限公司',
  sole_proprietorship: '商行（个人独资）',
};
const TAGS: [string, number][] = [['高新技术企业', 0.1], ['专精特新', 0.04], ['重点企业', 0.03], ['科技型中小企业', 0.06], ['瞪羚企业', 0.01]];

export type DemoEnterprise = EnterpriseInput & { index: number };
export type DemoPerson = { enterpriseUscc: string; role: 'legal_representative' | 'agent'; name: string; idNumber: string; phone: string };
export type DemoCredit = { uscc: string; kind: CreditKind; source: string; sourceReference: string; description: string; recordedOn: string; repairedOn: string | null };

/** mulberry32: a small seeded PRNG, enough for reproducible demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function generateDemoData(count = DEMO_ENTERPRISE_COUNT): { enterprises: DemoEnterprise[]; people: DemoPerson[]; credit: DemoCredit[] } {
  const random = seededRandom(20260605);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const totalWeight = INDUSTRIES.reduce((s, i) => s + i.weight, 0);
  const usedCodes = new Set<string>(['914403001922038216', ...Object.values(DEMO_ACCOUNT_ENTERPRISES)]);
  const usedNames = new Set<string>();
  const enterprises: DemoEnterprise[] = [accountEnterprise('manufacturing'), accountEnterprise('catering')];
  for (const e of enterprises) usedNames.add(e.name);

  while (enterprises.length < count) {
    const index = enterprises.length;
    let r = random() * totalWeight;
    const group = INDUSTRIES.find((i) => (r -= i.weight) < 0) ?? INDUSTRIES[0]!;
    const [industryCode, word] = pick(group.kinds);
    const roll = random();
    const type: EnterpriseType = roll < 0.08 ? 'individual_business' : roll < 0.1 && industryCode.startsWith('A') ? 'farmer_cooperative' : roll < 0.14 ? 'joint_stock' : roll < 0.18 ? 'sole_proprietorship' : 'limited_liability';
    const uscc = uniqueCode(random, usedCodes, type === 'individual_business' ? '92' : type === 'farmer_cooperative' ? '93' : '91');
    const town = pick(NANHAI_TOWNS);
    const suffix = SUFFIXES[type] ?? '有限公司';
    // Names repeat across 南海 only with the town in them, as local names often do (佛山市南海区九江鸿达…).
    const townShort = town.name.replace(/(街道|镇)$/, '');
    let name = `佛山市南海区${pick(BRANDS)}${word}${suffix}`;
    for (let attempt = 0; usedNames.has(name); attempt++) {
      name = `佛山市南海区${townShort}${pick(BRANDS)}${attempt > 20 ? pick(BRANDS).slice(0, 1) : ''}${word}${suffix}`;
    }
    usedNames.add(name);
    const employees = Math.max(1, Math.round(Math.exp(2.6 + 1.25 * normal(random))));
    const perHead = industryCode.startsWith('F51') ? 150 : industryCode.startsWith('C') ? 45 : 30;
    const revenue = Math.round(employees * perHead * (0.4 + random() * 1.6) * 100) / 100;
    const assets = Math.round(revenue * (0.4 + random() * 1.4) * 100) / 100;
    const year = 1998 + Math.floor(random() * 27);
    enterprises.push({
      index,
      uscc,
      name,
      type,
      legalRepresentative: `${pick(SURNAMES)}${pick(GIVEN)}`,
      registeredAddress: `佛山市南海区${town.name}${pick(town.roads)}${1 + Math.floor(random() * 320)}号`,
      districtCode: DEMO_DISTRICT,
      town: town.name,
      registrationDate: `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
      industryCode,
      employees,
      // A few have not reported revenue yet: the registry shows why they have no size class.
      revenue: random() < 0.03 ? null : revenue,
      assets,
      tags: TAGS.filter(([, p]) => random() < p).map(([t]) => t),
    });
  }

  const people: DemoPerson[] = [];
  for (const e of enterprises.slice(0, 400)) {
    people.push({ enterpriseUscc: e.uscc, role: 'legal_representative', name: e.legalRepresentative, idNumber: idNumber(random), phone: phone(random) });
    if (e.index < 2 || random() < 0.3) people.push({ enterpriseUscc: e.uscc, role: 'agent', name: `${pick(SURNAMES)}${pick(GIVEN)}`, idNumber: idNumber(random), phone: phone(random) });
  }

  const credit: DemoCredit[] = [];
  for (const e of enterprises.slice(2)) {
    const roll = random();
    if (roll < 0.006) {
      credit.push({ uscc: e.uscc, kind: 'dishonesty_list', source: '佛山市南海区政务服务中心', sourceReference: `NH-RQ-${2025}${pad(1 + Math.floor(random() * 12))}-${String(e.index).padStart(4, '0')}`, description: '容缺受理后逾期未补齐材料，列入失信名单', recordedOn: `2025-${pad(1 + Math.floor(random() * 12))}-15`, repairedOn: null });
    } else if (roll < 0.016) {
      credit.push({ uscc: e.uscc, kind: 'serious_bad_credit', source: '信用中国（广东）', sourceReference: '', description: '严重违法失信行为', recordedOn: `2024-${pad(1 + Math.floor(random() * 12))}-20`, repairedOn: random() < 0.4 ? `2026-0${1 + Math.floor(random() * 6)}-10` : null });
    } else if (roll < 0.024) {
      credit.push({ uscc: e.uscc, kind: 'false_commitment', source: '佛山市南海区市场监督管理局', sourceReference: '', description: '告知承诺核查发现承诺内容与实际不符', recordedOn: `2025-${pad(1 + Math.floor(random() * 9))}-08`, repairedOn: random() < 0.3 ? '2026-09-30' : null });
    }
  }
  return { enterprises, people, credit };
}

function accountEnterprise(which: keyof typeof DEMO_ACCOUNT_ENTERPRISES): DemoEnterprise {
  if (which === 'manufacturing') {
    return {
      index: 0,
      uscc: DEMO_ACCOUNT_ENTERPRISES.manufacturing,
      name: '佛山市南海区示例智造科技有限公司',
      type: 'limited_liability',
      legalRepresentative: '陈志强',
      registeredAddress: '佛山市南海区狮山镇科技大道 18 号',
      districtCode: DEMO_DISTRICT,
      town: '狮山镇',
      registrationDate: '2016-04-12',
      industryCode: 'C3491',
      employees: 180,
      revenue: 8600,
      assets: 6200,
      tags: ['高新技术企业', '专精特新'],
    };
  }
  return {
    index: 1,
    uscc: DEMO_ACCOUNT_ENTERPRISES.catering,
    name: '佛山市南海区示例餐饮管理有限公司',
    type: 'limited_liability',
    legalRepresentative: '梁慧敏',
    registeredAddress: '佛山市南海区桂城街道桂澜路 66 号',
    districtCode: DEMO_DISTRICT,
    town: '桂城街道',
    registrationDate: '2018-09-03',
    industryCode: 'H6210',
    employees: 45,
    revenue: 1200,
    assets: 600,
    tags: [],
  };
}

function uniqueCode(random: () => number, used: Set<string>, head: string): string {
  for (;;) {
    let body = 'MA';
    for (let i = 0; i < 6; i++) body += CODE_CHARS[Math.floor(random() * CODE_CHARS.length)];
    const first17 = `${head}${DEMO_DISTRICT}${body}${entityCheckCharacter(body)}`;
    const code = first17 + usccCheckCharacter(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function idNumber(random: () => number): string {
  const year = 1960 + Math.floor(random() * 40);
  const first17 = `${pickDivision(random)}${year}${pad(1 + Math.floor(random() * 12))}${pad(1 + Math.floor(random() * 28))}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

function pickDivision(random: () => number): string {
  const divisions = ['440605', '440604', '440606', '440103', '445102', '441302', '440823'];
  return divisions[Math.floor(random() * divisions.length)]!;
}

function phone(random: () => number): string {
  const prefixes = ['138', '139', '135', '137', '136', '150', '186', '189', '133', '188'];
  return prefixes[Math.floor(random() * prefixes.length)]! + String(Math.floor(random() * 1e8)).padStart(8, '0');
}

/** A standard normal variate (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
