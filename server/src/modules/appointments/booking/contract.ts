import { z } from 'zod';
import { isoDate, uscc } from '../../../platform/http/schemas.ts';
import { APPOINTMENT_STATES, BOOKING_CHANNELS, SLOT_SCOPES, bookingCode, phoneInput, slotStart } from '../contract.ts';

/** A booking as its applicant and staff see it: the phone number masked. */
export const appointment = z.object({
  id: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  code: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  queueId: z.string(),
  queueName: z.string(),
  date: z.string(),
  /** 'HH:mm' */
  start: z.string(),
  end: z.string(),
  slotScope: z.enum(SLOT_SCOPES),
  applicantType: z.enum(['enterprise', 'person']),
  uscc: z.string().nullable(),
  phone: z.string(),
  state: z.enum(APPOINTMENT_STATES),
  stateName: z.string(),
  channel: z.enum(BOOKING_CHANNELS),
  /** check-in opens and closes (Beijing time, 'HH:mm' on the booking's date) */
  checkInFrom: z.string(),
  checkInUntil: z.string(),
  /** the applicant may still cancel or reschedule online (before the cut-off) */
  canChange: z.boolean(),
  /** until when (ISO instant) */
  changeUntil: z.string(),
  ticketId: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.enum(['applicant', 'staff', 'system']).nullable(),
  rescheduleCount: z.number(),
  createdAt: z.string(),
  version: z.number(),
});
export type AppointmentDto = z.infer<typeof appointment>;

/** What the applicant keeps: the booking with its QR code (an SVG data URL encoding the booking code). */
export const appointmentWithQr = appointment.extend({ qrCode: z.string() });
export type AppointmentWithQrDto = z.infer<typeof appointmentWithQr>;

export const appointmentEvent = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: z.string(),
  staffName: z.string().nullable(),
  at: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const appointmentDetail = appointment.extend({ events: z.array(appointmentEvent) });
export type AppointmentDetailDto = z.infer<typeof appointmentDetail>;

const slotChoice = { itemId: z.uuid(), date: isoDate, start: slotStart };

/** The portal: a person books with a phone number; a logged-in enterprise also gives a contact phone. */
export const portalBookingInput = z.strictObject({ centerId: z.uuid().optional(), ...slotChoice, phone: phoneInput });

/** The guidance desk or phone entry books on someone's behalf: an enterprise by USCC, or a person. */
export const staffBookingInput = z.strictObject({
  centerId: z.uuid(),
  ...slotChoice,
  phone: phoneInput,
  uscc: uscc.nullable().default(null),
  channel: z.enum(['desk', 'phone']),
});

/** The applicant proves the booking is theirs with its phone number (an enterprise's session also does). */
export const portalLookupInput = z.strictObject({ code: bookingCode, phone: phoneInput.optional() });
export const portalCancelInput = z.strictObject({ phone: phoneInput.optional() });
export const portalRescheduleInput = z.strictObject({ phone: phoneInput.optional(), date: isoDate, start: slotStart });

export const staffCancelInput = z.strictObject({ reason: z.string().trim().max(200).default('') });
export const staffRescheduleInput = z.strictObject({ date: isoDate, start: slotStart });

export const appointmentLookupQuery = z.strictObject({
  centerId: z.uuid(),
  code: bookingCode.optional(),
  phone: phoneInput.optional(),
  uscc: uscc.optional(),
});
