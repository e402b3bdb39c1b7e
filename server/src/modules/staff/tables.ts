import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
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

/**
 * Changes to staff accounts that one administrator may not make alone (issue 18, 13): their own
 * roles, the administrator or auditor role given to anyone, and a reset of an administrator's or
 * the auditor's password or second factor. The change waits here until another administrator
 * approves it (then it is made) or rejects it. A new password is kept only as its hash.
 */
export const staffApprovals = pgTable(
  'staff_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    kind: text('kind', { enum: ['update', 'reset_password', 'reset_totp'] }).notNull(),
    /** update: the patch as sent, with the version it was made against */
    patch: jsonb('patch'),
    /** reset_password: the new initial password's hash */
    passwordHash: text('password_hash'),
    /** why a second administrator is needed */
    reason: text('reason', { enum: ['own_roles', 'privileged_role', 'privileged_account'] }).notNull(),
    state: text('state', { enum: ['pending', 'approved', 'rejected'] }).notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => staff.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => staff.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('staff_approvals_state').on(t.state, t.requestedAt),
    check('staff_approvals_kind', sql`${t.kind} in ('update','reset_password','reset_totp')`),
    check('staff_approvals_state_check', sql`${t.state} in ('pending','approved','rejected')`),
    check('staff_approvals_other_decides', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
  ],
);
