import { z } from 'zod';
import { isoDate, pageQuery, uscc, version } from '../../../platform/http/schemas.ts';
import { CASE_ACTIONS, CASE_STATES } from './workflow.ts';
import { COMPLAINT_SCOPES, FEEDBACK_CHANNELS, FEEDBACK_KINDS, SATISFACTIONS, UNRESOLVED_CAUSES } from './kinds.ts';

/** Feedback cases (诉求): intake, the handler's inbox and detail, the actions, the due-day settings. */

export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);

const optionalText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`).optional();

/** What the case is about: any of these that apply. */
const subjectFields = {
  departmentId: z.uuid('部门编号格式不正确').optional(),
  counterId: z.uuid('窗口编号格式不正确').optional(),
  staffId: z.uuid('工作人员编号格式不正确').optional(),
  itemName: optionalText(200),
  applicationNumber: optionalText(40),
  ticketNumber: optionalText(20),
};

export const contactInput = z.strictObject({
  name: optionalText(100),
  phone: optionalText(20),
  uscc: uscc.optional(),
  enterpriseName: optionalText(200),
});

export const caseInput = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS, { error: '请选择诉求类型（咨询、求助、建议、投诉、举报或办不成事）' }),
  channel: z.enum(FEEDBACK_CHANNELS, { error: '请选择诉求渠道' }),
  content: text('诉求内容', 4000),
  isConfidential: z.boolean().default(false),
  complaintScope: z.enum(COMPLAINT_SCOPES, { error: '投诉范围为 a（工作人员作风、效率）或 b（政策及执行）' }).optional(),
  cause: z.enum(UNRESOLVED_CAUSES, { error: '请选择办不成事的原因' }).optional(),
  /** the subject, nested … */
  subject: z.strictObject(subjectFields).optional(),
  /** … or at the top level (either form; the nested one wins where both name a field) */
  ...subjectFields,
  contact: contactInput.optional(),
  attachmentIds: z.array(z.uuid('附件编号格式不正确')).max(10, '附件不能超过 10 个').optional(),
  /** the center; the portal's center when not given */
  centerId: z.uuid('中心编号格式不正确').optional(),
});
export type CaseInput = z.output<typeof caseInput>;

const timelineEntry = z.object({ action: z.string(), actorName: z.string(), note: z.string(), at: z.string() });

const taskDto = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  request: z.string(),
  dueOn: z.string(),
  answer: z.string(),
  answeredAt: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type TaskDto = z.infer<typeof taskDto>;

export const caseSummary = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  channel: z.enum(FEEDBACK_CHANNELS),
  state: z.enum(CASE_STATES),
  isConfidential: z.boolean(),
  complaintScope: z.enum(COMPLAINT_SCOPES).nullable(),
  cause: z.enum(UNRESOLVED_CAUSES).nullable(),
  contentPreview: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  counterName: z.string(),
  staffName: z.string(),
  handlerId: z.string().nullable(),
  handlerName: z.string(),
  receivedAt: z.string(),
  dueOn: z.string(),
  /** working days left to the due date (negative: overdue); null once answered */
  daysLeft: z.number().nullable(),
  isOverdue: z.boolean(),
  isAnsweredInTime: z.boolean().nullable(),
  isOverdueAlerted: z.boolean(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const casePage = z.object({ total: z.number(), items: z.array(caseSummary) });

/** The submitter as staff may see them: masked phone; null for a confidential case (see /complainant). */
const submitterDto = z.object({ personName: z.string(), enterpriseName: z.string(), uscc: z.string().nullable(), phoneMasked: z.string().nullable() });

export const caseDetail = caseSummary.extend({
  content: z.string(),
  submitter: submitterDto.nullable(),
  /** the identity is withheld from this reader (a confidential case) */
  isIdentityHidden: z.boolean(),
  /** this reader may open the identity (a complaint handler) */
  canRevealIdentity: z.boolean(),
  itemName: z.string(),
  applicationNumber: z.string(),
  ticketNumber: z.string(),
  attachments: z.array(z.object({ id: z.string(), filename: z.string(), size: z.number() })),
  reply: z.string(),
  repliedAt: z.string().nullable(),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  ratedAt: z.string().nullable(),
  reopenCount: z.number(),
  referral: z.object({ body: z.string(), number: z.string(), at: z.string() }).nullable(),
  outcome: z.enum(['solved', 'explained']).nullable(),
  outcomeNote: z.string(),
  isConfirmedByEnterprise: z.boolean(),
  tasks: z.array(taskDto),
  timeline: z.array(timelineEntry),
  actions: z.array(z.enum(CASE_ACTIONS)),
  closedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const complainantDto = z.object({ personName: z.string(), enterpriseName: z.string(), uscc: z.string().nullable(), phone: z.string().nullable() });

export const caseListQuery = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS).optional(),
  state: z.enum(CASE_STATES).optional(),
  /** open cases only (received, assigned, replied) */
  isOpen: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  departmentId: z.uuid('部门编号格式不正确').optional(),
  q: z.string().trim().max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});

export const assignBody = z.strictObject({ version, handlerId: z.uuid('经办人编号格式不正确'), complaintScope: z.enum(COMPLAINT_SCOPES).optional(), note: optionalText(1000) });
/** A 办不成事 matter's reply states its outcome: solved (the enterprise then confirms) or explained in writing. */
export const replyBody = z.strictObject({ version, reply: text('答复内容', 4000), outcome: z.enum(['solved', 'explained'], { error: '请选择办理结果（已解决或书面说明）' }).optional() });
export const staffRateBody = z.strictObject({ version, satisfaction: z.enum(SATISFACTIONS, { error: '请选择满意度' }) });
/** 办结 without the submitter's rating; a solved 办不成事 matter then needs the reason (no confirmation). */
export const closeBody = z.strictObject({ version, note: optionalText(1000) });
export const versionBody = z.strictObject({ version });
export const referBody = z.strictObject({ version, referralBody: text('移送机关', 200), referralNumber: text('移送文号', 100) });

export const dueDaysDto = z.object({ dueDays: z.record(z.enum(FEEDBACK_KINDS), z.number()) });
const days = z.number().int('工作日数应为整数').min(1, '至少 1 个工作日').max(60, '不能超过 60 个工作日');
export const dueDaysBody = z.strictObject({
  dueDays: z.strictObject(Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, days.optional()])) as Record<(typeof FEEDBACK_KINDS)[number], z.ZodOptional<typeof days>>),
});

/** Public follow-up: the number and the phone or credit code given when filing. */
export const followQuery = z.strictObject({
  number: text('诉求编号', 24),
  phone: optionalText(20),
  uscc: z.string().trim().max(18).optional(),
});
export const publicCase = z.object({
  number: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  state: z.enum(CASE_STATES),
  content: z.string(),
  receivedAt: z.string(),
  dueOn: z.string(),
  reply: z.string(),
  repliedAt: z.string().nullable(),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  canRate: z.boolean(),
  outcome: z.enum(['solved', 'explained']).nullable(),
  outcomeNote: z.string(),
  timeline: z.array(timelineEntry),
});
export type PublicCase = z.infer<typeof publicCase>;
export const publicRateBody = followQuery.extend({ satisfaction: z.enum(SATISFACTIONS, { error: '请选择满意度' }), comment: optionalText(500) });
export const intakeResult = z.object({ id: z.string(), number: z.string(), dueOn: z.string(), state: z.enum(CASE_STATES) });

export const optionsDto = z.object({
  centerId: z.string(),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  counters: z.array(z.object({ id: z.string(), number: z.string(), name: z.string() })),
});
