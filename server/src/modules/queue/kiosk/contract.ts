import { z } from 'zod';
import { THEMES } from '../../catalog/contract.ts';
import { uscc } from '../../../platform/http/schemas.ts';
import { GREEN_REASONS, phone, waitEstimate } from '../contract.ts';

export const kioskSnapshot = z.object({
  center: z.object({ id: z.string(), name: z.string() }),
  isOpen: z.boolean(),
  /** why tickets cannot be taken now */
  closedMessage: z.string().nullable(),
  hoursText: z.string(),
  queues: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      prefix: z.string(),
      themes: z.array(z.enum(THEMES)),
      isOpen: z.boolean(),
      isFull: z.boolean(),
      waiting: z.number(),
      estimatedWait: waitEstimate,
    }),
  ),
  popularItems: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), theme: z.enum(THEMES), queueId: z.string(), isAppointmentOnly: z.boolean(), isFull: z.boolean() }),
  ),
  greenReasons: z.array(z.enum(GREEN_REASONS)),
  /** back to the start screen after this long without a touch */
  idleSeconds: z.number(),
});
export type KioskSnapshot = z.infer<typeof kioskSnapshot>;

export const kioskTicketInput = z.strictObject({
  queueId: z.uuid().nullable().default(null),
  itemId: z.uuid().nullable().default(null),
  priorityClass: z.enum(['ordinary', 'green_channel']).default('ordinary'),
  greenReason: z.enum(GREEN_REASONS).nullable().default(null),
  uscc: uscc.nullable().default(null),
  phone: phone.nullable().default(null),
});
