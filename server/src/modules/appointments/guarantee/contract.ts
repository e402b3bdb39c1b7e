import { z } from 'zod';

/** One appointment-only item against the 3-working-day guarantee (A.6). */
export const guaranteeItem = z.object({
  itemId: z.string(),
  code: z.string(),
  name: z.string(),
  queueName: z.string().nullable(),
  /** the earliest bookable slot; null: nothing bookable within the horizon (or no queue serves it) */
  earliestDate: z.string().nullable(),
  earliestStart: z.string().nullable(),
  isOverflow: z.boolean(),
  /** working days from today to the earliest slot (0: today) */
  workingDaysAway: z.number().nullable(),
  meetsGuarantee: z.boolean(),
  hasOverflow: z.boolean(),
});
export type GuaranteeItemDto = z.infer<typeof guaranteeItem>;

export const appointmentAlert = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  kind: z.enum(['guarantee_failed', 'overflow_opened']),
  businessDate: z.string(),
  earliestDate: z.string().nullable(),
  deadline: z.string(),
  raisedBy: z.enum(['job', 'live']),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const guaranteeView = z.object({
  today: z.string(),
  /** the last date that keeps the guarantee (the 3rd working day after today) */
  deadline: z.string(),
  items: z.array(guaranteeItem),
  meeting: z.number(),
  total: z.number(),
  /** meeting / total; null when the center has no appointment-only item */
  share: z.number().nullable(),
  alerts: z.array(appointmentAlert),
  openAlerts: z.number(),
});
export type GuaranteeViewDto = z.infer<typeof guaranteeView>;
