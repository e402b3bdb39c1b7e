import { z } from 'zod';
import { isoDate } from '../../../platform/http/schemas.ts';
import { QUESTION_SETS, RATING_CHANNELS, rating, ratingAddition, ratingAnswer, ratingComment, ratingLevel, ratingTags } from '../contract.ts';

export const SUBJECT_KINDS = ['visit', 'application'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const questionSets = z.array(
  z.object({
    code: z.enum(QUESTION_SETS),
    label: z.string(),
    aspects: z.array(z.string()),
    levels: z.array(z.object({ level: z.number(), tags: z.array(z.object({ code: z.string(), label: z.string(), aspect: z.string() })) })),
  }),
);

/** The service a rating page asks about. */
export const ratingSubject = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: z.string(),
  /** the ticket's number (A012) or the application's number */
  label: z.string(),
  itemName: z.string(),
  centerName: z.string(),
  finishedAt: z.string().nullable(),
  ratingUntil: z.string().nullable(),
  questionSet: z.enum(QUESTION_SETS),
  /** the rater is known (enterprise code or phone), so the rating is real-name unless they choose anonymous */
  isRealNamePossible: z.boolean(),
});
export type RatingSubject = z.infer<typeof ratingSubject>;

/** A rating link's page: the service, and its rating once given (through this link or any other channel) with whether 追评 is still open. */
export const invitationView = ratingSubject.extend({
  rated: z
    .object({
      level: z.number(),
      channel: z.enum(RATING_CHANNELS),
      ratedAt: z.string(),
      /** no 追评 yet and the addition period not over */
      canAdd: z.boolean(),
      hasAddition: z.boolean(),
      additionUntil: z.string(),
    })
    .nullable(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const ratingWithAdditions = rating.extend({ additions: z.array(ratingAddition) });
export type RatingWithAdditions = z.infer<typeof ratingWithAdditions>;

export const ratingCreated = z.object({ ratingId: z.string(), level: z.number(), isRealName: z.boolean() });

export const tokenParam = z.strictObject({ token: z.string().min(1).max(200) });

export const invitationRatingInput = z.strictObject({ ...ratingAnswer, isAnonymous: z.boolean().default(false) });

/** The portal: an enterprise rates its own visit or application. */
export const portalRatingInput = z.strictObject({
  subject: z.strictObject({ kind: z.enum(SUBJECT_KINDS), id: z.uuid('编号格式不正确') }),
  ...ratingAnswer,
  isAnonymous: z.boolean().default(false),
});

export const portalEvaluations = z.object({
  toRate: z.array(ratingSubject),
  rated: z.array(ratingWithAdditions.extend({ subjectLabel: z.string(), canAdd: z.boolean(), additionUntil: z.string() })),
});

export const additionInput = z.strictObject({
  comment: z.string().trim().min(1, '请填写追评内容').max(500, '追评不超过 500 字'),
  level: ratingLevel.optional(),
  tags: ratingTags,
});

/** The kiosk: the visit of today by its number and the secret of its receipt. */
export const kioskVisitQuery = z.strictObject({
  displayNumber: z.string().trim().min(1, '请输入排队号').max(8),
  receiptToken: z.string().trim().min(1, '请扫描凭条二维码').max(300),
});
export const kioskRatingInput = z.strictObject({ ...kioskVisitQuery.shape, ...ratingAnswer });

/** Staff entering a rating given by phone: the service is found by application number, or by day and ticket number. */
export const phoneSubjectQuery = z.strictObject({
  kind: z.enum(SUBJECT_KINDS),
  number: z.string().trim().max(24).optional(),
  date: isoDate.optional(),
  displayNumber: z.string().trim().max(8).optional(),
});
export const phoneSubject = z.object({ subject: ratingSubject, rating: ratingWithAdditions.nullable() });

export const phoneRatingInput = z.strictObject({
  subject: z.strictObject({ kind: z.enum(SUBJECT_KINDS), id: z.uuid('编号格式不正确') }),
  ...ratingAnswer,
  raterName: z.string().trim().max(40).default(''),
  phone: z.string().trim().max(20).optional(),
});

export const invitationCreated = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });

/** The evaluator at a counter (the device sends its key in x-device-key). */
export const evaluatorRatingInput = z.strictObject({
  ticketId: z.uuid('编号格式不正确'),
  level: ratingLevel,
  /** option tags of the in-person question set, for the level chosen */
  tags: ratingTags,
  comment: ratingComment,
});
export const evaluatorRatingResult = z.object({ ratingId: z.string(), level: z.number() });

/** The QR code the evaluator shows after a visit: the same rating from the visitor's phone, once. */
export const evaluatorInvitationInput = z.strictObject({ ticketId: z.uuid('编号格式不正确') });
export const evaluatorInvitation = z.object({ token: z.string(), path: z.string(), qrUrl: z.string(), expiresAt: z.string() });
