import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../../staff/tables.ts';
import { centers, zones } from '../tables.ts';

/** Clause 4.2.2: the devices and facilities of a center, each in a zone; accessibility ones shown on the portal. */
export const facilities = pgTable(
  'facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    locationNote: text('location_note').notNull().default(''),
    assetNumber: text('asset_number').notNull().default(''),
    isAccessibility: boolean('is_accessibility').notNull().default(false),
    status: text('status', { enum: ['in_service', 'faulty', 'under_repair', 'retired'] }).notNull().default('in_service'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('facilities_status', sql`${t.status} in ('in_service','faulty','under_repair','retired')`),
    uniqueIndex('facilities_center_asset').on(t.centerId, t.assetNumber).where(sql`${t.assetNumber} <> ''`),
    index('facilities_center').on(t.centerId),
  ],
);

/**
 * A fault of a facility, from its first report to the end of its repair. At most one is open per
 * facility (the unique index): a further report is added to it (facility_fault_reports).
 */
export const facilityFaults = pgTable(
  'facility_faults',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => facilities.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    repairStartedAt: timestamp('repair_started_at', { withTimezone: true }),
    repairStartedBy: uuid('repair_started_by').references(() => staff.id),
    repairer: text('repairer').notNull().default(''),
    repairFinishedAt: timestamp('repair_finished_at', { withTimezone: true }),
    repairFinishedBy: uuid('repair_finished_by').references(() => staff.id),
    repairResult: text('repair_result').notNull().default(''),
    /** null while open; set when the repair is finished or the facility retired */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedAs: text('closed_as', { enum: ['repaired', 'retired'] }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('facility_faults_one_open').on(t.facilityId).where(sql`${t.closedAt} is null`),
    index('facility_faults_center').on(t.centerId),
    check('facility_faults_closed_as', sql`${t.closedAs} is null or ${t.closedAs} in ('repaired','retired')`),
  ],
);

/** Each report of a fault: who, when, what they saw. */
export const facilityFaultReports = pgTable(
  'facility_fault_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    faultId: uuid('fault_id')
      .notNull()
      .references(() => facilityFaults.id),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => staff.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    description: text('description').notNull(),
  },
  (t) => [index('facility_fault_reports_fault').on(t.faultId)],
);
