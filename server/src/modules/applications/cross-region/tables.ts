import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { centers, regions } from '../../venue/tables.ts';
import { staff } from '../../staff/tables.ts';
import { storedFiles } from '../../../platform/files/tables.ts';
import { applications } from '../tables.ts';

/**
 * 跨域通办 (6.3.2): the directory a center publishes of its items that can be handled across
 * regions, with the partner regions and the modes (全程网办, 异地代收代办, 多地联办).
 */
export const crossRegionItems = pgTable(
  'cross_region_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** 实施编码 of the center's own catalog item, and its name when listed */
    itemCode: varchar('item_code', { length: 40 }).notNull(),
    itemName: text('item_name').notNull(),
    /** full_online, proxy (异地代收代办), multi_site (多地联办) */
    modes: text('modes').array().notNull(),
    /** GB/T 2260 codes of the regions this item is handled with */
    partnerRegionCodes: varchar('partner_region_codes', { length: 6 }).array().notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('cross_region_items_center_code').on(t.centerId, t.itemCode), check('cross_region_items_modes', sql`cardinality(${t.modes}) > 0`)],
);

const HANDOVER_STATES = sql.raw(`('sent','returned','exported','result_imported','done')`);

/**
 * One cross-region hand-over: received at `centerId` (the receiving center, whose scope it is in)
 * for a competent center — another Banshi center (`competentCenterId`, with the application in its
 * records) or a center on another system (only `competentRegionCode`: an export package goes there
 * and a signed result comes back). 多地联办 records its parts in cross_region_parts.
 */
export const crossRegionHandovers = pgTable(
  'cross_region_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    mode: text('mode', { enum: ['proxy', 'multi_site'] }).notNull(),
    competentRegionCode: varchar('competent_region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    competentCenterId: uuid('competent_center_id').references(() => centers.id),
    /** the competent center's application (Banshi to Banshi) */
    applicationId: uuid('application_id').references(() => applications.id),
    itemCode: varchar('item_code', { length: 40 }).notNull(),
    itemName: text('item_name').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    applicantName: text('applicant_name').notNull(),
    /** the receiving clerk checked the identity and the originals of the materials */
    identityChecked: boolean('identity_checked').notNull(),
    materialsChecked: boolean('materials_checked').notNull(),
    receivedById: uuid('received_by_id').references(() => staff.id),
    receivedByName: text('received_by_name').notNull(),
    /** how the result goes back: post (邮寄) or e_license (电子证照) */
    returnMethod: text('return_method', { enum: ['post', 'e_license'] }).notNull(),
    postalAddress: text('postal_address').notNull().default(''),
    state: text('state').notNull(),
    /** the result: the competent center's decision, or the imported one */
    decision: text('decision', { enum: ['approved', 'rejected'] }),
    decisionOpinion: text('decision_opinion').notNull().default(''),
    decidedOn: date('decided_on'),
    licenseNumber: text('license_number').notNull().default(''),
    trackingNumber: text('tracking_number').notNull().default(''),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedByName: text('returned_by_name').notNull().default(''),
    /** the export package (to another system): its id ties the imported result to it */
    packageId: uuid('package_id').notNull().defaultRandom(),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cross_region_handovers_state', sql`${t.state} in ${HANDOVER_STATES}`),
    check('cross_region_handovers_mode', sql`${t.mode} in ('proxy','multi_site')`),
    check('cross_region_handovers_return', sql`${t.returnMethod} in ('post','e_license')`),
    check('cross_region_handovers_decision', sql`${t.decision} is null or ${t.decision} in ('approved','rejected')`),
    unique('cross_region_handovers_application').on(t.applicationId),
    unique('cross_region_handovers_package').on(t.packageId),
    index('cross_region_handovers_center').on(t.centerId, t.createdAt),
    index('cross_region_handovers_competent').on(t.competentCenterId, t.createdAt),
  ],
);

/** The scanned materials the receiving clerk sends with a hand-over. */
export const crossRegionFiles = pgTable(
  'cross_region_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handoverId: uuid('handover_id')
      .notNull()
      .references(() => crossRegionHandovers.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cross_region_files_handover').on(t.handoverId)],
);

/** 多地联办: the parts of one matter and the region each is handled in, each marked done. */
export const crossRegionParts = pgTable(
  'cross_region_parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handoverId: uuid('handover_id')
      .notNull()
      .references(() => crossRegionHandovers.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneByName: text('done_by_name').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [unique('cross_region_parts_position').on(t.handoverId, t.position)],
);
