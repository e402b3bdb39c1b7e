import type { Config } from '../../config.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PolicyInput } from './contract.ts';
import { listPublishedItemFacts } from '../catalog/service.ts';
import { listDepartments } from '../staff/service.ts';
import { seedPolicyApplicationsDemo } from './demo-applications.ts';
import * as repo from './repository.ts';
import type { Rule } from './rules/rule.ts';
import { PolicyRuntime } from './runtime.ts';
import * as grants from './grants/service.ts';
import * as policies from './service.ts';

type DemoPolicy = Omit<PolicyInput, 'materials' | 'summary' | 'validFrom' | 'validTo' | 'departmentId' | 'itemId'> & { region: '440605' | '440600' | '440000'; state?: 'draft' | 'withdrawn' | 'expired' };

const NO_BAD: Rule = { field: 'seriousBadCredit', op: 'eq', value: false };
const SMALL_MICRO: Rule = { field: 'sizeClass', op: 'in', value: ['small', 'micro'] };
const MANUFACTURING: Rule = { field: 'industry', op: 'prefix', value: 'C' };
const tag = (value: string): Rule => ({ field: 'tags', op: 'contains', value });
const all = (...rules: Rule[]): Rule => ({ all: rules });
const gte = (field: 'employees' | 'revenue' | 'assets' | 'registeredYears', value: number): Rule => ({ field, op: 'gte', value });

const NH_HR = '佛山市南海区人力资源和社会保障局';
const NH_ST = '佛山市南海区科学技术局';
const NH_EI = '佛山市南海区经济促进局';
const NH_CM = '佛山市南海区商务局';
const FS_ST = '佛山市科学技术局';
const FS_IT = '佛山市工业和信息化局';
const FS_HR = '佛山市人力资源和社会保障局';
const GD_IT = '广东省工业和信息化厅';
const GD_ST = '广东省科学技术厅';
const GD_FI = '广东省地方金融管理局';

const fixed = (amount: number) => ({ kind: 'fixed' as const, amount });
const perEmployee = (perEmployee: number, cap: number | null) => ({ kind: 'per_employee' as const, perEmployee, cap });
const share = (figure: 'revenue' | 'assets', rate: number, cap: number | null) => ({ kind: 'share' as const, figure, rate, cap });

