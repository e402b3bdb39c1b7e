import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/files/tables.ts';
import { centers, counters } from '../venue/tables.ts';
import { departments, staff } from '../staff/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { tickets } from '../queue/tables.ts';
import { catalogItems } from '../catalog/tables.ts';

/**
 * 诉求 (feedback cases, 5.1.4, 9.2, A.10): one record for every consultation, request for help,
 * suggestion, complaint, report and 办不成事 matter an enterprise or person brings, by any
 * channel, with the working-day limit its kind allows and its workflow (cases/workflow.ts).
 */
export const feedbackCases = pgTable(
  'feedback_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** SQ + business date + sequence of the day, e.g. SQ20261206-0003 */
    number: varchar('number', { length: 24 }).notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    state: text('state').notNull().default('received'),
    /** the submitter: an enterprise (credit code) or a person; the phone is personal data */
    uscc: varchar('uscc', { length: 18 }),
    enterpriseName: text('enterprise_name').notNull().default(''),
    personName: text('person_name').notNull().default(''),
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    phoneHash: text('phone_hash'),
    /** identity and contact shown only to complaint handlers (A.10) */
    isConfidential: boolean('is_confidential').notNull().default(false),
    /** complaints: a = staff conduct, efficiency, behaviour (the center); b = policy and its execution (the department answers) */
    complaintScope: varchar('complaint_scope', { length: 1 }),
    /** 办不成事: why it could not be done */
    cause: text('cause'),
    /** the subject, whichever applies */
    departmentId: uuid('department_id').references(() => departments.id),
    counterId: uuid('counter_id').references(() => counters.id),
    staffId: uuid('staff_id').references(() => staff.id),
    itemName: text('item_name').notNull().default(''),
    applicationNumber: varchar('application_number', { length: 40 }).notNull().default(''),
    ticketNumber: varchar('ticket_number', { length: 20 }).notNull().default(''),
    content: text('content').notNull(),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    handlerId: uuid('handler_id').references(() => staff.id),
    /** staff who recorded it (null: filed by the submitter on the portal or kiosk) */
    recordedBy: uuid('recorded_by').references(() => staff.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    reply: text('reply').notNull().default(''),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    /** the first reply's time: the response rate counts it (a re-opened case keeps its first answer) */
    firstRepliedAt: timestamp('first_replied_at', { withTimezone: true }),
    repliedBy: uuid('replied_by').references(() => staff.id),
    /** the submitter's satisfaction with the latest reply: satisfied / basically / dissatisfied */
    satisfaction: text('satisfaction'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    reopenCount: smallint('reopen_count').notNull().default(0),
    /** referral of misconduct to the discipline body (A.10) */
    referralBody: text('referral_body'),
    referralNumber: text('referral_number'),
    referredAt: timestamp('referred_at', { withTimezone: true }),
    /** 办不成事: solved (the enterprise confirmed, or a recorded reason) or explained in writing */
    outcome: text('outcome'),
    outcomeNote: text('outcome_note').notNull().default(''),
    isConfirmedByEnterprise: boolean('is_confirmed_by_enterprise').notNull().default(false),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    overdueAlertedAt: timestamp('overdue_alerted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('feedback_cases_number').on(t.centerId, t.number),
    index('feedback_cases_center_received').on(t.centerId, t.receivedAt),
    index('feedback_cases_department').on(t.departmentId, t.receivedAt),
    index('feedback_cases_phone').on(t.phoneHash),
    check('feedback_cases_kind', sql`${t.kind} in ('consultation','help','suggestion','complaint','report','unresolved')`),
    check('feedback_cases_state', sql`${t.state} in ('received','assigned','replied','closed','archived')`),
    check('feedback_cases_scope', sql`${t.complaintScope} is null or ${t.complaintScope} in ('a','b')`),
    check('feedback_cases_satisfaction', sql`${t.satisfaction} is null or ${t.satisfaction} in ('satisfied','basically','dissatisfied')`),
    check('feedback_cases_reopen_once', sql`${t.reopenCount} between 0 and 1`),
  ],
);

/** The sequence of case numbers per center and business day (numbers never repeat under load). */
export const feedbackNumbers = pgTable(
  'feedback_numbers',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.day] })],
);

/** Every step of a case, for its timeline. */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => feedbackCases.id),
    action: text('action').notNull(),
    /** staff name, or 诉求人 / 系统; never the confidential submitter's name */
    actorName: text('actor_name').notNull(),
    actorId: uuid('actor_id'),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_events_case').on(t.caseId, t.at)],
);

