import type { AppointmentMode, BundleGuide, Channel, ItemGuide, ItemType, LifeStage, Material, SituationQuestion, Theme } from '../contract.ts';

/**
 * The demo catalog is written compactly: each item names what differs from a typical guide of
 * 佛山市南海区政务服务中心, and `itemGuideOf` fills in the rest.
 */

export type TemplateKey = 'company_registration' | 'food_business' | 'public_health' | 'real_estate';
export type DemoMaterial = Omit<Material, 'templateFileId' | 'sampleFileId'> & { template?: TemplateKey };

export type DemoItem = {
  code: string;
  name: string;
  department: string;
  theme: Theme;
  itemType: ItemType;
  basicCode: string;
  legalBasis: string;
  conditions: string[];
  materials: DemoMaterial[];
  keywords: string[];
  legalDays: number | null;
  promisedDays: number;
  promisedNote?: string;
  visits?: number;
  fee?: { description: string; basis: string };
  channels?: Channel[];
  steps?: { name: string; description: string }[];
  serviceObjects?: ItemGuide['serviceObjects'];
  place?: string;
  commitment?: { certificates: string[]; text: string };
  deferral?: { materialKeys: string[]; supplementDays: number };
  jointReview?: { group: string; lead: string };
  appointment?: { mode: AppointmentMode; walkInDailyQuota: number | null };
  situations?: SituationQuestion[];
  onlineUrl?: string;
};

export type DemoBundle = {
  code: string;
  name: string;
  lifeStage: LifeStage;
  lead: string;
  description: string;
  keywords: string[];
  members: { code: string; stage: number; kind?: 'item' | 'bundle' }[];
  situations?: BundleGuide['situations'];
};

const PLACES: Record<Theme, string> = {
  start_up: '佛山市南海区政务服务中心二楼 企业开办与经营许可窗口区（1–6 号综合受理窗）',
  operating_permits: '佛山市南海区政务服务中心二楼 企业开办与经营许可窗口区（7–9 号综合受理窗）',
  tax: '佛山市南海区政务服务中心二楼 涉税业务专窗（12、13 号窗）',
  construction: '佛山市南海区政务服务中心三楼 工程建设与不动产窗口区（21–24 号综合受理窗）',
  utilities: '佛山市南海区政务服务中心三楼 水电气网联合报装窗（26 号窗）',
  real_estate: '佛山市南海区政务服务中心三楼 不动产登记综合受理窗（25 号窗）',
  talent: '佛山市南海区政务服务中心二楼 惠企服务区 企业人才服务窗口（15 号窗）',
  benefits: '佛山市南海区政务服务中心二楼 惠企服务区 惠企政策兑现窗口（14 号窗）；可在中心网站“惠企政策”网上申报',
};
/** 到办事现场次数: registrations and tax are fully online (0); permits, construction and property need one visit. */
const VISITS: Record<Theme, number> = {
  start_up: 0,
  tax: 0,
  operating_permits: 1,
  construction: 1,
  utilities: 0,
  real_estate: 1,
  talent: 1,
  benefits: 0,
};
const HOURS = '周一至周五 9:00–12:00、14:00–17:30（法定节假日除外）';
const ONLINE = 'https://www.gdzwfw.gov.cn/';

export const STEPS_COMMITTED = [
  { name: '申请', description: '申请人通过广东政务服务网或到窗口提交申请材料' },
  { name: '受理', description: '综合窗口核验材料，材料齐全、符合法定形式的当场受理并出具受理凭证；材料不全的一次性告知需补正的全部内容' },
  { name: '审查', description: '后台审批人员对申请材料进行审查，需要现场核查的组织核查' },
  { name: '决定', description: '在承诺时限内作出准予或不予许可（登记）的决定' },
  { name: '送达', description: '在综合发证窗口领取结果，或选择邮寄送达、电子证照' },
];
export const STEPS_INSTANT = [
  { name: '申请', description: '申请人通过广东政务服务网、自助终端或到窗口提交申请' },
  { name: '受理并办结', description: '材料齐全、符合法定形式的，窗口当场办结并出具结果' },
];

