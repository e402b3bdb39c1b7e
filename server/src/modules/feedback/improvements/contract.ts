import { z } from 'zod';
import { isoDate, version } from '../../../platform/http/schemas.ts';
import { text } from '../cases/contract.ts';

/** 改进 (9.4): improvements from any source, their re-checks, the public list. */

/** 9.4: window evaluation (evaluation), self-evaluation, third-party evaluation, satisfaction surveys, 办不成事, experience officers… */
export const IMPROVEMENT_SOURCES = ['complaint', 'feedback', 'unresolved', 'experience_officer', 'survey', 'evaluation', 'inspection', 'self_evaluation', 'third_party'] as const;
export const IMPROVEMENT_STATES = ['open', 'submitted', 'passed'] as const;

export const improvementInput = z.strictObject({
  sourceType: z.enum(IMPROVEMENT_SOURCES, { error: '请选择改进来源' }),
  caseId: z.uuid('诉求编号格式不正确').optional(),
  /** an experience officer's finding it follows (source experience_officer); the finding is closed by it */
  findingId: z.uuid('问题编号格式不正确').optional(),
  sourceNote: z.string().trim().max(500).optional(),
  target: text('改进目标', 500),
  measures: text('改进措施', 4000),
  ownerId: z.uuid('责任人编号格式不正确'),
  dueOn: isoDate,
});

export const submitBody = z.strictObject({ version, result: text('改进结果', 4000) });
export const recheckBody = z.strictObject({ version, outcome: z.enum(['passed', 'sent_back'], { error: '请选择复查结论' }), note: text('复查意见', 2000) });
export const improvementQuery = z.strictObject({ state: z.enum(IMPROVEMENT_STATES).optional(), mine: z.enum(['true', 'false']).optional() });

export const improvementDto = z.object({
  id: z.string(),
  sourceType: z.enum(IMPROVEMENT_SOURCES),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  findingId: z.string().nullable(),
  sourceNote: z.string(),
  target: z.string(),
  measures: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  departmentName: z.string(),
  dueOn: z.string(),
  state: z.enum(IMPROVEMENT_STATES),
  result: z.string(),
  sentBackCount: z.number(),
  isOverdue: z.boolean(),
  rechecks: z.array(z.object({ outcome: z.enum(['passed', 'sent_back']), note: z.string(), checkedByName: z.string(), checkedAt: z.string() })),
  createdByName: z.string(),
  createdAt: z.string(),
  passedAt: z.string().nullable(),
  version: z.number(),
});
export type ImprovementDto = z.infer<typeof improvementDto>;

/** What the portal and the kiosk show: no names, no case numbers, no personal data. */
export const publicImprovement = z.object({
  id: z.string(),
  sourceType: z.enum(IMPROVEMENT_SOURCES),
  target: z.string(),
  measures: z.string(),
  departmentName: z.string(),
  dueOn: z.string(),
  state: z.enum(IMPROVEMENT_STATES),
  passedAt: z.string().nullable(),
});
