import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { centers, counters } from '../venue/tables.ts';
import { departments, staff } from '../staff/tables.ts';

/**
 * What can be rated: every finished visit (一次一评) and application (一事一评), recorded from the
 * `visit.finished` and `application.finished` events (platform/events/domain.ts) with what a
 * rating, the figures and the export need of it — evaluations never reads the queue's or the
 * applications' tables. The id is the ticket's or the application's.
 */
export const rateableSubjects = pgTable(
  'rateable_subjects',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['visit', 'application'] }).notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** the ticket's number as printed (A012) or the application's number */
    number: text('number').notNull(),
    /** visits: the business day, and the hash of the receipt's secret (the kiosk's lookup) */
    businessDate: date('business_date'),
    receiptTokenHash: varchar('receipt_token_hash', { length: 64 }),
    /** who answers for the service: for a visit, the item's department, else the counter's */
    departmentId: uuid('department_id').references(() => departments.id),
    counterId: uuid('counter_id').references(() => counters.id),
    staffId: uuid('staff_id').references(() => staff.id),
    /** the catalog item served (no foreign key: items are versioned in the catalog) */
    itemId: uuid('item_id'),
    itemCode: varchar('item_code', { length: 40 }).notNull().default(''),
    itemName: text('item_name').notNull().default(''),
    processingKind: text('processing_kind'),
    /** how the service was sought: the ticket's channel, or the application's */
    channel: text('channel').notNull(),
    uscc: varchar('uscc', { length: 18 }),
    applicantName: text('applicant_name').notNull().default(''),
    /** the rater's phone, personal data: SM4 cipher and masked form */
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    /** ticket issued / application received; service started (visits) */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    serviceStartedAt: timestamp('service_started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rateable_subjects_center_finished').on(t.centerId, t.finishedAt),
    index('rateable_subjects_uscc_finished').on(t.uscc, t.finishedAt),
    index('rateable_subjects_counter_finished').on(t.counterId, t.finishedAt),
    index('rateable_subjects_number').on(t.centerId, t.number),
    index('rateable_subjects_receipt').on(t.receiptTokenHash),
    check('rateable_subjects_kind', sql`${t.kind} in ('visit','application')`),
  ],
);

/**
 * 好差评 (clause 9.1, GB/T 39734, FACTS §6): one five-level rating of a visit (一次一评, against a
 * ticket) or of an application (一事一评). 非常满意 = 5 … 非常不满意 = 1; 1 and 2 are bad reviews.
 * A rating is never deleted: an upheld appeal only excludes it from the figures.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** the visit rated (a rateable subject of kind visit) */
    ticketId: uuid('ticket_id'),
    /** the application rated (a rateable subject of kind application) */
    applicationId: uuid('application_id'),
    level: smallint('level').notNull(),
    /** where the rating was given; `default` = not rated within the period, counted as 基本满意 */
    channel: text('channel').notNull(),
    /** the question set shown: in person (整体满意度, 服务效率, 服务水平, 服务态度) or online */
    questionSet: text('question_set', { enum: ['in_person', 'online'] }).notNull(),
    /** the option tags chosen (codes of the question set, for the level chosen) */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    comment: text('comment').notNull().default(''),
    /** the rater is known (an enterprise, a named person, a phone), so a bad rating can be called back (9.1.2) */
    isRealName: boolean('is_real_name').notNull(),
    /** recorded as 基本满意 because no rating came within the period (Guangdong's rule) */
    isDefault: boolean('is_default').notNull().default(false),
    raterName: text('rater_name').notNull().default(''),
    raterUscc: varchar('rater_uscc', { length: 18 }),
    /** the phone is personal data: SM4 cipher, keyed hash, masked form (platform/personal-data) */
    raterPhoneCipher: text('rater_phone_cipher'),
    raterPhoneMasked: varchar('rater_phone_masked', { length: 20 }),
    /** who answers for the service rated */
    departmentId: uuid('department_id').references(() => departments.id),
    counterId: uuid('counter_id').references(() => counters.id),
    staffId: uuid('staff_id').references(() => staff.id),
    /** the catalog item served (no foreign key: items are versioned in the catalog) */
    itemId: uuid('item_id'),
    itemCode: varchar('item_code', { length: 40 }).notNull().default(''),
    itemName: text('item_name').notNull().default(''),
    /** when the service rated was finished (ticket served / application delivered or decided) */
    serviceEndedAt: timestamp('service_ended_at', { withTimezone: true }),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
    /** staff who typed in a rating taken by phone */
    enteredBy: uuid('entered_by').references(() => staff.id),
    /** set when an appeal is upheld: the rating stays, the figures leave it out */
    excludedAt: timestamp('excluded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ratings_one_per_ticket').on(t.ticketId),
    uniqueIndex('ratings_one_per_application').on(t.applicationId),
    index('ratings_center_rated').on(t.centerId, t.ratedAt),
    index('ratings_department_rated').on(t.departmentId, t.ratedAt),
    index('ratings_staff').on(t.staffId),
    check('ratings_level', sql`${t.level} between 1 and 5`),
    check('ratings_channel', sql`${t.channel} in ('evaluator','qr','sms','portal','kiosk','phone','default')`),
    check('ratings_one_subject', sql`(${t.ticketId} is null) <> (${t.applicationId} is null)`),
    check('ratings_default_is_basic', sql`not ${t.isDefault} or (${t.level} = 3 and ${t.channel} = 'default')`),
  ],
);

