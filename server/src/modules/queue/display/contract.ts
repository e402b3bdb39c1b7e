import { z } from 'zod';
import { TICKET_STATES } from '../contract.ts';

export const displayParams = z.strictObject({ centerId: z.uuid('编号格式不正确'), zoneId: z.uuid('编号格式不正确') });

export const displaySnapshot = z.object({
  centerName: z.string(),
  zoneName: z.string(),
  /** the counters whose calls this display shows */
  counterIds: z.array(z.string()),
  calls: z.array(
    z.object({ ticketId: z.string(), displayNumber: z.string(), counterNumber: z.string(), calledAt: z.string(), state: z.enum(TICKET_STATES) }),
  ),
  queues: z.array(z.object({ id: z.string(), name: z.string(), prefix: z.string(), waiting: z.number() })),
  generatedAt: z.string(),
});
export type DisplaySnapshot = z.infer<typeof displaySnapshot>;

export const announcement = z.object({ ticketId: z.string(), displayNumber: z.string(), counterNumber: z.string(), text: z.string() });
export type Announcement = z.infer<typeof announcement>;

/** What a display stream sends after each event: the new state, and what to say if it was a call. */
export const displayUpdate = z.object({ snapshot: displaySnapshot, announcement: announcement.nullable() });
export type DisplayUpdate = z.infer<typeof displayUpdate>;
