import { z } from 'zod';

/** The appointments' shared vocabulary (A.6); each sub-folder's contract.ts holds its requests and responses. */

/** booked → checked_in (in the window) | arrived_late (after it: an ordinary ticket) | cancelled | no_show */
export const APPOINTMENT_STATES = ['booked', 'checked_in', 'arrived_late', 'cancelled', 'no_show'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

export const APPOINTMENT_ACTIONS = ['reschedule', 'cancel', 'check_in', 'arrive_late', 'mark_no_show'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

/** Who acts: the applicant (portal), staff (guidance desk, phone entry), the kiosk, the jobs. */
export const APPOINTMENT_ACTORS = ['applicant', 'staff', 'kiosk', 'system'] as const;
export type AppointmentActor = (typeof APPOINTMENT_ACTORS)[number];

/** Clause 7: online on the portal, at the guidance desk, or taken by telephone. */
export const BOOKING_CHANNELS = ['portal', 'desk', 'phone'] as const;
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];

/** Where a slot's places come from: the item's queue, the item's own slots, or its overflow places. */
export const SLOT_SCOPES = ['queue', 'item', 'overflow'] as const;
export type SlotScope = (typeof SLOT_SCOPES)[number];

/** The standard's promise: an appointment-only service has a slot within 3 working days (A.6). */
export const GUARANTEE_WORKING_DAYS = 3;

export const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm');
/** A slot's start, 'HH:mm'. */
export const slotStart = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时段格式应为 HH:mm');
/** Mainland mobile or landline: digits with an optional area code. */
export const phoneInput = z
  .string()
  .trim()
  .regex(/^(\+?86)?\s?(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-?\d{7,8})$/, '请填写 11 位手机号或带区号的固定电话');
/** The booking code: 8 letters and digits without the easily confused ones. */
export const bookingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{8}$/, '预约码为 8 位字母和数字');
export const centerIdParam = z.strictObject({ centerId: z.uuid('编号格式不正确') });
export const codeParam = z.strictObject({ code: bookingCode });
