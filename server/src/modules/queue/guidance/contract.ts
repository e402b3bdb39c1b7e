import { z } from 'zod';
import { THEMES } from '../../catalog/contract.ts';
import { isoDate, uscc } from '../../../platform/http/schemas.ts';
import { INQUIRY_MODES, INQUIRY_OUTCOMES, phone } from '../contract.ts';
import { deskTicketInput, issuedTicket } from '../tickets/contract.ts';

export const inquiry = z.object({
  id: z.string(),
  centerId: z.string(),
  businessDate: z.string(),
  askedAt: z.string(),
  firstResponderId: z.string(),
  firstResponderName: z.string(),
  mode: z.enum(INQUIRY_MODES),
  subject: z.string(),
  theme: z.enum(THEMES).nullable(),
  itemId: z.string().nullable(),
  uscc: z.string().nullable(),
  phone: z.string().nullable(),
  outcome: z.enum(INQUIRY_OUTCOMES),
  ticketId: z.string().nullable(),
  ticketDisplayNumber: z.string().nullable(),
  note: z.string(),
});
export type InquiryDto = z.infer<typeof inquiry>;

export const inquiryInput = z.strictObject({
  mode: z.enum(INQUIRY_MODES).default('in_person'),
  subject: z.string().trim().min(1).max(200),
  theme: z.enum(THEMES).nullable().default(null),
  itemId: z.uuid().nullable().default(null),
  uscc: uscc.nullable().default(null),
  phone: phone.nullable().default(null),
  outcome: z.enum(INQUIRY_OUTCOMES),
  note: z.string().trim().max(500).default(''),
  /** directed to a counter: the ticket taken on the enterprise's behalf */
  ticket: deskTicketInput.omit({ uscc: true, phone: true }).nullable().default(null),
});
export type InquiryInput = z.infer<typeof inquiryInput>;

export const inquiryResult = z.object({ inquiry, issued: issuedTicket.nullable() });
export const inquiryListQuery = z.strictObject({ date: isoDate.optional() });
