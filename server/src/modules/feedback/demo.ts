import type { Config } from '../../config.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { permissionsOf } from '../../platform/auth/roles.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { listDepartments, listStaff, updateStaff } from '../staff/service.ts';
import { listCounters } from '../venue/service.ts';
import { archiveCase, assignCase, closeCase, rateCaseByStaff, referCase, replyCase } from './cases/actions.ts';
import type { CaseInput } from './cases/contract.ts';
import { fileCase } from './cases/intake.ts';
import type { Satisfaction } from './cases/kinds.ts';
import { rateCaseBySubmitter } from './cases/public.ts';
import * as repo from './cases/repository.ts';
import type { ServiceDeps } from './cases/scope.ts';
import { createImprovement, recheckImprovement, submitImprovement } from './improvements/service.ts';
import { addTasks, answerTask } from './unresolved/service.ts';
import { seedInquiriesDemo } from './inquiries/demo.ts';
import { seedExperienceDemo } from './experience/demo.ts';
import { seedAssessmentsDemo } from './assessments/demo.ts';
import { seedSurveysDemo } from './surveys/demo.ts';

/**
 * The demo center's feedback over three months: cases of every kind and channel in every state
 * (a confidential complaint, a referral, a re-opened one, some answered late, some overdue),
 * 办不成事 matters solved (confirmed) and open with their coordination tasks, and improvements
 * from several sources — one sent back at re-check, some passed, some under way; first inquiries
 * with their violations (inquiries/demo.ts); two experience officers with their tasks, reports and
 * findings, one followed to an improvement (experience/demo.ts); a satisfaction survey answered by
 * 12 of 20 enterprises, a third-party and a self-evaluation report (9.1.1).
 * Counter 3's clerk belongs to 市场监督管理局 here, so that a complaint about them reaches the
 * department's chief officer (content only).
 */

const DAY_MS = 86_400_000;

type Step =
  | { do: 'assign'; to: string; dayOffset?: number }
  | { do: 'reply'; by: string; text: string; late?: boolean; outcome?: 'solved' | 'explained' }
  | { do: 'rate'; satisfaction: Satisfaction; byStaff?: string }
  | { do: 'close'; by: string; note?: string }
  | { do: 'archive'; by: string }
  | { do: 'refer'; by: string; body: string; number: string }
  | { do: 'tasks'; by: string; departments: string[] }
  | { do: 'answer'; department: string; text: string };

type DemoCase = { daysAgo: number; input: Partial<CaseInput> & Pick<CaseInput, 'kind' | 'channel' | 'content'>; counter?: string; department?: string; phone?: string; steps: Step[] };

const PHONE = (n: number) => `1390757${String(1000 + n).slice(-4)}`;