/** 40 policies of 南海区, 佛山市 and 广东省 in the shape of real ones (titles, departments and document numbers are illustrative). */
const DEMO_POLICIES: DemoPolicy[] = [
  { region: '440605', title: '高新技术企业认定奖励', issuingDepartment: NH_ST, kind: 'award', mode: 'auto', amountRule: fixed(200000), rule: all(tag('高新技术企业'), NO_BAD), legalBasisName: '佛山市南海区促进科技创新若干措施', legalBasisNumber: '南府〔2024〕12号', interpretation: '对首次通过高新技术企业认定的企业，一次性给予奖励。认定结果公布后由区科技局比对名单直接兑现，企业无需申请（免申即享）。' },
  { region: '440605', title: '小微企业稳岗补贴', issuingDepartment: NH_HR, kind: 'subsidy', mode: 'apply', amountRule: perEmployee(300, 30000), rule: all(SMALL_MICRO, gte('employees', 5), NO_BAD), legalBasisName: '关于做好失业保险稳岗位提技能防失业工作的通知', legalBasisNumber: '粤人社规〔2024〕8号', interpretation: '面向依法参加失业保险、上年度未裁员或裁员率低于规定比例的小型、微型企业，按参保人数给予稳岗补贴。' },
  { region: '440605', title: '专精特新"小巨人"企业奖励', issuingDepartment: NH_EI, kind: 'award', mode: 'auto', amountRule: fixed(500000), rule: all(tag('专精特新'), MANUFACTURING, gte('revenue', 1000), NO_BAD), legalBasisName: '南海区推动制造业高质量发展扶持办法', legalBasisNumber: '南府办〔2024〕21号', interpretation: '对新认定为国家级专精特新"小巨人"的企业给予一次性奖励，按认定名单直接兑现。' },
  { region: '440605', title: '首次升规奖励', issuingDepartment: NH_EI, kind: 'award', mode: 'auto', amountRule: fixed(100000), rule: all(MANUFACTURING, { field: 'revenue', op: 'between', value: [2000, 3000] }, NO_BAD), legalBasisName: '南海区鼓励企业升规纳统扶持办法', legalBasisNumber: '南经促〔2025〕3号', interpretation: '对首次纳入规模以上工业企业统计的企业给予奖励，按统计部门名单免申即享。' },
  { region: '440605', title: '研发费用补助', issuingDepartment: NH_ST, kind: 'subsidy', mode: 'apply', amountRule: share('revenue', 0.005, 1000000), rule: all(MANUFACTURING, gte('revenue', 2000), NO_BAD), legalBasisName: '南海区企业研发费用补助实施细则', legalBasisNumber: '南科〔2024〕9号', interpretation: '按企业上年度研发费用的一定比例给予补助，单个企业最高 100 万元。' },
  { region: '440605', title: '专精特新中小企业奖励', issuingDepartment: NH_EI, kind: 'award', mode: 'apply', amountRule: fixed(100000), rule: all(tag('专精特新'), { not: { field: 'sizeClass', op: 'in', value: ['large'] } }, NO_BAD), legalBasisName: '南海区推动制造业高质量发展扶持办法', legalBasisNumber: '南府办〔2024〕21号', interpretation: '对新认定为省级专精特新中小企业的给予奖励。' },
  { region: '440605', title: '小微企业创业担保贷款贴息', issuingDepartment: NH_HR, kind: 'loan_interest', mode: 'apply', amountRule: fixed(30000), rule: all(SMALL_MICRO, { field: 'registeredYears', op: 'lte', value: 3 }, NO_BAD), legalBasisName: '创业担保贷款贴息及奖补政策', legalBasisNumber: '粤财金〔2023〕7号', interpretation: '成立三年内的小微企业申请创业担保贷款的，按规定给予贴息。' },
  { region: '440605', title: '科技型中小企业入库奖励', issuingDepartment: NH_ST, kind: 'award', mode: 'auto', amountRule: fixed(20000), rule: all(tag('科技型中小企业'), NO_BAD), legalBasisName: '南海区促进科技创新若干措施', legalBasisNumber: '南府〔2024〕12号', interpretation: '对入库国家科技型中小企业的给予奖励，按入库名单免申即享。' },
  { region: '440605', title: '制造业企业技术改造补助', issuingDepartment: NH_EI, kind: 'subsidy', mode: 'apply', amountRule: share('assets', 0.01, 2000000), rule: all(MANUFACTURING, gte('assets', 1000), NO_BAD), legalBasisName: '南海区工业企业技术改造扶持办法', legalBasisNumber: '南经促〔2024〕15号', interpretation: '对实施技术改造、设备投资达到规定规模的制造业企业，按设备投资额的比例给予补助。' },
  { region: '440605', title: '外贸企业开拓市场补助', issuingDepartment: NH_CM, kind: 'subsidy', mode: 'apply', amountRule: fixed(50000), rule: all({ field: 'industry', op: 'prefix', value: 'F51' }, gte('revenue', 1000), NO_BAD), legalBasisName: '南海区促进外贸高质量发展若干措施', legalBasisNumber: '南商务〔2025〕4号', interpretation: '对参加境外展会、开拓国际市场的外贸企业给予展位费补助。' },
  { region: '440605', title: '批发零售业企业上规模奖励', issuingDepartment: NH_CM, kind: 'award', mode: 'apply', amountRule: fixed(50000), rule: all({ field: 'industry', op: 'prefix', value: 'F' }, gte('revenue', 5000), NO_BAD), legalBasisName: '南海区促进商贸业发展扶持办法', legalBasisNumber: '南商务〔2024〕11号', interpretation: '对年销售额首次达到限额以上标准的批发零售企业给予奖励。' },
  { region: '440605', title: '住宿餐饮业纾困补贴', issuingDepartment: NH_CM, kind: 'subsidy', mode: 'auto', amountRule: perEmployee(200, 20000), rule: all({ field: 'industry', op: 'prefix', value: 'H' }, SMALL_MICRO, NO_BAD), legalBasisName: '南海区支持住宿餐饮业恢复发展若干措施', legalBasisNumber: '南府办〔2025〕6号', interpretation: '对小微住宿餐饮企业按从业人员给予一次性纾困补贴，免申即享。' },
  { region: '440605', title: '狮山镇先进制造业企业奖励', issuingDepartment: NH_EI, kind: 'award', mode: 'apply', amountRule: fixed(80000), rule: all({ field: 'town', op: 'eq', value: '狮山镇' }, MANUFACTURING, gte('employees', 50), NO_BAD), legalBasisName: '狮山镇促进先进制造业发展扶持办法', legalBasisNumber: '狮府〔2025〕2号', interpretation: '对在狮山镇注册、从业人员 50 人以上的制造业企业给予奖励。' },
  { region: '440605', title: '桂城街道现代服务业扶持资金', issuingDepartment: NH_CM, kind: 'subsidy', mode: 'apply', amountRule: fixed(60000), rule: all({ field: 'town', op: 'eq', value: '桂城街道' }, { any: [{ field: 'industry', op: 'in', value: ['I', 'L', 'M'] }] }, NO_BAD), legalBasisName: '桂城街道促进现代服务业发展办法', legalBasisNumber: '桂办〔2025〕5号', interpretation: '对桂城街道的信息服务、商务服务和科技服务企业给予扶持。' },
  { region: '440605', title: '企业吸纳就业困难人员社保补贴', issuingDepartment: NH_HR, kind: 'subsidy', mode: 'apply', amountRule: perEmployee(1000, 50000), rule: all(gte('employees', 10), NO_BAD), legalBasisName: '广东省就业补助资金管理办法', legalBasisNumber: '粤财社〔2023〕181号', interpretation: '企业吸纳就业困难人员并缴纳社会保险的，按实际缴费给予补贴。' },
  { region: '440605', title: '中型企业成长奖励', issuingDepartment: NH_EI, kind: 'award', mode: 'apply', amountRule: fixed(150000), rule: all({ field: 'sizeClass', op: 'in', value: ['medium'] }, { field: 'registeredYears', op: 'gte', value: 3 }, NO_BAD), legalBasisName: '南海区企业成长培育计划', legalBasisNumber: '南经促〔2025〕8号', interpretation: '对成长为中型企业、经营满三年的企业给予奖励。' },
  { region: '440605', title: '食品经营企业规范化提升补助', issuingDepartment: '佛山市南海区市场监督管理局', kind: 'subsidy', mode: 'apply', amountRule: fixed(10000), rule: all({ field: 'license', op: 'has', value: 'food_business' }, NO_BAD), legalBasisName: '南海区食品安全示范创建奖补办法', legalBasisNumber: '南市监〔2025〕3号', interpretation: '持有有效食品经营许可证、完成明厨亮灶等规范化改造的企业可申请补助。' },
  { region: '440605', title: '老字号企业传承发展补助', issuingDepartment: NH_CM, kind: 'subsidy', mode: 'apply', amountRule: fixed(50000), rule: all({ field: 'registeredYears', op: 'gte', value: 20 }, { field: 'industry', op: 'in', value: ['C13', 'C14', 'H62', 'F52'] }, NO_BAD), legalBasisName: '南海区老字号保护发展办法', legalBasisNumber: '南商务〔2025〕7号', interpretation: '对经营满二十年的食品制造、餐饮、零售老字号企业给予传承发展补助。' },
  { region: '440605', title: '建筑业企业资质晋升奖励', issuingDepartment: '佛山市南海区住房城乡建设和水利局', kind: 'qualification', mode: 'apply', amountRule: fixed(100000), rule: all({ field: 'industry', op: 'prefix', value: 'E' }, gte('revenue', 3000), NO_BAD), legalBasisName: '南海区促进建筑业发展若干措施', legalBasisNumber: '南府办〔2024〕30号', interpretation: '对资质晋升为施工总承包一级及以上的建筑业企业给予奖励。' },
  { region: '440605', title: '2023年度规上企业增产奖励（已截止）', issuingDepartment: NH_EI, kind: 'award', mode: 'apply', amountRule: fixed(50000), rule: all(MANUFACTURING, gte('revenue', 2000), NO_BAD), legalBasisName: '南海区2023年稳增长若干措施', legalBasisNumber: '南府〔2023〕5号', interpretation: '2023 年度政策，已到期。', state: 'expired' },
  { region: '440605', title: '个体工商户转型为企业奖励（已撤回）', issuingDepartment: '佛山市南海区市场监督管理局', kind: 'award', mode: 'apply', amountRule: fixed(5000), rule: all(tag('个转企'), NO_BAD), legalBasisName: '南海区个转企扶持办法', legalBasisNumber: '南市监〔2024〕6号', interpretation: '因政策调整撤回，待新办法出台后重新发布。', state: 'withdrawn' },
  { region: '440605', title: '数字化转型示范企业奖励（征求意见稿）', issuingDepartment: NH_EI, kind: 'award', mode: 'auto', amountRule: fixed(300000), rule: all(tag('数字化转型示范'), MANUFACTURING, NO_BAD), legalBasisName: '南海区制造业数字化转型实施方案', legalBasisNumber: '（征求意见）', interpretation: '草稿：征求意见中。', state: 'draft' },
  { region: '440600', title: '佛山市高新技术企业培育入库奖励', issuingDepartment: FS_ST, kind: 'award', mode: 'auto', amountRule: fixed(100000), rule: all(tag('科技型中小企业'), gte('revenue', 500), NO_BAD), legalBasisName: '佛山市高新技术企业培育工作方案', legalBasisNumber: '佛科〔2024〕45号', interpretation: '对纳入市高企培育库的企业给予培育奖励，按入库名单兑现。' },
  { region: '440600', title: '佛山市工业企业技术改造事后奖补', issuingDepartment: FS_IT, kind: 'subsidy', mode: 'apply', amountRule: share('assets', 0.02, 5000000), rule: all(MANUFACTURING, { field: 'sizeClass', op: 'in', value: ['medium', 'large'] }, NO_BAD), legalBasisName: '佛山市推动工业企业技术改造三年行动计划', legalBasisNumber: '佛府办〔2024〕9号', interpretation: '对完成技术改造项目的规上工业企业按设备投资给予事后奖补。' },
  { region: '440600', title: '佛山市中小企业融资贷款贴息', issuingDepartment: '佛山市金融工作局', kind: 'loan_interest', mode: 'apply', amountRule: share('revenue', 0.002, 500000), rule: all(SMALL_MICRO, gte('revenue', 300), NO_BAD), legalBasisName: '佛山市中小企业融资支持办法', legalBasisNumber: '佛金融〔2025〕2号', interpretation: '对中小微企业银行贷款按贷款利息的一定比例给予贴息。' },
  { region: '440600', title: '佛山市企业首次上云补助', issuingDepartment: FS_IT, kind: 'subsidy', mode: 'apply', amountRule: fixed(20000), rule: all({ any: [MANUFACTURING, { field: 'industry', op: 'prefix', value: 'I' }] }, SMALL_MICRO, NO_BAD), legalBasisName: '佛山市推进企业上云用云实施方案', legalBasisNumber: '佛工信〔2024〕33号', interpretation: '对首次购买云服务的中小企业给予补助。' },
  { region: '440600', title: '佛山市博士后工作站建站资助', issuingDepartment: FS_HR, kind: 'subsidy', mode: 'apply', amountRule: fixed(500000), rule: all(tag('高新技术企业'), gte('employees', 100), NO_BAD), legalBasisName: '佛山市博士后工作管理办法', legalBasisNumber: '佛人社〔2023〕18号', interpretation: '对新设立博士后科研工作站的企业给予建站资助。' },
  { region: '440600', title: '佛山市以工代训补贴', issuingDepartment: FS_HR, kind: 'subsidy', mode: 'auto', amountRule: perEmployee(500, 100000), rule: all(SMALL_MICRO, gte('employees', 3), { field: 'industry', op: 'in', value: ['H', 'O', 'F52'] }, NO_BAD), legalBasisName: '佛山市以工代训补贴实施办法', legalBasisNumber: '佛人社〔2024〕26号', interpretation: '对吸纳就业并开展以工代训的服务业中小微企业按人数给予补贴，免申即享。' },
  { region: '440600', title: '佛山市知识产权质押融资贴息', issuingDepartment: '佛山市市场监督管理局（知识产权局）', kind: 'loan_interest', mode: 'apply', amountRule: fixed(50000), rule: all({ any: [tag('高新技术企业'), tag('科技型中小企业')] }, NO_BAD), legalBasisName: '佛山市知识产权质押融资扶持办法', legalBasisNumber: '佛市监〔2024〕10号', interpretation: '对以专利、商标质押融资的科技型企业给予贴息。' },
  { region: '440600', title: '佛山市重点商贸企业扩大消费奖励', issuingDepartment: '佛山市商务局', kind: 'award', mode: 'apply', amountRule: share('revenue', 0.001, 300000), rule: all({ field: 'industry', op: 'prefix', value: 'F52' }, gte('revenue', 10000), NO_BAD), legalBasisName: '佛山市促进消费若干措施', legalBasisNumber: '佛商务〔2025〕1号', interpretation: '对零售额增长达到规定幅度的重点商贸企业给予奖励。' },
  { region: '440600', title: '佛山市规上工业企业增产增效奖励', issuingDepartment: FS_IT, kind: 'award', mode: 'auto', amountRule: fixed(200000), rule: all(tag('重点企业'), MANUFACTURING, gte('revenue', 2000), NO_BAD), legalBasisName: '佛山市工业稳增长若干措施', legalBasisNumber: '佛府办〔2025〕4号', interpretation: '对产值增长达到规定幅度的规上工业企业给予奖励，免申即享。' },
  { region: '440000', title: '广东省专精特新中小企业认定', issuingDepartment: GD_IT, kind: 'qualification', mode: 'apply', amountRule: fixed(0), rule: all({ not: { field: 'sizeClass', op: 'in', value: ['large'] } }, { field: 'registeredYears', op: 'gte', value: 2 }, gte('revenue', 1000), NO_BAD), legalBasisName: '广东省优质中小企业梯度培育管理实施细则', legalBasisNumber: '粤工信规字〔2023〕2号', interpretation: '资质认定类政策，不涉及资金。成立满两年、营业收入 1000 万元以上的中小企业可申报。' },
  { region: '440000', title: '广东省科技创新券', issuingDepartment: GD_ST, kind: 'subsidy', mode: 'apply', amountRule: fixed(100000), rule: all(tag('科技型中小企业'), NO_BAD), legalBasisName: '广东省科技创新券管理办法', legalBasisNumber: '粤科规范字〔2024〕3号', interpretation: '科技型中小企业可申领创新券，用于购买检验检测、研发设计等科技服务。' },
  { region: '440000', title: '广东省中小微企业贷款风险补偿', issuingDepartment: GD_FI, kind: 'loan_interest', mode: 'apply', amountRule: fixed(0), rule: all(SMALL_MICRO, NO_BAD), legalBasisName: '广东省中小微企业信贷风险补偿资金管理办法', legalBasisNumber: '粤财金〔2024〕12号', interpretation: '对银行向中小微企业发放的贷款给予风险补偿，企业可获得更低利率。' },
  { region: '440000', title: '广东省制造业单项冠军奖励', issuingDepartment: GD_IT, kind: 'award', mode: 'auto', amountRule: fixed(1000000), rule: all(MANUFACTURING, { field: 'sizeClass', op: 'in', value: ['large'] }, tag('高新技术企业'), NO_BAD), legalBasisName: '广东省制造业单项冠军培育行动计划', legalBasisNumber: '粤工信〔2024〕80号', interpretation: '对新获评国家级制造业单项冠军的企业给予奖励，免申即享。' },
  { region: '440000', title: '广东省省级企业技术中心认定', issuingDepartment: GD_IT, kind: 'qualification', mode: 'apply', amountRule: fixed(0), rule: all(MANUFACTURING, gte('revenue', 10000), gte('employees', 100), NO_BAD), legalBasisName: '广东省省级企业技术中心管理办法', legalBasisNumber: '粤工信规字〔2022〕5号', interpretation: '营业收入 1 亿元以上、从业人员 100 人以上的制造业企业可申报省级企业技术中心。' },
  { region: '440000', title: '广东省失业保险稳岗返还（大型企业）', issuingDepartment: '广东省人力资源和社会保障厅', kind: 'reduction', mode: 'auto', amountRule: perEmployee(150, 3000000), rule: all({ field: 'sizeClass', op: 'in', value: ['large', 'medium'] }, gte('employees', 100), NO_BAD), legalBasisName: '关于做好失业保险稳岗位提技能防失业工作的通知', legalBasisNumber: '粤人社规〔2024〕8号', interpretation: '大中型企业按上年度实际缴纳失业保险费的 30% 返还，免申即享。' },
  { region: '440000', title: '广东省绿色工厂奖励', issuingDepartment: GD_IT, kind: 'award', mode: 'apply', amountRule: fixed(300000), rule: all(tag('重点企业'), MANUFACTURING, NO_BAD), legalBasisName: '广东省绿色制造体系建设实施方案', legalBasisNumber: '粤工信节能〔2024〕6号', interpretation: '对获评省级以上绿色工厂的企业给予奖励。' },
  { region: '440000', title: '广东省小微企业"六税两费"减免', issuingDepartment: '国家税务总局广东省税务局', kind: 'reduction', mode: 'auto', amountRule: fixed(0), rule: all(SMALL_MICRO), legalBasisName: '关于进一步支持小微企业和个体工商户发展有关税费政策的公告', legalBasisNumber: '财政部 税务总局公告2023年第12号', interpretation: '小型微利企业减半征收资源税、城市维护建设税等“六税两费”，申报时系统自动减免。' },
  { region: '440000', title: '广东省科技型中小企业研发费用加计扣除辅导', issuingDepartment: GD_ST, kind: 'reduction', mode: 'apply', amountRule: fixed(0), rule: all({ any: [tag('科技型中小企业'), tag('高新技术企业')] }, { field: 'registeredYears', op: 'gte', value: 1 }), legalBasisName: '关于进一步完善研发费用税前加计扣除政策的公告', legalBasisNumber: '财政部 税务总局公告2023年第7号', interpretation: '科技型企业研发费用按 100% 加计扣除，科技部门提供申报辅导。' },
];

