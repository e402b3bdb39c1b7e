import { z } from 'zod';
import { isoDate, pageQuery, version } from '../../../platform/http/schemas.ts';
import { CALLBACK_ACTIONS, CALLBACK_STATES, VERDICTS } from './workflow.ts';

/** 差评回访与整改 (9.1.2): requests and responses of the callbacks part. */

export const CONTACT_METHODS = ['phone', 'sms', 'visit', 'online'] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);

export const callbackListQuery = z.strictObject({
  state: z.enum(CALLBACK_STATES).optional(),
  /** only those past a deadline (contact or finish) */
  overdue: z.enum(['true', 'false']).optional(),
  departmentId: z.uuid('部门编号格式不正确').optional(),
  /** created on or after this date, on or before that one (business dates) */
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});

export const contactBody = z.strictObject({
  version,
  method: z.enum(CONTACT_METHODS, { error: '请选择回访方式' }),
  isReached: z.boolean({ error: '请说明是否联系上评价人' }),
  note: text('回访记录', 2000),
});

export const verifyBody = z.strictObject({
  version,
  verdict: z.enum(VERDICTS, { error: '请选择核实结论' }),
  note: text('核实情况', 2000),
});

/** Measures are checked by the service too, so that a blank one gets the field's message (not a 500 from the table's check). */
export const rectifyBody = z.strictObject({
  version,
  measures: z.string({ error: '请填写整改措施' }).max(4000, '整改措施不能超过 4000 字'),
  ownerId: z.uuid('整改责任人编号格式不正确').nullable().optional(),
  ownerName: z.string().trim().max(100).optional(),
  dueOn: isoDate,
  publicSummary: z.string().trim().max(500, '公示摘要不能超过 500 字').optional(),
});

export const doneBody = z.strictObject({ version, result: text('整改结果', 4000) });

export const reRatingBody = z.strictObject({
  version,
  level: z.number({ error: '请选择再评价等级' }).int().min(1, '评价等级为 1–5').max(5, '评价等级为 1–5'),
  comment: z.string().trim().max(1000, '备注不能超过 1000 字').optional(),
});

export const versionBody = z.strictObject({ version });

export const evidenceParams = z.strictObject({ id: z.uuid('编号格式不正确'), fileId: z.uuid('编号格式不正确') });

const ratingView = z.object({
  id: z.string(),
  level: z.number(),
  channel: z.string(),
  questionSet: z.string(),
  tags: z.array(z.string()),
  /** the tags as the rater saw them */
  tagLabels: z.array(z.string()),
  comment: z.string(),
  isRealName: z.boolean(),
  raterName: z.string(),
  raterUscc: z.string().nullable(),
  raterPhoneMasked: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  staffName: z.string().nullable(),
  ticketId: z.string().nullable(),
  applicationId: z.string().nullable(),
  serviceEndedAt: z.string().nullable(),
  ratedAt: z.string(),
  excludedAt: z.string().nullable(),
});

export const callbackSummary = z.object({
  id: z.string(),
  state: z.enum(CALLBACK_STATES),
  stateLabel: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  counterId: z.string().nullable(),
  counterName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  contactDueOn: z.string(),
  finishDueOn: z.string(),
  contactedAt: z.string().nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  closedAt: z.string().nullable(),
  /** which deadline has passed today, if any */
  overdue: z.enum(['contact', 'finish']).nullable(),
  overdueAlertedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  rating: ratingView,
});
export type CallbackSummary = z.infer<typeof callbackSummary>;

export const callbackPage = z.object({ items: z.array(callbackSummary), total: z.number(), page: z.number(), pageSize: z.number() });
export type CallbackPage = z.infer<typeof callbackPage>;

const fileView = z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), size: z.number() });

export const callbackDetail = callbackSummary.extend({
  verdictNote: z.string(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  additions: z.array(z.object({ id: z.string(), kind: z.enum(['addition', 're_rating']), level: z.number().nullable(), tags: z.array(z.string()), comment: z.string(), channel: z.string(), enteredByName: z.string().nullable(), createdAt: z.string() })),
  contacts: z.array(z.object({ id: z.string(), method: z.enum(CONTACT_METHODS), isReached: z.boolean(), note: z.string(), staffName: z.string(), contactedAt: z.string() })),
  rectification: z
    .object({
      measures: z.string(),
      ownerId: z.string().nullable(),
      ownerName: z.string(),
      dueOn: z.string(),
      evidence: z.array(fileView),
      result: z.string(),
      doneAt: z.string().nullable(),
      doneByName: z.string().nullable(),
      publicSummary: z.string(),
      createdAt: z.string(),
    })
    .nullable(),
  reRating: z.object({ level: z.number(), comment: z.string(), enteredByName: z.string().nullable(), createdAt: z.string() }).nullable(),
  timeline: z.array(z.object({ at: z.string(), label: z.string(), byName: z.string().nullable(), note: z.string() })),
  actions: z.array(z.enum(CALLBACK_ACTIONS)),
  /** the staff members the rectification may be assigned to (the callback's department) */
  owners: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type CallbackDetail = z.infer<typeof callbackDetail>;

export const callbackAlerts = z.array(
  z.object({ id: z.string(), overdue: z.enum(['contact', 'finish']).nullable(), departmentName: z.string().nullable(), itemName: z.string(), contactDueOn: z.string(), finishDueOn: z.string(), alertedAt: z.string() }),
);
export type CallbackAlertDto = z.infer<typeof callbackAlerts>[number];