/** 追评 (a later addition to a rating within the configured period) and the re-rating after rectification. */
export const ratingAdditions = pgTable(
  'rating_additions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => ratings.id),
    kind: text('kind', { enum: ['addition', 're_rating'] }).notNull(),
    /** a re-rating carries a new level; an addition may */
    level: smallint('level'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    comment: text('comment').notNull().default(''),
    channel: text('channel').notNull(),
    enteredBy: uuid('entered_by').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rating_additions_rating').on(t.ratingId),
    check('rating_additions_level', sql`${t.level} is null or ${t.level} between 1 and 5`),
    check('rating_additions_re_rating_level', sql`${t.kind} <> 're_rating' or ${t.level} is not null`),
  ],
);

/**
 * An invitation to rate (QR/H5 link on the evaluator or receipt, SMS link): the link carries a
 * signed token; only its hash is kept, and it can be used once.
 */
export const ratingInvitations = pgTable(
  'rating_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    ticketId: uuid('ticket_id'),
    applicationId: uuid('application_id'),
    channel: text('channel', { enum: ['qr', 'sms'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('rating_invitations_one_subject', sql`(${t.ticketId} is null) <> (${t.applicationId} is null)`)],
);

/** The center's evaluation rules (FACTS §6: keep the limits as configuration). */
export const evaluationSettings = pgTable('evaluation_settings', {
  centerId: uuid('center_id')
    .primaryKey()
    .references(() => centers.id),
  /** natural days after the service within which it may be rated; then it counts as 基本满意 */
  ratingPeriodDays: integer('rating_period_days').notNull().default(7),
  /** natural days after a rating within which 追评 may be added */
  additionPeriodDays: integer('addition_period_days').notNull().default(15),
  /** working days to contact the rater of a bad review */
  callbackContactWorkingDays: integer('callback_contact_working_days').notNull().default(1),
  /** working days to finish the callback (verification and, where founded, rectification) */
  callbackFinishWorkingDays: integer('callback_finish_working_days').notNull().default(5),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 差评回访 (9.1.2): opened automatically for every bad review, assigned to the department and counter that answer for it. */
export const callbacks = pgTable(
  'callbacks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ratingId: uuid('rating_id')
      .notNull()
      .unique()
      .references(() => ratings.id),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    departmentId: uuid('department_id').references(() => departments.id),
    counterId: uuid('counter_id').references(() => counters.id),
    /** the staff member handling the callback */
    assigneeId: uuid('assignee_id').references(() => staff.id),
    /** open → contacted → verified (unfounded: closed) → rectifying → closed; see callbacks/workflow.ts */
    state: text('state').notNull(),
    contactDueOn: date('contact_due_on').notNull(),
    finishDueOn: date('finish_due_on').notNull(),
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    verdict: text('verdict', { enum: ['founded', 'partly_founded', 'unfounded'] }),
    verdictNote: text('verdict_note').notNull().default(''),
    verifiedBy: uuid('verified_by').references(() => staff.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** when the chief officer was alerted that it is overdue (once) */
    overdueAlertedAt: timestamp('overdue_alerted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('callbacks_center_state').on(t.centerId, t.state),
    index('callbacks_department_state').on(t.departmentId, t.state),
    check('callbacks_state', sql`${t.state} in ('open','contacted','verified','rectifying','closed')`),
  ],
);

/** Each attempt to reach the rater: when, how, whether reached, what was said. */
export const callbackContacts = pgTable(
  'callback_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callbackId: uuid('callback_id')
      .notNull()
      .references(() => callbacks.id),
    method: text('method', { enum: ['phone', 'sms', 'visit', 'online'] }).notNull(),
    isReached: boolean('is_reached').notNull(),
    note: text('note').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('callback_contacts_callback').on(t.callbackId)],
);

/** 整改台账 (9.1.2): the rectification of a founded (or partly founded) bad review. */
export const rectifications = pgTable(
  'rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callbackId: uuid('callback_id')
      .notNull()
      .unique()
      .references(() => callbacks.id),
    measures: text('measures').notNull(),
    ownerId: uuid('owner_id').references(() => staff.id),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on').notNull(),
    /** stored_files ids */
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** what was done, written when it is marked done */
    result: text('result').notNull().default(''),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => staff.id),
    /** shown on the disclosure page (no personal data) */
    publicSummary: text('public_summary').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('rectifications_measures', sql`length(trim(${t.measures})) > 0`)],
);

/** 申诉复核: staff appeal a review as mistaken or malicious; a manager decides. */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => ratings.id),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    reason: text('reason', { enum: ['mistaken', 'malicious'] }).notNull(),
    statement: text('statement').notNull(),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    appellantId: uuid('appellant_id')
      .notNull()
      .references(() => staff.id),
    state: text('state', { enum: ['pending', 'upheld', 'rejected'] }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => staff.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appeals_center_state').on(t.centerId, t.state),
    uniqueIndex('appeals_one_pending_per_rating').on(t.ratingId).where(sql`${t.state} = 'pending'`),
    check('appeals_not_self_decided', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.appellantId}`),
  ],
);
