import { z } from 'zod';
import { isoDate, text, uscc, version } from '../../platform/http/schemas.ts';

export const ASSISTANCE_MODES = ['on_site', 'video'] as const;
export const HELP_KINDS = ['fill_forms', 'prepare_materials', 'check_completeness'] as const;
export const ASSISTANCE_RESULTS = ['filed', 'not_yet', 'referred'] as const;
export const VIDEO_STATES = ['booked', 'live', 'ended', 'cancelled'] as const;

const helpedWith = z.array(z.enum(HELP_KINDS)).min(1, '请选择辅导内容').max(3);
const itemIds = z.array(z.uuid('事项编号格式不正确')).max(10);
const name = text.pipe(z.string().trim().max(100));
const requiredName = (message: string) => text.pipe(z.string().trim().min(1, message).max(100));
const note = text.pipe(z.string().trim().max(1000));

/** What an assistance ended with; the application number only when filed, whom it was referred to only when referred. */
const outcomeFields = {
  helpedWith,
  itemIds: itemIds.default([]),
  result: z.enum(ASSISTANCE_RESULTS),
  applicationNumber: text.pipe(z.string().trim().max(40)).optional(),
  referredTo: name.optional(),
  note: note.default(''),
  followUpDueOn: isoDate.optional(),
};

/** An assistance given on site, at the filing-assistance zone. */
export const recordInput = z.strictObject({
  ticketId: z.uuid('取号编号格式不正确').optional(),
  uscc: uscc.optional(),
  enterpriseName: name.default(''),
  personName: requiredName('请填写办事人姓名'),
  ...outcomeFields,
});
export type RecordInput = z.output<typeof recordInput>;

export const followUpInput = z.strictObject({ version, result: text.pipe(z.string().trim().min(1, '请填写回访结果').max(1000)) });

export const recordsQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  mode: z.enum(ASSISTANCE_MODES).optional(),
  result: z.enum(ASSISTANCE_RESULTS).optional(),
  followUp: z.enum(['due', 'overdue']).optional(),
});

export const recordDto = z.object({
  id: z.uuid(),
  businessDate: z.string(),
  assistedAt: z.string(),
  assistantName: z.string(),
  mode: z.enum(ASSISTANCE_MODES),
  ticketNumber: z.string().nullable(),
  videoSessionId: z.string().nullable(),
  uscc: z.string().nullable(),
  enterpriseName: z.string(),
  personName: z.string(),
  helpedWith: z.array(z.enum(HELP_KINDS)),
  items: z.array(z.object({ id: z.string(), name: z.string() })),
  result: z.enum(ASSISTANCE_RESULTS),
  applicationNumber: z.string().nullable(),
  referredTo: z.string(),
  note: z.string(),
  durationSeconds: z.number().nullable(),
  followUpDueOn: z.string().nullable(),
  followUpDoneAt: z.string().nullable(),
  followUpResult: z.string(),
  version: z.number(),
});
export type RecordDto = z.infer<typeof recordDto>;

export const figuresQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const figuresDto = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byMode: z.record(z.enum(ASSISTANCE_MODES), z.number()),
  byResult: z.record(z.enum(ASSISTANCE_RESULTS), z.number()),
  followUpsDue: z.number(),
  followUpsOverdue: z.number(),
  videoMinutes: z.number(),
});
export type FiguresDto = z.infer<typeof figuresDto>;

// — video sessions —

export const slotsQuery = z.strictObject({ date: isoDate.optional() });
export const slotsDto = z.object({
  days: z.array(z.object({ date: z.string(), slots: z.array(z.object({ startsAt: z.string(), time: z.string(), free: z.boolean() })) })),
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const bookingInput = z.strictObject({
  startsAt: z.iso.datetime({ offset: true, message: '时段格式不正确' }),
  topic: text.pipe(z.string().trim().min(1, '请填写辅导内容').max(200)),
  itemId: z.uuid('事项编号格式不正确').optional(),
  personName: requiredName('请填写参加人姓名'),
});

export const endInput = z.strictObject({ version, ...outcomeFields });
export type EndInput = z.output<typeof endInput>;

export const sessionDto = z.object({
  id: z.uuid(),
  uscc: z.string(),
  enterpriseName: z.string(),
  personName: z.string(),
  topic: z.string(),
  itemName: z.string().nullable(),
  startsAt: z.string(),
  state: z.enum(VIDEO_STATES),
  assistantName: z.string().nullable(),
  startedAt: z.string().nullable(),
  connectedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  recordId: z.string().nullable(),
  version: z.number(),
});
export type SessionDto = z.infer<typeof sessionDto>;

export const sessionsQuery = z.strictObject({ scope: z.enum(['upcoming', 'all']).default('upcoming') });

export const SIGNAL_KINDS = ['offer', 'answer', 'candidate'] as const;
export const signalInput = z.strictObject({
  kind: z.enum(SIGNAL_KINDS),
  /** an RTCSessionDescriptionInit or an RTCIceCandidateInit, relayed as given */
  payload: z.record(z.string(), z.union([z.string().max(20_000), z.number(), z.null()])),
});
export const signalDto = z.object({ id: z.number(), side: z.enum(['staff', 'enterprise']), kind: z.enum(SIGNAL_KINDS), payload: z.record(z.string(), z.unknown()) });
export type SignalDto = z.infer<typeof signalDto>;

/** What a side of the call receives on its stream: the session, the ICE servers and the other side's signals so far (snapshot) or the new one (update). */
export const callDto = z.object({
  session: sessionDto,
  side: z.enum(['staff', 'enterprise']),
  iceServers: z.array(z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() })),
  signals: z.array(signalDto),
});
export type CallDto = z.infer<typeof callDto>;
