import { z } from 'zod';
import { isoMonth } from '../../../platform/http/schemas.ts';

/** The portal's 评价公示 (9.1: results are published): monthly ratings and rectified bad reviews, no personal data. */

export const disclosureQuery = z.strictObject({
  month: isoMonth.optional(),
  centerId: z.uuid('服务中心编号格式不正确').optional(),
});

const levels = z.object({ 5: z.number(), 4: z.number(), 3: z.number(), 2: z.number(), 1: z.number() });
const monthlyRow = z.object({ name: z.string(), rated: z.number(), levels, goodRate: z.number().nullable() });

export const disclosureDto = z.object({
  center: z.object({ id: z.string(), name: z.string() }),
  month: z.string(),
  /** months with ratings, newest first, for the picker */
  months: z.array(z.string()),
  totals: monthlyRow.omit({ name: true }),
  departments: z.array(monthlyRow),
  counters: z.array(monthlyRow.extend({ number: z.string() })),
  /** bad reviews whose rectification was completed in the month: what was wrong (tags) and what was done */
  rectified: z.array(
    z.object({
      ratedOn: z.string(),
      rectifiedOn: z.string(),
      departmentName: z.string(),
      itemName: z.string(),
      level: z.number(),
      tags: z.array(z.string()),
      measures: z.string(),
    }),
  ),
});
export type DisclosureDto = z.infer<typeof disclosureDto>;
