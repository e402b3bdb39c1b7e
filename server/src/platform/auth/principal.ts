import type { Permission, Role } from './roles.ts';

export type StaffPrincipal = {
  type: 'staff';
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  centerId: string | null;
  /**
   * The centers whose data this staff member reads and acts on: their own, and for a region's
   * roles (center manager, chief officer, auditor) the centers below it; null (all) for
   * administrators and the installation's auditor (no center); empty for other staff without one.
   */
  centerScope: readonly string[] | null;
  departmentId: string | null;
  mustChangePassword: boolean;
};

export type EnterprisePrincipal = {
  type: 'enterprise';
  id: string;
  uscc: string;
  name: string;
};

export type Principal = StaffPrincipal | EnterprisePrincipal;

/** Whether this center is within the staff member's scope (StaffPrincipal.centerScope). */
export function isCenterInScope(staff: StaffPrincipal, centerId: string | null): boolean {
  return staff.centerScope === null || (centerId !== null && staff.centerScope.includes(centerId));
}
