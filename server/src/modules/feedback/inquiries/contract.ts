import { z } from 'zod';
import { THEMES } from '../../catalog/contract.ts';
import { isoDate, uscc, version } from '../../../platform/http/schemas.ts';
import { phone } from '../../queue/contract.ts';
import { deskTicketInput, issuedTicket } from '../../queue/tickets/contract.ts';
import { text } from '../cases/contract.ts';
import { INQUIRY_MODES, INQUIRY_OUTCOMES, INQUIRY_PURPOSES } from './workflow.ts';

/** 首问、首办 (A.1, A.2): recording an inquiry, answering, receiving a transfer; the lists. */

const optionalText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);

export const inquiryInput = z.strictObject({
  mode: z.enum(INQUIRY_MODES, { error: '请选择咨询方式（现场、电话或网上）' }).default('in_person'),
  purpose: z.enum(INQUIRY_PURPOSES, { error: '请选择咨询还是申办' }).default('consult'),
  subject: text('咨询事项', 200),
  theme: z.enum(THEMES).nullable().default(null),
  itemId: z.uuid('事项编号格式不正确').nullable().default(null),
  /** who asked: an enterprise (credit code, name) or a person */
  uscc: uscc.nullable().default(null),
  enterpriseName: optionalText(200).default(''),
  personName: optionalText(50).default(''),
  phone: phone.nullable().default(null),
  outcome: z.enum(INQUIRY_OUTCOMES, { error: '请选择处理结果（当场答复、限时答复、移交、引导至窗口或非本中心职责）' }),
  /** answered: what was answered */
  reply: optionalText(2000).default(''),
  /** transferred: to a department, a colleague, or both (the colleague then receives it) */
  transferDepartmentId: z.uuid('部门编号格式不正确').nullable().default(null),
  transferStaffId: z.uuid('工作人员编号格式不正确').nullable().default(null),
  note: optionalText(500).default(''),
  /** directed to a counter at the guidance desk: the ticket taken on the enterprise's behalf (queue.issue) */
  ticket: deskTicketInput.omit({ uscc: true, phone: true }).nullable().default(null),
});
export type InquiryInput = z.output<typeof inquiryInput>;

export const inquiryDto = z.object({
  id: z.string(),
  centerId: z.string(),
  businessDate: z.string(),
  askedAt: z.string(),
  mode: z.enum(INQUIRY_MODES),
  purpose: z.enum(INQUIRY_PURPOSES),
  subject: z.string(),
  theme: z.enum(THEMES).nullable(),
  itemId: z.string().nullable(),
  uscc: z.string().nullable(),
  enterpriseName: z.string(),
  personName: z.string(),
  phoneMasked: z.string().nullable(),
  firstResponderId: z.string(),
  firstResponderName: z.string(),
  outcome: z.enum(INQUIRY_OUTCOMES),
  reply: z.string(),
  repliedAt: z.string().nullable(),
  repliedByName: z.string(),
  replyDueOn: z.string().nullable(),
  transferDepartmentId: z.string().nullable(),
  transferDepartmentName: z.string(),
  transferStaffId: z.string().nullable(),
  transferStaffName: z.string(),
  transferDueOn: z.string().nullable(),
  receivedAt: z.string().nullable(),
  receivedByName: z.string(),
  ticketId: z.string().nullable(),
  ticketDisplayNumber: z.string().nullable(),
  note: z.string(),
  /** not answered and its reply due date has passed */
  isOverdue: z.boolean(),
  /** transferred, nobody has received it, and its limit has passed */
  isTransferOverdue: z.boolean(),
  /** what this reader may do with it now */
  canReply: z.boolean(),
  canReceive: z.boolean(),
  version: z.number(),
});
export type InquiryDto = z.infer<typeof inquiryDto>;

export const inquiryResult = z.object({ inquiry: inquiryDto, issued: issuedTicket.nullable() });

export const inquiryListQuery = z.strictObject({
  /** mine: recorded by me; incoming: transferred to me or my department, or received by me and not yet answered; center: the whole center (guidance desk, managers) */
  box: z.enum(['mine', 'incoming', 'center'], { error: '列表应为 mine、incoming 或 center' }).default('mine'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  outcome: z.enum(INQUIRY_OUTCOMES).optional(),
});

export const replyBody = z.strictObject({ version, reply: text('答复内容', 2000) });
export const receiveBody = z.strictObject({ version });

/** Whom an inquiry may be transferred to: the center's active departments and colleagues. */
export const inquiryOptions = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  staff: z.array(z.object({ id: z.string(), name: z.string(), departmentId: z.string().nullable(), departmentName: z.string() })),
});

export const contactDto = z.object({ personName: z.string(), enterpriseName: z.string(), uscc: z.string().nullable(), phone: z.string().nullable() });

/** A.1.4, A.2.4: what the job flags, and what the manager records after checking. */
export const VIOLATION_KINDS = ['unanswered', 'not_received'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export const HANDLINGS = ['talk', 'criticism', 'reassignment', 'unfounded'] as const;
export type Handling = (typeof HANDLINGS)[number];

export const violationDto = z.object({
  id: z.string(),
  kind: z.enum(VIOLATION_KINDS),
  /** A.1.4 for an inquiry, A.2.4 for someone who came to apply */
  clause: z.enum(['A.1.4', 'A.2.4']),
  staffId: z.string(),
  staffName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string(),
  dueOn: z.string(),
  flaggedAt: z.string(),
  handling: z.enum(HANDLINGS).nullable(),
  handlingNote: z.string(),
  handledByName: z.string(),
  handledAt: z.string().nullable(),
  inquiry: z.object({
    id: z.string(),
    askedAt: z.string(),
    mode: z.enum(INQUIRY_MODES),
    purpose: z.enum(INQUIRY_PURPOSES),
    subject: z.string(),
    outcome: z.enum(INQUIRY_OUTCOMES),
    firstResponderName: z.string(),
    transferDepartmentName: z.string(),
    transferStaffName: z.string(),
  }),
  /** this reader may record the handling (in scope, not their own, not yet handled) */
  canHandle: z.boolean(),
  version: z.number(),
});
export type ViolationDto = z.infer<typeof violationDto>;

const staffCount = z.object({ staffId: z.string(), staffName: z.string(), departmentName: z.string(), total: z.number(), unanswered: z.number(), notReceived: z.number(), open: z.number() });

export const violationLedger = z.object({
  scope: z.enum(['center', 'department']),
  totals: z.object({ total: z.number(), open: z.number(), unanswered: z.number(), notReceived: z.number() }),
  byStaff: z.array(staffCount),
  items: z.array(violationDto),
});
export type ViolationLedger = z.infer<typeof violationLedger>;

export const violationQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  staffId: z.uuid('工作人员编号格式不正确').optional(),
  departmentId: z.uuid('部门编号格式不正确').optional(),
  kind: z.enum(VIOLATION_KINDS, { error: '违规类型应为 unanswered 或 not_received' }).optional(),
  state: z.enum(['open', 'handled'], { error: '处理状态应为 open 或 handled' }).optional(),
});

export const handlingBody = z.strictObject({
  version,
  handling: z.enum(HANDLINGS, { error: '请选择处理方式（谈话教育、通报批评、岗位调整或核查不属实）' }),
  note: text('核查及处理情况', 1000),
});
