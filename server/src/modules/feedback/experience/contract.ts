import { z } from 'zod';
import { isoDate, version } from '../../../platform/http/schemas.ts';
import { phone } from '../../queue/contract.ts';
import { text } from '../cases/contract.ts';
import { SATISFACTIONS } from '../cases/kinds.ts';
import { IMPROVEMENT_STATES } from '../improvements/contract.ts';

/** 体验员 (9.3): officers, their tasks, reports and findings. */

export const OFFICER_KINDS = ['enterprise', 'chamber', 'research', 'other'] as const;
export type OfficerKind = (typeof OFFICER_KINDS)[number];
export const EXPERIENCE_CHANNELS = ['counter', 'portal', 'phone'] as const;
export type ExperienceChannel = (typeof EXPERIENCE_CHANNELS)[number];
export const TASK_STATES = ['scheduled', 'reported', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const FINDING_CATEGORIES = ['guide', 'materials', 'process', 'efficiency', 'attitude', 'system', 'facility', 'other'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];
/** open → answered (a written answer) or improvement (an improvement follows it) */
export const FINDING_STATES = ['open', 'answered', 'improvement'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

const optionalText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);

const officerFields = {
  name: text('体验员姓名', 50),
  organisation: text('所在单位', 200),
  kind: z.enum(OFFICER_KINDS, { error: '请选择体验员类别（企业、商协会、科研院所或其他）' }),
  phone,
  termStart: isoDate,
  termEnd: isoDate,
  note: optionalText(500),
};
export const officerInput = z.strictObject({ ...officerFields, note: officerFields.note.default('') });
export const officerPatch = z.strictObject(officerFields).partial().extend({ version, isActive: z.boolean().optional() }).strict();

export const officerDto = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  kind: z.enum(OFFICER_KINDS),
  phoneMasked: z.string().nullable(),
  termStart: z.string(),
  termEnd: z.string(),
  isActive: z.boolean(),
  /** active and today within the term */
  isServing: z.boolean(),
  note: z.string(),
  tasks: z.number(),
  reported: z.number(),
  version: z.number(),
});
export type OfficerDto = z.infer<typeof officerDto>;

export const taskInput = z.strictObject({
  officerId: z.uuid('体验员编号格式不正确'),
  itemId: z.uuid('事项编号格式不正确'),
  channel: z.enum(EXPERIENCE_CHANNELS, { error: '请选择体验渠道（窗口、网上或电话）' }),
  scheduledOn: isoDate,
  brief: optionalText(1000).default(''),
});

const findingInput = z.strictObject({
  category: z.enum(FINDING_CATEGORIES, { error: '请选择问题类别' }),
  description: text('发现的问题', 2000),
  suggestion: optionalText(2000).default(''),
});
export const reportInput = z.strictObject({
  version,
  experiencedOn: isoDate,
  summary: text('体验情况', 4000),
  satisfaction: z.enum(SATISFACTIONS, { error: '请选择总体评价' }).nullable().default(null),
  findings: z.array(findingInput).max(20, '一次不能超过 20 条问题').default([]),
});
export type ReportInput = z.output<typeof reportInput>;

export const findingReplyBody = z.strictObject({ version, reply: text('答复内容', 2000) });

export const findingDto = z.object({
  id: z.string(),
  taskId: z.string(),
  ordinal: z.number(),
  category: z.enum(FINDING_CATEGORIES),
  description: z.string(),
  suggestion: z.string(),
  state: z.enum(FINDING_STATES),
  reply: z.string(),
  repliedByName: z.string(),
  closedAt: z.string().nullable(),
  officerName: z.string(),
  itemName: z.string(),
  channel: z.enum(EXPERIENCE_CHANNELS),
  experiencedOn: z.string(),
  /** the improvement that follows it, when one does */
  improvement: z.object({ id: z.string(), state: z.enum(IMPROVEMENT_STATES), target: z.string(), ownerName: z.string(), dueOn: z.string() }).nullable(),
  version: z.number(),
});
export type FindingDto = z.infer<typeof findingDto>;

export const taskDto = z.object({
  id: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  officerOrganisation: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  channel: z.enum(EXPERIENCE_CHANNELS),
  scheduledOn: z.string(),
  brief: z.string(),
  state: z.enum(TASK_STATES),
  /** scheduled, its date passed, no report yet */
  isOverdue: z.boolean(),
  report: z.object({ experiencedOn: z.string(), summary: z.string(), satisfaction: z.enum(SATISFACTIONS).nullable(), enteredByName: z.string(), enteredAt: z.string() }).nullable(),
  findings: z.array(findingDto),
  version: z.number(),
});
export type TaskDto = z.infer<typeof taskDto>;

export const taskQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  state: z.enum(TASK_STATES).optional(),
  officerId: z.uuid('体验员编号格式不正确').optional(),
});
export const findingQuery = z.strictObject({ state: z.enum(FINDING_STATES, { error: '状态应为 open、answered 或 improvement' }).optional() });
export const officerQuery = z.strictObject({ active: z.enum(['true', 'false']).optional() });

export const experienceOptions = z.object({
  officers: z.array(z.object({ id: z.string(), name: z.string(), organisation: z.string(), termStart: z.string(), termEnd: z.string() })),
  items: z.array(z.object({ id: z.string(), name: z.string(), code: z.string() })),
});

export const officerContact = z.object({ name: z.string(), phone: z.string().nullable() });
