import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.ts';
import { newPassword } from '../../platform/auth/contract.ts';
import { uscc, version } from '../../platform/http/schemas.ts';

export const SETTLEMENTS = ['staff', 'items'] as const;

const name = z.string().trim().min(1).max(100);

export const department = z.object({
  id: z.string(),
  centerId: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  settlement: z.enum(SETTLEMENTS),
  chiefOfficerId: z.string().nullable(),
  chiefOfficerName: z.string().nullable(),
  phone: z.string(),
  isActive: z.boolean(),
  version: z.number(),
});
export type DepartmentDto = z.infer<typeof department>;
/** Fields as sent; defaults only on creation, so that a patch never blanks what it does not name. */
const departmentFields = {
  name,
  uscc: uscc.nullable().optional(),
  settlement: z.enum(SETTLEMENTS),
  chiefOfficerId: z.uuid().nullable().optional(),
  phone: z.string().trim().max(50),
};
export const departmentInput = z.strictObject({ ...departmentFields, phone: departmentFields.phone.default('') });
export const departmentPatch = z.strictObject(departmentFields).partial().extend({ version, isActive: z.boolean().optional() }).strict();

export const staffMember = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  staffNumber: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  centerId: z.string().nullable(),
  departmentId: z.string().nullable(),
  counterId: z.string().nullable(),
  isActive: z.boolean(),
  isDemo: z.boolean(),
  mustChangePassword: z.boolean(),
  /** after too many failed logins, the next try must wait (the delay is running) */
  isLocked: z.boolean(),
  /** has a confirmed second factor (TOTP): every login asks for a code */
  hasTotp: z.boolean(),
  version: z.number(),
});
export type StaffDto = z.infer<typeof staffMember>;

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{2,63}$/, '用户名为 3–64 位字母、数字或 . _ -，以字母开头');
const roles = z.array(z.enum(ROLES)).min(1, '至少选择一个岗位角色').max(ROLES.length);

export const staffInput = z.strictObject({
  username,
  displayName: name,
  staffNumber: z.string().trim().max(32).nullable().optional(),
  password: newPassword,
  roles,
  centerId: z.uuid().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  counterId: z.uuid().nullable().optional(),
});
export const staffPatch = z.strictObject({
  version,
  displayName: name.optional(),
  staffNumber: z.string().trim().max(32).nullable().optional(),
  roles: roles.optional(),
  centerId: z.uuid().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  counterId: z.uuid().nullable().optional(),
  isActive: z.boolean().optional(),
});
export const staffQuery = z.strictObject({
  centerId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(64).optional(),
});
export const resetPasswordBody = z.strictObject({ password: newPassword });

export const STAFF_APPROVAL_KINDS = ['update', 'reset_password', 'reset_totp'] as const;
export const STAFF_APPROVAL_REASONS = ['own_roles', 'privileged_role', 'privileged_account'] as const;

/** A change to a staff account waiting for, or decided by, a second administrator. */
export const staffApproval = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  kind: z.enum(STAFF_APPROVAL_KINDS),
  reason: z.enum(STAFF_APPROVAL_REASONS),
  /** update: the roles asked for (null when the roles are not changed) */
  roles: z.array(z.enum(ROLES)).nullable(),
  state: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type StaffApprovalDto = z.infer<typeof staffApproval>;
