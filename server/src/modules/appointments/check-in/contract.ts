import { z } from 'zod';
import { ticketStatus } from '../../queue/tickets/contract.ts';
import { bookingCode, phoneInput } from '../contract.ts';
import { appointment } from '../booking/contract.ts';

/** The kiosk: the booking code (typed, or scanned from the QR code) or the phone number booked with. */
export const kioskCheckInInput = z
  .strictObject({ code: bookingCode.optional(), phone: phoneInput.optional() })
  .refine((v) => (v.code === undefined) !== (v.phone === undefined), { message: '请输入预约码或预约时填写的手机号（二选一）', path: ['code'] });

export const checkInResult = z.object({
  appointment,
  ticket: ticketStatus,
  /** after the window: an ordinary ticket */
  isLate: z.boolean(),
  /** what the kiosk says (why the ticket is ordinary, when late) */
  message: z.string(),
  /** other bookings of the same phone number today still to check in */
  otherBookingsToday: z.number(),
});
export type CheckInResultDto = z.infer<typeof checkInResult>;
