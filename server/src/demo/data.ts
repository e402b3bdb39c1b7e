import type { Role } from '../platform/auth/roles.ts';
import type { CenterLevel, CounterPurpose, ZoneKind } from '../modules/venue/contract.ts';

/** The demo center: 佛山市南海区政务服务中心, its service points, zones, counters and settled departments. */

export const DEMO_PASSWORD = 'Demo1234';

export const DEMO_REGIONS = [
  { code: '440000', name: '广东省', parentCode: null },
  { code: '440100', name: '广州市', parentCode: '440000' },
  { code: '440300', name: '深圳市', parentCode: '440000' },
  { code: '440600', name: '佛山市', parentCode: '440000' },
  { code: '440604', name: '禅城区', parentCode: '440600' },
  { code: '440605', name: '南海区', parentCode: '440600' },
  { code: '440606', name: '顺德区', parentCode: '440600' },
  { code: '440607', name: '三水区', parentCode: '440600' },
  { code: '440608', name: '高明区', parentCode: '440600' },
];

const HOURS = '周一至周五 9:00–12:00、14:00–17:30（法定节假日除外）';

export const DEMO_CENTER = {
  name: '佛山市南海区政务服务中心',
  level: 'county' as CenterLevel,
  regionCode: '440605',
  address: '佛山市南海区桂城街道（演示地址）',
  phone: '12345',
  openingHours: HOURS,
};

/** Nearby service points under the county center (clause 6.3.5). */
export const DEMO_SERVICE_POINTS: { name: string; level: CenterLevel; parent: string }[] = [
  { name: '桂城街道便民服务中心', level: 'town', parent: DEMO_CENTER.name },
  { name: '狮山镇便民服务中心', level: 'town', parent: DEMO_CENTER.name },
  { name: '大沥镇便民服务中心', level: 'town', parent: DEMO_CENTER.name },
  { name: '桂城街道平东社区便民服务站', level: 'village', parent: '桂城街道便民服务中心' },
];

export const DEMO_ZONES: { kind: ZoneKind; name: string; floor: string }[] = [
  { kind: 'guidance', name: '咨询导办区', floor: '1F' },
  { kind: 'self_service', name: '24小时自助办理区', floor: '1F' },
  { kind: 'filing_assistance', name: '申报辅导区', floor: '1F' },
  { kind: 'counters', name: '企业开办与经营许可窗口区', floor: '2F' },
  { kind: 'benefits', name: '惠企服务区', floor: '2F' },
  { kind: 'agency', name: '帮办代办服务区', floor: '2F' },
  { kind: 'waiting', name: '二楼休息等候区', floor: '2F' },
  { kind: 'counters', name: '工程建设与不动产窗口区', floor: '3F' },
  { kind: 'back_office', name: '后台审批区', floor: '4F' },
  { kind: 'briefing', name: '宣讲培训室', floor: '5F' },
];

type DemoCounter = { number: string; name: string; purpose: CounterPurpose; zone: string; department?: string };
const KAIBAN = '企业开办与经营许可窗口区';
const GONGCHENG = '工程建设与不动产窗口区';
export const DEMO_COUNTERS: DemoCounter[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ number: String(n), name: `企业开办综合受理 ${n} 号窗`, purpose: 'intake' as const, zone: KAIBAN })),
  ...[7, 8, 9].map((n) => ({ number: String(n), name: `经营许可综合受理 ${n} 号窗`, purpose: 'intake' as const, zone: KAIBAN })),
  { number: '10', name: '综合发证窗口（营业执照、印章、许可证一窗通取）', purpose: 'delivery', zone: KAIBAN },
  { number: '11', name: '综合发证窗口（物流寄送）', purpose: 'delivery', zone: KAIBAN },
  { number: '12', name: '涉税业务专窗', purpose: 'department', zone: KAIBAN, department: '税务局' },
  { number: '13', name: '涉税业务专窗', purpose: 'department', zone: KAIBAN, department: '税务局' },
  { number: '14', name: '惠企政策兑现窗口', purpose: 'policy', zone: '惠企服务区' },
  { number: '15', name: '企业人才服务窗口', purpose: 'talent', zone: '惠企服务区' },
  { number: '16', name: '帮办代办窗口', purpose: 'agency', zone: '帮办代办服务区' },
  { number: '17', name: '“办不成事”反映窗口', purpose: 'unresolved', zone: KAIBAN },
  ...[21, 22, 23, 24].map((n) => ({ number: String(n), name: `工程建设综合受理 ${n} 号窗`, purpose: 'intake' as const, zone: GONGCHENG })),
  { number: '25', name: '不动产登记综合受理窗', purpose: 'intake', zone: GONGCHENG },
  { number: '26', name: '水电气网联合报装窗', purpose: 'intake', zone: GONGCHENG },
  { number: '27', name: '工程建设出件窗口', purpose: 'delivery', zone: GONGCHENG },
];

