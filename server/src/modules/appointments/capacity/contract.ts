import { z } from 'zod';
import { isoDate, versionOrNew } from '../../../platform/http/schemas.ts';
import { APPOINTMENT_MODES, THEMES } from '../../catalog/contract.ts';
import { slotStart } from '../contract.ts';

/** An item that can be booked at the center, with its earliest free slot. */
export const bookableItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  theme: z.enum(THEMES),
  appointmentMode: z.enum(APPOINTMENT_MODES),
  queueName: z.string(),
  earliestDate: z.string().nullable(),
  earliestStart: z.string().nullable(),
});
export type BookableItemDto = z.infer<typeof bookableItem>;

export const bookableItemsQuery = z.strictObject({ centerId: z.uuid().optional() });

export const availabilityQuery = z.strictObject({
  centerId: z.uuid().optional(),
  itemId: z.uuid(),
  from: isoDate.optional(),
  days: z.coerce.number().int().min(1).max(90).default(14),
});

export const availableSlot = z.object({
  start: z.string(),
  end: z.string(),
  /** places left (regular and, when open, overflow) */
  remaining: z.number(),
  /** only overflow places are left */
  isOverflow: z.boolean(),
});
export const availability = z.object({
  centerId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  queueName: z.string(),
  today: z.string(),
  lastDate: z.string(),
  /** the last date that keeps the 3-working-day guarantee */
  deadline: z.string(),
  days: z.array(z.object({ date: z.string(), isWorkingDay: z.boolean(), slots: z.array(availableSlot) })),
});
export type AvailabilityDto = z.infer<typeof availability>;

export const capacityAdjustment = z.object({
  id: z.string(),
  date: z.string(),
  /** null: every slot of the date */
  start: z.string().nullable(),
  delta: z.number(),
  reason: z.string(),
  createdAt: z.string(),
});

export const capacityPool = z.object({
  scope: z.enum(['queue', 'item']),
  scopeId: z.string(),
  name: z.string(),
  /** places per slot before the date's adjustments */
  base: z.number(),
  baseSource: z.enum(['counters', 'explicit']),
  /** counters assigned to the queue (active) */
  counters: z.number(),
  rule: z.object({ capacityPerSlot: z.number().nullable(), overflowPerSlot: z.number().nullable(), version: z.number() }).nullable(),
  /** the items taking their places from this pool */
  items: z.array(
    z.object({ id: z.string(), name: z.string(), appointmentMode: z.enum(APPOINTMENT_MODES), overflowPerSlot: z.number().nullable(), ruleVersion: z.number() }),
  ),
  slots: z.array(z.object({ start: z.string(), end: z.string(), capacity: z.number(), booked: z.number() })),
  adjustments: z.array(capacityAdjustment),
});
export const capacityDay = z.object({
  centerId: z.string(),
  date: z.string(),
  isWorkingDay: z.boolean(),
  slotMinutes: z.number(),
  pools: z.array(capacityPool),
});
export type CapacityDayDto = z.infer<typeof capacityDay>;

export const capacityDayQuery = z.strictObject({ centerId: z.uuid(), date: isoDate });

export const capacityRuleInput = z.strictObject({
  centerId: z.uuid(),
  scope: z.enum(['queue', 'item']),
  scopeId: z.uuid(),
  /** queue: null = counters × places per counter; item: a number gives the item its own slots */
  capacityPerSlot: z.number().int().min(0).max(1000).nullable(),
  /** item only: places per slot that open when the guarantee would fail */
  overflowPerSlot: z.number().int().min(1).max(1000).nullable(),
  /** 0 when the scope has no rule yet */
  version: versionOrNew,
});

export const capacityAdjustmentInput = z.strictObject({
  centerId: z.uuid(),
  scope: z.enum(['queue', 'item']),
  scopeId: z.uuid(),
  date: isoDate,
  start: slotStart.nullable().default(null),
  delta: z
    .number()
    .int()
    .min(-1000)
    .max(1000)
    .refine((d) => d !== 0, '增减数量不能为 0'),
  reason: z.string().trim().max(200).default(''),
});
