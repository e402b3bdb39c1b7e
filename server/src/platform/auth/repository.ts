import { and, eq, gt, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { enterpriseAccounts, loginThrottle, sessions, staffTotp } from './tables.ts';

/** Auth owns enterprise accounts, sessions and the login throttle; staff accounts come through `staff-accounts.ts`. */

export async function findEnterpriseLogin(db: DbOrTx, uscc: string) {
  const [row] = await db
    .select({ id: enterpriseAccounts.id, passwordHash: enterpriseAccounts.passwordHash, isActive: enterpriseAccounts.isActive })
    .from(enterpriseAccounts)
    .where(eq(enterpriseAccounts.uscc, uscc));
  return row;
}

export async function loadEnterpriseAccount(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: enterpriseAccounts.id, uscc: enterpriseAccounts.uscc, name: enterpriseAccounts.name, isActive: enterpriseAccounts.isActive })
    .from(enterpriseAccounts)
    .where(eq(enterpriseAccounts.id, id));
  return row;
}

export async function lockedLoginNames(db: DbOrTx, loginNames: string[]): Promise<Set<string>> {
  if (loginNames.length === 0) return new Set();
  const rows = await db
    .select({ loginName: loginThrottle.loginName })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.loginName, loginNames), gt(loginThrottle.lockedUntil, sql`now()`)));
  return new Set(rows.map((r) => r.loginName));
}

/** A name's counted tries start over when its latest try is older than this. */
const FAILURES_FORGOTTEN_AFTER = '24 hours';

export type LoginAttempt =
  | { isReserved: true; failures: number }
  | { isReserved: false; retryAt: Date };

/**
 * Counts one try of a login name before its password is checked, in one statement, unless the
 * name's delay is running. From the `maxFailures`-th try on, each try starts a delay before the
 * next one: 1, 2, 4 … minutes, at most `lockMinutes` (a success deletes the row, so the delay of
 * a try that succeeds never applies). Inside the request's transaction the upsert's row lock
 * makes concurrent tries of one name wait for each other, so a burst gets exactly as many
 * password checks as it has tries left — on PGlite and on PostgreSQL alike.
 */
export async function reserveLoginAttempt(
  db: DbOrTx,
  input: { loginName: string; maxFailures: number; lockMinutes: number },
): Promise<LoginAttempt> {
  const next = sql`case when login_throttle.last_failure_at < now() - ${FAILURES_FORGOTTEN_AFTER}::interval then 1 else login_throttle.failures + 1 end`;
  const result = (await db.execute(sql`
    insert into login_throttle (login_name, failures, locked_until, last_failure_at)
    values (${input.loginName}, 1, ${delayAfter(sql`1`, input)}, now())
    on conflict (login_name) do update set
      failures = ${next},
      locked_until = ${delayAfter(next, input)},
      last_failure_at = now()
    where login_throttle.locked_until is null or login_throttle.locked_until <= now()
    returning failures`)) as unknown as { rows: { failures: number }[] };
  const row = result.rows[0];
  if (row) return { isReserved: true, failures: Number(row.failures) };
  const [current] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.loginName, input.loginName));
  return { isReserved: false, retryAt: current?.lockedUntil ?? new Date(Date.now() + 1000) };
}

/**
 * Counts a try made while the name's delay was running (a right second factor let its password
 * be checked, and the password was wrong): the delay grows from now as if the try had waited.
 */
export async function recordDelayedFailure(
  db: DbOrTx,
  input: { loginName: string; maxFailures: number; lockMinutes: number },
): Promise<void> {
  const next = sql`login_throttle.failures + 1`;
  await db.execute(sql`
    update login_throttle set failures = ${next}, locked_until = ${delayAfter(next, input)}, last_failure_at = now()
    where login_name = ${input.loginName}`);
}

/** The end of the delay after the `failures`-th try: none before `maxFailures`, then 1, 2, 4 … minutes up to `lockMinutes`. */
function delayAfter(failures: SQL, input: { maxFailures: number; lockMinutes: number }): SQL {
  return sql`case when ${failures} >= ${input.maxFailures}
    then now() + make_interval(mins => least(${input.lockMinutes}::int, power(2, least(${failures} - ${input.maxFailures}, 20))::int)) end`;
}

