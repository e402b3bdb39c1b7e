import { z } from 'zod';
import { uscc } from '../http/schemas.ts';
import { zhCN } from '../../locales/zh-CN.ts';
import { PERMISSIONS, ROLES } from './roles.ts';
import { TOTP_CODE } from './totp.ts';

/** The 6-digit code an authenticator app shows. */
export const totpCode = z.string().regex(TOTP_CODE, zhCN.auth.totpFormat);

export const staffLoginBody = z.strictObject({
  // lower-casing may lengthen a name (İ → i̇): the limit holds for the form the lock is kept under
  username: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((name) => [...name.toLowerCase()].length <= 64, '用户名过长'),
  password: z.string().min(1).max(200),
  /** the second factor's code, for an account that has one (asked for with TOTP_REQUIRED) */
  totp: totpCode.optional(),
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
/** Who is signed in, or nobody: the web app asks this on every page (an anonymous visit is no error). */
export const sessionResponse = z.object({ me: meResponse.nullable() });

export const totpStatusResponse = z.object({
  /** none: no second factor; pending: enrolment started, waiting for its first code; enrolled: every login asks for a code */
  state: z.enum(['none', 'pending', 'enrolled']),
  /** administrators and chief officers are asked to enrol */
  isRecommended: z.boolean(),
});
export type TotpStatusDto = z.infer<typeof totpStatusResponse>;

export const totpEnrolmentResponse = z.object({
  /** base32, for typing into an app by hand */
  secret: z.string(),
  /** otpauth:// URI, shown as a QR code */
  uri: z.string(),
});
export type TotpEnrolmentDto = z.infer<typeof totpEnrolmentResponse>;

export const totpCodeBody = z.strictObject({ totp: totpCode });

/** Starting an enrolment asks for the password again: a session left open is not enough to bind a device. */
export const totpEnrolmentBody = z.strictObject({ currentPassword: z.string().min(1).max(200) });
