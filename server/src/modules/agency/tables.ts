import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { applications } from '../applications/tables.ts';
import { catalogItems } from '../catalog/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { tickets } from '../queue/tables.ts';
import { departments, staff } from '../staff/tables.ts';
import { centers } from '../venue/tables.ts';

/**
 * Clause 6.2.1 帮办代办: the published high-frequency list, agency requests with their agreement
 * (委托代办协议), the materials handed over, the agent's activities and the follow-up visit (回访),
 * and key projects (重点项目) with their milestones and team.
 */

/** 帮办代办高频服务清单: a published catalog item, what the agent does and what the enterprise keeps doing. */
export const agencyItems = pgTable(
  'agency_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogItems.id),
    agentDoes: text('agent_does').notNull(),
    enterpriseDoes: text('enterprise_does').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('agency_items_center_item').on(t.centerId, t.itemId)],
);

export const AGENCY_STATES = ['requested', 'accepted', 'signed', 'in_progress', 'done', 'confirmed', 'followed_up', 'declined', 'withdrawn'] as const;
export const AGENCY_CHANNELS = ['portal', 'phone', 'counter', 'visit'] as const;

export const agencyRequests = pgTable(
  'agency_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    /** 代办编号, e.g. DB-2026-000012 */
    number: text('number').notNull().unique(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    itemId: uuid('item_id').references(() => catalogItems.id),
    itemName: text('item_name').notNull().default(''),
    matter: text('matter').notNull().default(''),
    channel: text('channel', { enum: AGENCY_CHANNELS }).notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    contactName: text('contact_name').notNull().default(''),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    phoneCipher: text('phone_cipher'),
    phoneHash: varchar('phone_hash', { length: 64 }),
    state: text('state', { enum: AGENCY_STATES }).notNull().default('requested'),
    agentId: uuid('agent_id').references(() => staff.id),
    agentName: text('agent_name').notNull().default(''),
    /** the key project (重点项目) the request serves, if any */
    projectId: uuid('project_id').references(() => agencyProjects.id),
    recordedBy: text('recorded_by').notNull().default(''),
    /** the agreement: scope, who signed for the enterprise (ID encrypted and masked), when; its PDF once rendered */
    agreementNumber: text('agreement_number'),
    agreementScope: text('agreement_scope').notNull().default(''),
    signerName: text('signer_name').notNull().default(''),
    signerIdCipher: text('signer_id_cipher'),
    signerIdMasked: varchar('signer_id_masked', { length: 30 }),
    signedOn: date('signed_on'),
    agreementFileId: uuid('agreement_file_id'),
    reason: text('reason').notNull().default(''),
    result: text('result').notNull().default(''),
    requestedOn: date('requested_on').notNull(),
    doneOn: date('done_on'),
    /** working days from the request to done */
    daysTaken: integer('days_taken'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmationNote: text('confirmation_note').notNull().default(''),
    followUpDue: date('follow_up_due'),
    followedUpOn: date('followed_up_on'),
    followUpNote: text('follow_up_note').notNull().default(''),
    /** 1 (very dissatisfied) … 5 (very satisfied), from the follow-up */
    satisfaction: integer('satisfaction'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('agency_requests_state', sql`${t.state} in ('requested','accepted','signed','in_progress','done','confirmed','followed_up','declined','withdrawn')`),
    check('agency_requests_channel', sql`${t.channel} in ('portal','phone','counter','visit')`),
    check('agency_requests_satisfaction', sql`${t.satisfaction} is null or ${t.satisfaction} between 1 and 5`),
    index('agency_requests_center_state').on(t.centerId, t.state),
    index('agency_requests_enterprise').on(t.enterpriseId),
  ],
);

/** A material handed over for agency: received once, returned once. */
export const agencyMaterials = pgTable(
  'agency_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => agencyRequests.id),
    name: text('name').notNull(),
    copies: integer('copies').notNull().default(1),
    isOriginal: boolean('is_original').notNull().default(false),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedBy: text('received_by').notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedBy: text('returned_by').notNull().default(''),
  },
  (t) => [index('agency_materials_request').on(t.requestId), check('agency_materials_copies', sql`${t.copies} between 1 and 99`)],
);

/** The timeline: each state change and each activity (visit, talk, phone, coordination, application filed). */
export const agencyEvents = pgTable(
  'agency_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => agencyRequests.id),
    action: text('action').notNull(),
    /** for action 'activity': visit, talk, phone, coordination, application */
    activityKind: text('activity_kind'),
    departmentId: uuid('department_id').references(() => departments.id),
    applicationId: uuid('application_id').references(() => applications.id),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('agency_events_request').on(t.requestId, t.at)],
);

/** 重点项目: a project served by a team of agents, the items it needs and its milestones. */
export const agencyProjects = pgTable(
  'agency_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    enterpriseName: text('enterprise_name').notNull(),
    description: text('description').notNull().default(''),
    /** the catalog items the project needs: [{ itemId, name }] */
    items: jsonb('items').$type<{ itemId: string; name: string }[]>().notNull().default([]),
    /** the agent team: [{ staffId, name, isLead }] */
    team: jsonb('team').$type<{ staffId: string; name: string; isLead: boolean }[]>().notNull().default([]),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('agency_projects_center_name').on(t.centerId, t.name)],
);

export const agencyMilestones = pgTable(
  'agency_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => agencyProjects.id),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    doneBy: text('done_by').notNull().default(''),
  },
  (t) => [index('agency_milestones_project').on(t.projectId)],
);

/** Per center: the working days within which a finished request is followed up (default 3). */
export const agencySettings = pgTable(
  'agency_settings',
  {
    centerId: uuid('center_id')
      .primaryKey()
      .references(() => centers.id),
    followUpDays: integer('follow_up_days').notNull().default(3),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('agency_settings_days', sql`${t.followUpDays} between 1 and 30`)],
);

/** The last request number of a center's year (one upsert per request, so two never share one). */
export const agencyNumbers = pgTable(
  'agency_numbers',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [unique('agency_numbers_center_year').on(t.centerId, t.year)],
);
