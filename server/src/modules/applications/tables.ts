import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { centers } from '../venue/tables.ts';
import { departments, staff } from '../staff/tables.ts';
import { catalogBundleVersions, catalogItemVersions } from '../catalog/tables.ts';
import { enterprises, people } from '../enterprises/tables.ts';
import { licenses } from '../licenses/tables.ts';
import { tickets } from '../queue/tables.ts';
import { storedFiles } from '../../platform/files/tables.ts';

const STATES = sql.raw(
  `('received','awaiting_supplement','supplement_approval','declined','in_review','review_supplement','special_procedure','lead_decision','approved','rejected','delivering','delivered','stopped','revoked')`,
);

/**
 * 办件 (clauses 6.1.3, 6.1.4, Annex A): one enterprise's request for one item, or a bundle (一件事)
 * with one child application per member item. Its life follows the workflow declared in
 * workflow/definition.ts; every change raises `version` (optimistic concurrency).
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 办件编号, e.g. 440605-2026-000123: printed on every notice, used on the portal */
    number: varchar('number', { length: 24 }).notNull().unique(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    kind: text('kind', { enum: ['item', 'bundle'] }).notNull(),
    /** a bundle's child (one per member item) points at the bundle application */
    parentId: uuid('parent_id'),
    /** the guide version in force at intake, kept forever (items and bundle children) */
    guideVersionId: uuid('guide_version_id').references(() => catalogItemVersions.id),
    bundleVersionId: uuid('bundle_version_id').references(() => catalogBundleVersions.id),
    /** 实施编码 of the item or code of the bundle, and its name, as they were at intake */
    code: varchar('code', { length: 40 }).notNull(),
    name: text('name').notNull(),
    /** the department that decides (the item's; a bundle's lead department) */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** A.8: joint review with this lead department; null when one department decides alone */
    leadDepartmentId: uuid('lead_department_id').references(() => departments.id),
    /** bundle stage of a child: stages follow one another, members of one stage run in parallel */
    stage: integer('stage').notNull().default(1),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    applicantName: text('applicant_name').notNull(),
    /** the agent (经办人) who came, from the people registry */
    agentPersonId: uuid('agent_person_id').references(() => people.id),
    agentName: text('agent_name').notNull().default(''),
    /** the contact phone, only encrypted, with its lookup hash (portal progress) and masked form */
    phoneCipher: text('phone_cipher'),
    phoneHash: varchar('phone_hash', { length: 64 }),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    /** printed on the acceptance notice: with the number, it opens the portal's progress (the number alone is sequential) */
    checkCode: varchar('check_code', { length: 8 })
      .notNull()
      .default(sql`upper(substr(md5(gen_random_uuid()::text), 1, 8))`),
    /** clause 7: counter, online, kiosk, video, cross_region, nearby */
    channel: text('channel').notNull(),
    /** the queue ticket being served when the application was received */
    ticketId: uuid('ticket_id').references(() => tickets.id),
    /** A.2: the clerk who received it first */
    firstHandlerId: uuid('first_handler_id').references(() => staff.id),
    firstHandlerName: text('first_handler_name').notNull().default(''),
    /** 6.2.1 帮办代办: the agency agent who filed it on the enterprise's behalf, and the agency request (agency module) */
    agencyStaffId: uuid('agency_staff_id').references(() => staff.id),
    agencyStaffName: text('agency_staff_name').notNull().default(''),
    agencyRequestId: uuid('agency_request_id'),
    /** situation answers (question key → option key) */
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    state: text('state').notNull(),
    /** A.4: the applicant chose the commitment route */
    isCommitment: boolean('is_commitment').notNull().default(false),
    /** the first receipt, and the latest (a return with supplemented materials restarts the 5-day notice clock) */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    lastReceivedOn: date('last_received_on').notNull(),
    /** FACTS §7: no notice within 5 working days of receipt → counts as accepted from receipt */
    isDeemedAccepted: boolean('is_deemed_accepted').notNull().default(false),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** the day the promised time limit starts (the receipt day when deemed accepted) */
    clockStartOn: date('clock_start_on'),
    promisedDays: integer('promised_days').notNull(),
    dueDate: date('due_date'),
    /** working days the clock stood still (special procedures, supplement during review) */
    pausedDays: integer('paused_days').notNull().default(0),
    pausedSince: date('paused_since'),
    /** A.9: deferred materials due by this date */
    deferredUntil: date('deferred_until'),
    deferralState: text('deferral_state', { enum: ['pending', 'supplied', 'expired'] }),
    decision: text('decision', { enum: ['approved', 'rejected'] }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedOn: date('decided_on'),
    decisionOpinion: text('decision_opinion').notNull().default(''),
    /** the result put into the e-license library */
    licenseId: uuid('license_id').references(() => licenses.id),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    closedReason: text('closed_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('applications_state', sql`${t.state} in ${STATES}`),
    check('applications_kind', sql`${t.kind} in ('item','bundle')`),
    check('applications_guide', sql`(${t.kind} = 'item') = (${t.guideVersionId} is not null)`),
    check('applications_bundle_version', sql`${t.kind} <> 'bundle' or ${t.bundleVersionId} is not null`),
    check('applications_deferral_state', sql`${t.deferralState} is null or ${t.deferralState} in ('pending','supplied','expired')`),
    check('applications_decision', sql`${t.decision} is null or ${t.decision} in ('approved','rejected')`),
    check('applications_paused_days', sql`${t.pausedDays} >= 0 and ${t.promisedDays} >= 0`),
    index('applications_center_state').on(t.centerId, t.state),
    index('applications_department_state').on(t.departmentId, t.state),
    index('applications_parent').on(t.parentId),
    index('applications_uscc').on(t.uscc),
    index('applications_phone').on(t.phoneHash),
    index('applications_due').on(t.centerId, t.dueDate),
    index('applications_received').on(t.centerId, t.receivedAt),
  ],
);

/** One material of the checklist (from the guide and the answers) and how it was provided. */
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    key: varchar('key', { length: 40 }).notNull(),
    name: text('name').notNull(),
    importance: text('importance', { enum: ['core', 'secondary'] }).notNull(),
    /** shown as the requirement on a supplement notice */
    requirement: text('requirement').notNull().default(''),
    licenseType: text('license_type'),
    isDeferrable: boolean('is_deferrable').notNull().default(false),
    /** the certificate a commitment letter may replace (A.4) */
    isReplaceableByCommitment: boolean('is_replaceable_by_commitment').notNull().default(false),
    status: text('status', {
      enum: ['missing', 'uploaded', 'license', 'paper_seen', 'defective', 'deferred', 'committed'],
    }).notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id),
    licenseId: uuid('license_id').references(() => licenses.id),
    /** what is wrong with a defective material */
    problem: text('problem').notNull().default(''),
    position: integer('position').notNull(),
    updatedBy: text('updated_by').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('application_materials_key').on(t.applicationId, t.key),
    check(
      'application_materials_status',
      sql`${t.status} in ('missing','uploaded','license','paper_seen','defective','deferred','committed')`,
    ),
    check('application_materials_file', sql`${t.status} <> 'uploaded' or ${t.fileId} is not null`),
    check('application_materials_license', sql`${t.status} <> 'license' or ${t.licenseId} is not null`),
  ],
);

