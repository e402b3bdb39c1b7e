import { z } from 'zod';
import { isoDate, pageQuery, uscc, version } from '../../platform/http/schemas.ts';
import { CHANNELS } from '../catalog/contract.ts';
import { APPLICATION_ACTIONS, APPLICATION_STATES } from './workflow/definition.ts';

/** Applications (办件): intake, notices, review, joint review, delivery, progress, figures. */

export const MATERIAL_STATUSES = ['missing', 'uploaded', 'license', 'paper_seen', 'defective', 'deferred', 'committed'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];
/** How a material counts: present (checked), absent (to supplement), or covered another way. */
export const PRESENT_STATUSES: readonly MaterialStatus[] = ['uploaded', 'license', 'paper_seen', 'committed'];

export const NOTICE_KINDS = [
  'acceptance',
  'supplement',
  'non_acceptance',
  'deferral',
  'commitment_letter',
  'decision',
  'pickup',
  'termination',
  'revocation',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const DUE_STATUSES = ['none', 'normal', 'warning', 'overdue', 'paused', 'done_on_time', 'done_late'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export const SPECIAL_PROCEDURE_KINDS = ['expert_review', 'hearing', 'inspection'] as const;
export const DELIVERY_METHODS = ['counter', 'mail', 'electronic'] as const;
export const TASK_STATES = ['waiting', 'open', 'taken', 'approved', 'rejected', 'closed'] as const;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, '不能为空').max(max);
const materialKey = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, '材料代码不正确');

// Responses

export const materialDto = z.object({
  key: z.string(),
  name: z.string(),
  importance: z.enum(['core', 'secondary']),
  requirement: z.string(),
  licenseType: z.string().nullable(),
  isDeferrable: z.boolean(),
  isReplaceableByCommitment: z.boolean(),
  status: z.enum(MATERIAL_STATUSES),
  file: z.object({ id: z.string(), filename: z.string() }).nullable(),
  licenseId: z.string().nullable(),
  problem: z.string(),
  updatedBy: z.string(),
});
export type MaterialDto = z.infer<typeof materialDto>;

export const noticeDto = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  number: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
});
export type NoticeDto = z.infer<typeof noticeDto>;

export const eventDto = z.object({
  id: z.number(),
  action: z.enum(APPLICATION_ACTIONS),
  actionLabel: z.string(),
  fromState: z.enum(APPLICATION_STATES).nullable(),
  toState: z.enum(APPLICATION_STATES),
  at: z.string(),
  actorName: z.string(),
  departmentName: z.string().nullable(),
  note: z.string(),
});
export type EventDto = z.infer<typeof eventDto>;

export const supplementDto = z.object({
  id: z.string(),
  ordinal: z.number(),
  phase: z.enum(['intake', 'review']),
  items: z.array(z.object({ key: z.string(), name: z.string(), problem: z.string(), requirement: z.string() })),
  deadline: z.string(),
  state: z.enum(['pending_approval', 'issued', 'refused', 'fulfilled']),
  reason: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  approvedByName: z.string().nullable(),
});
export type SupplementDto = z.infer<typeof supplementDto>;

export const taskDto = z.object({
  id: z.string(),
  applicationId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  isLead: z.boolean(),
  state: z.enum(TASK_STATES),
  assigneeId: z.string().nullable(),
  assigneeName: z.string(),
  opinion: z.string(),
  openedAt: z.string().nullable(),
  takenAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** working days the task has been with its department (to its decision, or to today) */
  heldWorkingDays: z.number().nullable(),
  version: z.number(),
});
export type TaskDto = z.infer<typeof taskDto>;

export const specialProcedureDto = z.object({
  id: z.string(),
  kind: z.enum(SPECIAL_PROCEDURE_KINDS),
  reason: z.string(),
  maxDays: z.number(),
  startedOn: z.string(),
  startedByName: z.string(),
  endedOn: z.string().nullable(),
  outcome: z.string(),
  pausedDays: z.number().nullable(),
});

export const deliveryDto = z.object({
  method: z.enum(DELIVERY_METHODS),
  state: z.enum(['awaiting_pickup', 'mailed', 'delivered']),
  /** shown to staff with the deliver permission only */
  pickupCode: z.string().nullable(),
  address: z.string(),
  recipientName: z.string(),
  recipientPhoneMasked: z.string().nullable(),
  carrier: z.string(),
  trackingNumber: z.string(),
  handledByName: z.string(),
  deliveredAt: z.string().nullable(),
});
export type DeliveryDto = z.infer<typeof deliveryDto>;

