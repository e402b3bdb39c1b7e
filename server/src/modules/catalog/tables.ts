import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { centers } from '../venue/tables.ts';
import { departments } from '../staff/tables.ts';

const STATUSES = sql`('draft','published','withdrawn')`;
const VERSION_STATES = sql`('draft','published','superseded')`;

/**
 * 事项: the stable identity of a service item in a center. Its guide lives in versions: the
 * portal shows the published one; edits go to at most one draft; published versions never change.
 */
export const catalogItems = pgTable(
  'catalog_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** 实施编码: unique in the center and across items and bundles, never changed */
    code: varchar('code', { length: 40 }).notNull(),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] }).notNull(),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('catalog_items_center_code').on(t.centerId, t.code),
    check('catalog_items_status', sql`${t.status} in ${STATUSES}`),
    check('catalog_items_published_has_version', sql`${t.status} = 'draft' or ${t.publishedVersionId} is not null`),
  ],
);

/**
 * One version of an item's guide (办事指南, FACTS §9). The whole guide is kept as validated JSON;
 * the columns beside it are what other modules filter on and what the database itself guards.
 */
export const catalogItemVersions = pgTable(
  'catalog_item_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogItems.id),
    number: integer('number').notNull(),
    state: text('state', { enum: ['draft', 'published', 'superseded'] }).notNull(),
    name: text('name').notNull(),
    theme: text('theme').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    processingKind: text('processing_kind').notNull(),
    promisedLimitDays: integer('promised_limit_days').notNull(),
    isCommitmentAllowed: boolean('is_commitment_allowed').notNull(),
    isDeferralAllowed: boolean('is_deferral_allowed').notNull(),
    supplementDays: integer('supplement_days'),
    jointReviewGroup: text('joint_review_group'),
    appointmentMode: text('appointment_mode').notNull(),
    guide: jsonb('guide').notNull(),
    note: text('note').notNull().default(''),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid('updated_by_id'),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedById: uuid('published_by_id'),
    publishedByName: text('published_by_name'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    unique('catalog_item_versions_number').on(t.itemId, t.number),
    uniqueIndex('catalog_item_versions_one_draft').on(t.itemId).where(sql`${t.state} = 'draft'`),
    uniqueIndex('catalog_item_versions_one_published').on(t.itemId).where(sql`${t.state} = 'published'`),
    check('catalog_item_versions_state', sql`${t.state} in ${VERSION_STATES}`),
    // A.9: the supplement deadline never exceeds the promised time limit.
    check(
      'catalog_item_versions_supplement_within_limit',
      sql`${t.supplementDays} is null or ${t.supplementDays} <= ${t.promisedLimitDays}`,
    ),
    index('catalog_item_versions_department').on(t.departmentId),
  ],
);

/** 一件事: several items (or smaller bundles) handled as one service, versioned like items. */
export const catalogBundles = pgTable(
  'catalog_bundles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    code: varchar('code', { length: 40 }).notNull(),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] }).notNull(),
    publishedVersionId: uuid('published_version_id'),
    draftVersionId: uuid('draft_version_id'),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('catalog_bundles_center_code').on(t.centerId, t.code),
    check('catalog_bundles_status', sql`${t.status} in ${STATUSES}`),
    check('catalog_bundles_published_has_version', sql`${t.status} = 'draft' or ${t.publishedVersionId} is not null`),
  ],
);

export const catalogBundleVersions = pgTable(
  'catalog_bundle_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bundleId: uuid('bundle_id')
      .notNull()
      .references(() => catalogBundles.id),
    number: integer('number').notNull(),
    state: text('state', { enum: ['draft', 'published', 'superseded'] }).notNull(),
    name: text('name').notNull(),
    lifeStage: text('life_stage').notNull(),
    leadDepartmentId: uuid('lead_department_id')
      .notNull()
      .references(() => departments.id),
    guide: jsonb('guide').notNull(),
    note: text('note').notNull().default(''),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid('updated_by_id'),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedById: uuid('published_by_id'),
    publishedByName: text('published_by_name'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    unique('catalog_bundle_versions_number').on(t.bundleId, t.number),
    uniqueIndex('catalog_bundle_versions_one_draft').on(t.bundleId).where(sql`${t.state} = 'draft'`),
    uniqueIndex('catalog_bundle_versions_one_published').on(t.bundleId).where(sql`${t.state} = 'published'`),
    check('catalog_bundle_versions_state', sql`${t.state} in ${VERSION_STATES}`),
  ],
);

/**
 * A counter per center, raised in the same transaction as every change the public sees
 * (publish, withdraw, import), so each process knows when its search index is stale.
 */
export const catalogRevisions = pgTable('catalog_revisions', {
  centerId: uuid('center_id')
    .primaryKey()
    .references(() => centers.id),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
