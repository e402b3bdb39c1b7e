import { z } from 'zod';
import { text, version } from '../../../../platform/http/schemas.ts';

export const lockerInput = z.strictObject({
  name: text.trim().min(1, '请填写智能柜名称').max(50, '名称最多 50 个字'),
  location: text.trim().max(100, '位置最多 100 个字').default(''),
  slots: z.number({ error: '请填写格口数' }).int().min(1, '至少 1 个格口').max(200, '最多 200 个格口'),
});

export const lockerSlot = z.object({ number: z.string(), isFree: z.boolean(), applicationNumber: z.string().nullable() });
export const lockerDto = z.object({
  id: z.string(),
  centerId: z.string(),
  name: z.string(),
  location: z.string(),
  isActive: z.boolean(),
  /** demo lockers only: their (public) key, so the demo can be tried */
  demoKey: z.string().nullable(),
  slots: z.array(lockerSlot),
});
export type LockerDto = z.infer<typeof lockerDto>;
export const lockerWithKey = z.object({ locker: lockerDto, key: z.string() });

/** The delivery clerk puts a decided application's result in a locker; the code goes to the phone by SMS. */
export const depositInput = z.strictObject({
  version,
  lockerId: z.uuid('请选择智能柜'),
  /** the slot; omitted: the first free one */
  slotNumber: z.string().trim().min(1).max(10).optional(),
  /** where the code goes when the application has no phone of its own */
  phone: z.string().trim().max(20).optional(),
});
export const depositDto = z.object({
  lockerName: z.string(),
  location: z.string(),
  slotNumber: z.string(),
  phoneMasked: z.string(),
  depositedAt: z.string(),
});
export type DepositDto = z.infer<typeof depositDto>;

/** The locker sends the code typed on its keypad (its key in x-device-key). */
export const pickupInput = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, '取件码为 6 位数字') });
export const pickupDto = z.object({ slotNumber: z.string(), applicationNumber: z.string(), itemName: z.string() });
export type PickupDto = z.infer<typeof pickupDto>;
