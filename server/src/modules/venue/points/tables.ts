import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { catalogItems } from '../../catalog/tables.ts';
import { centers } from '../tables.ts';

/** 6.3.5: what kind of nearby service point a town or village center is (a government point, or a partner's). */
export const servicePoints = pgTable(
  'service_points',
  {
    centerId: uuid('center_id')
      .primaryKey()
      .references(() => centers.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('service_points_kind', sql`${t.kind} in ('government','industrial_park','bank_branch','post_office')`)],
);

/**
 * 委托受理: the county center delegates the intake of one of its items to a point below it; the point
 * publishes it, receives applications for it, and the county's department reviews and decides.
 */
export const itemDelegations = pgTable(
  'item_delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the point (town or village center) */
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** the competent center that owns the item */
    ownerCenterId: uuid('owner_center_id')
      .notNull()
      .references(() => centers.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogItems.id),
    state: text('state').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedByName: text('published_by_name'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('item_delegations_state', sql`${t.state} in ('delegated','published','revoked')`),
    uniqueIndex('item_delegations_one_active').on(t.centerId, t.itemId).where(sql`${t.state} <> 'revoked'`),
    index('item_delegations_item').on(t.itemId),
  ],
);

/** An application received at a point for a delegated item: it belongs to the competent center; the point is recorded here. */
export const pointReceipts = pgTable(
  'point_receipts',
  {
    applicationId: uuid('application_id').primaryKey(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => itemDelegations.id),
    code: varchar('code', { length: 40 }).notNull(),
    name: text('name').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('point_receipts_center').on(t.centerId, t.receivedAt)],
);
