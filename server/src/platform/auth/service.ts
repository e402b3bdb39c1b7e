import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { zhCN } from '../../locales/zh-CN.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import type { Principal } from './principal.ts';
import { isRole, permissionsOf } from './roles.ts';
import * as repo from './repository.ts';
import { staffAccounts } from './staff-accounts.ts';

export type AuthSettings = {
  idleMinutes: number;
  /** absolute lifetime of a session, from sign-in */
  maxHours: number;
  maxFailures: number;
  lockMinutes: number;
};

export type LoginInput =
  | { kind: 'staff'; username: string; password: string }
  | { kind: 'enterprise'; uscc: string; password: string };

export type LoginResult = { token: string; principal: Principal };

/**
 * Logs in a staff member or an enterprise. Every failure — unknown name, wrong password,
 * inactive account, locked name — gives the same error, so nobody learns which names exist.
 */
export async function login(
  db: Db,
  settings: AuthSettings,
  input: LoginInput,
  client: { ip: string; userAgent: string },
): Promise<LoginResult> {
  const loginName = input.kind === 'staff' ? `staff:${input.username.toLowerCase()}` : `enterprise:${input.uscc}`;
  const failed = new AppError('LOGIN_FAILED', zhCN.auth.loginFailed(settings.lockMinutes, settings.maxFailures));
  const throttle = await repo.readThrottle(db, loginName);
  const account =
    input.kind === 'staff' ? await staffAccounts().findLogin(db, input.username) : await repo.findEnterpriseLogin(db, input.uscc);
  const isPasswordRight = account
    ? await verifyPassword(account.passwordHash, input.password)
    : await burnPasswordCheck(input.password);
  const isLocked = !!throttle?.lockedUntil && throttle.lockedUntil.getTime() > Date.now();
  if (isLocked || !account || !account.isActive || !isPasswordRight) {
    if (!isLocked) await repo.recordLoginFailure(db, { loginName, ...settings });
    throw failed;
  }
  await repo.clearLoginFailures(db, loginName);
  const token = crypto.randomBytes(32).toString('base64url');
  await repo.insertSession(db, {
    tokenHash: hashToken(token),
    principalType: input.kind,
    principalId: account.id,
    clientIp: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  });
  const principal = await loadPrincipal(db, input.kind, account.id);
  if (!principal) throw failed;
  return { token, principal };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; principal: Principal };

/** Resolves a session token; an idle session is ended on the server, not just ignored. */
export async function resolveSession(db: Db, settings: AuthSettings, token: string): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const session = await repo.findSession(db, tokenHash);
  if (!session) return { state: 'none' };
  const idleMs = Date.now() - session.lastSeenAt.getTime();
  const ageMs = Date.now() - session.createdAt.getTime();
  if (idleMs > settings.idleMinutes * 60_000 || ageMs > settings.maxHours * 3_600_000) {
    await repo.deleteSession(db, tokenHash);
    return { state: 'expired' };
  }
  const principal = await loadPrincipal(db, session.principalType, session.principalId);
  if (!principal) {
    await repo.deleteSession(db, tokenHash);
    return { state: 'expired' };
  }
  // Refresh at most every 30 seconds: idle time needs no finer grain, and reads stay cheap.
  if (idleMs > 30_000) await repo.touchSession(db, tokenHash);
  return { state: 'active', principal };
}

export async function logout(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}

export async function changeOwnPassword(
  db: Db,
  staffId: string,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken: string,
): Promise<void> {
  const account = await staffAccounts().load(db, staffId);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', zhCN.auth.wrongCurrentPassword, [
      { field: 'currentPassword', message: zhCN.auth.wrongCurrentPassword },
    ]);
  }
  await staffAccounts().setOwnPassword(db, staffId, await hashPassword(input.newPassword));
  await repo.deleteSessionsOf(db, 'staff', staffId, hashToken(keepSessionToken));
}

/** Which of these staff usernames are locked out right now. */
export async function lockedStaffUsernames(db: Db, usernames: string[]): Promise<Set<string>> {
  const locked = await repo.lockedLoginNames(db, usernames.map((u) => `staff:${u.toLowerCase()}`));
  return new Set(usernames.filter((u) => locked.has(`staff:${u.toLowerCase()}`)));
}

/** Clears the lock of a staff login name (administrators, after a locked-out call). */
export async function unlockStaffLogin(db: Db, username: string): Promise<void> {
  await repo.unlockLoginName(db, `staff:${username.toLowerCase()}`);
}

export async function endSessionsOf(db: Db, type: 'staff' | 'enterprise', id: string): Promise<void> {
  await repo.deleteSessionsOf(db, type, id);
}

async function loadPrincipal(db: Db, type: 'staff' | 'enterprise', id: string): Promise<Principal | null> {
  if (type === 'enterprise') {
    const e = await repo.loadEnterpriseAccount(db, id);
    return e?.isActive ? { type: 'enterprise', id: e.id, uscc: e.uscc, name: e.name } : null;
  }
  const s = await staffAccounts().load(db, id);
  if (!s?.isActive) return null;
  const roles = s.roles.filter(isRole);
  return {
    type: 'staff',
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    roles,
    permissions: new Set(permissionsOf(roles)),
    centerId: s.centerId,
    centerScope: s.centerScope,
    departmentId: s.departmentId,
    mustChangePassword: s.mustChangePassword,
  };
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createEnterpriseAccount(
  db: Db,
  input: { uscc: string; name: string; password: string; contactPhone?: string; isDemo?: boolean },
): Promise<void> {
  await repo.insertEnterpriseAccount(db, {
    uscc: input.uscc,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    contactPhone: input.contactPhone ?? '',
    isDemo: input.isDemo ?? false,
  });
}

export async function setDemoEnterprisesActive(db: Db, isActive: boolean): Promise<void> {
  await repo.setDemoEnterprisesActive(db, isActive);
}
