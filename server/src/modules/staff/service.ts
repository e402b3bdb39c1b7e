import { defineCache } from '../../platform/cache/cache.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { AppError, duplicate, invalidField, notFound } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { endSessionsOf, lockedStaffUsernames, unlockStaffLogin } from '../../platform/auth/service.ts';
import { resetStaffTotp, staffWithTotp } from '../../platform/auth/second-factor.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { getCenter, getCounter, staleVersion } from '../venue/service.ts';
import type { DepartmentDto, StaffDto } from './contract.ts';
import * as repo from './repository.ts';

export async function listDepartments(db: Db, centerId: string): Promise<DepartmentDto[]> {
  await getCenter(db, centerId);
  return repo.listDepartments(db, centerId);
}

const departmentNames = defineCache(repo.DEPARTMENT_NAMES_CACHE, async (db, centerId): Promise<ReadonlyMap<string, string>> => {
  const departments = await listDepartments(db as Db, centerId);
  return new Map(departments.map((d) => [d.id, d.name]));
});

/** The names of a center's departments by id, kept in the process until a department changes (platform/cache). */
export const departmentNamesOf = (db: Db, centerId: string): Promise<ReadonlyMap<string, string>> => departmentNames.get(db, centerId);

export async function getDepartment(db: DbOrTx, id: string): Promise<DepartmentDto> {
  const row = await repo.findDepartment(db, id);
  if (!row) throw notFound('部门');
  return row;
}

/** The center a department is settled in, or null when there is none (venue checks counters' departments with it). */
export async function departmentCenterOf(db: DbOrTx, id: string): Promise<string | null> {
  return (await repo.findDepartment(db, id))?.centerId ?? null;
}

type DepartmentInput = {
  name: string;
  uscc?: string | null;
  settlement: 'staff' | 'items';
  chiefOfficerId?: string | null;
  phone: string;
};

export async function createDepartment(db: Db, centerId: string, input: DepartmentInput): Promise<DepartmentDto> {
  await getCenter(db, centerId);
  if (await repo.findDepartmentByName(db, centerId, input.name)) throw duplicate('name', `“${input.name}”已进驻本中心`);
  await checkChiefOfficer(db, input.chiefOfficerId);
  const id = await repo.insertDepartment(db, centerId, {
    ...input,
    uscc: input.uscc ?? null,
    chiefOfficerId: input.chiefOfficerId ?? null,
  });
  return getDepartment(db, id);
}

export async function updateDepartment(
  db: Db,
  id: string,
  patch: Partial<DepartmentInput> & { version: number; isActive?: boolean },
): Promise<DepartmentDto> {
  const current = await getDepartment(db, id);
  if (patch.name && patch.name !== current.name && (await repo.findDepartmentByName(db, current.centerId, patch.name))) {
    throw duplicate('name', `“${patch.name}”已进驻本中心`);
  }
  await checkChiefOfficer(db, patch.chiefOfficerId);
  const { version, ...fields } = patch;
  if (!(await repo.updateDepartment(db, id, version, fields))) throw staleVersion();
  return getDepartment(db, id);
}

/** Clause 5.1.4: the chief officer is an active staff member holding the chief officer role. */
async function checkChiefOfficer(db: Db, staffId: string | null | undefined) {
  if (!staffId) return;
  const person = await repo.findStaff(db, staffId);
  if (!person?.isActive) throw invalidField('chiefOfficerId', '首席事务代表不存在或已停用');
  if (!person.roles.includes('chief_officer')) {
    throw invalidField('chiefOfficerId', `${person.displayName} 没有“首席事务代表”岗位，请先在人员管理中授予`);
  }
}

export async function listStaff(db: Db, filter: repo.StaffFilter): Promise<StaffDto[]> {
  const rows = await repo.listStaff(db, filter);
  const locked = await lockedStaffUsernames(db, rows.map((r) => r.username));
  const withTotp = await staffWithTotp(db, rows.map((r) => r.id));
  return rows.map((r) => toStaffDto(r, locked, withTotp));
}

export async function getStaff(db: Db, id: string): Promise<StaffDto> {
  const row = await repo.findStaff(db, id);
  if (!row) throw notFound('工作人员');
  return toStaffDto(row, await lockedStaffUsernames(db, [row.username]), await staffWithTotp(db, [row.id]));
}

type Placement = { centerId?: string | null; departmentId?: string | null; counterId?: string | null };

