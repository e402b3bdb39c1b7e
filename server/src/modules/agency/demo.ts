import type { Config } from '../../config.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { permissionsOf } from '../../platform/auth/roles.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { listPublishedItemFacts } from '../catalog/service.ts';
import { listDepartments, listStaff } from '../staff/service.ts';
import { acceptRequest, declineRequest, finishRequest, followUp, receiveMaterial, recordActivity, returnMaterial, signAgreement, withdrawByStaff } from './actions.ts';
import { addAgencyItem } from './items.ts';
import { confirmOwn } from './portal.ts';
import { addMilestone, completeMilestone, createProject } from './projects/service.ts';
import * as projectRepo from './projects/repository.ts';
import * as repo from './repository.ts';
import { requestByStaff, requestOnPortal } from './requests.ts';
import type { ServiceDeps } from './views.ts';

/**
 * The demo center's 帮办代办: the high-frequency list, requests in every state (one of each, the
 * two finished ones followed up), all handled by the demo agent 周建华 (`agent`, counter 16), and
 * one key project with its milestones. No application is filed here, so the applications' figures
 * stay as the applications demo made them.
 */

const DAY_MS = 86_400_000;
const LIST: [code: string, agentDoes: string, enterpriseDoes: string][] = [
  ['NH-SCJG-001', '指导填写登记表，代为网上提交，跟踪核准，代领营业执照', '提供股东身份证明、住所证明，法定代表人完成实名认证和电子签名'],
  ['NH-SCJG-006', '核对材料、代为提交申请，协调现场核查时间，代领许可证', '提供经营场所平面图、食品安全管理制度，配合现场核查'],
  ['NH-FG-001', '代为在投资项目在线审批监管平台填报备案信息', '提供项目基本情况，对备案信息的真实性负责'],
  ['NH-ZR-002', '协调自然资源、住建等部门，跟踪审批节点', '提供建设项目批准文件、用地权属证明，委托设计单位出具图纸'],
  ['NH-ZJ-001', '预审施工许可材料，代为提交，协调联合审查', '提供施工合同、监理合同，落实质量安全措施'],
];

