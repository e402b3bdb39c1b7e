import { z } from 'zod';

/** 好差评 levels (GB/T 39734): 非常满意 = 5 … 非常不满意 = 1. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** Clause 7 and 9.1: where a rating was given; `default` is the 基本满意 recorded when none came within the period. */
export const RATING_CHANNELS = ['evaluator', 'qr', 'sms', 'portal', 'kiosk', 'phone', 'default'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** The question set shown: in person (at the counter, kiosk, QR) or online (portal, SMS). */
export const QUESTION_SETS = ['in_person', 'online'] as const;
export type QuestionSetCode = (typeof QUESTION_SETS)[number];

/** A bad review is 不满意 or 非常不满意; a good one 满意 or 非常满意. */
export const isBadLevel = (level: number) => level <= 2;
export const isGoodLevel = (level: number) => level >= 4;

export const ratingLevel = z.number().int().min(1, '评价等级为 1–5').max(5, '评价等级为 1–5');
export const ratingTags = z.array(z.string().trim().min(1).max(40)).max(20, '评价选项过多').default([]);
export const ratingComment = z.string().trim().max(500, '评价意见不超过 500 字').default('');

/** What every channel asks of the rater. */
export const ratingAnswer = {
  level: ratingLevel,
  tags: ratingTags,
  comment: ratingComment,
};

export const ratingAddition = z.object({
  kind: z.enum(['addition', 're_rating']),
  level: z.number().nullable(),
  tags: z.array(z.string()),
  comment: z.string(),
  channel: z.string(),
  createdAt: z.string(),
});

export const rating = z.object({
  id: z.string(),
  centerId: z.string(),
  ticketId: z.string().nullable(),
  applicationId: z.string().nullable(),
  level: z.number(),
  channel: z.enum(RATING_CHANNELS),
  questionSet: z.enum(QUESTION_SETS),
  tags: z.array(z.string()),
  comment: z.string(),
  isRealName: z.boolean(),
  isDefault: z.boolean(),
  raterName: z.string(),
  raterPhoneMasked: z.string().nullable(),
  departmentId: z.string().nullable(),
  counterId: z.string().nullable(),
  staffId: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  serviceEndedAt: z.string().nullable(),
  ratedAt: z.string(),
  excludedAt: z.string().nullable(),
});
export type RatingDto = z.infer<typeof rating>;
