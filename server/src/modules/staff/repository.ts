import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { STAFF_ACCOUNTS_CACHE } from '../../platform/auth/staff-accounts.ts';
import { invalidate } from '../../platform/cache/cache.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { departments, staff, staffApprovals } from './tables.ts';
import { withinCenters } from '../../platform/db/center-scope.ts';

const chief = alias(staff, 'chief');

const departmentColumns = {
  id: departments.id,
  centerId: departments.centerId,
  name: departments.name,
  uscc: departments.uscc,
  settlement: departments.settlement,
  chiefOfficerId: departments.chiefOfficerId,
  chiefOfficerName: chief.displayName,
  phone: departments.phone,
  isActive: departments.isActive,
  version: departments.version,
};

export async function listDepartments(db: DbOrTx, centerId: string) {
  return db
    .select(departmentColumns)
    .from(departments)
    .leftJoin(chief, eq(chief.id, departments.chiefOfficerId))
    .where(eq(departments.centerId, centerId))
    .orderBy(asc(departments.name));
}

export async function findDepartment(db: DbOrTx, id: string) {
  const [row] = await db
    .select(departmentColumns)
    .from(departments)
    .leftJoin(chief, eq(chief.id, departments.chiefOfficerId))
    .where(eq(departments.id, id));
  return row;
}

export async function findDepartmentByName(db: DbOrTx, centerId: string, name: string) {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.centerId, centerId), eq(departments.name, name)));
  return row;
}

export type DepartmentFields = {
  name: string;
  uscc: string | null;
  settlement: 'staff' | 'items';
  chiefOfficerId: string | null;
  phone: string;
};

/** The process cache of a center's department names (service.ts `departmentNamesOf`), emptied by every department change. */
export const DEPARTMENT_NAMES_CACHE = 'department-names';

export async function insertDepartment(db: DbOrTx, centerId: string, fields: DepartmentFields): Promise<string> {
  await invalidate(db, DEPARTMENT_NAMES_CACHE);
  const [row] = await db.insert(departments).values({ centerId, ...fields }).returning({ id: departments.id });
  return row!.id;
}

export async function updateDepartment(
  db: DbOrTx,
  id: string,
  version: number,
  fields: Partial<DepartmentFields> & { isActive?: boolean },
): Promise<boolean> {
  await invalidate(db, DEPARTMENT_NAMES_CACHE);
  const rows = await db
    .update(departments)
    .set({ ...fields, version: sql`${departments.version} + 1` })
    .where(and(eq(departments.id, id), eq(departments.version, version)))
    .returning({ id: departments.id });
  return rows.length === 1;
}

const staffColumns = {
  id: staff.id,
  username: staff.username,
  displayName: staff.displayName,
  staffNumber: staff.staffNumber,
  roles: staff.roles,
  centerId: staff.centerId,
  departmentId: staff.departmentId,
  counterId: staff.counterId,
  isActive: staff.isActive,
  isDemo: staff.isDemo,
  mustChangePassword: staff.mustChangePassword,
  version: staff.version,
};

/** `centers`: only staff of these centers (the reader's scope); null or absent: all */
export type StaffFilter = { centerId?: string; departmentId?: string; role?: Role; q?: string; centers?: readonly string[] | null };

export async function listStaff(db: DbOrTx, f: StaffFilter) {
  const conditions: SQL[] = [];
  const scoped = withinCenters(staff.centerId, f.centers);
  if (scoped) conditions.push(scoped);
  if (f.centerId) conditions.push(eq(staff.centerId, f.centerId));
  if (f.departmentId) conditions.push(eq(staff.departmentId, f.departmentId));
  if (f.role) conditions.push(sql`${f.role} = any(${staff.roles})`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(staff.username, like), ilike(staff.displayName, like), ilike(staff.staffNumber, like))!);
  }
  return db
    .select(staffColumns)
    .from(staff)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(staff.username));
}

export async function findStaff(db: DbOrTx, id: string) {
  const [row] = await db.select(staffColumns).from(staff).where(eq(staff.id, id));
  return row;
}

export async function findStaffByUsername(db: DbOrTx, username: string) {
  const [row] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(eq(sql`lower(${staff.username})`, username.toLowerCase()));
  return row;
}

