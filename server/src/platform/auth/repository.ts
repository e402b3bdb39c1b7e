import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { enterpriseAccounts, loginThrottle, sessions } from './tables.ts';

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

export async function readThrottle(db: DbOrTx, loginName: string) {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.loginName, loginName));
  return row;
}

/** Counts one failure atomically; returns whether the name is now locked. */
export async function recordLoginFailure(
  db: DbOrTx,
  input: { loginName: string; maxFailures: number; lockMinutes: number },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const interval = `${input.lockMinutes} minutes`;
  const result = await db.execute<{ failures: number; locked_until: Date | string | null }>(sql`
    insert into login_throttle (login_name, failures, locked_until, last_failure_at)
    values (${input.loginName}, 1, case when 1 >= ${input.maxFailures} then now() + ${interval}::interval end, now())
    on conflict (login_name) do update set
      failures = case when login_throttle.locked_until is not null and login_throttle.locked_until <= now()
                      then 1 else login_throttle.failures + 1 end,
      locked_until = case
        when login_throttle.locked_until > now() then login_throttle.locked_until
        when (case when login_throttle.locked_until is not null and login_throttle.locked_until <= now()
                   then 1 else login_throttle.failures + 1 end) >= ${input.maxFailures}
          then now() + ${interval}::interval
        else null end,
      last_failure_at = now()
    returning failures, locked_until`);
  const row = (result as unknown as { rows: { failures: number; locked_until: Date | string | null }[] }).rows[0]!;
  return { failures: row.failures, lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
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