/** The timeline: every action on an application, in order, with who did it (the portal shows it in plain Chinese). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorType: text('actor_type', { enum: ['staff', 'enterprise', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    departmentId: uuid('department_id').references(() => departments.id),
    /** what a person reads: an opinion, a reason (never personal data) */
    note: text('note').notNull().default(''),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('application_events_application').on(t.applicationId, t.id)],
);

/** Written notices issued for an application, each with a unique document number (A.3: in writing). */
export const applicationNotices = pgTable(
  'application_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    /**
     * The notice as issued (blocks, signature), never changed. The PDF is rendered from it when first
     * downloaded and kept in `file_id`: issuing stays fast and a rendering is always of the issued text.
     */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: text('issued_by').notNull().default(''),
  },
  (t) => [unique('application_notices_number').on(t.centerId, t.number), index('application_notices_application').on(t.applicationId)],
);

/**
 * Counters behind numbers: application numbers per region and year, document numbers per center,
 * year and kind. Raised with `update … returning` in the transaction that uses the number.
 */
export const applicationCounters = pgTable(
  'application_counters',
  {
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.year, t.kind] })],
);

/**
 * A.3 补正: one written request listing everything missing or defective. The first of an
 * application goes out at once; a later one waits for a manager's approval and is counted.
 */