/** `enterprises`: the demo enterprises (two of them bring 办不成事 matters). */
export async function seedFeedbackDemo(
  db: Db,
  config: Config,
  centerId: string,
  enterprises: readonly { uscc: string; name: string }[],
): Promise<void> {
  const deps: ServiceDeps = { db, config };
  const staff = await listStaff(db, { centerId });
  const departments = new Map((await listDepartments(db, centerId)).map((d) => [d.name, d.id]));
  const counters = new Map((await listCounters(db, centerId)).map((c) => [c.number, c.id]));
  const market = departments.get('市场监督管理局')!;
  const clerk3 = staff.find((s) => s.username === 'clerk3');
  if (clerk3) await updateStaff(db, clerk3.id, { version: clerk3.version, departmentId: market });
  const people = new Map((await listStaff(db, { centerId })).map((s) => [s.username, s]));
  const as = (username: string): StaffPrincipal => {
    const s = people.get(username)!;
    return { type: 'staff', id: s.id, username: s.username, displayName: s.displayName, roles: s.roles, permissions: new Set(permissionsOf(s.roles)), centerId: s.centerId, centerScope: s.centerId ? [s.centerId] : null, departmentId: s.departmentId, mustChangePassword: false };
  };
  const calendar = await loadCalendar(db);
  const at = (daysAgo: number, hour: number) => new Date(Date.now() - daysAgo * DAY_MS - (Date.now() % DAY_MS) + (hour - 8) * 3_600_000);

  const cases: DemoCase[] = [
    // a confidential complaint about counter 3's clerk, answered in time, rated satisfied, archived
    { daysAgo: 80, counter: '3', phone: PHONE(1), input: { kind: 'complaint', channel: 'portal', content: '3 号窗口工作人员办理营业执照变更时态度生硬，没有一次性告知需要的材料。', isConfidential: true, complaintScope: 'a' },
      steps: [{ do: 'assign', to: 'complaints' }, { do: 'reply', by: 'complaints', text: '经调取录像核查，情况属实。已对该工作人员批评教育，并组织窗口人员学习一次性告知制度。' }, { do: 'rate', satisfaction: 'satisfied' }, { do: 'archive', by: 'manager' }] },
    // a report referred to the discipline body
    { daysAgo: 70, department: '住房和城乡建设局', phone: PHONE(2), input: { kind: 'report', channel: 'letter', content: '反映有人以“内部关系”为名收取费用，承诺加快施工许可审批。', isConfidential: true },
      steps: [{ do: 'assign', to: 'complaints' }, { do: 'refer', by: 'complaints', body: '南海区纪委监委派驻纪检监察组', number: '南纪移〔2026〕7号' }, { do: 'reply', by: 'complaints', text: '您反映的问题已移送区纪委监委派驻纪检监察组依规处理。' }, { do: 'close', by: 'complaints', note: '举报人未评价' }] },
    // a scope-b complaint re-opened once after a dissatisfied rating, then closed
    { daysAgo: 60, department: '税务局', phone: PHONE(3), input: { kind: 'complaint', channel: 'hotline_12345', content: '小规模纳税人减免政策执行口径不一，两个窗口说法不同。', isConfidential: false, complaintScope: 'b' },
      steps: [{ do: 'assign', to: 'complaints' }, { do: 'reply', by: 'complaints', text: '已转税务局核实，按最新政策口径执行。' }, { do: 'rate', satisfaction: 'dissatisfied' }, { do: 'reply', by: 'complaints', text: '税务局已统一窗口解释口径并书面答复您适用的减免额度。' }, { do: 'rate', satisfaction: 'basically' }] },
    { daysAgo: 55, input: { kind: 'consultation', channel: 'phone', content: '咨询个体工商户转为有限公司需要办理哪些手续。', isConfidential: false }, department: '市场监督管理局', phone: PHONE(4),
      steps: [{ do: 'reply', by: 'chief', text: '可办理“个转企”，携带营业执照正本、股东身份证件到 1–6 号窗口一次办结。' }, { do: 'rate', satisfaction: 'satisfied', byStaff: 'chief' }] },
    { daysAgo: 48, input: { kind: 'help', channel: 'on_site', content: '企业法人在外地，无法到现场签字，请求帮助。', isConfidential: false }, department: '市场监督管理局', phone: PHONE(5),
      steps: [{ do: 'reply', by: 'chief', text: '已指导使用粤商通远程电子签名完成签字。', late: true }, { do: 'close', by: 'chief' }] },
    { daysAgo: 40, input: { kind: 'suggestion', channel: 'suggestion_box', content: '建议在二楼等候区增加手机充电设施。', isConfidential: false },
      steps: [{ do: 'assign', to: 'manager' }, { do: 'reply', by: 'manager', text: '已采纳，二楼等候区已增设 2 台共享充电柜。' }, { do: 'close', by: 'manager' }] },
    { daysAgo: 35, input: { kind: 'suggestion', channel: 'comment_card', content: '建议公示各窗口的平均等候时间。', isConfidential: false },
      steps: [{ do: 'reply', by: 'manager', text: '已在叫号屏增加各队列预计等候时间。' }, { do: 'close', by: 'manager' }, { do: 'archive', by: 'manager' }] },
    { daysAgo: 30, input: { kind: 'consultation', channel: 'email', content: '咨询食品经营许可证延续需提前多久申请。', isConfidential: false }, department: '市场监督管理局', phone: PHONE(6),
      steps: [{ do: 'reply', by: 'reviewer', text: '应在有效期届满 30 个工作日前提出延续申请。' }, { do: 'close', by: 'reviewer' }] },
    { daysAgo: 25, input: { kind: 'help', channel: 'fax', content: '公积金缴存基数调整后系统无法提交。', isConfidential: false }, department: '住房公积金管理中心', phone: PHONE(7), steps: [] },
    { daysAgo: 20, input: { kind: 'consultation', channel: 'evaluation', content: '评价中留言：不知道营业执照可以邮寄。', isConfidential: false }, department: '市场监督管理局', steps: [] },
    { daysAgo: 12, input: { kind: 'complaint', channel: 'on_site', content: '10 号发证窗口中午提前 15 分钟停止发证。', isConfidential: false, complaintScope: 'a' }, counter: '10', phone: PHONE(8),
      steps: [{ do: 'assign', to: 'complaints' }] },
    { daysAgo: 6, input: { kind: 'report', channel: 'kiosk', content: '反映大厅有人冒充工作人员招揽代办业务。', isConfidential: true }, phone: PHONE(9), steps: [] },
    { daysAgo: 2, input: { kind: 'suggestion', channel: 'portal', content: '建议门户增加办件进度的短信订阅。', isConfidential: false }, phone: PHONE(10), steps: [] },
    { daysAgo: 1, input: { kind: 'consultation', channel: 'portal', content: '咨询股权转让后是否需要重新刻制公章。', isConfidential: false }, department: '市场监督管理局', phone: PHONE(11), steps: [] },
    // 办不成事: solved with the enterprise's confirmation (two departments), explained in writing, one still open
    { daysAgo: 45, input: { kind: 'unresolved', channel: 'on_site', cause: 'departments_disagree', content: '食品生产企业迁址，市场监管与生态环境对环评与许可的先后顺序意见不一，无法办理。', isConfidential: false, contact: { uscc: enterprises[1]!.uscc, enterpriseName: enterprises[1]!.name } }, phone: PHONE(12),
      steps: [{ do: 'tasks', by: 'clerk17', departments: ['市场监督管理局', '生态环境局'] }, { do: 'answer', department: '市场监督管理局', text: '可先行受理许可申请，环评批复作为容缺材料后补。' }, { do: 'answer', department: '生态环境局', text: '同意并行办理，环评告知承诺制办理。' }, { do: 'reply', by: 'clerk17', outcome: 'solved', text: '两部门同意并行办理，已于次日受理许可申请。' }, { do: 'rate', satisfaction: 'satisfied' }] },
    { daysAgo: 28, input: { kind: 'unresolved', channel: 'phone', cause: 'no_such_item', content: '想办理“共享厨房”经营许可，目录中没有对应事项。', isConfidential: false }, phone: PHONE(13),
      steps: [{ do: 'tasks', by: 'clerk17', departments: ['市场监督管理局'] }, { do: 'answer', department: '市场监督管理局', text: '现行法规无此业态许可，可按餐饮服务分别申请。' }, { do: 'reply', by: 'clerk17', outcome: 'explained', text: '经市场监管局研究，现行法规无“共享厨房”许可，已书面说明可按餐饮服务分别申请。' }, { do: 'close', by: 'clerk17', note: '已书面说明' }] },
    { daysAgo: 4, input: { kind: 'unresolved', channel: 'on_site', cause: 'system_fault', content: '不动产抵押登记系统提示证书号不存在，无法提交。', isConfidential: false, contact: { uscc: enterprises[0]!.uscc, enterpriseName: enterprises[0]!.name } }, phone: PHONE(14),
      steps: [{ do: 'tasks', by: 'clerk17', departments: ['自然资源局', '住房和城乡建设局'] }, { do: 'answer', department: '自然资源局', text: '系统数据已修复，待企业重新提交。' }] },
  ];

  const ids: Record<string, string> = {};
  for (const [index, c] of cases.entries()) {
    const receivedAt = at(c.daysAgo, 9 + (index % 6));
    const recorder = c.input.channel === 'portal' || c.input.channel === 'kiosk' ? null : as(c.input.kind === 'unresolved' ? 'clerk17' : 'guide');
    const phone = c.phone;
    const input: CaseInput = {
      isConfidential: false,
      ...c.input,
      counterId: c.counter ? counters.get(c.counter) : undefined,
      departmentId: c.department ? departments.get(c.department) : undefined,
      contact: { ...c.input.contact, ...(phone ? { phone, name: `${'王李张刘陈杨黄赵周吴'[index % 10]}先生` } : {}) },
    };
    const filed = await fileCase(deps, recorder, input, receivedAt);
    ids[`${index}`] = filed.id;
    let moment = receivedAt.getTime();
    for (const step of c.steps) {
      const row = (await repo.findCase(db, filed.id))!;
      const due = new Date(`${row.dueOn}T10:00:00+08:00`).getTime();
      moment = step.do === 'reply' && step.late ? due + 2 * DAY_MS : Math.min(moment + DAY_MS, Date.now() - 60_000);
      const now = new Date(moment);
      const base = { id: row.id, version: row.version, now };
      switch (step.do) {
        case 'assign':
          await assignCase(deps, as('manager'), { ...base, handlerId: people.get(step.to)!.id });
          break;
        case 'reply':
          await replyCase(deps, as(step.by), { ...base, reply: step.text, outcome: step.outcome });
          break;
        case 'rate':
          if (step.byStaff) await rateCaseByStaff(deps, as(step.byStaff), { ...base, satisfaction: step.satisfaction });
          else await rateCaseBySubmitter(deps, { number: row.number, phone, satisfaction: step.satisfaction }, now);
          break;
        case 'close':
          await closeCase(deps, as(step.by), { ...base, note: step.note });
          break;
        case 'archive':
          await archiveCase(deps, as(step.by), base);
          break;
        case 'refer':
          await referCase(deps, as(step.by), { ...base, referralBody: step.body, referralNumber: step.number });
          break;
        case 'tasks':
          await addTasks(deps, as(step.by), {
            ...base,
            tasks: step.departments.map((d) => ({ departmentId: departments.get(d)!, request: '请研究提出可办理的路径并书面反馈', dueOn: calendar.addWorkingDays(businessToday(now), 3) })),
          });
          break;
        case 'answer': {
          const task = (await repo.listTasks(db, [row.id])).find((t) => t.departmentId === departments.get(step.department))!;
          await answerTask(deps, as('manager'), { ...base, taskId: task.id, answer: step.text });
          break;
        }
      }
    }
  }

  // Improvements from several sources: one passed from the confidential complaint, one sent back then passed, one under way, one awaiting re-check.
  const improvementAt = (daysAgo: number) => at(daysAgo, 15);
  const due = (daysAgo: number, workingDays: number) => calendar.addWorkingDays(businessToday(improvementAt(daysAgo)), workingDays);
  const fromComplaint = await createImprovement(deps, as('complaints'), { sourceType: 'complaint', caseId: ids['0'], target: '综合窗口一次性告知到位', measures: '组织综合窗口人员学习一次性告知制度，每周抽查告知单。', ownerId: people.get('chief')!.id, dueOn: due(78, 10) }, improvementAt(78));
  let v = await submitImprovement(deps, as('chief'), { id: fromComplaint.id, version: fromComplaint.version, result: '已完成 2 期培训，抽查 40 份告知单均完整。' }, improvementAt(70));
  await recheckImprovement(deps, as('manager'), { id: v.id, version: v.version, outcome: 'passed', note: '抽查属实，通过。' }, improvementAt(68));

  const fromUnresolved = await createImprovement(deps, as('manager'), { sourceType: 'unresolved', caseId: ids['14'], target: '跨部门并联审批规则固化', measures: '与市场监管、生态环境两局会签并联办理规程。', ownerId: people.get('reviewer')!.id, dueOn: due(40, 15) }, improvementAt(40));
  v = await submitImprovement(deps, as('reviewer'), { id: fromUnresolved.id, version: fromUnresolved.version, result: '规程草稿已完成。' }, improvementAt(30));
  v = await recheckImprovement(deps, as('manager'), { id: v.id, version: v.version, outcome: 'sent_back', note: '仅有草稿，尚未会签印发，退回继续办理。' }, improvementAt(29));
  v = await submitImprovement(deps, as('reviewer'), { id: v.id, version: v.version, result: '规程已由三部门会签印发，并在窗口公示。' }, improvementAt(15));
  await recheckImprovement(deps, as('chief'), { id: v.id, version: v.version, outcome: 'passed', note: '已印发，通过。' }, improvementAt(14));

  await createImprovement(deps, as('manager'), { sourceType: 'evaluation', target: '午间发证不提前停办', measures: '10 号发证窗口实行午间轮岗，主任每日抽查。', ownerId: people.get('clerk10')?.id ?? people.get('clerk')!.id, dueOn: due(10, 20) }, improvementAt(10));
  const fromSuggestion = await createImprovement(deps, as('manager'), { sourceType: 'feedback', caseId: ids['5'], target: '等候区便民设施完善', measures: '二楼等候区增设共享充电柜和老花镜。', ownerId: people.get('manager')!.id, dueOn: due(38, 10) }, improvementAt(38));
  await submitImprovement(deps, as('manager'), { id: fromSuggestion.id, version: fromSuggestion.version, result: '已增设 2 台共享充电柜、3 副老花镜。' }, improvementAt(36));

  await seedInquiriesDemo(deps, as, (name) => departments.get(name)!);
  await seedExperienceDemo(deps, as);
  // 9.1.1: a satisfaction survey with its answers and a draft; a third-party and a self-evaluation report, one finding raising an improvement
  await seedSurveysDemo(deps, as('manager'));
  await seedAssessmentsDemo(deps, as('manager'), (people.get('guide') ?? people.get('manager')!).id);
}
