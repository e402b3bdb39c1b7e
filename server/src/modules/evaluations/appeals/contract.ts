import { z } from 'zod';
import { version } from '../../../platform/http/schemas.ts';

/** 申诉复核: requests and responses of the appeals part. */

export const APPEAL_REASONS = ['mistaken', 'malicious'] as const;
export const APPEAL_STATES = ['pending', 'upheld', 'rejected'] as const;
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;

export const appealBody = z.strictObject({
  ratingId: z.uuid('评价编号格式不正确'),
  reason: z.enum(APPEAL_REASONS, { error: '请选择申诉理由（误评或恶意差评）' }),
  statement: z
    .string({ error: '请填写申诉说明' })
    .trim()
    .min(1, '请填写申诉说明')
    .max(2000, '申诉说明不能超过 2000 字'),
});

export const decideBody = z.strictObject({
  version,
  decision: z.enum(APPEAL_DECISIONS, { error: '请选择复核结论（申诉成立或不成立）' }),
  note: z
    .string({ error: '请填写复核意见' })
    .trim()
    .min(1, '请填写复核意见')
    .max(2000, '复核意见不能超过 2000 字'),
});

export const appealListQuery = z.strictObject({ state: z.enum(APPEAL_STATES).optional() });

export const appealEvidenceParams = z.strictObject({ id: z.uuid('编号格式不正确'), fileId: z.uuid('编号格式不正确') });

/** A rating as the appeal pages show it (no personal data of the rater). */
export const appealRating = z.object({
  id: z.string(),
  level: z.number(),
  channel: z.string(),
  tagLabels: z.array(z.string()),
  comment: z.string(),
  isRealName: z.boolean(),
  itemName: z.string(),
  departmentName: z.string().nullable(),
  counterName: z.string().nullable(),
  staffName: z.string().nullable(),
  ratedAt: z.string(),
  excludedAt: z.string().nullable(),
});
export type AppealRatingDto = z.infer<typeof appealRating>;

export const appealDto = z.object({
  id: z.string(),
  ratingId: z.string(),
  reason: z.enum(APPEAL_REASONS),
  statement: z.string(),
  evidence: z.array(z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), size: z.number() })),
  appellantId: z.string(),
  appellantName: z.string(),
  state: z.enum(APPEAL_STATES),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  createdAt: z.string(),
  version: z.number(),
  /** the person asking may decide it (holds evaluation.decide_appeal, is not the appellant, it is pending) */
  mayDecide: z.boolean(),
  rating: appealRating,
});
export type AppealDto = z.infer<typeof appealDto>;
