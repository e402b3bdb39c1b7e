import { z } from 'zod';
import { uscc } from '../../../platform/http/schemas.ts';
import { COUNTER_SESSION_STATES, GREEN_REASONS, PRIORITY_CLASSES, phone } from '../contract.ts';
import { ticket } from '../tickets/contract.ts';
import { COUNTER_PURPOSES } from '../../venue/contract.ts';

export const counterSession = z.object({
  state: z.enum(COUNTER_SESSION_STATES),
  staffName: z.string(),
  openedAt: z.string(),
  isMine: z.boolean(),
});

/** A counter as the clerk picks it: where it is, which queues it calls, who is on it. */
export const clerkCounter = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  /** what the counter is for: the workbench shows the desk's own tools (the agency list at an agency counter) */
  purpose: z.enum(COUNTER_PURPOSES),
  queueIds: z.array(z.string()),
  isHome: z.boolean(),
  session: counterSession.nullable(),
});
export type ClerkCounterDto = z.infer<typeof clerkCounter>;

export const workbench = z.object({
  counter: z.object({ id: z.string(), number: z.string(), name: z.string(), zoneName: z.string(), centerId: z.string() }),
  session: counterSession.nullable(),
  current: ticket.nullable(),
  queues: z.array(z.object({ id: z.string(), name: z.string(), prefix: z.string(), waiting: z.number() })),
  /** the next few in calling order */
  next: z.array(
    z.object({
      ticketId: z.string(),
      displayNumber: z.string(),
      priorityClass: z.enum(PRIORITY_CLASSES),
      greenReason: z.enum(GREEN_REASONS).nullable(),
      issuedAt: z.string(),
    }),
  ),
  waitingTotal: z.number(),
  servedToday: z.number(),
  recallsBeforeNoShow: z.number(),
  transferQueues: z.array(z.object({ id: z.string(), name: z.string(), prefix: z.string() })),
  transferCounters: z.array(z.object({ id: z.string(), number: z.string(), name: z.string() })),
  /** every published item of the center, those this counter's queues serve first, to record what was handled */
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), isServedHere: z.boolean() })),
});
export type WorkbenchDto = z.infer<typeof workbench>;

/** Where the workbench's 评价器 link goes; `isBound` when the link carries the device's key. */
export const evaluatorLink = z.object({ path: z.string(), isBound: z.boolean() });
export type EvaluatorLinkDto = z.infer<typeof evaluatorLink>;

export const callResult = z.object({ ticket: ticket.nullable() });
export const walkInInput = z.strictObject({
  queueId: z.uuid().nullable().default(null),
  uscc: uscc.nullable().default(null),
  phone: phone.nullable().default(null),
});
export const transferInput = z.strictObject({ queueId: z.uuid().nullable().default(null), counterId: z.uuid().nullable().default(null) });
/** What was handled: one or more items of the center, or explicitly none (仅咨询). */
export const finishInput = z.strictObject({ itemIds: z.array(z.uuid()).max(20).default([]), isConsultationOnly: z.boolean().default(false) });
export type FinishInput = z.output<typeof finishInput>;
