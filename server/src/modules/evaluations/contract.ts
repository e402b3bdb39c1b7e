import { z } from 'zod';

/** 好差评 levels (GB/T 39734): 非常满意 = 5 … 非常不满意 = 1. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** Clause 7: where a rating was given. The evaluator at the counter for now; the evaluations module adds the others. */
export const RATING_CHANNELS = ['evaluator'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

export const ratingLevel = z.number().int().min(1, '评价等级为 1–5').max(5, '评价等级为 1–5');

export const rating = z.object({
  id: z.string(),
  centerId: z.string(),
  ticketId: z.string().nullable(),
  applicationId: z.string().nullable(),
  level: z.number(),
  channel: z.enum(RATING_CHANNELS),
  isRealName: z.boolean(),
  ratedAt: z.string(),
  staffId: z.string().nullable(),
  counterId: z.string().nullable(),
  comment: z.string(),
});
export type RatingDto = z.infer<typeof rating>;
