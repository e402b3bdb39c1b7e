import { z } from 'zod';
import { version } from '../../../platform/http/schemas.ts';

const days = (label: string, max: number) =>
  z.number().int(`${label}须为整数`).min(1, `${label}至少为 1`).max(max, `${label}不超过 ${max}`);

/** The center's evaluation rules (FACTS §6: the limits are configuration). */
export const evaluationSettings = z.object({
  centerId: z.string(),
  ratingPeriodDays: z.number(),
  additionPeriodDays: z.number(),
  callbackContactWorkingDays: z.number(),
  callbackFinishWorkingDays: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export type EvaluationSettingsDto = z.infer<typeof evaluationSettings>;

export const evaluationSettingsInput = z.strictObject({
  ratingPeriodDays: days('评价期限（自然日）', 90),
  additionPeriodDays: days('追评期限（自然日）', 180),
  callbackContactWorkingDays: days('联系期限（工作日）', 10),
  callbackFinishWorkingDays: days('办结期限（工作日）', 30),
  version,
});
