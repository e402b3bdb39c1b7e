import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import { listPublishedItemFacts } from '../../catalog/service.ts';
import type { ServiceDeps } from '../cases/scope.ts';
import { createImprovement, recheckImprovement, submitImprovement } from '../improvements/service.ts';
import type { ExperienceChannel, ReportInput } from './contract.ts';
import { createOfficer } from './officers.ts';
import { replyFinding, reportTask, scheduleTask } from './tasks.ts';

/**
 * Two experience officers of the demo center — an enterprise's representative and the chamber of
 * commerce's — with their tasks over two months: reported ones whose findings were answered or
 * followed by an improvement (re-checked and passed), one finding still open, one task overdue
 * for its report and one to come.
 */

const DAY_MS = 86_400_000;

type DemoTask = {
  officer: 0 | 1;
  item: number;
  channel: ExperienceChannel;
  daysAgo: number;
  brief: string;
  report?: Omit<ReportInput, 'version' | 'experiencedOn'>;
};

export async function seedExperienceDemo(deps: ServiceDeps, as: (username: string) => StaffPrincipal): Promise<void> {
  const manager = as('manager');
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS - (Date.now() % DAY_MS) + 2 * 3_600_000);
  const today = businessToday();
  const term = { termStart: addDays(today, -70), termEnd: addDays(today, 295) };
  const officers = [
    await createOfficer(deps, manager, { name: '陈志强', organisation: '佛山市南海区示例智造科技有限公司', kind: 'enterprise', phone: '13907572201', ...term, note: '企业行政主管，常办企业变更、社保事项' }, at(70)),
    await createOfficer(deps, manager, { name: '罗建国', organisation: '南海区工商业联合会（总商会）', kind: 'chamber', phone: '13907572202', ...term, note: '商会秘书长' }, at(70)),
  ];
  const items = (await listPublishedItemFacts(deps.db, manager.centerId!)).sort((a, b) => a.code.localeCompare(b.code));

  const tasks: DemoTask[] = [
    {
      officer: 0,
      item: 0,
      channel: 'counter',
      daysAgo: 40,
      brief: '以企业身份到综合窗口办理，关注一次性告知和办理时限',
      report: {
        summary: '窗口人员热情，材料一次收齐；但一次性告知单未写明承诺办结时限，自助区打印机卡纸无人处理。',
        satisfaction: 'basically',
        findings: [
          { category: 'guide', description: '一次性告知单没有写明承诺办结时限，企业不知道何时能拿证', suggestion: '告知单模板增加“承诺办结时限”一栏' },
          { category: 'facility', description: '自助区 2 号打印机卡纸，约 20 分钟无人处理', suggestion: '' },
        ],
      },
    },
    {
      officer: 1,
      item: 1,
      channel: 'portal',
      daysAgo: 20,
      brief: '在门户全程网上申报，关注材料上传和进度查询',
      report: {
        summary: '网上申报流程清楚，进度可查；上传材料时超出大小限制只提示“上传失败”。',
        satisfaction: 'satisfied',
        findings: [{ category: 'system', description: '材料超过大小限制时只提示“上传失败”，没有说明原因和限制', suggestion: '提示具体的大小限制和压缩方法' }],
      },
    },
    { officer: 0, item: 1, channel: 'phone', daysAgo: 3, brief: '拨打咨询电话，了解事项办理条件' },
    { officer: 1, item: 2, channel: 'counter', daysAgo: -7, brief: '陪同会员企业到窗口办理，体验帮办代办服务' },
  ];

  for (const d of tasks) {
    const scheduledOn = addDays(today, -d.daysAgo);
    const officer = officers[d.officer]!;
    let task = await scheduleTask(deps, manager, { officerId: officer.id, itemId: items[d.item % items.length]!.id, channel: d.channel, scheduledOn, brief: d.brief }, at(Math.max(d.daysAgo, 0) + 5));
    if (!d.report) continue;
    task = await reportTask(deps, manager, { id: task.id, version: task.version, experiencedOn: scheduledOn, ...d.report }, at(d.daysAgo - 1));
    if (d.daysAgo !== 40) continue;
    // the first report: the printer answered, the guide followed by an improvement that passed its re-check
    const [guide, printer] = task.findings;
    await replyFinding(deps, manager, { id: printer!.id, version: printer!.version, reply: '已更换 2 号打印机，并安排导办人员每日巡检自助设备。' }, at(37));
    const reviewer = as('reviewer');
    const improvement = await createImprovement(
      deps,
      manager,
      { sourceType: 'experience_officer', findingId: guide!.id, target: '一次性告知单写明承诺办结时限', measures: '修订一次性告知单模板，增加承诺办结时限；组织综合窗口人员培训。', ownerId: reviewer.id, dueOn: addDays(today, -20) },
      at(37),
    );
    const submitted = await submitImprovement(deps, reviewer, { id: improvement.id, version: improvement.version, result: '告知单模板已修订并上线，窗口人员完成培训。' }, at(28));
    await recheckImprovement(deps, manager, { id: submitted.id, version: submitted.version, outcome: 'passed', note: '抽查 20 份告知单均写明时限，通过。' }, at(26));
  }
}
