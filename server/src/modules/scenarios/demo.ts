import type { EnterprisePrincipal, StaffPrincipal } from '../../platform/auth/principal.ts';
import { permissionsOf } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { listPublishedItemFacts } from '../catalog/service.ts';
import { findEnterpriseByUscc } from '../enterprises/service.ts';
import { listStaff } from '../staff/service.ts';
import type { ProviderDto, ProviderInput, ProviderKind, ScenarioDto } from './contract.ts';
import { decideProvider, registerProvider } from './providers.ts';
import { rate, recordOutcome, referOwn } from './referrals.ts';
import { createScenario } from './scenarios.ts';

/**
 * The demo's 一类事 (6.3.6): four professional service providers (one still pending approval),
 * three published scenarios — opening a restaurant, high-tech enterprises, recruiting — and
 * referrals of the demo enterprises in every outcome, the served ones rated.
 */

const PROVIDERS: (ProviderInput & { approve: boolean })[] = [
  { name: '广东南粤律师事务所', kind: 'legal', uscc: '31440000556473815H', contactName: '梁志明', servicePhone: '0757-86201188', services: '企业设立法律咨询、合同审查、劳动用工合规、食品安全合规咨询', approve: true },
  { name: '佛山市南海区诚信财税代理有限公司', kind: 'finance', uscc: '91440605762918352K', contactName: '何美玲', servicePhone: '0757-86335566', services: '代理记账、纳税申报、财务咨询、高新技术企业研发费用归集', approve: true },
  { name: '佛山市南海区知创知识产权代理有限公司', kind: 'intellectual_property', uscc: '91440605684521906W', contactName: '罗俊杰', servicePhone: '0757-86778899', services: '专利申请、商标注册、知识产权贯标、高新技术企业认定辅导', approve: true },
  { name: '佛山市南海区才汇人力资源服务有限公司', kind: 'human_resources', uscc: '91440605593182478R', contactName: '黄晓燕', servicePhone: '0757-86552233', services: '招聘对接、劳务派遣咨询、社保代理、用工培训', approve: true },
  { name: '佛山市南海区汇金融资咨询有限公司', kind: 'finance', uscc: '91440605702134687Q', contactName: '陈家乐', servicePhone: '0757-86114455', services: '小微企业融资咨询、银行贷款对接', approve: false },
];

type DemoScenario = { title: string; description: string; bundles: string[]; items: string[]; kinds: ProviderKind[]; providers: number[] };
const SCENARIOS: DemoScenario[] = [
  {
    title: '开办餐饮店一类事',
    description: '开办餐饮店需要办理的政务服务事项，以及开业前后的法律咨询和财务代账服务，一次了解、就近对接。',
    bundles: ['NH-YJS-002'],
    items: ['食品经营许可'],
    kinds: ['legal', 'finance'],
    providers: [0, 1],
  },
  {
    title: '高新技术企业一类事',
    description: '企业投资项目备案、惠企政策资金申领，以及专利申请、高新技术企业认定辅导和研发费用归集等知识产权与财务服务。',
    bundles: [],
    items: ['企业投资项目备案', '市场监管类惠企政策资金申领'],
    kinds: ['intellectual_property', 'finance'],
    providers: [2, 1],
  },
  {
    title: '招聘用工一类事',
    description: '员工招聘、就业登记和参保，以及招聘对接、用工合规等人力资源和法律服务。',
    bundles: ['NH-YJS-004'],
    items: ['招用员工就业登记'],
    kinds: ['human_resources', 'legal'],
    providers: [3, 0],
  },
];

/** enterprise (index into the demo enterprises), provider, scenario, outcome, rating */
const REFERRALS: { enterprise: number; provider: number; scenario: number; need: string; outcome?: 'served' | 'not_reached'; note?: string; rating?: [number, string] }[] = [
  { enterprise: 1, provider: 0, scenario: 0, need: '新开门店，需要审查租赁合同和加盟合同', outcome: 'served', note: '已完成两份合同审查并出具意见', rating: [5, '律师回复及时，意见很实用'] },
  { enterprise: 1, provider: 1, scenario: 0, need: '开业后需要代理记账和纳税申报', outcome: 'served', note: '已签订代账协议，首月申报已完成', rating: [4, '服务规范，价格透明'] },
  { enterprise: 0, provider: 2, scenario: 1, need: '准备申报高新技术企业，需要专利布局和认定辅导', outcome: 'served', note: '已提交 3 件实用新型专利申请' },
  { enterprise: 0, provider: 3, scenario: 2, need: '招聘 20 名产线技术工人', outcome: 'not_reached', note: '企业与服务机构未就收费达成一致' },
  { enterprise: 0, provider: 1, scenario: 1, need: '研发费用归集和加计扣除咨询' },
];

function principalOf(s: { id: string; username: string; displayName: string; roles: StaffPrincipal['roles']; departmentId: string | null }, centerId: string): StaffPrincipal {
  return { type: 'staff', id: s.id, username: s.username, displayName: s.displayName, roles: s.roles, permissions: new Set(permissionsOf(s.roles)), centerId, centerScope: [centerId], departmentId: s.departmentId, mustChangePassword: false };
}

export async function seedScenariosDemo(db: Db, centerId: string, enterprises: readonly { uscc: string }[]): Promise<void> {
  const staff = await listStaff(db, { centerId });
  const managerRow = staff.find((s) => s.username === 'manager');
  const officerRow = staff.find((s) => s.username === 'policy');
  if (!managerRow || !officerRow) return;
  const manager = principalOf(managerRow, centerId);
  const officer = principalOf(officerRow, centerId);
  const deps = { db };

  const providers: ProviderDto[] = [];
  for (const { approve, ...input } of PROVIDERS) {
    const created = await registerProvider(deps, officer, input);
    providers.push(approve ? await decideProvider(deps, manager, created.id, { decision: 'approve', note: '资质材料齐全，同意入驻', version: created.version }) : created);
  }

  const items = await listPublishedItemFacts(db, centerId);
  const codeOf = (name: string) => items.find((i) => i.name === name)?.code;
  const scenarios: ScenarioDto[] = [];
  for (const s of SCENARIOS) {
    const entries = [...s.bundles.map((code) => ({ kind: 'bundle' as const, code })), ...s.items.flatMap((name) => (codeOf(name) ? [{ kind: 'item' as const, code: codeOf(name)! }] : []))];
    scenarios.push(await createScenario(deps, officer, { title: s.title, description: s.description, entries, serviceKinds: s.kinds, providerIds: s.providers.map((p) => providers[p]!.id), published: true }));
  }

  for (const r of REFERRALS) {
    const found = await findEnterpriseByUscc(db, enterprises[r.enterprise]!.uscc);
    if (!found) continue;
    const enterprise: EnterprisePrincipal = { type: 'enterprise', id: found.id, uscc: found.uscc, name: found.name };
    const referral = await referOwn(deps, enterprise, { providerId: providers[r.provider]!.id, scenarioId: scenarios[r.scenario]!.id, need: r.need });
    if (r.outcome) await recordOutcome(deps, officer, referral.id, { outcome: r.outcome, source: r.outcome === 'served' ? 'provider' : 'staff', note: r.note ?? '', version: referral.version });
    if (r.rating) await rate(deps, enterprise, referral.id, { rating: r.rating[0], comment: r.rating[1] });
  }
}
