import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { applications } from '../applications/tables.ts';
import { catalogItems } from '../catalog/tables.ts';
import { departments } from '../staff/tables.ts';

/**
 * Clause 6.2.2 惠企政策: the policy library, eligibility rules as data (rules/rule.ts), the
 * enterprises each published policy matches, pushes to their portal inbox, and grants of
 * auto-grant (免申即享) policies. Enterprises are referred to by id and USCC (no foreign key
 * into the enterprises module's tables).
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** GB/T 2260 code of the region the policy covers: 440000 province, 440600 city, 440605 district */
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    title: text('title').notNull(),
    issuingDepartment: text('issuing_department').notNull(),
    kind: text('kind', { enum: ['award', 'subsidy', 'loan_interest', 'reduction', 'qualification'] }).notNull(),
    legalBasisName: text('legal_basis_name').notNull().default(''),
    legalBasisNumber: text('legal_basis_number').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** 政策解读 */
    interpretation: text('interpretation').notNull().default(''),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    amountRule: jsonb('amount_rule').notNull(),
    materials: jsonb('materials').notNull().default(sql`'[]'::jsonb`),
    mode: text('mode', { enum: ['apply', 'auto'] }).notNull(),
    /**
     * 承办部门: the department settled in the center that verifies the policy's grants; null when
     * the issuing department is not settled there (then any chief officer of the center verifies).
     */
    departmentId: uuid('department_id').references(() => departments.id),
    /** 兑现事项: the catalog item enterprises apply under (apply mode); null: no online application */
    itemId: uuid('item_id').references(() => catalogItems.id),
    rule: jsonb('rule').notNull(),
    status: text('status', { enum: ['draft', 'published', 'expired', 'withdrawn'] }).notNull().default('draft'),
    /** the published version number (0 while never published) */
    publishedVersion: integer('published_version').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: text('created_by').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('policies_status', sql`${t.status} in ('draft','published','expired','withdrawn')`),
    check('policies_mode', sql`${t.mode} in ('apply','auto')`),
    check('policies_validity', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`),
    index('policies_status').on(t.status),
  ],
);

/** Each published version of a policy, as published (like the catalog's guide versions). */
export const policyVersions = pgTable(
  'policy_versions',
  {
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.version] })],
);

/** Enterprises a policy matches, with the first time they matched; `isCurrent` false once they no longer do. */
export const policyMatches = pgTable(
  'policy_matches',
  {
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    firstMatchedAt: timestamp('first_matched_at', { withTimezone: true }).notNull().defaultNow(),
    isCurrent: boolean('is_current').notNull().default(true),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.enterpriseId] }), index('policy_matches_enterprise').on(t.enterpriseId), index('policy_matches_uscc').on(t.policyId, t.uscc)],
);

/** A policy pushed to an enterprise's portal inbox: once per enterprise and policy. */
export const policyPushes = pgTable(
  'policy_pushes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    /** why it qualifies, as explained when pushed */
    reasons: jsonb('reasons').notNull(),
    isSmsQueued: boolean('is_sms_queued').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [unique('policy_pushes_once').on(t.policyId, t.enterpriseId), index('policy_pushes_uscc').on(t.uscc)],
);

/** Enterprises that asked not to be pushed policies. */
export const policyPushOptOuts = pgTable('policy_push_opt_outs', {
  enterpriseId: uuid('enterprise_id').primaryKey(),
  uscc: varchar('uscc', { length: 18 }).notNull(),
  optedOutAt: timestamp('opted_out_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 免申即享: a grant per matched enterprise of an auto-grant policy, verified by the issuing department. */
export const policyGrants = pgTable(
  'policy_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    /** 元 */
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    amountBasis: text('amount_basis').notNull(),
    status: text('status', { enum: ['pending', 'confirmed', 'rejected'] }).notNull().default('pending'),
    rejectReason: text('reject_reason').notNull().default(''),
    verifiedBy: text('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    disbursement: text('disbursement', { enum: ['not_started', 'in_progress', 'disbursed', 'failed'] }).notNull().default('not_started'),
    disbursedAt: timestamp('disbursed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('policy_grants_once').on(t.policyId, t.enterpriseId),
    check('policy_grants_status', sql`${t.status} in ('pending','confirmed','rejected')`),
    check('policy_grants_disbursement', sql`${t.disbursement} in ('not_started','in_progress','disbursed','failed')`),
    check('policy_grants_disburse_confirmed', sql`${t.disbursement} = 'not_started' or ${t.status} = 'confirmed'`),
    index('policy_grants_policy').on(t.policyId, t.status),
    index('policy_grants_uscc').on(t.uscc),
  ],
);

/**
 * An application for an apply-mode policy: an application (applications module) of the item
 * the policy names, made online by the enterprise. The push figure `applied` counts these.
 */
export const policyApplications = pgTable(
  'policy_applications',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_applications_policy').on(t.policyId, t.enterpriseId), index('policy_applications_uscc').on(t.uscc)],
);