export function itemGuideOf(item: DemoItem, departmentIds: ReadonlyMap<string, string>, fileIds: ReadonlyMap<string, string>): ItemGuide {
  const department = (name: string) => {
    const id = departmentIds.get(name);
    if (!id) throw new Error(`demo catalog: department ${name} is not in the demo center`);
    return id;
  };
  const isInstant = item.promisedDays === 0;
  return {
    name: item.name,
    basicCode: item.basicCode,
    itemType: item.itemType,
    departmentId: department(item.department),
    theme: item.theme,
    serviceObjects: item.serviceObjects ?? ['legal_person', 'other_organization'],
    legalBasis: item.legalBasis,
    conditions: item.conditions,
    steps: item.steps ?? (isInstant ? STEPS_INSTANT : STEPS_COMMITTED),
    channels: item.channels ?? ['counter', 'online', 'cross_region'],
    legalLimitDays: item.legalDays,
    promisedLimitDays: item.promisedDays,
    promisedLimitNote: item.promisedNote ?? (isInstant ? '材料齐全当场办结' : '自受理之日起计算，不含现场核查、专家评审等特别程序时间'),
    processingKind: isInstant ? 'instant' : 'committed',
    visitsNeeded: item.visits ?? VISITS[item.theme],
    isFeeCharged: item.fee !== undefined,
    feeDescription: item.fee?.description ?? '不收费',
    feeBasis: item.fee?.basis ?? '',
    place: item.place ?? PLACES[item.theme],
    hours: HOURS,
    enquiryPhone: '12345',
    complaintPhone: '12345',
    onlineUrl: item.onlineUrl ?? ONLINE,
    keywords: item.keywords,
    materials: item.materials.map(({ template, ...m }) => ({
      ...m,
      templateFileId: template ? (fileIds.get(`${template}:blank`) ?? null) : null,
      sampleFileId: template ? (fileIds.get(`${template}:sample`) ?? null) : null,
    })),
    commitment: item.commitment ? { isAllowed: true, ...item.commitment } : { isAllowed: false, certificates: [], text: '' },
    deferral: item.deferral ? { isAllowed: true, ...item.deferral } : { isAllowed: false, materialKeys: [], supplementDays: null },
    jointReview: item.jointReview
      ? { group: item.jointReview.group, leadDepartmentId: department(item.jointReview.lead) }
      : { group: null, leadDepartmentId: null },
    appointment: item.appointment ?? { mode: 'both', walkInDailyQuota: 100 },
    situations: item.situations ?? [],
  };
}

export function bundleGuideOf(bundle: DemoBundle, departmentIds: ReadonlyMap<string, string>): BundleGuide {
  const lead = departmentIds.get(bundle.lead);
  if (!lead) throw new Error(`demo catalog: department ${bundle.lead} is not in the demo center`);
  return {
    name: bundle.name,
    lifeStage: bundle.lifeStage,
    leadDepartmentId: lead,
    description: bundle.description,
    keywords: bundle.keywords,
    members: bundle.members.map((m) => ({ kind: m.kind ?? 'item', code: m.code, stage: m.stage })),
    situations: bundle.situations ?? [],
    place: '佛山市南海区政务服务中心二楼 “高效办成一件事”主题窗口（1 号窗）',
    hours: HOURS,
    enquiryPhone: '12345',
    complaintPhone: '12345',
  };
}

/** Materials many guides ask for. */
type Opts = Partial<DemoMaterial>;
const base = (key: string, name: string, o: Opts = {}): DemoMaterial => ({
  key,
  name,
  importance: 'core',
  form: 'original',
  copies: 1,
  medium: 'either',
  licenseType: null,
  notes: '',
  ...o,
});

export const M = {
  form: (name: string, o: Opts = {}) => base('application', name, { notes: '法定代表人（负责人）签字并加盖公章', ...o }),
  businessLicense: (o: Opts = {}) =>
    base('business_license', '营业执照', { form: 'copy', licenseType: 'business_license', notes: '已归集电子营业执照的，经授权可免于提交', ...o }),
  legalRepId: (o: Opts = {}) =>
    base('legal_rep_id', '法定代表人（负责人）身份证件', { form: 'copy', licenseType: 'id_card', notes: '现场核验原件', ...o }),
  agent: (o: Opts = {}) =>
    base('agent_authorization', '经办人身份证件及授权委托书', { importance: 'secondary', notes: '委托他人办理时提供', ...o }),
  premises: (o: Opts = {}) =>
    base('premises_proof', '经营场所使用证明', { form: 'copy', notes: '自有场所提供不动产权证书，租赁场所提供租赁合同', ...o }),
  articles: (o: Opts = {}) => base('articles', '公司章程', { notes: '全体股东签署', ...o }),
  layout: (o: Opts = {}) => base('layout', '经营场所平面布局图', { importance: 'secondary', notes: '标明功能分区和主要设施设备', ...o }),
  rules: (name: string, o: Opts = {}) => base('rules', name, { importance: 'secondary', ...o }),
  commitmentLetter: (o: Opts = {}) =>
    base('commitment_letter', '告知承诺书', { importance: 'secondary', notes: '选择告知承诺方式办理的提供，按格式文本签署', ...o }),
  realEstateCert: (o: Opts = {}) =>
    base('real_estate_certificate', '不动产权证书', { form: 'copy', licenseType: 'real_estate_certificate', notes: '已有电子证照的可免于提交', ...o }),
  projectApproval: (o: Opts = {}) =>
    base('project_filing', '投资项目备案证明', { form: 'copy', licenseType: 'investment_project_filing', notes: '通过广东省投资项目在线审批监管平台获取', ...o }),
  item: base,
};
