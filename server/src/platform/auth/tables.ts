import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

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
 * Login tries per login name, whether or not an account has that name, so that the delay and
 * its message never reveal which names exist. A try is counted before its password is checked
 * (`reserveLoginAttempt`) and a success deletes the row, so `failures` is the number of tries
 * since the last success; `locked_until` is the time before which no password of the name is
 * checked (the progressive delay), `last_failure_at` the time of the latest try. A staff member's
 * second-factor codes at login are counted the same way under `totp:<staff id>`.
 */
export const loginThrottle = pgTable('login_throttle', {
  loginName: varchar('login_name', { length: 128 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
});

/**
 * A staff member's TOTP second factor (RFC 6238). The secret is stored SM4-encrypted
 * (`encryptField`, field `totp_secret`), never in clear; `confirmed_at` is null while the
 * enrolment waits for its first code. `last_step` is the 30-second step of the last code
 * accepted: a code of that step or an earlier one is refused (no replay).
 */
export const staffTotp = pgTable('staff_totp', {
  staffId: uuid('staff_id').primaryKey(),
  secretCipher: text('secret_cipher').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The portal principal of an enterprise, keyed by its unified social credit code. */
export const enterpriseAccounts = pgTable('enterprise_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  uscc: varchar('uscc', { length: 18 }).notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
