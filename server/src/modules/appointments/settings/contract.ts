import { z } from 'zod';
import { versionOrNew } from '../../../platform/http/schemas.ts';
import { wallClock } from '../contract.ts';

export const appointmentPeriod = z.strictObject({ start: wallClock, end: wallClock });

export const appointmentSettings = z.object({
  centerId: z.string(),
  slotMinutes: z.number(),
  /** null: the queue's opening hours */
  periods: z.array(z.object({ start: z.string(), end: z.string() })).nullable(),
  /** the hours slots lie in, as used (the queue's when `periods` is null) */
  effectivePeriods: z.array(z.object({ start: z.string(), end: z.string() })),
  placesPerCounter: z.number(),
  horizonDays: z.number(),
  changeCutoffMinutes: z.number(),
  checkInBeforeMinutes: z.number(),
  checkInAfterMinutes: z.number(),
  noShowLimit: z.number(),
  noShowWindowDays: z.number(),
  blockDays: z.number(),
  reminderTime: z.string(),
  /** 0 until first saved (the defaults are shown) */
  version: z.number(),
});
export type AppointmentSettingsDto = z.infer<typeof appointmentSettings>;

export const appointmentSettingsInput = z.strictObject({
  version: versionOrNew,
  slotMinutes: z.number().int().min(5).max(240),
  periods: z.array(appointmentPeriod).min(1, '至少设置一个预约时段').max(6).nullable(),
  placesPerCounter: z.number().int().min(0).max(50),
  horizonDays: z.number().int().min(3).max(90),
  changeCutoffMinutes: z.number().int().min(0).max(2880),
  checkInBeforeMinutes: z.number().int().min(0).max(240),
  checkInAfterMinutes: z.number().int().min(0).max(240),
  noShowLimit: z.number().int().min(1).max(50),
  noShowWindowDays: z.number().int().min(1).max(365),
  blockDays: z.number().int().min(0).max(365),
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'),
});
export type AppointmentSettingsInput = z.infer<typeof appointmentSettingsInput>;
