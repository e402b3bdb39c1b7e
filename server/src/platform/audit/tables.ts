import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Longest texts an audit row keeps (chain.ts cuts to these before the row is sealed). */
export const AUDIT_LIMITS = {
  action: 100,
  actorName: 200,
  roles: 300,
  objectType: 50,
  objectId: 100,
  requestId: 64,
  correlationId: 64,
  clientIp: 64,
  /** characters of the detail's JSON text */
  detail: 4000,
} as const;

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, and the
 * application's database role may only INSERT and SELECT (migration 0017).
 *
 * Tamper-evident: every row is sealed with an HMAC-SM3 (`mac`, key AUDIT_KEY outside the
 * database) over its content and the MAC of the row before it in its chain. A chain is one
 * business day × one of a few partitions (`chain_part`), so concurrent writers rarely wait on
 * each other; `chain_seq` counts 1, 2, 3… within the chain. Rows written before the chain
 * existed have no seal.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type', { enum: ['staff', 'enterprise', 'anonymous', 'system'] }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    roles: text('roles').notNull().default(''),
    action: text('action').notNull(),
    objectType: text('object_type').notNull().default(''),
    objectId: text('object_id').notNull().default(''),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    status: integer('status').notNull(),
    detail: jsonb('detail'),
    /** the server's own id of the request (unique) */
    requestId: text('request_id').notNull().default(''),
    /** the `x-request-id` the client sent, kept only to correlate with its own logs */
    correlationId: text('correlation_id').notNull().default(''),
    clientIp: text('client_ip').notNull().default(''),
    /** the center the action was taken in, when there is one */
    centerId: text('center_id'),
    chainDay: date('chain_day', { mode: 'string' }),
    chainPart: smallint('chain_part'),
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevMac: text('prev_mac'),
    mac: text('mac'),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_object').on(t.objectType, t.objectId),
    index('audit_log_actor').on(t.actorId),
    uniqueIndex('audit_log_chain').on(t.chainDay, t.chainPart, t.chainSeq),
    check('audit_log_action_bounded', sql`char_length(${t.action}) <= 100`),
    check('audit_log_detail_bounded', sql`octet_length(${t.detail}::text) <= 16384`),
  ],
);

/**
 * The day's anchor: once a business day is over, the last MAC of each of its chains, sealed
 * together. Also written to the application log, and exportable (`banshi audit anchors`), so a
 * copy outside the database shows whether rows were later removed from the end of a day.
 */
export const auditAnchors = pgTable('audit_anchors', {
  day: date('day', { mode: 'string' }).primaryKey(),
  /** [[part, last seq, last MAC], …] ordered by part */
  chains: jsonb('chains').notNull(),
  rows: integer('rows').notNull(),
  anchor: text('anchor').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
