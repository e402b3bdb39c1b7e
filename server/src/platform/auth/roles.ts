/** Clause 5.1: the posts of service and management staff. */
export const ROLES = [
  'guide',
  'filing_assistant',
  'counter_clerk',
  'back_office_reviewer',
  'agency_agent',
  'policy_officer',
  'talent_officer',
  'center_manager',
  'chief_officer',
  'administrator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** What a route may demand. Every route names one; there is no default. */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'staff.read',
  'staff.manage',
  'audit.read',
  'calendar.manage',
  'notification.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A route's access rule: a permission, or one of these principals. */
export type Access =
  | Permission
  /** anyone, logged in or not */
  | 'public'
  /** any logged-in staff member or enterprise */
  | 'authenticated'
  /** a logged-in enterprise account (the portal) */
  | 'enterprise';

const ALL_STAFF: Permission[] = ['org.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  guide: ALL_STAFF,
  filing_assistant: ALL_STAFF,
  counter_clerk: ALL_STAFF,
  back_office_reviewer: ALL_STAFF,
  agency_agent: ALL_STAFF,
  policy_officer: ALL_STAFF,
  talent_officer: ALL_STAFF,
  center_manager: [...ALL_STAFF, 'staff.read', 'audit.read', 'calendar.manage', 'notification.read'],
  chief_officer: [...ALL_STAFF, 'staff.read'],
  administrator: [...ALL_STAFF, 'org.manage', 'staff.read', 'staff.manage', 'audit.read', 'calendar.manage', 'notification.read'],
  auditor: [...ALL_STAFF, 'staff.read', 'audit.read', 'notification.read'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]))].sort();
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