export const applicationSupplements = pgTable(
  'application_supplements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    ordinal: integer('ordinal').notNull(),
    phase: text('phase', { enum: ['intake', 'review'] }).notNull(),
    /** [{ key, name, problem, requirement }] */
    items: jsonb('items').$type<{ key: string; name: string; problem: string; requirement: string }[]>().notNull(),
    deadline: date('deadline').notNull(),
    state: text('state', { enum: ['pending_approval', 'issued', 'refused', 'fulfilled'] }).notNull(),
    /** the state the application returns to when a manager refuses a second request */
    returnState: text('return_state').notNull(),
    reason: text('reason').notNull().default(''),
    requestedById: uuid('requested_by_id').references(() => staff.id),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    noticeId: uuid('notice_id').references(() => applicationNotices.id),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
  },
  (t) => [
    unique('application_supplements_ordinal').on(t.applicationId, t.ordinal),
    check('application_supplements_state', sql`${t.state} in ('pending_approval','issued','refused','fulfilled')`),
    check('application_supplements_phase', sql`${t.phase} in ('intake','review')`),
  ],
);

/**
 * 6.1.4 and A.8: the back office's work. A single item has one task in its department; a
 * joint-review item one per department (the lead's marked); a bundle child one in its item's department.
 */
export const reviewTasks = pgTable(
  'application_review_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    isLead: boolean('is_lead').notNull().default(false),
    /** waiting: an earlier bundle stage is not done yet */
    state: text('state', { enum: ['waiting', 'open', 'taken', 'approved', 'rejected', 'closed'] }).notNull(),
    assigneeId: uuid('assignee_id').references(() => staff.id),
    assigneeName: text('assignee_name').notNull().default(''),
    opinion: text('opinion').notNull().default(''),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('application_review_tasks_department').on(t.applicationId, t.departmentId),
    check('application_review_tasks_state', sql`${t.state} in ('waiting','open','taken','approved','rejected','closed')`),
    index('application_review_tasks_department_state').on(t.departmentId, t.state),
    index('application_review_tasks_assignee').on(t.assigneeId, t.state),
  ],
);

/** 特别程序: expert review, hearing or inspection; the promised clock stands still meanwhile. */
export const specialProcedures = pgTable(
  'application_special_procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', { enum: ['expert_review', 'hearing', 'inspection'] }).notNull(),
    reason: text('reason').notNull(),
    maxDays: integer('max_days').notNull(),
    startedOn: date('started_on').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    startedByName: text('started_by_name').notNull(),
    endedOn: date('ended_on'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByName: text('ended_by_name'),
    outcome: text('outcome').notNull().default(''),
    pausedDays: integer('paused_days'),
  },
  (t) => [
    check('application_special_procedures_kind', sql`${t.kind} in ('expert_review','hearing','inspection')`),
    check('application_special_procedures_max', sql`${t.maxDays} between 1 and 120`),
    uniqueIndex('application_special_procedures_one_open').on(t.applicationId).where(sql`${t.endedOn} is null`),
  ],
);

/** A.4: after a decision on a commitment, someone checks the promise by a due date. */
export const commitmentVerifications = pgTable(
  'application_commitment_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    dueDate: date('due_date').notNull(),
    state: text('state', { enum: ['pending', 'confirmed', 'false'] }).notNull().default('pending'),
    isOverdue: boolean('is_overdue').notNull().default(false),
    verifiedByName: text('verified_by_name'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
  },
  (t) => [
    check('application_commitment_verifications_state', sql`${t.state} in ('pending','confirmed','false')`),
    index('application_commitment_verifications_due').on(t.state, t.dueDate),
  ],
);

/** 综合发证: how the result reaches the applicant — at the counter with a pickup code, by mail, or electronically. */
export const deliveries = pgTable(
  'application_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    method: text('method', { enum: ['counter', 'mail', 'electronic'] }).notNull(),
    pickupCode: varchar('pickup_code', { length: 6 }),
    address: text('address').notNull().default(''),
    recipientName: text('recipient_name').notNull().default(''),
    recipientPhoneCipher: text('recipient_phone_cipher'),
    recipientPhoneMasked: varchar('recipient_phone_masked', { length: 20 }),
    carrier: text('carrier').notNull().default(''),
    trackingNumber: text('tracking_number').notNull().default(''),
    state: text('state', { enum: ['awaiting_pickup', 'mailed', 'delivered'] }).notNull(),
    handledByName: text('handled_by_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    check('application_deliveries_method', sql`${t.method} in ('counter','mail','electronic')`),
    check('application_deliveries_state', sql`${t.state} in ('awaiting_pickup','mailed','delivered')`),
    check('application_deliveries_mail', sql`${t.method} <> 'mail' or ${t.state} = 'awaiting_pickup' or (${t.carrier} <> '' and ${t.trackingNumber} <> '')`),
  ],
);
