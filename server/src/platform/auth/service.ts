import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { zhCN } from '../../locales/zh-CN.ts';
import type { PersonalDataKeys } from '../personal-data/personal-data.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import type { Principal } from './principal.ts';
import { isRole, permissionsOf } from './roles.ts';
import * as repo from './repository.ts';
import { hasTotp, takeTotpCode } from './second-factor.ts';
import { defineCache } from '../cache/cache.ts';
import { STAFF_ACCOUNTS_CACHE, staffAccounts } from './staff-accounts.ts';

export type AuthSettings = {
  idleMinutes: number;
  /** absolute lifetime of a session, from sign-in */
  maxHours: number;
  /** tries of a login name before each further try waits (1, 2, 4 … minutes) */
  maxFailures: number;
  /** the longest wait between tries */
  lockMinutes: number;
  /** encrypt and decrypt second-factor secrets */
  keys: PersonalDataKeys;
};

export type LoginInput =
  | { kind: 'staff'; username: string; password: string; totp?: string }
  | { kind: 'enterprise'; uscc: string; password: string };

export type LoginResult = { token: string; principal: Principal };

/**
 * Logs in a staff member or an enterprise. Every failure — unknown name, wrong password,
 * inactive account — gives the same error, and a name's delay runs whether or not an account
 * has it, so nobody learns which names exist.
 *
 * A try is counted before the password is checked (`reserveLoginAttempt`): a burst gets no more
 * password checks than the name has tries left. After `maxFailures` tries each further try
 * waits 1, 2, 4 … minutes (at most `lockMinutes`); a success clears the count. A staff member
 * with a second factor is not shut out by a delay somebody else caused: a right code, taken
 * before the password is checked, lets the password be checked at once.
 *
 * Codes are counted per account too (`takeCountedCode`), whichever address they come from and
 * whether or not a delay runs: a 6-digit code gets as many guesses as a password, then waits.
 */
export async function login(
  db: Db,
  settings: AuthSettings,
  input: LoginInput,
  client: { ip: string; userAgent: string },
): Promise<LoginResult> {
  const loginName = input.kind === 'staff' ? `staff:${input.username.toLowerCase()}` : `enterprise:${input.uscc}`;
  const failed = new AppError('LOGIN_FAILED', zhCN.auth.loginFailed(settings.lockMinutes, settings.maxFailures));
  const throttle = { loginName, maxFailures: settings.maxFailures, lockMinutes: settings.lockMinutes };
  const attempt = await repo.reserveLoginAttempt(db, throttle);
  const account =
    input.kind === 'staff' ? await staffAccounts().findLogin(db, input.username) : await repo.findEnterpriseLogin(db, input.uscc);
  const totp = input.kind === 'staff' ? input.totp : undefined;
  if (!attempt.isReserved) {
    // Only the holder of the account's second factor gets past a running delay; the code is
    // taken (used up) before the password is checked, so a delay still bounds password guesses.
    const isCodeRight = !!totp && !!account?.isActive && (await takeCountedCode(db, settings, account.id, totp));
    if (!account || !isCodeRight) throw delayed(attempt.retryAt);
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      await repo.recordDelayedFailure(db, throttle);
      throw failed;
    }
    return startSession(db, { kind: input.kind, accountId: account.id, loginName, client }, failed);
  }
  const isPasswordRight = account ? await verifyPassword(account.passwordHash, input.password) : await burnPasswordCheck(input.password);
  if (!account || !account.isActive || !isPasswordRight) throw failed;
  // The try stays counted until the second factor is passed too.
  if (input.kind === 'staff' && (await hasTotp(db, account.id))) {
    if (!totp) throw new AppError('TOTP_REQUIRED', zhCN.auth.totpRequired, [{ field: 'totp', message: zhCN.auth.totpRequired }]);
    if (!(await takeCountedCode(db, settings, account.id, totp))) {
      throw new AppError('TOTP_INVALID', zhCN.auth.totpInvalid, [{ field: 'totp', message: zhCN.auth.totpInvalid }]);
    }
  }
  return startSession(db, { kind: input.kind, accountId: account.id, loginName, client }, failed);
}

