import { z } from 'zod';
import { TICKET_STATES } from '../contract.ts';
import { ratingComment, ratingLevel, ratingTags } from '../../evaluations/contract.ts';

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

export const evaluatorRatingInput = z.strictObject({
  ticketId: z.uuid('编号格式不正确'),
  level: ratingLevel,
  /** option tags of the in-person question set, for the level chosen */
  tags: ratingTags,
  comment: ratingComment,
});
export const evaluatorRatingResult = z.object({ ratingId: z.string(), level: z.number() });

/** The QR code the evaluator shows after a visit: the same rating from the visitor's phone, once. */
export const evaluatorInvitationInput = z.strictObject({ ticketId: z.uuid('编号格式不正确') });
export const evaluatorInvitation = z.object({ token: z.string(), path: z.string(), qrUrl: z.string(), expiresAt: z.string() });
