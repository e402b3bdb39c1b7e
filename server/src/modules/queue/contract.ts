import { z } from 'zod';

/** The queue's shared vocabulary; each sub-folder's contract.ts holds its requests and responses. */

/** Priority classes (GB/T 36112): appointment holders, the green channel, everyone else. */
export const PRIORITY_CLASSES = ['appointment', 'green_channel', 'ordinary'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

/** Why a ticket takes the green channel: talent service (6.2.3), key enterprises, the elderly, the disabled. */
export const GREEN_REASONS = ['talent', 'key_enterprise', 'elderly', 'disabled'] as const;
export type GreenReason = (typeof GREEN_REASONS)[number];

export const TICKET_STATES = ['waiting', 'called', 'serving', 'transferred', 'done', 'no_show', 'cancelled'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_ACTIONS = ['call', 'recall', 'start', 'no_show', 'transfer', 'finish', 'cancel', 'expire'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Clause 7: where the ticket came from. `counter`: a walk-in served without a ticket. */
export const TICKET_CHANNELS = ['kiosk', 'guidance', 'appointment', 'counter'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const COUNTER_SESSION_STATES = ['open', 'paused', 'closed'] as const;
export type CounterSessionState = (typeof COUNTER_SESSION_STATES)[number];

export const DEVICE_KINDS = ['kiosk', 'display', 'evaluator'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const SERVICE_DAYS = ['working_days', 'every_day'] as const;
export type ServiceDays = (typeof SERVICE_DAYS)[number];

/** Mainland mobile or landline: digits with an optional area code. */
export const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写 11 位手机号或带区号的固定电话');

export const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm');

export const ticketTokenParam = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, '取号凭证无效') });
export const counterIdParam = z.strictObject({ counterId: z.uuid('编号格式不正确') });
export const centerIdParam = z.strictObject({ centerId: z.uuid('编号格式不正确') });


/** The wait before a ticket is called, as a range of minutes (tickets/estimate.ts). */
export const waitEstimate = z.object({ minMinutes: z.number(), maxMinutes: z.number() });
