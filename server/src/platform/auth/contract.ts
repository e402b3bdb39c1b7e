import { z } from 'zod';
import { uscc } from '../http/schemas.ts';
import { PERMISSIONS, ROLES } from './roles.ts';

export const staffLoginBody = z.strictObject({
  // lower-casing may lengthen a name (İ → i̇): the limit holds for the form the lock is kept under
  username: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((name) => [...name.toLowerCase()].length <= 64, '用户名过长'),
  password: z.string().min(1).max(200),
});

export const enterpriseLoginBody = z.strictObject({
  uscc,
  password: z.string().min(1).max(200),
});

export const newPassword = z
  .string()
  .min(8, '至少 8 个字符')
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '须同时包含字母和数字');

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword,
});

export const meResponse = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('staff'),
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.enum(PERMISSIONS)),
    centerId: z.string().nullable(),
    departmentId: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
  z.object({ type: z.literal('enterprise'), id: z.string(), uscc: z.string(), name: z.string() }),
]);
export type Me = z.infer<typeof meResponse>;