/** The working days each kind allows, per center (defaults from FACTS §7 when a kind has no row). */
export const feedbackDueDays = pgTable(
  'feedback_due_days',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    kind: text('kind').notNull(),
    workingDays: smallint('working_days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.kind] }), check('feedback_due_days_range', sql`${t.workingDays} between 1 and 60`)],
);

/** 办不成事 (9.2): coordination tasks sent to departments, each with its deadline and answer. */
export const feedbackTasks = pgTable(
  'feedback_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => feedbackCases.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    request: text('request').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    answer: text('answer').notNull().default(''),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_tasks_case').on(t.caseId), index('feedback_tasks_department').on(t.departmentId, t.answeredAt)],
);

/**
 * 改进 (9.4): an improvement from any source, with its owner and deadline, submitted as done by
 * the owner and re-checked (复查) by someone else, who passes it or sends it back.
 */
export const improvements = pgTable(
  'improvements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    sourceType: text('source_type').notNull(),
    /** the feedback case it comes from, when it does */
    caseId: uuid('case_id').references(() => feedbackCases.id),
    /** the experience officer's finding it follows (9.3), when it does */
    findingId: uuid('finding_id').references((): AnyPgColumn => experienceFindings.id),
    /** what the source was, in words a reader of the public page may see (no personal data) */
    sourceNote: text('source_note').notNull().default(''),
    target: text('target').notNull(),
    measures: text('measures').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => staff.id),
    departmentId: uuid('department_id').references(() => departments.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('open'),
    result: text('result').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    passedAt: timestamp('passed_at', { withTimezone: true }),
    sentBackCount: smallint('sent_back_count').notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('improvements_center').on(t.centerId, t.createdAt),
    uniqueIndex('improvements_finding').on(t.findingId),
    check('improvements_state', sql`${t.state} in ('open','submitted','passed')`),
    check('improvements_source', sql`${t.sourceType} in ('complaint','feedback','unresolved','experience_officer','survey','evaluation','inspection','self_evaluation','third_party')`),
  ],
);

/** Each re-check of an improvement (复查): by whom, the outcome and why. */
export const improvementRechecks = pgTable(
  'improvement_rechecks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    improvementId: uuid('improvement_id')
      .notNull()
      .references(() => improvements.id),
    outcome: text('outcome', { enum: ['passed', 'sent_back'] }).notNull(),
    note: text('note').notNull(),
    checkedBy: uuid('checked_by')
      .notNull()
      .references(() => staff.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('improvement_rechecks_improvement').on(t.improvementId)],
);

/**
 * 首问、首办 (A.1, A.2): every inquiry a staff member was asked first — at the guidance desk or
 * anywhere else, on site, by phone or online — with its first responder and how it ended: answered
 * (on the spot or later, within the limit), transferred to a department or colleague who receives
 * it, directed to a counter with a ticket, or outside the center's remit. `outcome` is where the
 * inquiry stands (inquiries/workflow.ts).
 */
export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    businessDate: date('business_date').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    firstResponderId: uuid('first_responder_id')
      .notNull()
      .references(() => staff.id),
    /** A.1.2: asked in person, by telephone, or online */
    mode: text('mode', { enum: ['in_person', 'phone', 'online'] }).notNull(),
    /** consult: an inquiry (首问, A.1); apply: someone who came to apply (首办, A.2) */
    purpose: text('purpose', { enum: ['consult', 'apply'] }).notNull().default('consult'),
    subject: text('subject').notNull(),
    theme: text('theme'),
    itemId: uuid('item_id'),
    /** who asked: an enterprise (credit code, name) or a person; the phone is personal data */
    uscc: varchar('uscc', { length: 18 }),
    enterpriseName: text('enterprise_name').notNull().default(''),
    personName: text('person_name').notNull().default(''),
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    phoneHash: text('phone_hash'),
    outcome: text('outcome', { enum: ['answered', 'pending', 'transferred', 'directed', 'outside_center'] }).notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    note: text('note').notNull().default(''),
    /** the answer given, on the spot or later */
    reply: text('reply').notNull().default(''),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: uuid('replied_by').references(() => staff.id),
    /** not answered on the spot: the answer is due by the end of this business date */
    replyDueOn: date('reply_due_on', { mode: 'string' }),
    /** transferred (A.1.3, A.2.3): to a department, or a colleague, who receives it by transfer_due_on */
    transferDepartmentId: uuid('transfer_department_id').references(() => departments.id),
    transferStaffId: uuid('transfer_staff_id').references(() => staff.id),
    transferDueOn: date('transfer_due_on', { mode: 'string' }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by').references(() => staff.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('inquiries_center_day').on(t.centerId, t.businessDate),
    index('inquiries_first_responder').on(t.firstResponderId, t.askedAt),
    index('inquiries_open').on(t.centerId, t.outcome),
    check('inquiries_mode', sql`${t.mode} in ('in_person','phone','online')`),
    check('inquiries_purpose', sql`${t.purpose} in ('consult','apply')`),
    check('inquiries_outcome', sql`${t.outcome} in ('answered','pending','transferred','directed','outside_center')`),
    check('inquiries_ticket_when_directed', sql`${t.ticketId} is null or ${t.outcome} = 'directed'`),
    check('inquiries_transfer_has_target', sql`${t.transferDueOn} is null or ${t.transferDepartmentId} is not null or ${t.transferStaffId} is not null`),
  ],
);

