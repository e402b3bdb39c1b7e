import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { endSessionsOf, unlockStaffLogin } from '../../platform/auth/service.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { StaffApprovalDto, StaffDto } from './contract.ts';
import * as repo from './repository.ts';
import { checkUpdate, getStaff, resetTotp, updateStaff, type StaffPatch } from './service.ts';

/**
 * Separation of duties (issue 18, 13): an administrator may not, alone, change their own roles,
 * give anyone the administrator or auditor role, or reset the password or second factor of
 * another administrator or the auditor — that would let one person take over the accounts that
 * watch them. Such a change is kept as a request and made when a second administrator approves it.
 */

const PRIVILEGED: readonly Role[] = ['administrator', 'auditor'];
type Actor = { id: string };
type Outcome = { applied: StaffDto } | { pending: StaffApprovalDto };

function reasonForUpdate(actor: Actor, current: StaffDto, patch: StaffPatch): StaffApprovalDto['reason'] | null {
  if (!patch.roles) return null;
  const before = new Set(current.roles);
  const next = new Set(patch.roles);
  const isChanged = next.size !== before.size || [...next].some((r) => !before.has(r));
  if (!isChanged) return null;
  if (current.id === actor.id) return 'own_roles';
  return [...next].some((r) => PRIVILEGED.includes(r) && !before.has(r)) ? 'privileged_role' : null;
}

const isPrivilegedOther = (actor: Actor, target: StaffDto) => target.id !== actor.id && target.roles.some((r) => PRIVILEGED.includes(r));

export async function changeStaff(db: Db, actor: Actor, id: string, patch: StaffPatch): Promise<Outcome> {
  const current = await getStaff(db, id);
  const reason = reasonForUpdate(actor, current, patch);
  if (!reason) return { applied: await updateStaff(db, id, patch) };
  await checkUpdate(db, current, patch); // refused at once when it could not be made anyway
  return { pending: await request(db, { staffId: id, kind: 'update', patch, reason, requestedBy: actor.id }) };
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string): Promise<Outcome> {
  const target = await getStaff(db, id);
  const passwordHash = await hashPassword(password);
  if (!isPrivilegedOther(actor, target)) return { applied: await setInitialPassword(db, target, passwordHash) };
  return { pending: await request(db, { staffId: id, kind: 'reset_password', passwordHash, reason: 'privileged_account', requestedBy: actor.id }) };
}

export async function resetSecondFactor(db: Db, actor: Actor, id: string): Promise<Outcome> {
  const target = await getStaff(db, id);
  if (!isPrivilegedOther(actor, target)) return { applied: await resetTotp(db, id, actor) };
  return { pending: await request(db, { staffId: id, kind: 'reset_totp', reason: 'privileged_account', requestedBy: actor.id }) };
}

export async function listApprovals(db: Db): Promise<StaffApprovalDto[]> {
  return toDtos(db, await repo.listStaffApprovals(db, 100));
}

/** A second administrator makes the change; the one who asked for it cannot. */
export async function approve(db: Db, actor: Actor, id: string): Promise<StaffApprovalDto> {
  const row = await pending(db, id);
  if (row.requestedBy === actor.id) throw forbidden('须由另一名系统管理员批准本人提出的变更');
  if (row.kind === 'update') await updateStaff(db, row.staffId, row.patch as StaffPatch);
  if (row.kind === 'reset_password') await setInitialPassword(db, await getStaff(db, row.staffId), row.passwordHash!);
  if (row.kind === 'reset_totp') await resetTotp(db, row.staffId, { id: row.requestedBy });
  await repo.decideStaffApproval(db, id, 'approved', actor.id);
  return toDto(db, (await repo.findStaffApproval(db, id))!);
}

/** Any administrator may turn a request down, the one who made it included (withdrawing it). */
export async function reject(db: Db, actor: Actor, id: string): Promise<StaffApprovalDto> {
  const row = await pending(db, id);
  // withdrawn by the one who asked: rejected with no decider (the database keeps deciders apart from requesters)
  await repo.decideStaffApproval(db, id, 'rejected', row.requestedBy === actor.id ? null : actor.id);
  return toDto(db, (await repo.findStaffApproval(db, id))!);
}

async function pending(db: Db, id: string): Promise<repo.StaffApprovalRow> {
  const row = await repo.findStaffApproval(db, id, { lock: true });
  if (!row) throw notFound('待批准的账户变更');
  if (row.state !== 'pending') throw new AppError('INVALID_STATE', '该变更已经处理过了');
  return row;
}

async function request(db: Db, fields: Parameters<typeof repo.insertStaffApproval>[1]): Promise<StaffApprovalDto> {
  return toDto(db, await repo.insertStaffApproval(db, fields));
}

async function setInitialPassword(db: Db, target: StaffDto, passwordHash: string): Promise<StaffDto> {
  await repo.setStaffPassword(db, target.id, passwordHash, true);
  await endSessionsOf(db, 'staff', target.id);
  await unlockStaffLogin(db, target);
  return getStaff(db, target.id);
}

async function toDto(db: Db, row: repo.StaffApprovalRow): Promise<StaffApprovalDto> {
  return (await toDtos(db, [row]))[0]!;
}

/** The rows with the names of everyone they mention, looked up together. */
async function toDtos(db: Db, rows: repo.StaffApprovalRow[]): Promise<StaffApprovalDto[]> {
  const names = await repo.staffNames(db, rows.flatMap((r) => [r.staffId, r.requestedBy, ...(r.decidedBy ? [r.decidedBy] : [])]));
  const name = (id: string) => names.get(id) ?? '';
  return rows.map((row) => ({
    id: row.id,
    staffId: row.staffId,
    staffName: name(row.staffId),
    kind: row.kind,
    reason: row.reason,
    roles: row.kind === 'update' ? (((row.patch as StaffPatch | null)?.roles ?? null) as Role[] | null) : null,
    state: row.state,
    requestedBy: row.requestedBy,
    requestedByName: name(row.requestedBy),
    requestedAt: row.requestedAt.toISOString(),
    decidedByName: row.decidedBy ? name(row.decidedBy) : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  }));
}
