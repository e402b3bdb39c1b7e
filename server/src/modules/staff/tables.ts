import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { centers, counters } from '../venue/tables.ts';

/** Departments settled in a center (进驻部门), by staff or by delegated items, each with a chief officer (5.1.4). */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    name: text('name').notNull(),
    /** the department's unified social credit code, used in reports to the provincial platform */
    uscc: varchar('uscc', { length: 18 }),
    settlement: text('settlement', { enum: ['staff', 'items'] }).notNull(),
    chiefOfficerId: uuid('chief_officer_id'),
    phone: text('phone').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('departments_center_name').on(t.centerId, t.name),
    check('departments_settlement', sql`${t.settlement} in ('staff','items')`),
  ],
);

/** Staff accounts (clause 5.1) with one or more roles. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 64 }).notNull().unique(),
    displayName: text('display_name').notNull(),
    /** 工号: the staff number used on evaluator records */
    staffNumber: varchar('staff_number', { length: 32 }),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    centerId: uuid('center_id').references(() => centers.id),
    departmentId: uuid('department_id').references(() => departments.id),
    counterId: uuid('counter_id').references(() => counters.id),
    isActive: boolean('is_active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_center').on(t.centerId),
    check('staff_has_role', sql`cardinality(${t.roles}) > 0`),
  ],
);