export async function clearLoginFailures(db: DbOrTx, loginName: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.loginName, loginName));
}

export async function unlockLoginName(db: DbOrTx, loginName: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.loginName, loginName));
}

export async function insertSession(
  db: DbOrTx,
  row: { tokenHash: string; principalType: 'staff' | 'enterprise'; principalId: string; clientIp: string; userAgent: string },
) {
  await db.insert(sessions).values(row);
}

export async function findSession(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: DbOrTx, tokenHash: string) {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of an account, except the one whose token hash is given. */
export async function deleteSessionsOf(db: DbOrTx, principalType: 'staff' | 'enterprise', principalId: string, exceptTokenHash?: string) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.principalType, principalType), eq(sessions.principalId, principalId), exceptTokenHash ? ne(sessions.tokenHash, exceptTokenHash) : undefined));
}

export async function insertEnterpriseAccount(
  db: DbOrTx,
  row: { uscc: string; name: string; passwordHash: string; contactPhone: string; isDemo: boolean },
) {
  const [created] = await db.insert(enterpriseAccounts).values(row).onConflictDoNothing().returning({ id: enterpriseAccounts.id });
  return created;
}

export async function setDemoEnterprisesActive(db: DbOrTx, isActive: boolean) {
  await db.update(enterpriseAccounts).set({ isActive }).where(eq(enterpriseAccounts.isDemo, true));
}

export async function findStaffTotp(db: DbOrTx, staffId: string) {
  const [row] = await db
    .select({ secretCipher: staffTotp.secretCipher, confirmedAt: staffTotp.confirmedAt, lastStep: staffTotp.lastStep })
    .from(staffTotp)
    .where(eq(staffTotp.staffId, staffId));
  return row;
}

/** Which of these staff members have a confirmed second factor. */
export async function staffWithTotp(db: DbOrTx, staffIds: string[]): Promise<Set<string>> {
  if (staffIds.length === 0) return new Set();
  const rows = await db
    .select({ staffId: staffTotp.staffId })
    .from(staffTotp)
    .where(and(inArray(staffTotp.staffId, staffIds), isNotNull(staffTotp.confirmedAt)));
  return new Set(rows.map((r) => r.staffId));
}

/** Starts (or restarts) an enrolment; refuses (false) when a confirmed factor is in place. */
export async function putPendingTotp(db: DbOrTx, staffId: string, secretCipher: string): Promise<boolean> {
  const rows = await db
    .insert(staffTotp)
    .values({ staffId, secretCipher })
    .onConflictDoUpdate({
      target: staffTotp.staffId,
      set: { secretCipher, confirmedAt: null, lastStep: null, createdAt: sql`now()` },
      setWhere: sql`${staffTotp.confirmedAt} is null`,
    })
    .returning({ staffId: staffTotp.staffId });
  return rows.length > 0;
}

/**
 * Takes the 30-second step of a right code, once: false when that step (or a later one) was
 * already used. One statement, so two requests with the same code cannot both pass.
 */
export async function takeTotpStep(db: DbOrTx, staffId: string, step: number, confirm: boolean): Promise<boolean> {
  const rows = await db
    .update(staffTotp)
    .set(confirm ? { lastStep: step, confirmedAt: sql`now()` } : { lastStep: step })
    .where(
      and(
        eq(staffTotp.staffId, staffId),
        confirm ? sql`${staffTotp.confirmedAt} is null` : isNotNull(staffTotp.confirmedAt),
        sql`(${staffTotp.lastStep} is null or ${staffTotp.lastStep} < ${step})`,
      ),
    )
    .returning({ staffId: staffTotp.staffId });
  return rows.length > 0;
}

export async function deleteStaffTotp(db: DbOrTx, staffId: string): Promise<boolean> {
  const rows = await db.delete(staffTotp).where(eq(staffTotp.staffId, staffId)).returning({ staffId: staffTotp.staffId });
  return rows.length > 0;
}