/**
 * A.1.4, A.2.4: an inquiry not answered within its limit, or a transfer nobody received within
 * its limit, flagged once (unique per inquiry and kind) to the responsible staff member's manager
 * — their department's chief officer, else the center manager — who records how it was dealt with.
 */
export const inquiryViolations = pgTable(
  'inquiry_violations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id),
    kind: text('kind', { enum: ['unanswered', 'not_received'] }).notNull(),
    /** the staff member responsible, and their department then */
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    departmentId: uuid('department_id').references(() => departments.id),
    /** whom it was flagged to (null: the center has no manager on record) */
    managerId: uuid('manager_id').references(() => staff.id),
    /** the limit that passed */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull().defaultNow(),
    /** A.1.4: after checking — a talk, a notice of criticism, a change of post — or unfounded */
    handling: text('handling', { enum: ['talk', 'criticism', 'reassignment', 'unfounded'] }),
    handlingNote: text('handling_note').notNull().default(''),
    handledBy: uuid('handled_by').references(() => staff.id),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('inquiry_violations_once').on(t.inquiryId, t.kind),
    index('inquiry_violations_center').on(t.centerId, t.flaggedAt),
    index('inquiry_violations_staff').on(t.staffId),
    index('inquiry_violations_manager').on(t.managerId),
    check('inquiry_violations_kind', sql`${t.kind} in ('unanswered','not_received')`),
    check('inquiry_violations_handling', sql`${t.handling} is null or ${t.handling} in ('talk','criticism','reassignment','unfounded')`),
  ],
);

/**
 * 体验员 (9.3): representatives of enterprises, chambers of commerce and research institutes the
 * center invites, for a term, to try its services in depth. The phone is personal data.
 */
export const experienceOfficers = pgTable(
  'experience_officers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    name: text('name').notNull(),
    organisation: text('organisation').notNull(),
    kind: text('kind', { enum: ['enterprise', 'chamber', 'research', 'other'] }).notNull(),
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    phoneHash: text('phone_hash'),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('experience_officers_center').on(t.centerId),
    check('experience_officers_kind', sql`${t.kind} in ('enterprise','chamber','research','other')`),
    check('experience_officers_term', sql`${t.termEnd} >= ${t.termStart}`),
  ],
);

/** An experience task: one item of the catalog, tried by one officer through one channel on a date. */
export const experienceTasks = pgTable(
  'experience_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => experienceOfficers.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogItems.id),
    /** the item's name and department when the task was scheduled */
    itemName: text('item_name').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    channel: text('channel', { enum: ['counter', 'portal', 'phone'] }).notNull(),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    /** what to try, what to look at */
    brief: text('brief').notNull().default(''),
    state: text('state', { enum: ['scheduled', 'reported', 'cancelled'] }).notNull().default('scheduled'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('experience_tasks_center').on(t.centerId, t.scheduledOn),
    index('experience_tasks_officer').on(t.officerId),
    check('experience_tasks_channel', sql`${t.channel} in ('counter','portal','phone')`),
    check('experience_tasks_state', sql`${t.state} in ('scheduled','reported','cancelled')`),
  ],
);

