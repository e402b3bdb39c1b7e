import { boolean, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    principalType: text('principal_type', { enum: ['staff', 'enterprise'] }).notNull(),
    principalId: uuid('principal_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    clientIp: text('client_ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_principal').on(t.principalType, t.principalId)],
);

/**
 * Failed logins per login name, whether or not an account has that name, so that the
 * lock and its message never reveal which names exist.
 */
export const loginThrottle = pgTable('login_throttle', {
  loginName: varchar('login_name', { length: 128 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
});

/** The portal principal of an enterprise, keyed by its unified social credit code. */
export const enterpriseAccounts = pgTable('enterprise_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  uscc: varchar('uscc', { length: 18 }).notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  contactPhone: text('contact_phone').notNull().default(''),
  isActive: boolean('is_active').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