export async function seedAgencyDemo(db: Db, config: Config, centerId: string, enterprises: readonly { uscc: string; name: string }[]): Promise<void> {
  const deps: ServiceDeps = { db, config };
  const people = new Map((await listStaff(db, { centerId })).map((s) => [s.username, s]));
  const as = (username: string): StaffPrincipal => {
    const s = people.get(username)!;
    return { type: 'staff', id: s.id, username: s.username, displayName: s.displayName, roles: s.roles, permissions: new Set(permissionsOf(s.roles)), centerId: s.centerId, centerScope: s.centerId ? [s.centerId] : null, departmentId: s.departmentId, mustChangePassword: false };
  };
  const agent = as('agent');
  const manager = as('manager');
  const items = new Map((await listPublishedItemFacts(db, centerId)).map((i) => [i.code, i]));
  for (const [code, agentDoes, enterpriseDoes] of LIST) {
    if (items.has(code)) await addAgencyItem(db, manager, { code, agentDoes, enterpriseDoes });
  }
  const [manufacturing, catering] = [enterprises[0]!, enterprises[1]!];
  const at = (daysAgo: number, hour = 10) => new Date(Math.min(Date.now() - daysAgo * DAY_MS - (Date.now() % DAY_MS) + (hour - 8) * 3_600_000, Date.now() - 60_000));
  const itemId = (code: string) => items.get(code)?.id ?? null;
  const department = (await listDepartments(db, centerId)).find((d) => d.name === '市场监督管理局')?.id;

  type Step = 'accept' | 'sign' | 'work' | 'finish' | 'confirm' | 'follow' | 'decline' | 'withdraw';
  const demo = async (daysAgo: number, e: { uscc: string; name: string }, code: string | null, matter: string, steps: Step[], satisfaction = 5, projectId: string | null = null) => {
    const body = { itemId: code ? itemId(code) : null, matter, contactName: '联系人', contactPhone: '13907572201' };
    let row = await requestByStaff(deps, agent, { ...body, channel: daysAgo % 2 ? 'phone' : 'visit', uscc: e.uscc, fromCurrentTicket: false, projectId }, at(daysAgo, 9));
    let day = daysAgo;
    const next = () => at(Math.max(0, --day), 11);
    for (const step of steps) {
      const input = { id: row.id, version: row.version, now: next() };
      if (step === 'accept') row = await acceptRequest(deps, agent, input);
      if (step === 'decline') row = await declineRequest(deps, agent, { ...input, reason: '该事项须由企业法定代表人本人到场办理，不属于代办范围，已告知企业。' });
      if (step === 'withdraw') row = await withdrawByStaff(deps, agent, { ...input, reason: '企业来电：已自行办理，撤回申请。' });
      if (step === 'sign') {
        const signedOn = businessToday(input.now);
        row = await signAgreement(deps, agent, { ...input, scope: `代为办理“${row.itemName || matter}”：核对材料、代为提交、跟踪办理、代领结果。`, authorisation: { signerName: '陈志明', signerIdNumber: '440605198502143216', signedOn, isSigned: true } });
        row = await receiveMaterial(deps, agent, { id: row.id, version: row.version, now: input.now, name: '营业执照副本', copies: 1, isOriginal: true });
      }
      if (step === 'work') {
        row = await recordActivity(deps, agent, { ...input, kind: 'visit', note: '上门核对经营场所和材料，告知企业须自行完成的事项。' });
        if (department) row = await recordActivity(deps, agent, { id: row.id, version: row.version, now: input.now, kind: 'coordination', departmentId: department, note: '与审批科协调现场核查时间。' });
      }
      if (step === 'finish') {
        for (const m of (await repo.listMaterials(db, [row.id])).filter((x) => !x.returnedAt)) row = await returnMaterial(deps, agent, { id: row.id, version: row.version, now: input.now, materialId: m.id });
        row = await finishRequest(deps, agent, { id: row.id, version: row.version, now: input.now, result: '已取得审批结果，证照及材料已交企业。' });
      }
      if (step === 'confirm') await confirmOwn(deps, { id: row.enterpriseId, name: row.enterpriseName }, { ...input, note: '已收到，谢谢。' });
      if (step === 'follow') row = await followUp(deps, agent, { id: row.id, version: row.version, now: input.now, note: '电话回访：企业对代办服务满意。', satisfaction });
      row = (await repo.findRequest(db, row.id))!;
    }
  };
  // 重点项目: the manufacturer's new plant
  const today = businessToday();
  const projectId = await createProject(db, manager, {
    name: '示例智造新厂房建设项目',
    uscc: manufacturing.uscc,
    description: '年产 20 万台智能装备的新厂房，列入区重点项目，实行专班帮办代办。',
    itemCodes: ['NH-FG-001', 'NH-ZR-002', 'NH-ZJ-001'].filter((code) => items.has(code)),
    team: [
      { staffId: agent.id, isLead: true },
      { staffId: manager.id, isLead: false },
    ],
  });
  const milestones: [string, string][] = [
    ['项目备案', addDays(today, -30)],
    ['用地规划许可', addDays(today, -5)],
    ['施工许可', addDays(today, 20)],
    ['竣工验收备案', addDays(today, 200)],
  ];
  let version = 1;
  for (const [title, dueOn] of milestones) await addMilestone(db, manager, projectId, { version: version++, title, dueOn });
  const first = (await projectRepo.listMilestones(db, [projectId]))[0]!;
  await completeMilestone(db, agent, projectId, first.id, version, at(28));

  await demo(40, manufacturing, 'NH-SCJG-001', '新设分公司登记', ['accept', 'sign', 'work', 'finish', 'confirm', 'follow']);
  await demo(30, catering, 'NH-SCJG-006', '新门店食品经营许可', ['accept', 'sign', 'work', 'finish', 'follow'], 4);
  await demo(20, manufacturing, 'NH-FG-001', '新厂房项目备案', ['accept', 'sign', 'work', 'finish', 'confirm'], 5, projectId);
  await demo(14, catering, null, '餐饮门店装修涉及的户外招牌审批', ['accept', 'sign', 'work', 'finish']);
  await demo(10, manufacturing, 'NH-ZR-002', '新厂房用地规划许可', ['accept', 'sign', 'work'], 5, projectId);
  await demo(6, manufacturing, 'NH-ZJ-001', '新厂房施工许可', ['accept', 'sign'], 5, projectId);
  await demo(4, catering, 'NH-SCJG-001', '变更法定代表人', ['accept']);
  await demo(12, catering, null, '个人所得税汇算', ['decline']);
  await demo(8, manufacturing, 'NH-SCJG-006', '员工食堂食品经营许可', ['withdraw']);
  // one asked for on the portal, not yet taken
  await requestOnPortal(deps, { type: 'enterprise', id: manufacturing.uscc, uscc: manufacturing.uscc, name: manufacturing.name }, { itemId: itemId('NH-SCJG-006'), matter: '新设员工食堂，申请食品经营许可', contactName: '陈志明', contactPhone: '13907572202' }, at(0, 8));
}