export type StaffInput = Placement & {
  username: string;
  displayName: string;
  staffNumber?: string | null;
  password: string;
  roles: Role[];
};

/** An administrator creates an account with an initial password, which the person must change at first login. */
export async function createStaff(db: Db, input: StaffInput, options: { isDemo?: boolean; mustChangePassword?: boolean } = {}) {
  if (await repo.findStaffByUsername(db, input.username)) throw duplicate('username', `用户名 ${input.username} 已被使用`);
  await checkPlacement(db, input);
  const id = await repo.insertStaff(db, {
    username: input.username,
    displayName: input.displayName,
    staffNumber: input.staffNumber ?? null,
    passwordHash: await hashPassword(input.password),
    roles: [...new Set(input.roles)],
    centerId: input.centerId ?? null,
    departmentId: input.departmentId ?? null,
    counterId: input.counterId ?? null,
    mustChangePassword: options.mustChangePassword ?? true,
    isDemo: options.isDemo ?? false,
  });
  return getStaff(db, id);
}

export type StaffPatch = Placement & { version: number; displayName?: string; staffNumber?: string | null; roles?: Role[]; isActive?: boolean };

export async function updateStaff(db: Db, id: string, patch: StaffPatch): Promise<StaffDto> {
  await checkUpdate(db, await getStaff(db, id), patch);
  const { version, ...fields } = patch;
  if (fields.roles) fields.roles = [...new Set(fields.roles)];
  if (!(await repo.updateStaff(db, id, version, fields))) throw staleVersion();
  if (patch.isActive === false) await endSessionsOf(db, 'staff', id);
  return getStaff(db, id);
}

/** Sets a new initial password: the person must change it, their sessions end and any login lock is lifted. */
export async function resetStaffPassword(db: Db, id: string, password: string): Promise<StaffDto> {
  const person = await getStaff(db, id);
  await repo.setStaffPassword(db, id, await hashPassword(password), true);
  await endSessionsOf(db, 'staff', id);
  await unlockStaffLogin(db, person);
  return getStaff(db, id);
}

export async function unlockStaff(db: Db, id: string): Promise<void> {
  const person = await getStaff(db, id);
  await unlockStaffLogin(db, person);
}

/** Removes someone's second factor (a lost device): their next login asks for the password only. */
export async function resetTotp(db: Db, id: string, by: { id: string }): Promise<StaffDto> {
  await getStaff(db, id);
  await resetStaffTotp(db, id, by);
  return getStaff(db, id);
}

/** Whether the change could be made now: its placement, and never the last administrator removed. */
export async function checkUpdate(db: Db, current: StaffDto, patch: StaffPatch): Promise<void> {
  const next = { ...current, ...patch };
  await checkPlacement(db, next);
  const losesAdmin =
    current.isActive && current.roles.includes('administrator') && (!next.isActive || !next.roles.includes('administrator'));
  if (losesAdmin && (await repo.countActiveAdministrators(db)) <= 1) {
    throw new AppError('INVALID_STATE', '不能停用或撤销最后一名系统管理员', [{ field: 'roles', message: '至少保留一名启用的系统管理员' }]);
  }
}

/** A department and counter, when given, must belong to the person's center. */
async function checkPlacement(db: Db, p: Placement) {
  if (p.centerId) await getCenter(db, p.centerId).catch(() => {
    throw invalidField('centerId', '所属中心不存在');
  });
  if (p.departmentId) {
    const department = await repo.findDepartment(db, p.departmentId);
    if (!department || department.centerId !== p.centerId) throw invalidField('departmentId', '部门不存在或未进驻所属中心');
  }
  if (p.counterId) {
    const counter = await getCounter(db, p.counterId).catch(() => null);
    if (!counter || counter.centerId !== p.centerId) throw invalidField('counterId', '窗口不存在或不属于所属中心');
  }
}

function toStaffDto(row: Awaited<ReturnType<typeof repo.findStaff>> & {}, locked: Set<string>, withTotp: Set<string>): StaffDto {
  return { ...row, roles: row.roles as Role[], isLocked: locked.has(row.username), hasTotp: withTotp.has(row.id) };
}

/** Demo accounts exist only while demo mode is on: outside it they are switched off. */
export async function setDemoStaffActive(db: Db, isActive: boolean): Promise<void> {
  await repo.setDemoStaffActive(db, isActive);
  if (!isActive) for (const s of await repo.listStaff(db, {})) if (s.isDemo) await endSessionsOf(db, 'staff', s.id);
}
