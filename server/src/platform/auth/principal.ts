import type { Permission, Role } from './roles.ts';

export type StaffPrincipal = {
  type: 'staff';
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  centerId: string | null;
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