export const verificationDto = z.object({
  dueDate: z.string(),
  state: z.enum(['pending', 'confirmed', 'false']),
  isOverdue: z.boolean(),
  verifiedByName: z.string().nullable(),
  note: z.string(),
});

export const dueDto = z.object({
  status: z.enum(DUE_STATUSES),
  /** share of the promised working days used (0–1+), null before acceptance */
  usedShare: z.number().nullable(),
  usedDays: z.number().nullable(),
});
export type DueDto = z.infer<typeof dueDto>;

export const applicationSummary = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['item', 'bundle']),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  state: z.enum(APPLICATION_STATES),
  stateLabel: z.string(),
  applicantName: z.string(),
  uscc: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  isJoint: z.boolean(),
  channel: z.string(),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  due: dueDto,
  isDeemedAccepted: z.boolean(),
  isCommitment: z.boolean(),
  deferralState: z.enum(['pending', 'supplied', 'expired']).nullable(),
  version: z.number(),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const applicationDetail = applicationSummary.extend({
  centerId: z.string(),
  guideVersionId: z.string().nullable(),
  bundleVersionId: z.string().nullable(),
  leadDepartmentId: z.string().nullable(),
  leadDepartmentName: z.string().nullable(),
  stage: z.number(),
  answers: z.record(z.string(), z.string()),
  agentName: z.string(),
  phoneMasked: z.string().nullable(),
  ticketId: z.string().nullable(),
  firstHandlerName: z.string(),
  /** 帮办代办人: the agency agent who filed it for the enterprise ('' when none) */
  agencyStaffName: z.string(),
  agencyRequestId: z.string().nullable(),
  lastReceivedOn: z.string(),
  noticeDeadline: z.string(),
  clockStartOn: z.string().nullable(),
  promisedDays: z.number(),
  pausedDays: z.number(),
  deferredUntil: z.string().nullable(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  decisionOpinion: z.string(),
  decidedOn: z.string().nullable(),
  licenseId: z.string().nullable(),
  closedReason: z.string(),
  commitment: z.object({ isAllowed: z.boolean(), certificates: z.array(z.string()), text: z.string() }),
  deferral: z.object({ isAllowed: z.boolean(), materialKeys: z.array(z.string()), supplementDays: z.number().nullable() }),
  materials: z.array(materialDto),
  notices: z.array(noticeDto),
  events: z.array(eventDto),
  supplements: z.array(supplementDto),
  tasks: z.array(taskDto),
  children: z.array(applicationSummary),
  specialProcedures: z.array(specialProcedureDto),
  delivery: deliveryDto.nullable(),
  verification: verificationDto.nullable(),
  /** what the person asking may do now */
  actions: z.array(z.enum(APPLICATION_ACTIONS)),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const applicationPage = z.object({ items: z.array(applicationSummary), total: z.number(), page: z.number(), pageSize: z.number() });
export type ApplicationPage = z.infer<typeof applicationPage>;

/** One line of the back office's queue: a task and its application. */
export const queueEntry = z.object({ task: taskDto, application: applicationSummary });
export type QueueEntry = z.infer<typeof queueEntry>;

// Requests

export const applicationListQuery = z.strictObject({
  state: z.enum(APPLICATION_STATES).optional(),
  q: text(50).optional(),
  departmentId: z.uuid().optional(),
  due: z.enum(['warning', 'overdue']).optional(),
  ...pageQuery,
});

export const intakeBody = z.strictObject({
  source: z.strictObject({ kind: z.enum(['item', 'bundle']), code: required(40) }),
  answers: z.record(materialKey, materialKey).default({}),
  applicant: z.strictObject({ uscc, name: text(100).default('') }),
  agent: z
    .strictObject({ name: required(50), idNumber: required(30), phone: text(30).nullable().default(null) })
    .nullable()
    .default(null),
  /** the phone the applicant follows progress with, when no agent phone is given */
  contactPhone: text(30).nullable().default(null),
  channel: z.enum(CHANNELS).default('counter'),
  /** take the ticket the clerk is serving now */
  fromCurrentTicket: z.boolean().default(false),
  /** A.4: the applicant chooses the commitment route */
  isCommitment: z.boolean().default(false),
});
export type IntakeBody = z.infer<typeof intakeBody>;

export const materialParams = z.strictObject({ id: z.uuid('编号格式不正确'), key: materialKey });
export const materialMark = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('paper_seen') }),
  z.strictObject({ status: z.literal('missing') }),
  z.strictObject({ status: z.literal('defective'), problem: required(200) }),
  z.strictObject({ status: z.literal('license'), grantId: z.uuid(), licenseId: z.uuid() }),
]);
export type MaterialMark = z.infer<typeof materialMark>;

