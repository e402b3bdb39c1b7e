import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';
import { staff } from '../staff/tables.ts';
import { centers } from '../venue/tables.ts';

const PROVIDER_KINDS = sql`('legal','finance','intellectual_property','human_resources','other')`;
const PROVIDER_STATES = sql`('pending','approved','rejected','suspended')`;
const OUTCOMES = sql`('in_progress','served','not_reached')`;

/**
 * 专业服务机构 (6.3.6): a legal, finance, IP or HR provider registered with the center; the center
 * manager approves it before it is shown to enterprises. One registration per credit code and center.
 */
export const scenarioProviders = pgTable(
  'scenario_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    uscc: text('uscc').notNull(),
    /** the provider's contact person and service line, published with it once approved */
    contactName: text('contact_name').notNull(),
    servicePhone: text('service_phone').notNull(),
    services: text('services').notNull(),
    state: text('state').notNull().default('pending'),
    decisionNote: text('decision_note').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => staff.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('scenario_providers_uscc').on(t.centerId, t.uscc),
    index('scenario_providers_center').on(t.centerId, t.state),
    check('scenario_providers_kind', sql`${t.kind} in ${PROVIDER_KINDS}`),
    check('scenario_providers_state', sql`${t.state} in ${PROVIDER_STATES}`),
  ],
);

/** 一类事: a scenario joining government items and bundles with professional services. */
export const scenarios = pgTable(
  'scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** the provider kinds the scenario offers */
    serviceKinds: text('service_kinds').array().notNull(),
    published: boolean('published').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('scenarios_title').on(t.centerId, t.title)],
);

/** The catalog entries of a scenario, by code (an item or a bundle of the center's catalog), in order. */
export const scenarioEntries = pgTable(
  'scenario_entries',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.kind, t.code] }), check('scenario_entries_kind', sql`${t.kind} in ('item','bundle')`)],
);

/** The approved providers a scenario shows. */
export const scenarioProviderLinks = pgTable(
  'scenario_provider_links',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => scenarioProviders.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.providerId] }), index('scenario_provider_links_provider').on(t.providerId)],
);

/**
 * 对接: an enterprise referred to a provider (by itself on the portal, or by staff on its behalf),
 * its outcome as staff record it, and the enterprise's rating of the provider once served.
 */
export const scenarioReferrals = pgTable(
  'scenario_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => scenarioProviders.id),
    scenarioId: uuid('scenario_id').references(() => scenarios.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** the enterprise's credit code: what its portal account is (own referrals are found by it) */
    uscc: text('uscc').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    need: text('need').notNull(),
    channel: text('channel').notNull(),
    referredBy: uuid('referred_by').references(() => staff.id),
    outcome: text('outcome').notNull().default('in_progress'),
    outcomeNote: text('outcome_note').notNull().default(''),
    /** who reported the outcome: the staff member's own finding, or the provider's contact */
    outcomeSource: text('outcome_source'),
    outcomeBy: uuid('outcome_by').references(() => staff.id),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('scenario_referrals_center').on(t.centerId, t.createdAt),
    index('scenario_referrals_provider').on(t.providerId),
    index('scenario_referrals_uscc').on(t.uscc, t.createdAt),
    check('scenario_referrals_channel', sql`${t.channel} in ('portal','staff')`),
    check('scenario_referrals_outcome', sql`${t.outcome} in ${OUTCOMES}`),
    check('scenario_referrals_source', sql`${t.outcomeSource} is null or ${t.outcomeSource} in ('staff','provider')`),
    check('scenario_referrals_rating', sql`${t.rating} is null or (${t.rating} between 1 and 5 and ${t.outcome} = 'served')`),
    check('scenario_referrals_rated', sql`(${t.rating} is null) = (${t.ratedAt} is null)`),
  ],
);
