import { z } from 'zod';
import { intakeBody } from '../applications/contract.ts';
import { isoDate, uscc, version } from '../../platform/http/schemas.ts';
import { AGENCY_CHANNELS, AGENCY_STATES } from './tables.ts';
import { AGENCY_ACTIONS } from './workflow.ts';

/** 6.2.1 帮办代办: the high-frequency list, requests, agreements, materials, activities, follow-ups, key projects, figures. */

const required = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);
const optional = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 字`).default('');

// ── high-frequency list ─────────────────────────────────────────────
export const agencyItemDto = z.object({
  id: z.string(),
  itemId: z.string(),
  code: z.string(),
  name: z.string(),
  agentDoes: z.string(),
  enterpriseDoes: z.string(),
  isActive: z.boolean(),
  version: z.number(),
});
export type AgencyItemDto = z.infer<typeof agencyItemDto>;
export const agencyItemList = z.object({ items: z.array(agencyItemDto) });
export const agencyItemInput = z.strictObject({
  /** the item's code in the published catalog */
  code: z.string({ error: '请选择事项' }).trim().min(1, '请选择事项').max(40),
  agentDoes: required('代办人员负责的工作', 1000),
  enterpriseDoes: required('企业自行办理的工作', 1000),
});
export const agencyItemUpdate = z.strictObject({
  version,
  agentDoes: required('代办人员负责的工作', 1000),
  enterpriseDoes: required('企业自行办理的工作', 1000),
  isActive: z.boolean(),
});
export const publicItemsQuery = z.strictObject({ centerId: z.uuid().optional() });

// ── requests ────────────────────────────────────────────────────────
const requestFields = {
  itemId: z.uuid('请选择代办事项').nullable().default(null),
  matter: optional('代办需求', 1000),
  contactName: required('联系人', 50),
  contactPhone: required('联系电话', 20),
};
export const portalRequestInput = z.strictObject({ ...requestFields, centerId: z.uuid().optional() });
export const staffRequestInput = z.strictObject({
  ...requestFields,
  channel: z.enum(['phone', 'counter', 'visit'], { error: '请选择渠道（电话、窗口或上门走访）' }),
  uscc,
  /** link the ticket the agent is serving now */
  fromCurrentTicket: z.boolean().default(false),
  /** the key project (重点项目) of the same enterprise this request serves */
  projectId: z.uuid('重点项目编号格式不正确').nullable().default(null),
});

export const requestSummary = z.object({
  id: z.string(),
  number: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  itemId: z.string().nullable(),
  itemName: z.string(),
  matter: z.string(),
  channel: z.enum(AGENCY_CHANNELS),
  state: z.enum(AGENCY_STATES),
  stateLabel: z.string(),
  agentName: z.string(),
  requestedOn: z.string(),
  doneOn: z.string().nullable(),
  followUpDue: z.string().nullable(),
  /** the key project (重点项目) it serves */
  projectId: z.string().nullable(),
  version: z.number(),
});
export type RequestSummary = z.infer<typeof requestSummary>;

export const agreementDto = z.object({
  number: z.string(),
  scope: z.string(),
  signerName: z.string(),
  signerIdMasked: z.string(),
  signedOn: z.string(),
});
export const materialDto = z.object({
  id: z.string(),
  name: z.string(),
  copies: z.number(),
  isOriginal: z.boolean(),
  receivedAt: z.string(),
  receivedBy: z.string(),
  returnedAt: z.string().nullable(),
  returnedBy: z.string(),
});
export const eventDto = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  activityKind: z.string().nullable(),
  applicationId: z.string().nullable(),
  note: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export const requestDetail = requestSummary.extend({
  contactName: z.string(),
  phoneMasked: z.string().nullable(),
  ticketId: z.string().nullable(),
  recordedBy: z.string(),
  agreement: agreementDto.nullable(),
  reason: z.string(),
  result: z.string(),
  daysTaken: z.number().nullable(),
  confirmedAt: z.string().nullable(),
  confirmationNote: z.string(),
  followedUpOn: z.string().nullable(),
  followUpNote: z.string(),
  satisfaction: z.number().nullable(),
  materials: z.array(materialDto),
  events: z.array(eventDto),
  actions: z.array(z.enum(AGENCY_ACTIONS)),
});
export type RequestDetail = z.infer<typeof requestDetail>;
export const requestList = z.object({ items: z.array(requestSummary), total: z.number() });
export const requestListQuery = z.strictObject({
  state: z.enum(AGENCY_STATES).optional(),
  mine: z.enum(['1', '0']).default('0'),
  followUpDue: z.enum(['1', '0']).default('0'),
  q: z.string().trim().max(100).optional(),
});

/** 我的帮办代办 on the portal */
export const ownRequest = requestSummary.extend({
  agreement: agreementDto.nullable(),
  result: z.string(),
  confirmedAt: z.string().nullable(),
  materials: z.array(materialDto),
  actions: z.array(z.enum(AGENCY_ACTIONS)),
});
export const ownRequestList = z.object({ items: z.array(ownRequest) });

// ── actions ─────────────────────────────────────────────────────────
export const versionBody = z.strictObject({ version });
export const acceptBody = z.strictObject({ version, agentId: z.uuid('代办人员编号格式不正确').optional() });
export const reasonBody = z.strictObject({ version, reason: required('理由', 500) });
export const withdrawBody = z.strictObject({ version, reason: optional('理由', 500) });
export const agreementBody = z.strictObject({
  version,
  scope: required('代办范围', 2000),
  /** the enterprise's authorisation; null: not signed (refused: AUTHORISATION_REQUIRED) */
  authorisation: z
    .strictObject({
      signerName: required('签字人', 50),
      signerIdNumber: required('签字人身份证号', 30),
      signedOn: isoDate,
      isSigned: z.boolean(),
    })
    .nullable(),
});
export const materialBody = z.strictObject({
  version,
  name: required('材料名称', 200),
  copies: z.number().int().min(1, '份数至少 1 份').max(99, '份数不能超过 99'),
  isOriginal: z.boolean().default(false),
});
export const materialParams = z.strictObject({ id: z.uuid('编号格式不正确'), materialId: z.uuid('编号格式不正确') });
export const ACTIVITY_KINDS = ['visit', 'talk', 'phone', 'coordination'] as const;
export const activityBody = z.strictObject({
  version,
  kind: z.enum(ACTIVITY_KINDS, { error: '请选择活动类型（上门走访、座谈交流、电话沟通或联动协调）' }),
  note: required('活动内容', 2000),
  departmentId: z.uuid('部门编号格式不正确').optional(),
});
/** the application filed for the enterprise: the intake form without the applicant (the request's enterprise) */
export const fileApplicationBody = z.strictObject({
  version,
  intake: intakeBody.omit({ applicant: true, fromCurrentTicket: true }),
});
export const finishBody = z.strictObject({ version, result: required('办理结果', 2000) });
export const confirmBody = z.strictObject({ version, note: optional('意见', 500) });
export const followUpBody = z.strictObject({
  version,
  note: required('回访情况', 2000),
  satisfaction: z.number().int().min(1, '满意度为 1～5').max(5, '满意度为 1～5'),
});
export const settingsDto = z.object({ followUpDays: z.number() });
export const settingsBody = z.strictObject({ followUpDays: z.number().int().min(1, '回访期限为 1～30 个工作日').max(30, '回访期限为 1～30 个工作日') });

// ── home card and figures ───────────────────────────────────────────
export const agencyHome = z.object({
  today: z.array(requestSummary),
  open: z.array(requestSummary),
  followUpsDue: z.array(requestSummary),
});
export const figuresQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const figuresDto = z.object({
  from: z.string(),
  to: z.string(),
  requests: z.number(),
  inProgress: z.number(),
  done: z.number(),
  declined: z.number(),
  averageDays: z.number().nullable(),
  followedUp: z.number(),
  averageSatisfaction: z.number().nullable(),
  satisfiedRate: z.number().nullable(),
  byChannel: z.array(z.object({ channel: z.enum(AGENCY_CHANNELS), count: z.number() })),
});