/** The officer's report of a task (one per task), entered by staff on their behalf. */
export const experienceReports = pgTable(
  'experience_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => experienceTasks.id),
    experiencedOn: date('experienced_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    /** the officer's overall impression */
    satisfaction: text('satisfaction', { enum: ['satisfied', 'basically', 'dissatisfied'] }),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => staff.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('experience_reports_task').on(t.taskId), check('experience_reports_satisfaction', sql`${t.satisfaction} is null or ${t.satisfaction} in ('satisfied','basically','dissatisfied')`)],
);

/**
 * A finding of a report, followed until it is closed: by a written answer, or by an improvement
 * (improvements.finding_id, source experience_officer) that is then re-checked like any other.
 */
export const experienceFindings = pgTable(
  'experience_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => experienceReports.id),
    ordinal: smallint('ordinal').notNull(),
    category: text('category', { enum: ['guide', 'materials', 'process', 'efficiency', 'attitude', 'system', 'facility', 'other'] }).notNull(),
    description: text('description').notNull(),
    suggestion: text('suggestion').notNull().default(''),
    state: text('state', { enum: ['open', 'answered', 'improvement'] }).notNull().default('open'),
    reply: text('reply').notNull().default(''),
    repliedBy: uuid('replied_by').references(() => staff.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('experience_findings_ordinal').on(t.reportId, t.ordinal),
    index('experience_findings_center').on(t.centerId, t.state),
    check('experience_findings_category', sql`${t.category} in ('guide','materials','process','efficiency','attitude','system','facility','other')`),
    check('experience_findings_state', sql`${t.state} in ('open','answered','improvement')`),
    check('experience_findings_closed', sql`(${t.state} = 'open') = (${t.closedAt} is null)`),
  ],
);

/**
 * 企业满意度调查 (9.1.1): a simple questionnaire, edited as a draft, then open for answers through
 * the one-use links sent to chosen enterprises, then closed (surveys/workflow.ts).
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    state: text('state').notNull().default('draft'),
    /** the last business day answers are taken; the links expire at its end (Asia/Shanghai) */
    closesOn: date('closes_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('surveys_center').on(t.centerId, t.createdAt), check('surveys_state', sql`${t.state} in ('draft','open','closed')`)],
);

/** The questions of a survey, in order; frozen once the survey is open (answers refer to option positions). */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    kind: text('kind').notNull(),
    prompt: text('prompt').notNull(),
    isRequired: boolean('is_required').notNull().default(true),
    /** the choices of a single or multiple choice question */
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('survey_questions_position').on(t.surveyId, t.position), check('survey_questions_kind', sql`${t.kind} in ('single','multiple','scale','text')`)],
);

/**
 * An enterprise a survey was sent to (by SMS, queued in the same transaction: only enterprises
 * with a contact phone are recorded), with its link: only the SHA-256 of the signed token is
 * kept. `answered_at` marks the link used (set once, in the answer's transaction).
 */
export const surveyRecipients = pgTable(
  'survey_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('survey_recipients_enterprise').on(t.surveyId, t.enterpriseId), uniqueIndex('survey_recipients_token').on(t.tokenHash)],
);

/** One enterprise's answers to a survey: { questionId: option index | option indexes | 1–5 | text }. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => surveyRecipients.id),
    answers: jsonb('answers').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_responses_recipient').on(t.recipientId), index('survey_responses_survey').on(t.surveyId, t.submittedAt)],
);

/**
 * 自我评价 and 第三方评估 (9.1.1): a report of the center's own evaluation or of an outside
 * evaluator's, with its period, summary, the report file (platform file store) and findings.
 */
export const assessmentReports = pgTable(
  'assessment_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** the third party that evaluated (empty for a self-evaluation) */
    evaluatorOrg: text('evaluator_org').notNull().default(''),
    summary: text('summary').notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('assessment_reports_center').on(t.centerId, t.periodTo),
    check('assessment_reports_kind', sql`${t.kind} in ('self','third_party')`),
    check('assessment_reports_period', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('assessment_reports_evaluator', sql`${t.kind} = 'self' or ${t.evaluatorOrg} <> ''`),
  ],
);

/** A finding of a report; it may raise one improvement (9.4). */
export const assessmentFindings = pgTable(
  'assessment_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => assessmentReports.id),
    position: smallint('position').notNull(),
    problem: text('problem').notNull(),
    recommendation: text('recommendation').notNull().default(''),
    improvementId: uuid('improvement_id').references(() => improvements.id),
  },
  (t) => [uniqueIndex('assessment_findings_position').on(t.reportId, t.position), uniqueIndex('assessment_findings_improvement').on(t.improvementId)],
);
