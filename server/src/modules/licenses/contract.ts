import { z } from 'zod';
import { isoDate, pageQuery, version } from '../../platform/http/schemas.ts';

/** The e-license library (电子证照库) and license grants (亮码 / 一键授权), clause 6.3.3. */

/** superseded: replaced by a newer license of the same type, holder and site (已被替换). */
export const LICENSE_STATUSES = ['valid', 'expired', 'superseded', 'revoked'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const GRANT_STATUSES = ['active', 'used', 'expired', 'cancelled'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** How long a grant code lives, and how many times it may be used. */
export const GRANT_MINUTES = 10;

const text = (max: number) => z.string().trim().max(max);

export const licenseType = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  defaultIssuer: z.string(),
  validityYears: z.number().nullable(),
  /** several held at once, one per site (经营场所); otherwise a new license replaces the current one */
  isPerSite: z.boolean(),
  isActive: z.boolean(),
  version: z.number(),
});
export type LicenseTypeDto = z.infer<typeof licenseType>;

const licenseTypeShapes = {
  name: text(50).min(1),
  defaultIssuer: text(100),
  validityYears: z.number().int().min(1).max(100).nullable(),
};
export const licenseTypeInput = z.strictObject({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '代码为 2–40 位小写字母、数字或下划线，以字母开头'),
  ...licenseTypeShapes,
  defaultIssuer: licenseTypeShapes.defaultIssuer.default(''),
  validityYears: licenseTypeShapes.validityYears.default(null),
  /** set when the type is created: changing it later would mix the two rules in one library */
  isPerSite: z.boolean().default(false),
});
/** No defaults here: a change leaves the fields it does not name alone. */
export const licenseTypePatch = z.strictObject(licenseTypeShapes).partial().extend({ version, isActive: z.boolean().optional() }).strict();

export const license = z.object({
  id: z.string(),
  type: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  holder: z.object({ enterpriseId: z.string(), uscc: z.string(), name: z.string() }),
  number: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(LICENSE_STATUSES),
  applicationRef: z.string(),
  /** the site (经营场所) of a per-site type's license; '' otherwise */
  site: z.string(),
  /** the license that replaced this one */
  supersededBy: z.object({ id: z.string(), number: z.string(), at: z.string() }).nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string(),
  document: z.object({ isUploaded: z.boolean(), name: z.string(), mediaType: z.string() }),
  version: z.number(),
  createdAt: z.string(),
});
export type LicenseDto = z.infer<typeof license>;

export const licenseSearch = z.strictObject({
  /** holder code (exact) or the start of a license number */
  q: text(64).optional(),
  typeId: z.uuid().optional(),
  status: z.enum(LICENSE_STATUSES).optional(),
  ...pageQuery,
});
export const licensePage = z.object({ items: z.array(license), total: z.number(), page: z.number(), pageSize: z.number() });

/** Manual issuance by an administrator; the applications module calls `issueLicense` directly. */
export const licenseIssueInput = z.strictObject({
  typeId: z.uuid(),
  uscc: text(40),
  /** empty: generated */
  licenseNumber: text(64).optional(),
  issuer: text(100).optional(),
  validFrom: isoDate,
  /** omitted: from the type's usual validity; null: long-term */
  validTo: isoDate.nullable().optional(),
  /** required for a per-site type, refused for the others */
  site: text(100).optional(),
  applicationRef: text(100).default(''),
});
export const licenseRevokeInput = z.strictObject({ reason: text(200).min(2), version });

export const grantInput = z.strictObject({ typeIds: z.array(z.uuid()).min(1, '请至少选择一类证照').max(20) });

export const grantUse = z.object({
  usedAt: z.string(),
  usedByName: z.string(),
  usedAtCenter: z.string(),
  applicationRef: z.string(),
  licenses: z.array(z.object({ id: z.string(), typeName: z.string(), number: z.string() })),
});

export const grant = z.object({
  id: z.string(),
  status: z.enum(GRANT_STATUSES),
  /** shown while the grant can still be used */
  code: z.string().nullable(),
  /** the QR code (an SVG data URL) while the grant can still be used */
  qrDataUrl: z.string().nullable(),
  types: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** seconds left, by the server's clock, so a countdown does not depend on the device's clock */
  secondsLeft: z.number(),
  cancelledAt: z.string().nullable(),
  use: grantUse.nullable(),
});
export type GrantDto = z.infer<typeof grant>;

export const redeemInput = z.strictObject({
  /** the 6 digits the holder shows, or the text a scanner reads from the QR code */
  code: text(200).min(1),
  applicationRef: text(100).default(''),
});

export const redemption = z.object({
  grantId: z.string(),
  holder: z.object({ enterpriseId: z.string(), uscc: z.string(), name: z.string() }),
  redeemedAt: z.string(),
  applicationRef: z.string(),
  licenses: z.array(license),
});
export type RedemptionDto = z.infer<typeof redemption>;
