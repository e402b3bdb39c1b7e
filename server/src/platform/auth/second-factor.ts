import type { Db, DbOrTx } from '../db/database.ts';
import { AppError, invalidField } from '../errors.ts';
import { decryptField, encryptField, type PersonalDataKeys } from '../personal-data/personal-data.ts';
import { zhCN } from '../../locales/zh-CN.ts';
import type { Role } from './roles.ts';
import * as repo from './repository.ts';
import { staffAccounts } from './staff-accounts.ts';
import { verifyPassword } from './passwords.ts';
import { matchTotpStep, newTotpSecret, totpUri } from './totp.ts';

/**
 * A staff member's TOTP second factor: enrol (a new secret, shown once as a URI and QR code),
 * confirm with a first code (field `totp`), then every login asks for a code. Any staff member
 * may enrol; administrators and chief officers are asked to (not forced). An administrator
 * resets the factor of someone who lost their device.
 */

/** Roles whose accounts are asked to enrol a second factor. */
export const TOTP_RECOMMENDED_ROLES: readonly Role[] = ['administrator', 'chief_officer'];

export type TotpState = 'none' | 'pending' | 'enrolled';
export type TotpStatus = { state: TotpState; isRecommended: boolean };

export async function totpStatus(db: Db, staff: { id: string; roles: readonly Role[] }): Promise<TotpStatus> {
  const row = await repo.findStaffTotp(db, staff.id);
  const state: TotpState = !row ? 'none' : row.confirmedAt ? 'enrolled' : 'pending';
  return { state, isRecommended: staff.roles.some((r) => TOTP_RECOMMENDED_ROLES.includes(r)) };
}

/**
 * Starts an enrolment (replacing one not yet confirmed): the secret leaves the server this once.
 * The password is asked again, so that whoever finds a session left open cannot bind a device of
 * their own and shut the owner out.
 */
export async function startTotpEnrolment(
  db: Db,
  keys: PersonalDataKeys,
  input: { staffId: string; currentPassword: string },
): Promise<{ secret: string; uri: string }> {
  const { staffId } = input;
  const account = await staffAccounts().load(db, staffId);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw invalidField('currentPassword', zhCN.auth.wrongCurrentPassword);
  }
  const secret = newTotpSecret();
  if (!(await repo.putPendingTotp(db, staffId, encryptField(keys, 'totp_secret', secret)))) {
    throw new AppError('INVALID_STATE', zhCN.auth.totpAlreadyEnrolled);
  }
  return { secret, uri: totpUri({ secret, issuer: zhCN.auth.totpIssuer, account: account.username }) };
}

/** Confirms an enrolment with a code of the new secret; from now on every login asks for a code. */
export async function confirmTotp(db: Db, keys: PersonalDataKeys, staffId: string, code: string): Promise<void> {
  const row = await repo.findStaffTotp(db, staffId);
  if (!row || row.confirmedAt) throw invalidField('totp', zhCN.auth.totpNotPending);
  const step = matchTotpStep(decryptField(keys, 'totp_secret', row.secretCipher), code);
  if (step === null || !(await repo.takeTotpStep(db, staffId, step, true))) throw invalidField('totp', zhCN.auth.totpInvalid);
}

/** The staff member turns the factor off, proving they still hold it with a code. */
export async function disableTotp(db: Db, keys: PersonalDataKeys, staffId: string, code: string): Promise<void> {
  const row = await repo.findStaffTotp(db, staffId);
  if (!row) throw new AppError('INVALID_STATE', zhCN.auth.totpNotEnrolled);
  if (row.confirmedAt && !(await takeTotpCode(db, keys, staffId, code))) throw invalidField('totp', zhCN.auth.totpInvalid);
  await repo.deleteStaffTotp(db, staffId);
}

/** An administrator removes another staff member's factor (a lost device); audited by the route. */
export async function resetStaffTotp(db: Db, staffId: string, by: { id: string }): Promise<void> {
  if (staffId === by.id) throw new AppError('INVALID_STATE', zhCN.auth.totpResetSelf);
  await repo.deleteStaffTotp(db, staffId);
}

/** Which of these staff members have a confirmed second factor. */
export function staffWithTotp(db: Db, staffIds: string[]): Promise<Set<string>> {
  return repo.staffWithTotp(db, staffIds);
}

/** Whether the staff member has a confirmed second factor. */
export async function hasTotp(db: DbOrTx, staffId: string): Promise<boolean> {
  return !!(await repo.findStaffTotp(db, staffId))?.confirmedAt;
}

/**
 * Checks a code of a confirmed factor and uses up its 30-second step: false for a wrong code,
 * a code of a step already used (a replay), or no confirmed factor.
 */
export async function takeTotpCode(db: DbOrTx, keys: PersonalDataKeys, staffId: string, code: string): Promise<boolean> {
  const row = await repo.findStaffTotp(db, staffId);
  if (!row?.confirmedAt) return false;
  const step = matchTotpStep(decryptField(keys, 'totp_secret', row.secretCipher), code);
  return step !== null && (await repo.takeTotpStep(db, staffId, step, false));
}
