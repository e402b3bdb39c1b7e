import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/files/tables.ts';
import { enterprises, people } from '../enterprises/tables.ts';
import { departments, staff } from '../staff/tables.ts';
import { centers } from '../venue/tables.ts';

const CATEGORIES = sql`('high_level_a','high_level_b','high_level_c','urgent_shortage','skilled','graduate')`;
const PROFILE_STATES = sql`('pending','verified')`;
const REQUEST_KINDS = sql`('housing_subsidy','schooling','household_registration','spouse_employment','medical_care','other')`;
const REQUEST_STATES = sql`('submitted','accepted','coordinating','done','declined')`;

/**
 * 人才档案 (6.2.3): a person recognised as a talent of a category at the center, with the employing
 * enterprise and the certifying document (in the file store) and its validity; the talent officer
 * verifies it. One profile per person and center; the names are kept as recorded.
 */
export const talentProfiles = pgTable(
  'talent_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    personName: text('person_name').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    employerName: text('employer_name').notNull(),
    category: text('category').notNull(),
    documentTitle: text('document_title').notNull(),
    documentFileId: uuid('document_file_id')
      .notNull()
      .references(() => storedFiles.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('pending'),
    verifiedBy: uuid('verified_by').references(() => staff.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('talent_profiles_person').on(t.centerId, t.personId),
    index('talent_profiles_center').on(t.centerId, t.category),
    check('talent_profiles_category', sql`${t.category} in ${CATEGORIES}`),
    check('talent_profiles_state', sql`${t.state} in ${PROFILE_STATES}`),
    check('talent_profiles_validity', sql`${t.validFrom} <= ${t.validUntil}`),
    check('talent_profiles_verified', sql`(${t.state} = 'verified') = (${t.verifiedAt} is not null)`),
  ],
);

/** 人才服务台账: one request of a talent (housing subsidy, schooling, household registration…) followed to done. */
export const talentRequests = pgTable(
  'talent_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => talentProfiles.id),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    state: text('state').notNull().default('submitted'),
    /** the department it is coordinated with (while coordinating and after) */
    departmentId: uuid('department_id').references(() => departments.id),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    /** submitted on + the kind's working days */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('talent_requests_center').on(t.centerId, t.state, t.dueOn),
    index('talent_requests_profile').on(t.profileId),
    check('talent_requests_kind', sql`${t.kind} in ${REQUEST_KINDS}`),
    check('talent_requests_state', sql`${t.state} in ${REQUEST_STATES}`),
    check('talent_requests_closed', sql`(${t.state} in ('done','declined')) = (${t.closedOn} is not null)`),
  ],
);

/** Each step of a request, with its note: the ledger's history. */
export const talentRequestSteps = pgTable(
  'talent_request_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => talentRequests.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note').notNull().default(''),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    staffName: text('staff_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('talent_request_steps_request').on(t.requestId, t.at)],
);
