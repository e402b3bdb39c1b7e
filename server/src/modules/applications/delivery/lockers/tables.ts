import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { centers } from '../../../venue/tables.ts';
import { applications } from '../../tables.ts';

/**
 * Smart lockers (智能柜) in the 24-hour self-service zone: results are put in a slot at delivery
 * and taken out with a one-time code. The locker proves itself with its device key (shown once,
 * stored as its sha-256), as the kiosks, displays and evaluators do.
 */
export const lockers = pgTable(
  'lockers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    name: text('name').notNull(),
    location: text('location').notNull().default(''),
    /** sha-256 of the device key */
    keyHash: varchar('key_hash', { length: 64 }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('lockers_center_name').on(t.centerId, t.name), uniqueIndex('lockers_key_hash').on(t.keyHash)],
);

/** The slots (格口) of a locker, numbered as printed on their doors. */
export const lockerSlots = pgTable(
  'locker_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lockerId: uuid('locker_id')
      .notNull()
      .references(() => lockers.id),
    number: varchar('number', { length: 10 }).notNull(),
  },
  (t) => [unique('locker_slots_locker_number').on(t.lockerId, t.number)],
);

/**
 * A result put in a slot: the pickup code is kept only as a hash (sha-256 of the locker and the
 * code), unique per locker over all time, so a code used once is known as used and never reissued
 * there; one waiting result per slot and per application.
 */
export const lockerDeposits = pgTable(
  'locker_deposits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    lockerId: uuid('locker_id')
      .notNull()
      .references(() => lockers.id),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => lockerSlots.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    state: text('state', { enum: ['waiting', 'picked_up'] }).notNull().default('waiting'),
    depositedByName: text('deposited_by_name').notNull(),
    depositedAt: timestamp('deposited_at', { withTimezone: true }).notNull(),
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
  },
  (t) => [
    unique('locker_deposits_code').on(t.lockerId, t.codeHash),
    uniqueIndex('locker_deposits_one_per_slot').on(t.slotId).where(sql`${t.state} = 'waiting'`),
    uniqueIndex('locker_deposits_one_per_application').on(t.applicationId).where(sql`${t.state} = 'waiting'`),
    index('locker_deposits_center').on(t.centerId),
    check('locker_deposits_state', sql`${t.state} in ('waiting','picked_up')`),
    check('locker_deposits_picked', sql`${t.state} = 'waiting' or ${t.pickedUpAt} is not null`),
  ],
);
