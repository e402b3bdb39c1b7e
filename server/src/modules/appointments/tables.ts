import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { centers } from '../venue/tables.ts';
import { staff } from '../staff/tables.ts';
import { queues, tickets } from '../queue/tables.ts';

const APPOINTMENT_STATES = sql`('booked','checked_in','arrived_late','cancelled','no_show')`;
const SLOT_SCOPES = sql`('queue','item','overflow')`;

/**
 * How a center runs appointments (A.6). Every value has a default; a center manager edits them.
 * Periods: the Beijing wall-clock hours in which slots lie; null = the queue's opening hours.
 */
export const appointmentSettings = pgTable(
  'appointment_settings',
  {
    centerId: uuid('center_id')
      .primaryKey()
      .references(() => centers.id),
    slotMinutes: integer('slot_minutes').notNull(),
    periods: jsonb('periods').$type<{ start: string; end: string }[] | null>(),
    /** derived capacity: appointments per counter assigned to the queue, per slot */
    placesPerCounter: integer('places_per_counter').notNull(),
    /** how many calendar days ahead one may book */
    horizonDays: integer('horizon_days').notNull(),
    /** applicants may cancel or reschedule until this many minutes before the slot starts */
    changeCutoffMinutes: integer('change_cutoff_minutes').notNull(),
    checkInBeforeMinutes: integer('check_in_before_minutes').notNull(),
    checkInAfterMinutes: integer('check_in_after_minutes').notNull(),
    noShowLimit: integer('no_show_limit').notNull(),
    noShowWindowDays: integer('no_show_window_days').notNull(),
    blockDays: integer('block_days').notNull(),
    /** Beijing time from which the day-before reminders go out */
    reminderTime: varchar('reminder_time', { length: 5 }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('appointment_settings_slot', sql`${t.slotMinutes} between 5 and 240`),
    check('appointment_settings_places', sql`${t.placesPerCounter} between 0 and 50`),
    check('appointment_settings_horizon', sql`${t.horizonDays} between 3 and 90`),
    check('appointment_settings_cutoff', sql`${t.changeCutoffMinutes} between 0 and 2880`),
    check('appointment_settings_check_in', sql`${t.checkInBeforeMinutes} between 0 and 240 and ${t.checkInAfterMinutes} between 0 and 240`),
    check('appointment_settings_no_show', sql`${t.noShowLimit} between 1 and 50 and ${t.noShowWindowDays} between 1 and 365 and ${t.blockDays} between 0 and 365`),
  ],
);

/**
 * Explicit capacity: a queue's places per slot (null: counters × places per counter), or an item's
 * own slots (an item with a rule books from its own slots instead of its queue's), and an item's
 * overflow places per slot, opened only while its 3-working-day guarantee would fail.
 */
export const appointmentCapacityRules = pgTable(
  'appointment_capacity_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    scope: text('scope', { enum: ['queue', 'item'] }).notNull(),
    /** the queue or the catalog item */
    scopeId: uuid('scope_id').notNull(),
    capacityPerSlot: integer('capacity_per_slot'),
    overflowPerSlot: integer('overflow_per_slot'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('appointment_capacity_rules_scope').on(t.centerId, t.scope, t.scopeId),
    check('appointment_capacity_rules_scope_kind', sql`${t.scope} in ('queue','item')`),
    check('appointment_capacity_rules_capacity', sql`${t.capacityPerSlot} is null or ${t.capacityPerSlot} between 0 and 1000`),
    check('appointment_capacity_rules_overflow', sql`${t.overflowPerSlot} is null or (${t.scope} = 'item' and ${t.overflowPerSlot} between 1 and 1000)`),
  ],
);

/** Places added (positive) or removed (negative) for one date: every slot of it, or one slot. */
export const appointmentCapacityAdjustments = pgTable(
  'appointment_capacity_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    scope: text('scope', { enum: ['queue', 'item'] }).notNull(),
    scopeId: uuid('scope_id').notNull(),
    date: date('date').notNull(),
    /** minute of the day the slot starts; null: every slot of the date */
    startMinute: integer('start_minute'),
    delta: integer('delta').notNull(),
    reason: text('reason').notNull().default(''),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointment_capacity_adjustments_center_date').on(t.centerId, t.date),
    check('appointment_capacity_adjustments_scope', sql`${t.scope} in ('queue','item')`),
    check('appointment_capacity_adjustments_delta', sql`${t.delta} <> 0 and ${t.delta} between -1000 and 1000`),
  ],
);