/**
 * The demo's policies: 40 of 南海区, 佛山市 and 广东省, most published (matched against the demo
 * registry with pushes and SMS), some auto-grant with grants confirmed, rejected, disbursed and
 * pending; a draft, a withdrawn and an expired one; online applications for 食品经营企业规范化提升补助
 * in every state a center sees (demo-applications.ts).
 */
export async function seedPoliciesDemo(db: Db, config: Config, centerId: string): Promise<void> {
  if ((await repo.listPolicies(db, { page: 1, pageSize: 1 })).total > 0) return;
  const runtime = new PolicyRuntime(db, config, policies.persistChanges({ db, config }));
  const ctx = { db, config, runtime };
  const officer: StaffPrincipal = { type: 'staff', id: '', username: 'policy', displayName: '吴丽娟', roles: ['policy_officer'], permissions: new Set(), centerId, centerScope: [centerId], departmentId: null, mustChangePassword: false };
  const chief: StaffPrincipal = { ...officer, username: 'chief', displayName: '黄国栋', roles: ['chief_officer'] };
  const year = new Date().getFullYear();
  const autoPublished: string[] = [];
  const handling = await handlingOf(db, centerId);
  for (const p of DEMO_POLICIES) {
    const { region, state, ...input } = p;
    const created = await policies.createPolicy(ctx, officer, {
      ...input,
      ...handling(input.issuingDepartment, input.mode),
      summary: input.interpretation.slice(0, 60),
      materials: [],
      validFrom: `${year}-01-01`,
      validTo: `${year + 1}-12-31`,
    });
    await repo.updatePolicy(db, created.id, created.version, { regionCode: region });
    if (state === 'draft') continue;
    const published = await policies.publishPolicy(ctx, officer, created.id);
    if (input.mode === 'auto' && !state) autoPublished.push(created.id);
    if (state === 'withdrawn') await policies.withdrawPolicy(ctx, created.id, published.version);
    if (state === 'expired') {
      await repo.updatePolicy(db, created.id, published.version, { status: 'expired', validFrom: `${year - 3}-01-01`, validTo: `${year - 2}-12-31` });
      await runtime.removePolicy(created.id);
    }
  }
  // grants in every state: the first of each auto policy confirmed (some disbursed), one rejected, the rest pending
  let k = 0;
  for (const policyId of autoPublished) {
    const [first, second] = (await repo.listGrants(db, { policyId, page: 1, pageSize: 2 })).rows.map((r) => r.grant.id);
    if (!first) continue;
    // the verifier belongs to the department the policy names (any chief officer when it names none)
    const verifier = { ...chief, departmentId: (await repo.findPolicy(db, policyId))!.departmentId };
    await grants.verifyGrants(ctx, verifier, [first], 'confirm', '');
    await grants.setDisbursement(ctx, verifier, first, k++ % 2 === 0 ? 'disbursed' : 'in_progress');
    if (second) await grants.verifyGrants(ctx, verifier, [second], 'reject', '经核查，该企业上年度从业人员数与社保参保人数不符');
  }
  await seedPolicyApplicationsDemo(db, config, '食品经营企业规范化提升补助');
  await runtime.close();
}

/** Which settled department verifies a demo policy's grants, and which 惠企政策 item it is applied for under, by its issuing department. */
const HANDLING: { match: RegExp; department: string; item: string }[] = [
  { match: /人力资源和社会保障/, department: '人力资源和社会保障局', item: 'NH-RS-HQ01' },
  { match: /市场监督管理/, department: '市场监督管理局', item: 'NH-SJ-HQ01' },
  { match: /住房城乡建设|住房和城乡建设/, department: '住房和城乡建设局', item: 'NH-ZJ-HQ01' },
  { match: /税务/, department: '税务局', item: '' },
];

async function handlingOf(db: Db, centerId: string) {
  const departments = new Map((await listDepartments(db, centerId)).map((d) => [d.name, d.id]));
  const items = new Map((await listPublishedItemFacts(db, centerId)).map((i) => [i.code, i.id]));
  return (issuingDepartment: string, mode: 'apply' | 'auto') => {
    const h = HANDLING.find((x) => x.match.test(issuingDepartment));
    return { departmentId: (h && departments.get(h.department)) ?? null, itemId: (mode === 'apply' && h?.item && items.get(h.item)) || null };
  };
}
