import { isCenterInScope, type StaffPrincipal } from '../../../platform/auth/principal.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import type { z } from 'zod';
import type { ConductDto, ConductSummary, conductInput } from './contract.ts';
import { monthRange } from './dates.ts';
import * as repo from './repository.ts';
import { ownCenter, requireCenterStaff } from './service.ts';

/**
 * Conduct records (5.2, GB/T 36112: appearance, language, discipline) from inspections, and the
 * monthly summary per department and per staff member that the center and the departments use in
 * their joint assessment of the staff (5.2: 共同做好人员的管理工作…监督考核).
 */

export async function recordConduct(db: Db, principal: StaffPrincipal, input: z.output<typeof conductInput>, now = new Date()): Promise<ConductDto> {
  const centerId = ownCenter(principal);
  if (input.inspectedOn > businessToday(now)) throw invalidField('inspectedOn', '检查日期不能晚于今天');
  const [member] = await requireCenterStaff(db, centerId, [input.staffId], 'staffId');
  const id = await repo.insertConduct(db, { centerId, ...input, departmentId: member!.departmentId, inspectorId: principal.id, createdAt: now });
  return getConduct(db, principal, id);
}

export async function getConduct(db: Db, principal: StaffPrincipal, id: string): Promise<ConductDto> {
  const row = await repo.findConduct(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('检查记录');
  const [found] = (await repo.listConduct(db, { centerId: row.centerId, from: row.inspectedOn, to: row.inspectedOn })).filter((r) => r.record.id === id);
  return toDto(found!);
}

export async function listConduct(db: Db, principal: StaffPrincipal, month: string | undefined, now = new Date()): Promise<ConductDto[]> {
  if (!principal.centerId) return [];
  return (await repo.listConduct(db, { centerId: principal.centerId, ...monthRange(month ?? businessToday(now).slice(0, 7)) })).map(toDto);
}

/** The month's findings and points deducted, per department and per staff member (most points first). */
export async function conductSummary(db: Db, principal: StaffPrincipal, month: string | undefined, now = new Date()): Promise<ConductSummary> {
  const m = month ?? businessToday(now).slice(0, 7);
  const summary: ConductSummary = { month: m, departments: [], staff: [] };
  if (!principal.centerId) return summary;
  const rows = await repo.listConduct(db, { centerId: principal.centerId, ...monthRange(m) });
  const blank = () => ({ records: 0, points: 0, appearance: 0, language: 0, discipline: 0 });
  const departments = new Map<string, ConductSummary['departments'][number] & { members: Set<string> }>();
  const people = new Map<string, ConductSummary['staff'][number]>();
  for (const { record: r, staffName, departmentName } of rows) {
    const dept = departments.get(r.departmentId ?? '') ?? { departmentId: r.departmentId, departmentName, staffCount: 0, members: new Set<string>(), ...blank() };
    const person = people.get(r.staffId) ?? { staffId: r.staffId, staffName, departmentName, ...blank() };
    for (const t of [dept, person]) {
      t.records += 1;
      t.points += r.pointsDeducted;
      t[r.aspect] += r.pointsDeducted;
    }
    dept.members.add(r.staffId);
    dept.staffCount = dept.members.size;
    departments.set(r.departmentId ?? '', dept);
    people.set(r.staffId, person);
  }
  summary.departments = [...departments.values()].map(({ members: _, ...d }) => d).sort((a, b) => b.points - a.points || (a.departmentName ?? '').localeCompare(b.departmentName ?? ''));
  summary.staff = [...people.values()].sort((a, b) => b.points - a.points || a.staffName.localeCompare(b.staffName));
  return summary;
}

function toDto(r: Awaited<ReturnType<typeof repo.listConduct>>[number]): ConductDto {
  const c = r.record;
  return {
    id: c.id,
    staffId: c.staffId,
    staffName: r.staffName,
    departmentName: r.departmentName,
    inspectedOn: c.inspectedOn,
    aspect: c.aspect,
    finding: c.finding,
    pointsDeducted: c.pointsDeducted,
    inspectorName: r.inspectorName,
  };
}
