import { z } from 'zod';
import { isoDate, text, version } from '../../platform/http/schemas.ts';
import { wallClock } from '../queue/contract.ts';
import { EVENT_STATUSES } from './workflow.ts';

/** 宣讲培训 (6.2.4): the requests and answers of the staff's and the portal's routes. */

export const EVENT_KINDS = ['policy_briefing', 'training', 'live_stream'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const MAX_ATTENDEES_PER_REGISTRATION = 10;

const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码（用于活动提醒短信）');

export const eventInput = z.strictObject({
  kind: z.enum(EVENT_KINDS, '请选择活动类型'),
  topic: text.trim().min(1, '请填写主题').max(200, '主题最多 200 字'),
  description: text.max(4000, '简介最多 4000 字').default(''),
  speakers: z.array(text.trim().min(1, '主讲人姓名不能为空').max(100)).max(20, '主讲人最多 20 位').default([]),
  /** the day and the Beijing wall-clock times */
  date: isoDate,
  startTime: wallClock,
  endTime: wallClock,
  /** a room of the briefing zone; null when held online only */
  zoneId: z.uuid('活动室编号格式不正确').nullable(),
  liveUrl: z.union([z.literal(''), z.url('直播链接应为网址').max(300)]).default(''),
  policyIds: z.array(z.uuid('政策编号格式不正确')).max(10, '最多关联 10 项政策').default([]),
  capacity: z.number().int('名额应为整数').min(1, '名额至少为 1').max(10_000, '名额最多 10000'),
  /** registration closes at the end of this day (Beijing time), or at the start if that is earlier */
  registrationClosesOn: isoDate,
});
export type EventInput = z.infer<typeof eventInput>;
export const eventUpdate = eventInput.extend({ version });
export const versionBody = z.strictObject({ version });

export const materialDto = z.object({ fileId: z.string(), filename: z.string(), size: z.number(), uploadedAt: z.string() });
export type MaterialDto = z.infer<typeof materialDto>;

export const publicEvent = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  topic: z.string(),
  description: z.string(),
  speakers: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  zoneId: z.string().nullable(),
  roomName: z.string().nullable(),
  liveUrl: z.string(),
  /** the linked policies still published (a withdrawn one is left out) */
  policies: z.array(z.object({ id: z.string(), title: z.string() })),
  capacity: z.number(),
  registered: z.number(),
  remaining: z.number(),
  registrationClosesAt: z.string(),
  registrationClosesOn: z.string(),
  status: z.enum(EVENT_STATUSES),
  isRegistrationOpen: z.boolean(),
  hasEnded: z.boolean(),
  centerName: z.string(),
});
export type PublicEvent = z.infer<typeof publicEvent>;

export const eventFigures = z.object({
  registered: z.number(),
  attended: z.number(),
  /** attended / registered, in percent with one decimal; null when nobody registered */
  attendanceRate: z.number().nullable(),
  feedbackCount: z.number(),
  /** mean satisfaction 1–5, two decimals; null without feedback */
  satisfaction: z.number().nullable(),
});
export type EventFigures = z.infer<typeof eventFigures>;

export const eventSummary = publicEvent.extend({ version: z.number(), figures: eventFigures });
export type EventSummary = z.infer<typeof eventSummary>;
export const eventDetail = eventSummary.extend({
  materials: z.array(materialDto),
  actions: z.array(z.enum(['edit', 'publish', 'cancel', 'hold'])),
  createdByName: z.string(),
});
export type EventDetail = z.infer<typeof eventDetail>;

export const overallFigures = eventFigures.extend({ events: z.number(), held: z.number() });

export const feedbackDto = z.object({ satisfaction: z.number(), comment: z.string(), submittedAt: z.string() });

export const staffRegistration = z.object({
  id: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  registeredAt: z.string(),
  cancelledAt: z.string().nullable(),
  attendees: z.array(z.object({ id: z.string(), name: z.string(), phoneMasked: z.string(), checkedInAt: z.string().nullable() })),
  feedback: feedbackDto.nullable(),
});

export const checkInInput = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,12}$/, '签到码应为 4–12 位字母或数字'),
});
export const checkInResult = z.object({ attendeeId: z.string(), name: z.string(), enterpriseName: z.string(), checkedInAt: z.string(), figures: eventFigures });

export const registerInput = z.strictObject({
  attendees: z
    .array(z.strictObject({ name: text.trim().min(1, '请填写参会人姓名').max(50, '姓名最多 50 字'), phone: mobile }))
    .min(1, '请至少填写一位参会人')
    .max(MAX_ATTENDEES_PER_REGISTRATION, `每家企业一次最多报名 ${MAX_ATTENDEES_PER_REGISTRATION} 人`),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const feedbackInput = z.strictObject({
  satisfaction: z.number().int('满意度应为 1–5 分').min(1, '满意度应为 1–5 分').max(5, '满意度应为 1–5 分'),
  comment: text.trim().max(1000, '意见最多 1000 字').default(''),
});

export const ownRegistration = z.object({
  id: z.string(),
  event: publicEvent,
  registeredAt: z.string(),
  cancelledAt: z.string().nullable(),
  attendees: z.array(z.object({ id: z.string(), name: z.string(), phoneMasked: z.string(), checkInCode: z.string(), checkedInAt: z.string().nullable() })),
  canCancel: z.boolean(),
  /** after the event, to registered enterprises */
  materials: z.array(materialDto),
  feedback: feedbackDto.nullable(),
  canGiveFeedback: z.boolean(),
});
export type OwnRegistration = z.infer<typeof ownRegistration>;

export const roomDto = z.object({ id: z.string(), name: z.string(), floor: z.string() });
export const registrationFileParams = z.strictObject({ id: z.uuid('编号格式不正确'), fileId: z.uuid('文件编号格式不正确') });
