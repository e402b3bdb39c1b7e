import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
import { centers, counters, zones } from '../venue/tables.ts';
import { staff } from '../staff/tables.ts';
import { storedFiles } from '../../platform/files/tables.ts';

const TICKET_STATES = sql`('waiting','called','serving','transferred','done','no_show','cancelled')`;
const PRIORITY_CLASSES = sql`('appointment','green_channel','ordinary')`;
const GREEN_REASONS = sql`('talent','key_enterprise','elderly','disabled')`;

/**
 * How a center runs its queue (GB/T 36112 order management, A.6): opening hours on working days,
 * the priority classes and the fairness bound, recalls before a no-show, the kiosk's limit.
 */
export const queueSettings = pgTable(
  'queue_settings',
  {
    centerId: uuid('center_id')
      .primaryKey()
      .references(() => centers.id),
    /** 'working_days': the calendar's working days; 'every_day': also weekends and holidays */
    serviceDays: text('service_days', { enum: ['working_days', 'every_day'] }).notNull().default('working_days'),
    /** Beijing wall-clock periods, e.g. [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '17:30' }] */
    openingPeriods: jsonb('opening_periods').$type<{ start: string; end: string }[]>().notNull(),
    /** tickets stop this many minutes before each period ends (停止取号) */
    lastTicketMinutes: integer('last_ticket_minutes').notNull().default(0),
    /** highest first */
    classOrder: text('class_order').array().notNull(),
    /** no ticket waits longer than this beyond a higher-class ticket called before it */
    maxExtraWaitMinutes: integer('max_extra_wait_minutes').notNull(),
    greenReasons: text('green_reasons').array().notNull(),
    recallsBeforeNoShow: integer('recalls_before_no_show').notNull().default(2),
    /** how long after finishing the evaluator may still take the rating */
    ratingWindowMinutes: integer('rating_window_minutes').notNull().default(10),
    kioskTicketsPerMinute: integer('kiosk_tickets_per_minute').notNull().default(20),
    /** minutes one visitor usually takes at a counter: the floor of every waiting estimate */
    typicalServiceMinutes: integer('typical_service_minutes').notNull().default(8),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('queue_settings_last_ticket', sql`${t.lastTicketMinutes} between 0 and 240`),
    check('queue_settings_max_extra_wait', sql`${t.maxExtraWaitMinutes} between 0 and 480`),
    check('queue_settings_recalls', sql`${t.recallsBeforeNoShow} between 0 and 10`),
    check('queue_settings_typical_service', sql`${t.typicalServiceMinutes} between 1 and 240`),
    check('queue_settings_service_days', sql`${t.serviceDays} in ('working_days','every_day')`),
  ],
);

/** A line of tickets with its prefix (A, B…), serving one or more themes or items (or a purpose by its name). */
export const queues = pgTable(
  'queues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    name: text('name').notNull(),
    prefix: varchar('prefix', { length: 2 }).notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    /** catalog items (ids) this queue serves beyond its themes */
    itemIds: uuid('item_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** walk-in tickets per business day (A.6 现场取号量); null: no limit */
    dailyWalkInQuota: integer('daily_walk_in_quota'),
    isOpen: boolean('is_open').notNull().default(true),
    /** minutes one visitor usually takes in this queue; null: the center's (queue settings) */
    typicalServiceMinutes: integer('typical_service_minutes'),
    /** false: retired (停用) — gone from the kiosk, displays and desks, takes no tickets; its history stays */
    isActive: boolean('is_active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('queues_typical_service', sql`${t.typicalServiceMinutes} is null or ${t.typicalServiceMinutes} between 1 and 240`),
    unique('queues_center_prefix').on(t.centerId, t.prefix),
    unique('queues_center_name').on(t.centerId, t.name),
    check('queues_prefix', sql`${t.prefix} ~ '^[A-Z]{1,2}$'`),
    check('queues_quota', sql`${t.dailyWalkInQuota} is null or ${t.dailyWalkInQuota} > 0`),
  ],
);

/** Which queues a counter calls from. */
export const queueCounters = pgTable(
  'queue_counters',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    counterId: uuid('counter_id')
      .notNull()
      .references(() => counters.id),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.counterId] }), index('queue_counters_counter').on(t.counterId)],
);

/**
 * Per business day: a queue's last ticket number, and walk-in tickets per queue and per item.
 * Incremented in the ticket's own transaction, so a failed request leaves no gap.
 */
export const queueDailyCounters = pgTable(
  'queue_daily_counters',
  {
    scope: text('scope', { enum: ['number', 'queue_walk_in', 'item_walk_in'] }).notNull(),
    scopeId: uuid('scope_id').notNull(),
    businessDate: date('business_date').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.scopeId, t.businessDate] }),
    check('queue_daily_counters_scope', sql`${t.scope} in ('number','queue_walk_in','item_walk_in')`),
  ],
);