/** Departments settled in the center, named as the demo catalog names them. */
export const DEMO_DEPARTMENTS: { name: string; settlement: 'staff' | 'items' }[] = [
  { name: '市场监督管理局', settlement: 'staff' },
  { name: '税务局', settlement: 'staff' },
  { name: '住房和城乡建设局', settlement: 'staff' },
  { name: '人力资源和社会保障局', settlement: 'staff' },
  { name: '自然资源局', settlement: 'staff' },
  { name: '卫生健康局', settlement: 'staff' },
  { name: '生态环境局', settlement: 'staff' },
  { name: '公安局', settlement: 'staff' },
  { name: '医疗保障局', settlement: 'staff' },
  { name: '住房公积金管理中心', settlement: 'staff' },
  { name: '发展和改革局', settlement: 'items' },
  { name: '交通运输局', settlement: 'items' },
  { name: '应急管理局', settlement: 'items' },
  { name: '城市管理和综合执法局', settlement: 'items' },
  { name: '文化广电旅游体育局', settlement: 'items' },
  { name: '教育局', settlement: 'items' },
  { name: '水务局', settlement: 'items' },
  { name: '消防救援大队', settlement: 'items' },
  { name: '烟草专卖局', settlement: 'items' },
  { name: '供水公司', settlement: 'staff' },
  { name: '供电局', settlement: 'staff' },
  { name: '燃气公司', settlement: 'staff' },
  { name: '通信运营商', settlement: 'items' },
];

export type DemoAccount = {
  username: string;
  displayName: string;
  staffNumber: string;
  roles: Role[];
  department?: string;
  counter?: string;
};

/** One demo account per role of clause 5.1, and a second administrator (two-administrator approvals). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '林志远', staffNumber: 'NH0001', roles: ['administrator'] },
  // a second administrator: changes one administrator may not make alone wait for the other's approval
  { username: 'admin2', displayName: '郭海峰', staffNumber: 'NH0007', roles: ['administrator'] },
  { username: 'manager', displayName: '陈慧敏', staffNumber: 'NH0002', roles: ['center_manager'] },
  { username: 'chief', displayName: '黄国栋', staffNumber: 'NH0101', roles: ['chief_officer'], department: '市场监督管理局' },
  { username: 'clerk', displayName: '李晓彤', staffNumber: 'NH0201', roles: ['counter_clerk'], counter: '1' },
  { username: 'reviewer', displayName: '梁俊杰', staffNumber: 'NH0102', roles: ['back_office_reviewer'], department: '市场监督管理局' },
  { username: 'guide', displayName: '何嘉欣', staffNumber: 'NH0301', roles: ['guide'] },
  { username: 'assistant', displayName: '罗文静', staffNumber: 'NH0302', roles: ['filing_assistant'] },
  { username: 'agent', displayName: '周建华', staffNumber: 'NH0303', roles: ['agency_agent'], counter: '16' },
  { username: 'policy', displayName: '吴丽娟', staffNumber: 'NH0304', roles: ['policy_officer'], counter: '14' },
  { username: 'talent', displayName: '郑伟明', staffNumber: 'NH0305', roles: ['talent_officer'], counter: '15' },
  { username: 'complaints', displayName: '谢伟强', staffNumber: 'NH0006', roles: ['complaint_handler'] },
  { username: 'auditor', displayName: '冯雪梅', staffNumber: 'NH0005', roles: ['auditor'] },
];

export const DEMO_ENTERPRISES = [
  { uscc: '91440605MA4W3K7P3K', name: '佛山市南海区示例智造科技有限公司', contactPhone: '' },
  { uscc: '91440605MA51XQ2D77', name: '佛山市南海区示例餐饮管理有限公司', contactPhone: '' },
];
