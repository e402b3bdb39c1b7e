import { z } from 'zod';
import { isoDate, version } from '../../../platform/http/schemas.ts';
import { text } from '../cases/contract.ts';
import { IMPROVEMENT_STATES } from '../improvements/contract.ts';

/** 自我评价 and 第三方评估 (9.1.1): evaluation reports, their files and findings; a finding raises an improvement (9.4). */

export const ASSESSMENT_KINDS = ['self', 'third_party'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const findingInput = z.strictObject({
  problem: text('发现的问题', 1000),
  recommendation: z.string().trim().max(2000, '改进建议不能超过 2000 字').default(''),
});

const reportFields = {
  kind: z.enum(ASSESSMENT_KINDS, { error: '请选择评价类型（自我评价 self 或第三方评估 third_party）' }),
  title: text('报告标题', 200),
  periodFrom: isoDate,
  periodTo: isoDate,
  /** the outside evaluator; required for a third-party evaluation */
  evaluatorOrg: z.string().trim().max(200, '评估机构不能超过 200 字').default(''),
  summary: text('报告摘要', 8000),
  /** the report file, uploaded first to /api/assessment-files */
  fileId: z.uuid('报告文件编号格式不正确').nullable().default(null),
};

type Header = { kind: AssessmentKind; periodFrom: string; periodTo: string; evaluatorOrg: string };
const checkHeader = (r: Header, ctx: z.RefinementCtx) => {
  if (r.periodFrom > r.periodTo) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '评价期截止日期不能早于起始日期' });
  if (r.kind === 'third_party' && r.evaluatorOrg === '') ctx.addIssue({ code: 'custom', path: ['evaluatorOrg'], message: '第三方评估须填写评估机构' });
};

export const reportInput = z.strictObject({ ...reportFields, findings: z.array(findingInput).max(100, '评价发现不能超过 100 条').default([]) }).superRefine(checkHeader);
export type ReportInput = z.output<typeof reportInput>;
export const reportUpdate = z.strictObject({ ...reportFields, version }).superRefine(checkHeader);
export type ReportUpdate = z.output<typeof reportUpdate>;
export const reportListQuery = z.strictObject({ kind: z.enum(ASSESSMENT_KINDS, { error: '评价类型为 self 或 third_party' }).optional() });
export const findingParams = z.strictObject({ id: z.uuid('编号格式不正确'), findingId: z.uuid('评价发现编号格式不正确') });

export const raiseImprovementInput = z.strictObject({
  target: text('改进目标', 500),
  measures: text('改进措施', 4000),
  ownerId: z.uuid('责任人编号格式不正确'),
  dueOn: isoDate,
});

export const reportSummary = z.object({
  id: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  evaluatorOrg: z.string(),
  findingCount: z.number(),
  improvementCount: z.number(),
  hasFile: z.boolean(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: z.number(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const findingDto = z.object({
  id: z.string(),
  position: z.number(),
  problem: z.string(),
  recommendation: z.string(),
  improvement: z.object({ id: z.string(), target: z.string(), ownerName: z.string(), dueOn: z.string(), state: z.enum(IMPROVEMENT_STATES) }).nullable(),
});
export type FindingDto = z.infer<typeof findingDto>;

export const reportDetail = reportSummary.extend({
  summary: z.string(),
  file: z.object({ id: z.string(), filename: z.string(), size: z.number() }).nullable(),
  findings: z.array(findingDto),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const uploadedFile = z.object({ id: z.string(), filename: z.string(), size: z.number() });