/** 排队号: one visit's place in line, from issue to the end of service. */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** the queue it waits in now (a transfer moves it) */
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    /** the queue that numbered it */
    issuedQueueId: uuid('issued_queue_id')
      .notNull()
      .references(() => queues.id),
    businessDate: date('business_date').notNull(),
    number: integer('number').notNull(),
    displayNumber: varchar('display_number', { length: 8 }).notNull(),
    /** the secret in the receipt's QR code: opens the ticket's status page */
    token: varchar('token', { length: 32 }).notNull().unique(),
    state: text('state').notNull(),
    channel: text('channel', { enum: ['kiosk', 'guidance', 'appointment', 'counter'] }).notNull(),
    priorityClass: text('priority_class').notNull(),
    greenReason: text('green_reason'),
    theme: text('theme'),
    /** a catalog item; checked through the catalog service */
    itemId: uuid('item_id'),
    uscc: varchar('uscc', { length: 18 }),
    /** the visitor's phone, if given: personal data (platform/personal-data), decrypted only to send the rating SMS or fill an application */
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    phoneHash: text('phone_hash'),
    /** set by the appointments module at check-in */
    appointmentId: uuid('appointment_id'),
    issuedBy: uuid('issued_by').references(() => staff.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /** the place in line: the issue time, kept through transfers */
    sortAt: timestamp('sort_at', { withTimezone: true }).notNull().defaultNow(),
    calledAt: timestamp('called_at', { withTimezone: true }),
    lastCalledAt: timestamp('last_called_at', { withTimezone: true }),
    recallCount: integer('recall_count').notNull().default(0),
    serviceStartedAt: timestamp('service_started_at', { withTimezone: true }),
    serviceEndedAt: timestamp('service_ended_at', { withTimezone: true }),
    /** when evaluations recorded a rating of this visit (the `rating.recorded` event): the evaluator stops asking */
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    counterId: uuid('counter_id').references(() => counters.id),
    staffId: uuid('staff_id').references(() => staff.id),
    /** transferred to a named counter: only that counter calls it */
    targetCounterId: uuid('target_counter_id').references(() => counters.id),
    handledItemIds: uuid('handled_item_ids').array().notNull().default(sql`'{}'::uuid[]`),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('tickets_number_per_day').on(t.issuedQueueId, t.businessDate, t.number),
    index('tickets_center_day_state').on(t.centerId, t.businessDate, t.state),
    index('tickets_queue_day_state').on(t.queueId, t.businessDate, t.state),
    index('tickets_counter_ended').on(t.counterId, t.serviceEndedAt),
    check('tickets_state', sql`${t.state} in ${TICKET_STATES}`),
    check('tickets_priority_class', sql`${t.priorityClass} in ${PRIORITY_CLASSES}`),
    check('tickets_green_reason', sql`(${t.priorityClass} = 'green_channel') = (${t.greenReason} is not null)`),
    check('tickets_green_reason_value', sql`${t.greenReason} is null or ${t.greenReason} in ${GREEN_REASONS}`),
    check('tickets_number_positive', sql`${t.number} > 0`),
    check('tickets_channel', sql`${t.channel} in ('kiosk','guidance','appointment','counter')`),
  ],
);

/** What happened to a ticket, in order: the trail behind transfers, recalls and the day-end close. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    staffId: uuid('staff_id').references(() => staff.id),
    counterId: uuid('counter_id').references(() => counters.id),
    queueId: uuid('queue_id').references(() => queues.id),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('ticket_events_ticket').on(t.ticketId)],
);

/** A clerk's time at a counter: open, paused or closed, and the ticket in hand. */
export const counterSessions = pgTable(
  'counter_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    counterId: uuid('counter_id')
      .notNull()
      .references(() => counters.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    businessDate: date('business_date').notNull(),
    state: text('state', { enum: ['open', 'paused', 'closed'] }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    pausedSeconds: integer('paused_seconds').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    currentTicketId: uuid('current_ticket_id').references(() => tickets.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('counter_sessions_one_per_counter').on(t.counterId).where(sql`${t.state} <> 'closed'`),
    uniqueIndex('counter_sessions_one_per_staff').on(t.staffId).where(sql`${t.state} <> 'closed'`),
    index('counter_sessions_center_day').on(t.centerId, t.businessDate),
    check('counter_sessions_state', sql`${t.state} in ('open','paused','closed')`),
  ],
);

/** Kiosks, calling displays and evaluators (clause 4.2.2). An evaluator proves itself with its key. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    kind: text('kind', { enum: ['kiosk', 'display', 'evaluator'] }).notNull(),
    name: text('name').notNull(),
    zoneId: uuid('zone_id').references(() => zones.id),
    counterId: uuid('counter_id').references(() => counters.id),
    /** sha-256 of the device key, which is shown once */
    keyHash: varchar('key_hash', { length: 64 }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('devices_center_name').on(t.centerId, t.name),
    index('devices_counter').on(t.counterId),
    check('devices_kind', sql`${t.kind} in ('kiosk','display','evaluator')`),
    check('devices_evaluator_counter', sql`${t.kind} <> 'evaluator' or ${t.counterId} is not null`),
    check('devices_display_zone', sql`${t.kind} <> 'display' or ${t.zoneId} is not null`),
  ],
);

/** The photo an evaluator shows beside the clerk's name and staff number. */
export const staffPhotos = pgTable('staff_photos', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staff.id),
  fileId: uuid('file_id')
    .notNull()
    .references(() => storedFiles.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
