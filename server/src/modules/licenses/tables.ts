import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';
import { storedFiles } from '../../platform/files/tables.ts';

/** Clause 6.3.3: kinds of electronic licenses in the library (营业执照, 食品经营许可证…). */
export const licenseTypes = pgTable('license_types', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** stable key used by other modules, e.g. business_license */
  code: varchar('code', { length: 40 }).notNull().unique(),
  name: text('name').notNull().unique(),
  /** the usual issuing authority, proposed when a license is issued */
  defaultIssuer: text('default_issuer').notNull().default(''),
  /** usual validity in years; null means long-term (长期) */
  validityYears: integer('validity_years'),
  /**
   * Several licenses of this type may be held at once, one per site (经营场所), the site recorded
   * on each. Otherwise a holder holds one: a new license replaces the current one (变更、延续).
   */
  isPerSite: boolean('is_per_site').notNull().default(false),
  isActive: boolean('is_active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Licenses per holder. Valid or expired is read from the dates against the business day;
 * revocation is recorded. An uploaded document is in the file store (platform/files).
 */
export const licenses = pgTable(
  'licenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => licenseTypes.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    number: varchar('number', { length: 64 }).notNull(),
    issuer: text('issuer').notNull(),
    validFrom: date('valid_from').notNull(),
    /** null: long-term */
    validTo: date('valid_to'),
    /** the application whose result this license is, when issued by the applications module */
    applicationRef: text('application_ref').notNull().default(''),
    /** the site (经营场所) of a license of a per-site type; '' for the others */
    site: text('site').notNull().default(''),
    /** replaced by a newer license of the same type, holder and site (已被替换): no longer valid, kept as history */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededById: uuid('superseded_by_id').references((): AnyPgColumn => licenses.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason').notNull().default(''),
    revokedBy: text('revoked_by').notNull().default(''),
    /** the uploaded document in the file store; null: the document is rendered from the record */
    documentFileId: uuid('document_file_id').references(() => storedFiles.id),
    /**
     * Before the one file store: the path under DATA_DIR/files of an uploaded document and its
     * name. The upgrade at start moves such a file into the store and clears the path.
     */
    documentPath: text('document_path'),
    documentName: text('document_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('licenses_type_number').on(t.typeId, t.number),
    index('licenses_enterprise').on(t.enterpriseId),
    /** one current license per holder, type and site: concurrent issuances cannot leave two */
    uniqueIndex('licenses_current').on(t.typeId, t.enterpriseId, t.site).where(sql`${t.revokedAt} is null and ${t.supersededAt} is null`),
    check('licenses_dates', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * 亮码 / 一键授权: the holder's short-lived, one-use code for chosen license types. The
 * 6-digit code is unique among codes not yet released (a code is released a day after it
 * expired, so a late attempt still hears "expired" rather than reaching someone else's grant).
 */
export const licenseGrants = pgTable(
  'license_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    code: varchar('code', { length: 6 }).notNull(),
    /** random secret carried by the QR code along with the 6 digits */
    token: varchar('token', { length: 43 }).notNull(),
    typeIds: uuid('type_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByStaffId: uuid('used_by_staff_id'),
    usedByName: text('used_by_name').notNull().default(''),
    usedAtCenter: text('used_at_center').notNull().default(''),
    applicationRef: text('application_ref').notNull().default(''),
    /** the licenses handed over at redemption */
    providedLicenseIds: uuid('provided_license_ids').array().notNull().default(sql`'{}'::uuid[]`),
    isCodeReleased: boolean('is_code_released').notNull().default(false),
  },
  (t) => [
    uniqueIndex('license_grants_live_code').on(t.code).where(sql`not ${t.isCodeReleased}`),
    index('license_grants_enterprise').on(t.enterpriseId, t.createdAt),
    index('license_grants_used_by').on(t.usedByStaffId, t.usedAt),
    check('license_grants_code_digits', sql`${t.code} ~ '^[0-9]{6}$'`),
  ],
);

/** Failed redemption attempts per staff member, to stop anyone trying codes at random. */
export const licenseGrantFailures = pgTable(
  'license_grant_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    staffId: uuid('staff_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('license_grant_failures_staff').on(t.staffId, t.at)],
);
