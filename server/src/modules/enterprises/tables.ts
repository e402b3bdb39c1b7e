import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { centers } from '../venue/tables.ts';

/**
 * Enterprises keyed by the unified social credit code (GB 32100-2015). The size class is
 * derived from industry, employees, revenue and assets and stored with its reason, so that
 * the registry can be searched by it; it is recomputed whenever one of those inputs changes.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }).notNull().unique(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    legalRepresentative: text('legal_representative').notNull().default(''),
    registeredAddress: text('registered_address').notNull().default(''),
    /** GB/T 2260 county-level code of the registered address */
    districtCode: varchar('district_code', { length: 6 }).notNull(),
    /** 镇（街道）of the registered address, e.g. 桂城街道 */
    town: text('town').notNull().default(''),
    registrationDate: date('registration_date'),
    /** GB/T 4754-2017 code with its section letter: C, C13, C131 or C1311 */
    industryCode: varchar('industry_code', { length: 5 }).notNull(),
    employees: integer('employees'),
    /** 营业收入, 万元 */
    revenue: numeric('revenue', { precision: 16, scale: 2, mode: 'number' }),
    /** 资产总额, 万元 */
    assets: numeric('assets', { precision: 16, scale: 2, mode: 'number' }),
    sizeClass: text('size_class', { enum: ['large', 'medium', 'small', 'micro'] }),
    sizeReason: text('size_reason').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('enterprises_uscc_chars', sql`${t.uscc} ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`),
    check('enterprises_district_digits', sql`${t.districtCode} ~ '^[1-9][0-9]{5}$'`),
    check('enterprises_industry_form', sql`${t.industryCode} ~ '^[A-T]([0-9]{2,4})?$'`),
    check('enterprises_size_class', sql`${t.sizeClass} in ('large','medium','small','micro')`),
    check('enterprises_not_negative', sql`coalesce(${t.employees}, 0) >= 0 and coalesce(${t.revenue}, 0) >= 0 and coalesce(${t.assets}, 0) >= 0`),
    index('enterprises_industry').on(t.industryCode.op('text_pattern_ops')),
    index('enterprises_district').on(t.districtCode, t.town),
    index('enterprises_size').on(t.sizeClass),
    index('enterprises_name').on(t.name.op('text_pattern_ops')),
  ],
);

/**
 * People (applicants, agents, legal representatives). ID and phone numbers are stored only
 * encrypted (SM4), with an HMAC-SM3 lookup hash and the masked form shown in lists.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberHash: varchar('id_number_hash', { length: 64 }).notNull().unique(),
    idNumberMasked: varchar('id_number_masked', { length: 18 }).notNull(),
    phoneCipher: text('phone_cipher'),
    phoneHash: varchar('phone_hash', { length: 64 }),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    /** the center whose staff recorded the person: only staff of that center (or above it) may see the full numbers; null for records from before centers were kept, or from the registry */
    recordedCenterId: uuid('recorded_center_id').references(() => centers.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_phone_hash').on(t.phoneHash), index('people_name').on(t.name.op('text_pattern_ops'))],
);

/** Who acts for an enterprise, and as what. */
export const enterpriseContacts = pgTable(
  'enterprise_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ['legal_representative', 'agent', 'contact', 'applicant'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('enterprise_contacts_once').on(t.enterpriseId, t.personId, t.role),
    index('enterprise_contacts_person').on(t.personId),
    check('enterprise_contacts_role', sql`${t.role} in ('legal_representative','agent','contact','applicant')`),
  ],
);

/**
 * Credit records that bar the commitment (A.4.3) and deferred-material (A.9.3) routes until
 * repaired. Each belongs to an enterprise or to a person.
 */
export const creditRecords = pgTable(
  'credit_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    personId: uuid('person_id').references(() => people.id),
    kind: text('kind', { enum: ['serious_bad_credit', 'false_commitment', 'dishonesty_list'] }).notNull(),
    /** who reported it: 信用中国（广东）, a department, or this center's deferred-material desk */
    source: text('source').notNull(),
    /** e.g. the application number whose deferred materials were not supplied */
    sourceReference: text('source_reference').notNull().default(''),
    description: text('description').notNull().default(''),
    recordedOn: date('recorded_on').notNull(),
    repairedOn: date('repaired_on'),
    repairNote: text('repair_note').notNull().default(''),
    recordedBy: text('recorded_by').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('credit_records_one_subject', sql`(${t.enterpriseId} is null) <> (${t.personId} is null)`),
    check('credit_records_kind', sql`${t.kind} in ('serious_bad_credit','false_commitment','dishonesty_list')`),
    check('credit_records_repair_after_record', sql`${t.repairedOn} is null or ${t.repairedOn} >= ${t.recordedOn}`),
    index('credit_records_enterprise').on(t.enterpriseId),
    index('credit_records_person').on(t.personId),
  ],
);
