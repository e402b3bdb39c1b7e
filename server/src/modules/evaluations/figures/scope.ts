import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { listDepartments } from '../../staff/service.ts';

export type FiguresScope = {
  centerId: string;
  /** null: every department of the center */
  departmentIds: string[] | null;
  departments: { id: string; name: string }[];
};

/**
 * Who sees which ratings. A chief officer (who does not also handle every department's callbacks)
 * sees the departments they lead (departments.chief_officer_id) and their own; every other holder
 * of evaluation.figures — the center manager, the auditor — sees the whole center. A department
 * asked for must lie inside that scope.
 */
export async function figuresScope(db: Db, principal: StaffPrincipal, departmentId?: string): Promise<FiguresScope> {
  if (!principal.centerId) throw new AppError('FORBIDDEN', '您未被分配到服务中心');
  const all = await listDepartments(db, principal.centerId);
  const isCenterWide = !principal.roles.includes('chief_officer') || principal.permissions.has('evaluation.callback_all');
  const visible = isCenterWide ? all : all.filter((d) => d.chiefOfficerId === principal.id || d.id === principal.departmentId);
  if (departmentId) {
    const chosen = visible.find((d) => d.id === departmentId);
    if (!chosen) throw all.some((d) => d.id === departmentId) ? forbidden('只能查看本人负责部门的评价') : new AppError('NOT_FOUND', '部门不存在', [{ field: 'departmentId', message: '部门不存在' }]);
    return { centerId: principal.centerId, departmentIds: [chosen.id], departments: [{ id: chosen.id, name: chosen.name }] };
  }
  return {
    centerId: principal.centerId,
    departmentIds: isCenterWide ? null : visible.map((d) => d.id),
    departments: visible.map((d) => ({ id: d.id, name: d.name })),
  };
}
