import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { centers } from '../venue/tables.ts';
import { staff } from '../staff/tables.ts';
import { tickets } from '../queue/tables.ts';

/**
 * 申报辅导 (6.1.2): every assistance a filing assistant gives, on site at the filing-assistance
 * zone (possibly with the visitor's ticket) or online by video, with what was helped with, the
 * item(s) concerned, the result and a follow-up.
 */
export const assistanceRecords = pgTable(
  'assistance_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    assistedAt: timestamp('assisted_at', { withTimezone: true }).notNull().defaultNow(),
    assistantId: uuid('assistant_id')
      .notNull()
      .references(() => staff.id),
    mode: text('mode', { enum: ['on_site', 'video'] }).notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    /** the video session this record logs (one record per session) */
    videoSessionId: uuid('video_session_id').references(() => videoSessions.id),
    uscc: varchar('uscc', { length: 18 }),
    enterpriseName: text('enterprise_name').notNull().default(''),
    personName: text('person_name').notNull().default(''),
    /** fill_forms, prepare_materials, check_completeness */
    helpedWith: jsonb('helped_with').$type<string[]>().notNull(),
    /** catalog item ids */
    itemIds: jsonb('item_ids').$type<string[]>().notNull().default([]),
    result: text('result', { enum: ['filed', 'not_yet', 'referred'] }).notNull(),
    applicationNumber: varchar('application_number', { length: 40 }),
    referredTo: text('referred_to').notNull().default(''),
    note: text('note').notNull().default(''),
    /** video: seconds from connected to hang-up */
    durationSeconds: integer('duration_seconds'),
    followUpDueOn: date('follow_up_due_on', { mode: 'string' }),
    followUpDoneAt: timestamp('follow_up_done_at', { withTimezone: true }),
    followUpBy: uuid('follow_up_by').references(() => staff.id),
    followUpResult: text('follow_up_result').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('assistance_records_center_day').on(t.centerId, t.businessDate),
    index('assistance_records_follow_up').on(t.centerId, t.followUpDueOn),
    uniqueIndex('assistance_records_video_session').on(t.videoSessionId),
    check('assistance_records_mode', sql`${t.mode} in ('on_site','video')`),
    check('assistance_records_result', sql`${t.result} in ('filed','not_yet','referred')`),
    check('assistance_records_follow_up_due', sql`${t.followUpDoneAt} is null or ${t.followUpDueOn} is not null`),
  ],
);

/**
 * 视频辅导: booked by an enterprise on the portal for a half-hour slot in working hours, started by
 * a filing assistant, held as a WebRTC call between the two browsers, ended with its outcome.
 */
export const videoSessions = pgTable(
  'video_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    enterpriseName: text('enterprise_name').notNull().default(''),
    personName: text('person_name').notNull().default(''),
    topic: text('topic').notNull(),
    itemId: uuid('item_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    state: text('state', { enum: ['booked', 'live', 'ended', 'cancelled'] }).notNull().default('booked'),
    assistantId: uuid('assistant_id').references(() => staff.id),
    startedAt: timestamp('started_at', { withTimezone: true }),
    connectedAt: timestamp('connected_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationSeconds: integer('duration_seconds'),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    /** one video desk per center: a slot is booked once */
    uniqueIndex('video_sessions_slot').on(t.centerId, t.startsAt).where(sql`${t.state} <> 'cancelled'`),
    index('video_sessions_uscc').on(t.uscc),
    check('video_sessions_state', sql`${t.state} in ('booked','live','ended','cancelled')`),
  ],
);

/** WebRTC signalling of a session (offer, answer, ICE candidates), relayed to the other side over its event stream. */
export const videoSignals = pgTable(
  'video_signals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => videoSessions.id),
    /** who sent it: the assistant (staff) or the enterprise */
    side: text('side', { enum: ['staff', 'enterprise'] }).notNull(),
    kind: text('kind', { enum: ['offer', 'answer', 'candidate'] }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('video_signals_session').on(t.sessionId, t.id), check('video_signals_side', sql`${t.side} in ('staff','enterprise')`)],
);