export const versionBody = z.strictObject({ version });

export const supplementItem = z.strictObject({ key: materialKey, requirement: text(300).default('') });
export const supplementBody = z.strictObject({
  version,
  /** extra requirement text per material; the list itself is every missing or defective material */
  items: z.array(supplementItem).max(60).default([]),
  /** working days to supplement; capped at the promised time limit */
  deadlineDays: z.number().int().min(1).max(60).default(5),
  reason: text(300).default(''),
});
export const deferralBody = z.strictObject({
  version,
  materialKeys: z.array(materialKey).min(1, '请选择容缺的材料').max(30),
  /** the applicant has signed the commitment to supply the materials in time */
  isCommitmentSigned: z.literal(true, '申请人须签署容缺补齐承诺'),
});
export const declineBody = z.strictObject({ version, reason: required(500), remedies: text(500).default('') });
export const refuseBody = z.strictObject({ version, reason: required(300) });
export const supplementParams = z.strictObject({ id: z.uuid('编号格式不正确'), supplementId: z.uuid('编号格式不正确') });

export const taskParams = z.strictObject({ taskId: z.uuid('编号格式不正确') });
export const approveBody = z.strictObject({
  version,
  opinion: required(1000),
  /** the e-license type of the result; omitted: suggested from the item; null: no e-license */
  licenseTypeCode: z.string().trim().max(50).nullable().optional(),
  /** the site (经营场所) of the e-license, for a type issued per site; ignored for the others */
  licenseSite: z.string().trim().max(100).optional(),
});
export const rejectBody = z.strictObject({ version, opinion: required(1000) });
export const returnBody = z.strictObject({
  version,
  items: z.array(z.strictObject({ key: materialKey, problem: required(200), requirement: text(300).default('') })).min(1, '请列出需补正的材料').max(60),
  deadlineDays: z.number().int().min(1).max(60).default(5),
  reason: text(300).default(''),
});
export const reassignBody = z.strictObject({ version, assigneeId: z.uuid() });
export const specialStartBody = z.strictObject({
  version,
  kind: z.enum(SPECIAL_PROCEDURE_KINDS),
  reason: required(500),
  maxDays: z.number().int().min(1).max(120),
});
export const specialEndBody = z.strictObject({ version, outcome: required(500) });
export const leadDecisionBody = z.strictObject({ version, decision: z.enum(['uphold', 'return']), opinion: required(1000) });
export const verifyBody = z.strictObject({ version, isTrue: z.boolean(), note: required(500) });

export const handOverBody = z.strictObject({ version, pickupCode: z.string().trim().regex(/^\d{6}$/, '取件码为 6 位数字') });
export const mailBody = z.strictObject({
  version,
  address: required(200),
  recipientName: required(50),
  recipientPhone: required(30),
  carrier: required(50),
  trackingNumber: z.string().trim().regex(/^[A-Za-z0-9-]{6,40}$/, '运单号为 6–40 位字母或数字'),
});

export const queueQuery = z.strictObject({
  scope: z.enum(['mine', 'open', 'department']).default('open'),
  due: z.enum(['warning', 'overdue']).optional(),
  state: applicationListQuery.shape.state,
  q: applicationListQuery.shape.q,
});

export const deliveriesQuery = z.strictObject({
  state: z.enum(['awaiting_pickup', 'mailed']).optional(),
  q: applicationListQuery.shape.q,
});

export const noticeParams = z.strictObject({ id: z.uuid('编号格式不正确'), noticeId: z.uuid('编号格式不正确') });

// Portal progress

export const progressQuery = z
  .strictObject({
    number: z.string().trim().regex(/^\d{6}-\d{4}-\d{6}$/, '办件编号格式应为 440605-2026-000123'),
    /** printed on the acceptance notice */
    checkCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{8}$/, '查询码为受理通知书上的 8 位字母或数字')
      .optional(),
    phone: z.string().trim().max(20).optional(),
  })
  // the number is sequential and the credit code public: a secret the applicant holds is needed
  .refine((q) => !!q.checkCode || !!q.phone, { message: '请填写受理通知书上的查询码或办件预留的手机号码', path: ['checkCode'] });

