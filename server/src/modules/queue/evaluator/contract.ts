import { z } from 'zod';
import { TICKET_STATES } from '../contract.ts';

export const evaluatorSnapshot = z.object({
  centerName: z.string(),
  counter: z.object({ id: z.string(), number: z.string(), name: z.string() }),
  /** the clerk on duty, while the counter is open or paused */
  clerk: z
    .object({ name: z.string(), staffNumber: z.string().nullable(), hasPhoto: z.boolean(), photoVersion: z.string().nullable() })
    .nullable(),
  sessionState: z.enum(['open', 'paused', 'closed']),
  current: z.object({ displayNumber: z.string(), state: z.enum(TICKET_STATES) }).nullable(),
  /** the visit just finished here, waiting for its rating */
  ratingRequest: z.object({ ticketId: z.string(), displayNumber: z.string(), finishedAt: z.string(), ratingUntil: z.string() }).nullable(),
});
export type EvaluatorSnapshot = z.infer<typeof evaluatorSnapshot>;
