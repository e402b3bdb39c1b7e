import type { Config } from '../../../config.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { getCounter, listCounters } from '../../venue/service.ts';
import { getStaff, listDepartments, listStaff } from '../../staff/service.ts';
import * as repo from './repository.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

export type ServiceDeps = { db: Db; config: Config };

/** Whose cases this staff member sees: every one of the center (feedback.handle_all) or those that concern them. */
export async function scopeOf(db: Db, principal: StaffPrincipal): Promise<repo.CaseScope> {
  if (principal.permissions.has('feedback.handle_all')) return { kind: 'center' };
  const me = await getStaff(db, principal.id);
  const counter = me.counterId ? await getCounter(db, me.counterId) : null;
  const isUnresolvedDesk = principal.permissions.has('feedback.unresolved') && counter?.purpose === 'unresolved';
  return { kind: 'own', staffId: principal.id, departmentId: principal.departmentId, counterId: me.counterId, isUnresolvedDesk };
}

export function isInScope(scope: repo.CaseScope, row: Pick<repo.CaseRow, 'kind' | 'departmentId' | 'counterId' | 'staffId' | 'handlerId' | 'recordedBy'>, taskDepartments: readonly string[] = []): boolean {
  if (scope.kind === 'center') return true;
  return (
    (scope.isUnresolvedDesk && row.kind === 'unresolved') ||
    row.recordedBy === scope.staffId ||
    row.staffId === scope.staffId ||
    row.handlerId === scope.staffId ||
    (scope.departmentId !== null && (row.departmentId === scope.departmentId || taskDepartments.includes(scope.departmentId))) ||
    (scope.counterId !== null && row.counterId === scope.counterId)
  );
}

/** A case the staff member may see; 404 for one of another center or out of their scope (its existence is not revealed). */
export async function caseFor(db: DbOrTx, principal: StaffPrincipal, scope: repo.CaseScope, id: string, options: { lock?: boolean } = {}): Promise<repo.CaseRow> {
  const row = options.lock ? await repo.lockCase(db, id) : await repo.findCase(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('诉求');
  const taskDepartments = scope.kind === 'own' && scope.departmentId ? (await repo.listTasks(db, [row.id])).map((t) => t.departmentId) : [];
  if (!isInScope(scope, row, taskDepartments)) throw notFound('诉求');
  return row;
}

/**
 * May this reader see a confidential submitter? Only complaint handlers (feedback.complaint),
 * and never the staff member the case is about (A.10).
 */
export function mayReadIdentity(principal: StaffPrincipal, row: Pick<repo.CaseRow, 'staffId'>): boolean {
  return principal.permissions.has('feedback.complaint') && row.staffId !== principal.id;
}

/** Names of the center's departments, counters and staff, to label cases. */
export type Directory = { department(id: string | null): string; counter(id: string | null): string; staff(id: string | null): string };

export async function directoryOf(db: Db, centerId: string): Promise<Directory> {
  const [departments, counters, people] = await Promise.all([listDepartments(db, centerId), listCounters(db, centerId), listStaff(db, { centerId })]);
  const d = new Map(departments.map((x) => [x.id, x.name]));
  const c = new Map(counters.map((x) => [x.id, `${x.number} 号窗口`]));
  const s = new Map(people.map((x) => [x.id, x.displayName]));
  return {
    department: (id) => (id ? (d.get(id) ?? '') : ''),
    counter: (id) => (id ? (c.get(id) ?? '') : ''),
    staff: (id) => (id ? (s.get(id) ?? '') : ''),
  };
}