export const progressDto = z.object({
  number: z.string(),
  name: z.string(),
  applicantName: z.string(),
  state: z.enum(APPLICATION_STATES),
  stateLabel: z.string(),
  receivedOn: z.string(),
  acceptedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** where it is now, in a sentence */
  summary: z.string(),
  steps: z.array(z.object({ at: z.string(), title: z.string(), text: z.string() })),
  children: z.array(z.object({ name: z.string(), stateLabel: z.string() })),
  notices: z.array(z.object({ title: z.string(), number: z.string(), issuedAt: z.string() })),
});
export type ProgressDto = z.infer<typeof progressDto>;

/** An enterprise's own application, as it follows it signed in on the portal: the progress and what each material stands at. */
export const ownProgressDto = progressDto.extend({
  id: z.string(),
  channel: z.string(),
  /** the code printed on the acceptance notice (the enterprise's own) */
  checkCode: z.string(),
  materials: z.array(z.object({ key: z.string(), name: z.string(), importance: z.enum(['core', 'secondary']), status: z.enum(MATERIAL_STATUSES), problem: z.string(), requirement: z.string() })),
});
export type OwnProgressDto = z.infer<typeof ownProgressDto>;

/** 我的办件: one of the enterprise's own applications, as it sees them signed in on the portal. */
export const ownApplicationDto = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  /** how it was received: `online` ones are followed and supplemented on the portal */
  channel: z.string(),
  state: z.enum(APPLICATION_STATES),
  stateLabel: z.string(),
  receivedOn: z.string(),
  dueDate: z.string().nullable(),
  /** where it is now, in a sentence */
  summary: z.string(),
  /** the code printed on the acceptance notice (the enterprise's own) */
  checkCode: z.string(),
  /** while the result waits at the counter: the code the applicant gives the clerk (staff views never show it before hand-over) */
  pickupCode: z.string().nullable(),
  notices: z.array(z.object({ id: z.string(), title: z.string(), number: z.string(), issuedAt: z.string() })),
});
export type OwnApplicationDto = z.infer<typeof ownApplicationDto>;
export const ownApplicationList = z.object({ items: z.array(ownApplicationDto) });
export type OwnApplicationList = z.infer<typeof ownApplicationList>;

export const applicationStateDto = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  state: z.enum(APPLICATION_STATES),
  stateLabel: z.string(),
  isFinished: z.boolean(),
  /** ended without what was asked for (declined, rejected, stopped, revoked) */
  isUnsuccessful: z.boolean(),
  receivedOn: z.string(),
  dueDate: z.string().nullable(),
});
export type ApplicationStateDto = z.infer<typeof applicationStateDto>;

/** What an online applicant provides per material: its own upload (a file id from the upload route) or one of its e-licenses. */
export const onlineMaterial = z
  .strictObject({ key: materialKey, fileId: z.uuid('文件编号格式不正确').nullable().default(null), licenseId: z.uuid('证照编号格式不正确').nullable().default(null) })
  .refine((m) => (m.fileId === null) !== (m.licenseId === null), { message: '每项材料上传文件或选择电子证照，二者选一', path: ['fileId'] });
export const onlineAnswers = z.record(materialKey, materialKey).default({});
export const uploadedFile = z.object({ id: z.string(), filename: z.string(), size: z.number() });
export const ownMaterialBody = z.strictObject({ fileId: z.uuid('文件编号格式不正确') });

// Figures

export const figuresQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const figuresDto = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number(),
  accepted: z.number(),
  acceptedWithoutSupplement: z.number(),
  /** accepted without any supplement / accepted */
  acceptedWithoutSupplementRate: z.number().nullable(),
  decided: z.number(),
  decidedOnTime: z.number(),
  /** decided within the promised limit / decided */
  onTimeRate: z.number().nullable(),
  deemedAccepted: z.number(),
  secondSupplements: z.number(),
  byState: z.array(z.object({ state: z.enum(APPLICATION_STATES), label: z.string(), count: z.number() })),
  byDepartment: z.array(
    z.object({ departmentId: z.string(), departmentName: z.string(), open: z.number(), warning: z.number(), overdue: z.number(), decided: z.number(), onTimeRate: z.number().nullable() }),
  ),
  overdue: z.array(applicationSummary),
});
export type FiguresDto = z.infer<typeof figuresDto>;
