import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { centers } from '../../venue/tables.ts';
import { departments, staff } from '../../staff/tables.ts';
import { applications } from '../tables.ts';

/**
 * A.7 promised time limits: the center's setting (warning share, escalation step), the alerts
 * raised on an application (each kind and level once), whom each was raised to, and 督办 records.
 */

export const timeLimitSettings = pgTable(
  'time_limit_settings',
  {
    centerId: uuid('center_id')
      .primaryKey()
      .references(() => centers.id),
    /** warn once this share (in percent) of the promised working days is used */
    warningPercent: integer('warning_percent').notNull().default(80),
    /** an overdue application escalates one level per this many further working days */
    escalationDays: integer('escalation_days').notNull().default(2),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('time_limit_settings_ranges', sql`${t.warningPercent} between 1 and 99 and ${t.escalationDays} between 1 and 60`)],
);

export const TIME_LIMIT_ALERT_KINDS = ['warning', 'overdue', 'escalation'] as const;

/** warning and overdue: level 0; escalation: level 1 (chief officer), 2 (center manager), 3 (region manager). */
export const timeLimitAlerts = pgTable(
  'time_limit_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    kind: text('kind', { enum: TIME_LIMIT_ALERT_KINDS }).notNull(),
    level: integer('level').notNull().default(0),
    dueDate: date('due_date').notNull(),
    /** the share of the promised time used when raised (per mille) */
    usedPermille: integer('used_permille').notNull(),
    raisedOn: date('raised_on').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('time_limit_alerts_kind', sql`${t.kind} in ('warning','overdue','escalation') and ${t.level} between 0 and 3`),
    // Raised once: one warning, one overdue and one escalation per level and application.
    unique('time_limit_alerts_once').on(t.applicationId, t.kind, t.level),
    index('time_limit_alerts_center_raised').on(t.centerId, t.raisedOn),
  ],
);

export const timeLimitAlertRecipients = pgTable(
  'time_limit_alert_recipients',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => timeLimitAlerts.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    role: text('role', { enum: ['reviewer', 'chief_officer', 'center_manager', 'region_manager'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.staffId] }), index('time_limit_alert_recipients_staff').on(t.staffId)],
);

/** 督办: the manager asks the department (its chief officer) to act on an application by a deadline. */
export const supervisions = pgTable(
  'application_supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    addresseeId: uuid('addressee_id')
      .notNull()
      .references(() => staff.id),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => staff.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openedOn: date('opened_on').notNull(),
    deadline: date('deadline').notNull(),
    request: text('request').notNull(),
    reply: text('reply'),
    repliedBy: uuid('replied_by').references(() => staff.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedOn: date('replied_on'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // one open supervision per application at a time
    uniqueIndex('application_supervisions_open').on(t.applicationId).where(sql`${t.reply} is null`),
    index('application_supervisions_center_opened').on(t.centerId, t.openedOn),
    index('application_supervisions_addressee').on(t.addresseeId),
  ],
);
