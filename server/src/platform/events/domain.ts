import crypto from 'node:crypto';
import { z } from 'zod';

/**
 * The domain events modules tell each other through the outbox (ARCHITECTURE.md, "Events"): the
 * publisher enqueues one in the transaction of the change, the consumer receives it after commit.
 * The payloads are declared here, between the modules, so neither imports the other; the
 * consumer parses what it receives. Personal data travels encrypted (platform/personal-data).
 */

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });

/** sha256 of a receipt's secret (the token in the ticket's QR code): how a visit is found by its receipt without keeping the secret. */
export const receiptTokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** A visit (a queue ticket) was served to its end at a counter. Published by queue. */
export const VISIT_FINISHED = 'visit.finished';
export const visitFinished = z.object({
  ticketId: uuid,
  centerId: uuid,
  /** as printed, e.g. A012 */
  displayNumber: z.string(),
  businessDate: z.iso.date(),
  /** sha256 of the secret in the receipt's QR code (the kiosk finds the visit by it) */
  receiptTokenHash: z.string().nullable(),
  counterId: uuid.nullable(),
  staffId: uuid.nullable(),
  /** the items handled, the first being the one the visit is known by */
  itemIds: z.array(uuid),
  uscc: z.string().nullable(),
  phoneCipher: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** how the ticket was taken (kiosk, guidance, appointment, counter) */
  channel: z.string(),
  issuedAt: instant,
  serviceStartedAt: instant.nullable(),
  finishedAt: instant,
});
export type VisitFinished = z.infer<typeof visitFinished>;

/** An application was finished for its applicant: its result delivered, or declined (不予受理). Published by applications; a bundle's members are not. */
export const APPLICATION_FINISHED = 'application.finished';
export const applicationFinished = z.object({
  applicationId: uuid,
  centerId: uuid,
  number: z.string(),
  outcome: z.enum(['delivered', 'declined']),
  itemCode: z.string(),
  itemName: z.string(),
  departmentId: uuid.nullable(),
  /** the first handler */
  staffId: uuid.nullable(),
  /** the visit the application was taken in at a counter, if any */
  ticketId: uuid.nullable(),
  /** where it was submitted (window, online …) */
  channel: z.string(),
  uscc: z.string().nullable(),
  applicantName: z.string(),
  phoneCipher: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  receivedAt: instant,
  finishedAt: instant,
});
export type ApplicationFinished = z.infer<typeof applicationFinished>;

/** A rating of a visit or an application was given (any channel; not the default 基本满意). Published by evaluations; the queue's evaluator stops asking. */
export const RATING_RECORDED = 'rating.recorded';
export const ratingRecorded = z.object({
  ratingId: uuid,
  centerId: uuid,
  subject: z.object({ kind: z.enum(['visit', 'application']), id: uuid }),
  ratedAt: instant,
});
export type RatingRecorded = z.infer<typeof ratingRecorded>;
