import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/** GB/T 2260 administrative divisions: province, city (prefecture) and county. */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    parentCode: varchar('parent_code', { length: 6 }),
  },
  (t) => [check('regions_code_digits', sql`${t.code} ~ '^[1-9][0-9]{5}$'`)],
);

/** Clause 1 and 6.3.5: city and county centers; town centers and village stations are nearby service points. */
export const centers = pgTable(
  'centers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    level: text('level', { enum: ['city', 'county', 'town', 'village'] }).notNull(),
    regionCode: varchar('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    parentId: uuid('parent_id'),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('centers_level', sql`${t.level} in ('city','county','town','village')`)],
);

/** Clause 4.1: the areas of a center. */
export const zones = pgTable(
  'zones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    floor: text('floor').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [unique('zones_center_name').on(t.centerId, t.name), index('zones_center').on(t.centerId)],
);

/** Clause 6.1.3: counters (窗口), each in a zone, numbered uniquely within its center. */
export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    number: varchar('number', { length: 10 }).notNull(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    departmentId: uuid('department_id'),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [unique('counters_center_number').on(t.centerId, t.number), index('counters_center').on(t.centerId)],
);
