import { z } from 'zod';
import { THEMES } from '../../catalog/contract.ts';
import { isoDate, uscc } from '../../../platform/http/schemas.ts';
import { GREEN_REASONS, PRIORITY_CLASSES, TICKET_CHANNELS, TICKET_STATES, phone, waitEstimate } from '../contract.ts';

/** A ticket as staff see it (phone numbers masked). */
export const ticket = z.object({
  id: z.string(),
  centerId: z.string(),
  queueId: z.string(),
  queueName: z.string(),
  businessDate: z.string(),
  number: z.number(),
  displayNumber: z.string(),
  state: z.enum(TICKET_STATES),
  channel: z.enum(TICKET_CHANNELS),
  priorityClass: z.enum(PRIORITY_CLASSES),
  greenReason: z.enum(GREEN_REASONS).nullable(),
  theme: z.enum(THEMES).nullable(),
  itemId: z.string().nullable(),
  itemName: z.string().nullable(),
  uscc: z.string().nullable(),
  phone: z.string().nullable(),
  appointmentId: z.string().nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  lastCalledAt: z.string().nullable(),
  recallCount: z.number(),
  serviceStartedAt: z.string().nullable(),
  serviceEndedAt: z.string().nullable(),
  counterId: z.string().nullable(),
  counterNumber: z.string().nullable(),
  staffName: z.string().nullable(),
  targetCounterId: z.string().nullable(),
  targetCounterNumber: z.string().nullable(),
  handledItemIds: z.array(z.string()),
  cancelReason: z.string().nullable(),
  version: z.number(),
});
export type TicketDto = z.infer<typeof ticket>;

/** What the receipt, the kiosk screen and the phone show: no personal data. */
export const ticketStatus = z.object({
  token: z.string(),
  centerName: z.string(),
  displayNumber: z.string(),
  queueName: z.string(),
  state: z.enum(TICKET_STATES),
  priorityClass: z.enum(PRIORITY_CLASSES),
  greenReason: z.enum(GREEN_REASONS).nullable(),
  itemName: z.string().nullable(),
  issuedAt: z.string(),
  businessDate: z.string(),
  /** people who will be called before this ticket (null once it has been called) */
  ahead: z.number().nullable(),
  estimatedWait: waitEstimate.nullable(),
  /** where to go, once called */
  counterNumber: z.string().nullable(),
  canCancel: z.boolean(),
});
export type TicketStatusDto = z.infer<typeof ticketStatus>;

export const issuedTicket = z.object({ ticket, status: ticketStatus });
export type IssuedTicketDto = z.infer<typeof issuedTicket>;

/** Staff issue a ticket on an enterprise's behalf (guidance desk). */
export const deskTicketInput = z.strictObject({
  queueId: z.uuid().nullable().default(null),
  itemId: z.uuid().nullable().default(null),
  priorityClass: z.enum(['ordinary', 'green_channel']).default('ordinary'),
  greenReason: z.enum(GREEN_REASONS).nullable().default(null),
  uscc: uscc.nullable().default(null),
  phone: phone.nullable().default(null),
  /** take it beyond the daily walk-in quota (permission queue.override_quota) */
  overrideQuota: z.boolean().default(false),
});

export const ticketListQuery = z.strictObject({
  date: isoDate.optional(),
  state: z.enum(TICKET_STATES).optional(),
  queueId: z.uuid().optional(),
  q: z.string().trim().max(20).optional(),
});
