import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. */
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
    requestId: text('request_id').notNull().default(''),
    clientIp: text('client_ip').notNull().default(''),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_object').on(t.objectType, t.objectId), index('audit_log_actor').on(t.actorId)],
);