/**
 * Takes a login's second-factor code, counted per account (`totp:<staff id>`) like a name's
 * password tries: after `maxFailures` wrong codes each further code waits 1, 2, 4 … minutes
 * (429 LOGIN_DELAYED, the code not checked); a right code clears the count. An account without
 * a confirmed factor has no code to guess and nothing is counted.
 */
async function takeCountedCode(db: Db, settings: AuthSettings, staffId: string, code: string): Promise<boolean> {
  if (!(await hasTotp(db, staffId))) return false;
  const throttle = { loginName: `totp:${staffId}`, maxFailures: settings.maxFailures, lockMinutes: settings.lockMinutes };
  const attempt = await repo.reserveLoginAttempt(db, throttle);
  if (!attempt.isReserved) throw delayed(attempt.retryAt);
  const isRight = await takeTotpCode(db, settings.keys, staffId, code);
  if (isRight) await repo.clearLoginFailures(db, throttle.loginName);
  return isRight;
}

/** The login passed: its name's tries are cleared and a session starts. */
async function startSession(
  db: Db,
  { kind, accountId, loginName, client }: { kind: LoginInput['kind']; accountId: string; loginName: string; client: { ip: string; userAgent: string } },
  failed: AppError,
): Promise<LoginResult> {
  await repo.clearLoginFailures(db, loginName);
  const token = crypto.randomBytes(32).toString('base64url');
  await repo.insertSession(db, {
    tokenHash: hashToken(token),
    principalType: kind,
    principalId: accountId,
    clientIp: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  });
  const principal = await loadPrincipal(db, kind, accountId);
  if (!principal) throw failed;
  return { token, principal };
}

/** 429 with Retry-After: the same for every name, whether or not an account has it. */
function delayed(retryAt: Date): AppError {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
  const error = new AppError('LOGIN_DELAYED', zhCN.auth.loginDelayed(Math.ceil(seconds / 60)));
  error.retryAfterSeconds = seconds;
  return error;
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

/** Which of these staff usernames must wait before their next try right now. */
export async function lockedStaffUsernames(db: Db, usernames: string[]): Promise<Set<string>> {
  const locked = await repo.lockedLoginNames(db, usernames.map((u) => `staff:${u.toLowerCase()}`));
  return new Set(usernames.filter((u) => locked.has(`staff:${u.toLowerCase()}`)));
}

/** Clears the tries and the delays of a staff member's login: the name's and the second factor's (administrators, after a locked-out call). */
export async function unlockStaffLogin(db: Db, staff: { id: string; username: string }): Promise<void> {
  await repo.unlockLoginName(db, `staff:${staff.username.toLowerCase()}`);
  await repo.unlockLoginName(db, `totp:${staff.id}`);
}

export async function endSessionsOf(db: Db, type: 'staff' | 'enterprise', id: string): Promise<void> {
  await repo.deleteSessionsOf(db, type, id);
}

/**
 * A staff account by id as sessions load it (roles, center scope, department), cached per process
 * and emptied on every process when staff or centers change. The session itself (its validity,
 * sign-out, expiry) is read from the database on every request.
 */
const staffAccountCache = defineCache(STAFF_ACCOUNTS_CACHE, (db, id) => staffAccounts().load(db, id));

async function loadPrincipal(db: Db, type: 'staff' | 'enterprise', id: string): Promise<Principal | null> {
  if (type === 'enterprise') {
    const e = await repo.loadEnterpriseAccount(db, id);
    return e?.isActive ? { type: 'enterprise', id: e.id, uscc: e.uscc, name: e.name } : null;
  }
  const s = await staffAccountCache.get(db, id);
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
