import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import { renderNotice } from '../../../platform/pdf/notice.ts';
import type { ServiceDeps } from '../cases/scope.ts';
import { createReport, raiseImprovement, storeReportFile } from './service.ts';

/**
 * The demo's evaluation reports: last year's third-party evaluation with its report file and two
 * findings, and the last quarter's self-evaluation with three, one of which raised an improvement.
 */

export async function seedAssessmentsDemo(deps: ServiceDeps, manager: StaffPrincipal, ownerId: string): Promise<void> {
  const today = businessToday();
  const year = Number(today.slice(0, 4));
  const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const previousQuarterStart = addDays(quarterStart, -80).slice(0, 8) + '01';
  const previousQuarterEnd = addDays(quarterStart, -1);

  const evaluator = '广东省政务服务质量评估中心（演示）';
  const title = `${year - 1} 年度企业政务服务第三方评估报告`;
  const content = await renderNotice({
    title,
    issuer: evaluator,
    isDemo: true,
    blocks: [
      { kind: 'heading', text: '一、总体评价' },
      { kind: 'paragraph', text: '综合得分 91.2 分（优秀）。办事指南准确完整，一次性告知和首问责任落实较好，企业满意度 97.8%。' },
      { kind: 'heading', text: '二、主要问题' },
      { kind: 'list', items: ['午间时段开放窗口偏少，企业等候时间较长。', '“办不成事”反映窗口的公示不够醒目。'] },
    ],
    signature: { organ: evaluator, date: `${year} 年 1 月 20 日` },
  });
  const file = await storeReportFile(deps.db, manager, { filename: `${title}.pdf`, content });
  await createReport(deps, manager, {
    kind: 'third_party',
    title,
    periodFrom: `${year - 1}-01-01`,
    periodTo: `${year - 1}-12-31`,
    evaluatorOrg: evaluator,
    summary: '综合得分 91.2 分（优秀）：办事指南准确完整，一次性告知、首问责任落实较好；午间服务和“办不成事”窗口公示有待改进。',
    fileId: file.id,
    findings: [
      { problem: '午间 12:00–13:30 仅开放 2 个综合窗口，企业平均等候超过 25 分钟', recommendation: '实行午间轮岗，午间开放不少于 4 个综合窗口' },
      { problem: '“办不成事”反映窗口的位置和受理范围公示不够醒目', recommendation: '在大厅入口和门户首页增加指引' },
    ],
  });

  const self = await createReport(deps, manager, {
    kind: 'self',
    title: `${previousQuarterStart.slice(0, 4)} 年第 ${Math.floor((Number(previousQuarterStart.slice(5, 7)) - 1) / 3) + 1} 季度服务自我评价`,
    periodFrom: previousQuarterStart,
    periodTo: previousQuarterEnd,
    evaluatorOrg: '',
    summary: '对照规范 5.1.4 各项指标自查：诉求响应率 98.6%，实名差评回访整改率 100%，三个工作日内可预约率 100%。',
    fileId: null,
    findings: [
      { problem: '诉求响应率 98.6%，2 件咨询超过答复期限', recommendation: '诉求到期前一日提醒经办人和首席事务代表' },
      { problem: '满意度调查中企业反映停车场找车位困难', recommendation: '增设停车引导标识和余位显示' },
      { problem: '部分窗口一次性告知单填写不完整', recommendation: '' },
    ],
  });
  await raiseImprovement(deps, manager, {
    id: self.id,
    findingId: self.findings[1]!.id,
    target: '企业到中心办事停车 5 分钟内找到车位',
    measures: '停车场入口增设余位显示屏，地面增设引导标识，高峰时段安排引导员。',
    ownerId,
    dueOn: addDays(today, 30),
  });
}