/**
 * 号源: one slot's places and how many are taken. The row is created by the first booking; its
 * capacity is refreshed from the plan by each booking, and `booked` only grows by a conditional
 * update (booked < capacity), so the last place goes to exactly one request.
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    scope: text('scope', { enum: ['queue', 'item', 'overflow'] }).notNull(),
    scopeId: uuid('scope_id').notNull(),
    date: date('date').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.scopeId, t.date, t.startMinute] }),
    index('appointment_slots_center_date').on(t.centerId, t.date),
    check('appointment_slots_scope', sql`${t.scope} in ${SLOT_SCOPES}`),
    check('appointment_slots_booked', sql`${t.booked} >= 0`),
    check('appointment_slots_minutes', sql`${t.startMinute} >= 0 and ${t.endMinute} > ${t.startMinute} and ${t.endMinute} <= 1440`),
  ],
);

/** 预约: one applicant's booked visit for one item, from booking to check-in, cancellation or no-show. */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** the booking code (also in the QR code) */
    code: varchar('code', { length: 10 }).notNull().unique(),
    /** a catalog item; checked through the catalog service */
    itemId: uuid('item_id').notNull(),
    itemName: text('item_name').notNull(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    slotScope: text('slot_scope', { enum: ['queue', 'item', 'overflow'] }).notNull(),
    slotScopeId: uuid('slot_scope_id').notNull(),
    date: date('date').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    applicantType: text('applicant_type', { enum: ['enterprise', 'person'] }).notNull(),
    uscc: varchar('uscc', { length: 18 }),
    /** `uscc:<USCC>` or `phone:<keyed hash>`: one active booking per applicant, item and day */
    applicantKey: text('applicant_key').notNull(),
    phoneEncrypted: text('phone_encrypted').notNull(),
    phoneHash: text('phone_hash').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    state: text('state').notNull(),
    channel: text('channel', { enum: ['portal', 'desk', 'phone'] }).notNull(),
    bookedBy: uuid('booked_by').references(() => staff.id),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by', { enum: ['applicant', 'staff', 'system'] }),
    cancelReason: text('cancel_reason'),
    noShowAt: timestamp('no_show_at', { withTimezone: true }),
    rescheduleCount: integer('reschedule_count').notNull().default(0),
    /** the booking date the day-before reminder was sent for */
    remindedForDate: date('reminded_for_date'),
    ticketReminderSentAt: timestamp('ticket_reminder_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('appointments_one_active_per_applicant_item_day')
      .on(t.centerId, t.applicantKey, t.itemId, t.date)
      .where(sql`${t.state} in ('booked','checked_in')`),
    index('appointments_center_date_state').on(t.centerId, t.date, t.state),
    index('appointments_phone_date').on(t.phoneHash, t.date),
    index('appointments_applicant').on(t.applicantKey, t.date),
    index('appointments_uscc').on(t.uscc),
    index('appointments_ticket').on(t.ticketId),
    check('appointments_state', sql`${t.state} in ${APPOINTMENT_STATES}`),
    check('appointments_slot_scope', sql`${t.slotScope} in ${SLOT_SCOPES}`),
    check('appointments_applicant_type', sql`${t.applicantType} in ('enterprise','person')`),
    check('appointments_enterprise_uscc', sql`(${t.applicantType} = 'enterprise') = (${t.uscc} is not null)`),
    check('appointments_channel', sql`${t.channel} in ('portal','desk','phone')`),
    check('appointments_minutes', sql`${t.startMinute} >= 0 and ${t.endMinute} > ${t.startMinute} and ${t.endMinute} <= 1440`),
  ],
);

/** What happened to a booking, in order (booked, rescheduled, checked in, cancelled, no-show). */
export const appointmentEvents = pgTable(
  'appointment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actor: text('actor').notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('appointment_events_appointment').on(t.appointmentId)],
);

/** An applicant who may not book until `endsOn` (too many no-shows), at one center. */
export const appointmentBlocks = pgTable(
  'appointment_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    applicantKey: text('applicant_key').notNull(),
    /** the USCC, or the masked phone number */
    applicantLabel: text('applicant_label').notNull(),
    startsOn: date('starts_on').notNull(),
    /** the first day the applicant may book again */
    endsOn: date('ends_on').notNull(),
    noShows: integer('no_shows').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => staff.id),
  },
  (t) => [index('appointment_blocks_applicant').on(t.centerId, t.applicantKey), check('appointment_blocks_dates', sql`${t.endsOn} > ${t.startsOn}`)],
);

/**
 * A.6 alerts for the center manager: an appointment-only item whose earliest slot lies beyond 3
 * working days (`guarantee_failed`), or whose overflow places opened (`overflow_opened`). One per
 * item, kind and business day; resolved when a later check finds the guarantee met again.
 */
export const appointmentAlerts = pgTable(
  'appointment_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    itemId: uuid('item_id').notNull(),
    itemName: text('item_name').notNull(),
    kind: text('kind', { enum: ['guarantee_failed', 'overflow_opened'] }).notNull(),
    businessDate: date('business_date').notNull(),
    /** the earliest bookable date when raised; null: nothing bookable within the horizon */
    earliestDate: date('earliest_date'),
    /** the last date that meets the guarantee */
    deadline: date('deadline').notNull(),
    raisedBy: text('raised_by', { enum: ['job', 'live'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    unique('appointment_alerts_one_per_day').on(t.centerId, t.itemId, t.kind, t.businessDate),
    check('appointment_alerts_kind', sql`${t.kind} in ('guarantee_failed','overflow_opened')`),
    check('appointment_alerts_raised_by', sql`${t.raisedBy} in ('job','live')`),
  ],
);