export type StaffFields = {
  username: string;
  displayName: string;
  staffNumber: string | null;
  passwordHash: string;
  roles: Role[];
  centerId: string | null;
  departmentId: string | null;
  counterId: string | null;
  mustChangePassword: boolean;
  isDemo?: boolean;
};

export async function insertStaff(db: DbOrTx, fields: StaffFields): Promise<string> {
  await invalidate(db, STAFF_ACCOUNTS_CACHE);
  const [row] = await db.insert(staff).values(fields).returning({ id: staff.id });
  return row!.id;
}

export async function updateStaff(
  db: DbOrTx,
  id: string,
  version: number,
  fields: Partial<Omit<StaffFields, 'username'>> & { isActive?: boolean },
): Promise<boolean> {
  await invalidate(db, STAFF_ACCOUNTS_CACHE);
  const rows = await db
    .update(staff)
    .set({ ...fields, version: sql`${staff.version} + 1` })
    .where(and(eq(staff.id, id), eq(staff.version, version)))
    .returning({ id: staff.id });
  return rows.length === 1;
}

export async function setStaffPassword(db: DbOrTx, id: string, passwordHash: string, mustChangePassword: boolean) {
  await invalidate(db, STAFF_ACCOUNTS_CACHE);
  await db
    .update(staff)
    .set({ passwordHash, mustChangePassword, version: sql`${staff.version} + 1` })
    .where(eq(staff.id, id));
}

export async function countActiveAdministrators(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staff)
    .where(and(eq(staff.isActive, true), sql`'administrator' = any(${staff.roles})`));
  return row?.n ?? 0;
}

export async function setDemoStaffActive(db: DbOrTx, isActive: boolean) {
  await invalidate(db, STAFF_ACCOUNTS_CACHE);
  await db.update(staff).set({ isActive }).where(eq(staff.isDemo, true));
}

/** Staff accounts as authentication sees them (platform/auth/staff-accounts.ts). */

export async function findLogin(db: DbOrTx, username: string) {
  const [row] = await db
    .select({ id: staff.id, passwordHash: staff.passwordHash, isActive: staff.isActive })
    .from(staff)
    .where(eq(sql`lower(${staff.username})`, username.toLowerCase()));
  return row;
}

export async function loadAccount(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: staff.id,
      username: staff.username,
      displayName: staff.displayName,
      roles: staff.roles,
      centerId: staff.centerId,
      departmentId: staff.departmentId,
      isActive: staff.isActive,
      mustChangePassword: staff.mustChangePassword,
      passwordHash: staff.passwordHash,
    })
    .from(staff)
    .where(eq(staff.id, id));
  return row;
}

export async function setOwnPassword(db: DbOrTx, id: string, passwordHash: string) {
  await invalidate(db, STAFF_ACCOUNTS_CACHE);
  await db
    .update(staff)
    .set({ passwordHash, mustChangePassword: false, version: sql`${staff.version} + 1` })
    .where(eq(staff.id, id));
}

export type StaffApprovalRow = typeof staffApprovals.$inferSelect;

export async function insertStaffApproval(db: DbOrTx, fields: typeof staffApprovals.$inferInsert): Promise<StaffApprovalRow> {
  const [row] = await db.insert(staffApprovals).values(fields).returning();
  return row!;
}

export async function findStaffApproval(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<StaffApprovalRow | undefined> {
  const query = db.select().from(staffApprovals).where(eq(staffApprovals.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** The pending changes first, then the latest decided ones. */
export async function listStaffApprovals(db: DbOrTx, limit: number): Promise<StaffApprovalRow[]> {
  return db
    .select()
    .from(staffApprovals)
    .orderBy(sql`${staffApprovals.state} = 'pending' desc`, desc(staffApprovals.requestedAt))
    .limit(limit);
}

export async function decideStaffApproval(db: DbOrTx, id: string, state: 'approved' | 'rejected', decidedBy: string | null): Promise<void> {
  await db.update(staffApprovals).set({ state, decidedBy, decidedAt: new Date() }).where(eq(staffApprovals.id, id));
}

/** 显示名（用户名） of these staff members, by id, in one query. */
export async function staffNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: staff.id, displayName: staff.displayName, username: staff.username })
    .from(staff)
    .where(inArray(staff.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, `${r.displayName}（${r.username}）`]));
}
