import { z } from 'zod';
import { THEMES } from '../../catalog/contract.ts';
import { version, versionOrNew } from '../../../platform/http/schemas.ts';
import { DEFAULT_TYPICAL_SERVICE_MINUTES } from '../tickets/estimate.ts';
import { DEVICE_KINDS, GREEN_REASONS, PRIORITY_CLASSES, SERVICE_DAYS, wallClock } from '../contract.ts';

export const openingPeriod = z.strictObject({ start: wallClock, end: wallClock });

export const queueSettings = z.object({
  centerId: z.string(),
  serviceDays: z.enum(SERVICE_DAYS),
  openingPeriods: z.array(z.object({ start: z.string(), end: z.string() })),
  lastTicketMinutes: z.number(),
  classOrder: z.array(z.enum(PRIORITY_CLASSES)),
  maxExtraWaitMinutes: z.number(),
  greenReasons: z.array(z.enum(GREEN_REASONS)),
  recallsBeforeNoShow: z.number(),
  ratingWindowMinutes: z.number(),
  kioskTicketsPerMinute: z.number(),
  /** minutes one visitor usually takes: the floor of the waiting estimates */
  typicalServiceMinutes: z.number(),
  /** the ticket-taking hours as people read them */
  hoursText: z.string(),
  /** 0 until first saved (the defaults are shown) */
  version: z.number(),
});
export type QueueSettingsDto = z.infer<typeof queueSettings>;

export const queueSettingsInput = z.strictObject({
  version: versionOrNew,
  serviceDays: z.enum(SERVICE_DAYS),
  openingPeriods: z.array(openingPeriod).min(1, '至少设置一个办公时段').max(6),
  lastTicketMinutes: z.number().int().min(0).max(240),
  classOrder: z
    .array(z.enum(PRIORITY_CLASSES))
    .length(PRIORITY_CLASSES.length, '应依次列出全部优先级')
    .refine((c) => new Set(c).size === c.length, '优先级不能重复'),
  maxExtraWaitMinutes: z.number().int().min(0).max(480),
  greenReasons: z.array(z.enum(GREEN_REASONS)).max(GREEN_REASONS.length).refine((r) => new Set(r).size === r.length, '不能重复'),
  recallsBeforeNoShow: z.number().int().min(0).max(10),
  ratingWindowMinutes: z.number().int().min(1).max(120),
  kioskTicketsPerMinute: z.number().int().min(1).max(100_000),
  typicalServiceMinutes: z.number().int().min(1).max(240).default(DEFAULT_TYPICAL_SERVICE_MINUTES),
});
export type QueueSettingsInput = z.infer<typeof queueSettingsInput>;

export const queue = z.object({
  id: z.string(),
  centerId: z.string(),
  name: z.string(),
  prefix: z.string(),
  themes: z.array(z.enum(THEMES)),
  itemIds: z.array(z.string()),
  dailyWalkInQuota: z.number().nullable(),
  isOpen: z.boolean(),
  /** null: the center's typical service time */
  typicalServiceMinutes: z.number().nullable(),
  /** false: retired (停用) */
  isActive: z.boolean(),
  sortOrder: z.number(),
  counterIds: z.array(z.string()),
  version: z.number(),
});
export type QueueDto = z.infer<typeof queue>;

const unique = <T>(list: T[]) => new Set(list).size === list.length;
export const queueInput = z.strictObject({
  name: z.string().trim().min(1).max(30),
  prefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,2}$/, '号码前缀为 1–2 个大写字母'),
  themes: z.array(z.enum(THEMES)).max(THEMES.length).refine(unique, '主题不能重复').default([]),
  itemIds: z.array(z.uuid()).max(200).refine(unique, '事项不能重复').default([]),
  dailyWalkInQuota: z.number().int().min(1).max(100_000).nullable().default(null),
  isOpen: z.boolean().default(true),
  typicalServiceMinutes: z.number().int().min(1).max(240).nullable().default(null),
  sortOrder: z.number().int().min(0).max(999).default(0),
  counterIds: z.array(z.uuid()).max(200).refine(unique, '窗口不能重复').default([]),
});
export const queuePatch = z.strictObject({
  version,
  name: queueInput.shape.name.optional(),
  prefix: queueInput.shape.prefix.optional(),
  themes: z.array(z.enum(THEMES)).max(THEMES.length).refine(unique, '主题不能重复').optional(),
  itemIds: z.array(z.uuid()).max(200).refine(unique, '事项不能重复').optional(),
  dailyWalkInQuota: z.number().int().min(1).max(100_000).nullable().optional(),
  isOpen: z.boolean().optional(),
  typicalServiceMinutes: z.number().int().min(1).max(240).nullable().optional(),
  /** false retires the queue, true reinstates it */
  isActive: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(999).optional(),
  counterIds: z.array(z.uuid()).max(200).refine(unique, '窗口不能重复').optional(),
});
export type QueueInput = z.infer<typeof queueInput>;
export type QueuePatch = z.infer<typeof queuePatch>;

/** A published item a queue may serve, for the settings form and the desks. */
export const queueItem = z.object({ id: z.string(), code: z.string(), name: z.string(), theme: z.enum(THEMES), queueId: z.string().nullable() });
export type QueueItemDto = z.infer<typeof queueItem>;

export const device = z.object({
  id: z.string(),
  centerId: z.string(),
  kind: z.enum(DEVICE_KINDS),
  name: z.string(),
  zoneId: z.string().nullable(),
  counterId: z.string().nullable(),
  isActive: z.boolean(),
  isDemo: z.boolean(),
  lastSeenAt: z.string().nullable(),
  /** the page the device opens */
  path: z.string(),
  /** demo devices only: their (public) key, so the demo can be tried */
  demoKey: z.string().nullable(),
  version: z.number(),
});
export type DeviceDto = z.infer<typeof device>;
export const deviceWithKey = z.object({ device, key: z.string() });
export type DeviceWithKey = z.infer<typeof deviceWithKey>;
export const deviceInput = z.strictObject({
  kind: z.enum(DEVICE_KINDS),
  name: z.string().trim().min(1).max(50),
  zoneId: z.uuid().nullable().default(null),
  counterId: z.uuid().nullable().default(null),
});
export const devicePatch = z.strictObject({ version, name: deviceInput.shape.name.optional(), isActive: z.boolean().optional() });
