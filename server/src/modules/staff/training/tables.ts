import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { centers } from '../../venue/tables.ts';
import { departments, staff } from '../tables.ts';
import { CONDUCT_ASPECTS, TRAINING_CATEGORIES } from './kinds.ts';

/**
 * Staff training and qualification (clause 5.2): courses with their sessions and attendance,
 * exams with scores, the certificates staff hold (issued on a passed exam or recorded by the
 * manager), the rules of what a counter's purpose demands of a role, and conduct records from
 * inspections (GB/T 36112: appearance, language, discipline).
 */


export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    title: text('title').notNull(),
    category: text('category', { enum: TRAINING_CATEGORIES }).notNull(),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('training_courses_center_title').on(t.centerId, t.title),
    check('training_courses_category', sql`${t.category} in ('business','policy','etiquette','other')`),
  ],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    trainer: text('trainer').notNull(),
    place: text('place').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_sessions_course').on(t.courseId)],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.staffId] })],
);

export const trainingExams = pgTable(
  'training_exams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    passMark: integer('pass_mark').notNull(),
    maxScore: integer('max_score').notNull().default(100),
    /** the qualification a pass earns (a certificate is issued for it), if any */
    qualificationKind: text('qualification_kind'),
    validityMonths: integer('validity_months'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_exams_course').on(t.courseId),
    check('training_exams_marks', sql`${t.passMark} between 0 and ${t.maxScore} and ${t.maxScore} > 0`),
    check('training_exams_qualification', sql`(${t.qualificationKind} is null) = (${t.validityMonths} is null)`),
  ],
);

export const examScores = pgTable(
  'exam_scores',
  {
    examId: uuid('exam_id')
      .notNull()
      .references(() => trainingExams.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    score: integer('score').notNull(),
    passed: boolean('passed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.examId, t.staffId] }), check('exam_scores_score', sql`${t.score} >= 0`)],
);

export const staffCertificates = pgTable(
  'staff_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    /** issued on this passed exam; null when the manager recorded it */
    examId: uuid('exam_id').references(() => trainingExams.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('staff_certificates_kind_number').on(t.kind, t.number),
    index('staff_certificates_staff').on(t.staffId, t.kind),
    index('staff_certificates_expiry').on(t.centerId, t.expiresOn),
    check('staff_certificates_dates', sql`${t.expiresOn} > ${t.issuedOn}`),
  ],
);

/** What a role must hold valid to open a counter of a purpose in the center. */
export const qualificationRules = pgTable(
  'qualification_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    purpose: text('purpose').notNull(),
    role: text('role').notNull(),
    kind: text('kind').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('qualification_rules_unique').on(t.centerId, t.purpose, t.role, t.kind)],
);

export const conductRecords = pgTable(
  'conduct_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    /** the staff member's department when inspected (the joint assessment with departments) */
    departmentId: uuid('department_id').references(() => departments.id),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    aspect: text('aspect', { enum: CONDUCT_ASPECTS }).notNull(),
    finding: text('finding').notNull(),
    pointsDeducted: integer('points_deducted').notNull(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('conduct_records_center_date').on(t.centerId, t.inspectedOn),
    check('conduct_records_aspect', sql`${t.aspect} in ('appearance','language','discipline')`),
    check('conduct_records_points', sql`${t.pointsDeducted} between 0 and 100`),
  ],
);
