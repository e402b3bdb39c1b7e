import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/files/tables.ts';
import { centers, zones } from '../venue/tables.ts';
import { staff } from '../staff/tables.ts';

/**
 * 宣讲培训 (6.2.4): policy briefings, training sessions and live streams a center holds for
 * enterprises, in a room of its briefing zone or online (workflow.ts). `registered` is the number
 * of attendees of the registrations not cancelled, kept with the registrations in one transaction
 * that holds the event's row lock; the check keeps it within the capacity whatever happens.
 */
export const briefingEvents = pgTable(
  'briefing_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    kind: text('kind').notNull(),
    topic: text('topic').notNull(),
    description: text('description').notNull().default(''),
    speakers: text('speakers').array().notNull().default(sql`'{}'::text[]`),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** the room: a zone of kind `briefing`; null for an event held online only */
    zoneId: uuid('zone_id').references(() => zones.id),
    /** the live stream or online meeting link */
    liveUrl: text('live_url'),
    /** the policies the event explains (6.2.2's published policies; shown with a link on the portal) */
    policyIds: uuid('policy_ids').array().notNull().default(sql`'{}'::uuid[]`),
    capacity: integer('capacity').notNull(),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('draft'),
    registered: integer('registered').notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('briefing_events_center').on(t.centerId, t.startsAt),
    check('briefing_events_kind', sql`${t.kind} in ('policy_briefing','training','live_stream')`),
    check('briefing_events_status', sql`${t.status} in ('draft','published','cancelled','held')`),
    check('briefing_events_times', sql`${t.endsAt} > ${t.startsAt} and ${t.registrationClosesAt} <= ${t.startsAt}`),
    check('briefing_events_place', sql`${t.zoneId} is not null or ${t.liveUrl} is not null`),
    check('briefing_events_capacity', sql`${t.capacity} > 0 and ${t.registered} >= 0 and ${t.registered} <= ${t.capacity}`),
  ],
);

/** An enterprise's registration for an event; one not cancelled per enterprise and event. */
export const briefingRegistrations = pgTable(
  'briefing_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => briefingEvents.id),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('briefing_registrations_active').on(t.eventId, t.uscc).where(sql`${t.cancelledAt} is null`),
    index('briefing_registrations_uscc').on(t.uscc, t.registeredAt),
  ],
);

/** A person an enterprise registered, with the code (shown as a QR) checked at the door. The phone is personal data: sealed. */
export const briefingAttendees = pgTable(
  'briefing_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => briefingRegistrations.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => briefingEvents.id),
    name: text('name').notNull(),
    phoneCipher: text('phone_cipher').notNull(),
    phoneMasked: varchar('phone_masked', { length: 20 }).notNull(),
    phoneHash: text('phone_hash').notNull(),
    checkInCode: varchar('check_in_code', { length: 12 }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => staff.id),
    /** the day-before SMS went out (once) */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('briefing_attendees_code').on(t.checkInCode), index('briefing_attendees_registration').on(t.registrationId), index('briefing_attendees_event').on(t.eventId)],
);

/** Materials to download after the event (slides, policy texts), uploaded by staff. */
export const briefingMaterials = pgTable(
  'briefing_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => briefingEvents.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => staff.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('briefing_materials_file').on(t.eventId, t.fileId)],
);

/** An enterprise's feedback on an event it attended: once per registration. */
export const briefingFeedback = pgTable(
  'briefing_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => briefingEvents.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => briefingRegistrations.id),
    satisfaction: smallint('satisfaction').notNull(),
    comment: text('comment').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('briefing_feedback_registration').on(t.registrationId), check('briefing_feedback_satisfaction', sql`${t.satisfaction} between 1 and 5`)],
);
