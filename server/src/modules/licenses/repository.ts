import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { insertJsonRows } from '../../platform/db/bulk-insert.ts';
import { licenses, licenseTypes } from './tables.ts';
import type { LicenseStatus } from './contract.ts';

// License types

const typeColumns = {
  id: licenseTypes.id,
  code: licenseTypes.code,
  name: licenseTypes.name,
  defaultIssuer: licenseTypes.defaultIssuer,
  validityYears: licenseTypes.validityYears,
  isPerSite: licenseTypes.isPerSite,
  isActive: licenseTypes.isActive,
  version: licenseTypes.version,
};

export type LicenseTypeRow = Awaited<ReturnType<typeof listTypes>>[number];
export type LicenseTypeWrite = { name: string; defaultIssuer: string; validityYears: number | null };
export type LicenseTypeCreate = LicenseTypeWrite & { code: string; isPerSite: boolean };

export async function listTypes(db: DbOrTx) {
  return db.select(typeColumns).from(licenseTypes).orderBy(asc(licenseTypes.createdAt), asc(licenseTypes.name));
}

export async function findType(db: DbOrTx, id: string) {
  const [row] = await db.select(typeColumns).from(licenseTypes).where(eq(licenseTypes.id, id));
  return row;
}

export async function findTypeByCode(db: DbOrTx, code: string) {
  const [row] = await db.select(typeColumns).from(licenseTypes).where(eq(licenseTypes.code, code));
  return row;
}

export async function insertType(db: DbOrTx, fields: LicenseTypeCreate): Promise<string | undefined> {
  const [row] = await db.insert(licenseTypes).values(fields).onConflictDoNothing().returning({ id: licenseTypes.id });
  return row?.id;
}

export async function updateType(db: DbOrTx, id: string, version: number, fields: Partial<LicenseTypeWrite> & { isActive?: boolean }): Promise<boolean> {
  const rows = await db
    .update(licenseTypes)
    .set({ ...fields, version: sql`${licenseTypes.version} + 1` })
    .where(and(eq(licenseTypes.id, id), eq(licenseTypes.version, version)))
    .returning({ id: licenseTypes.id });
  return rows.length === 1;
}

// Licenses

const licenseColumns = {
  id: licenses.id,
  typeId: licenses.typeId,
  enterpriseId: licenses.enterpriseId,
  number: licenses.number,
  issuer: licenses.issuer,
  validFrom: licenses.validFrom,
  validTo: licenses.validTo,
  applicationRef: licenses.applicationRef,
  site: licenses.site,
  supersededAt: licenses.supersededAt,
  supersededById: licenses.supersededById,
  revokedAt: licenses.revokedAt,
  revokedReason: licenses.revokedReason,
  documentFileId: licenses.documentFileId,
  documentPath: licenses.documentPath,
  documentName: licenses.documentName,
  version: licenses.version,
  createdAt: licenses.createdAt,
};

export type LicenseRow = Awaited<ReturnType<typeof findLicense>> & {};

export type LicenseWrite = {
  typeId: string;
  enterpriseId: string;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string | null;
  applicationRef: string;
  site: string;
};

export async function findLicense(db: DbOrTx, id: string) {
  const [row] = await db.select(licenseColumns).from(licenses).where(eq(licenses.id, id));
  return row;
}

export async function findLicensesByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(licenseColumns).from(licenses).where(inArray(licenses.id, ids));
}

/**
 * Returns undefined when the type already has a license with that number, or when the holder
 * already has a current license of the type for the site (one issued at the same moment by
 * another request: `licenses_current`; the insert waits for that request to finish).
 */
export async function insertLicense(db: DbOrTx, fields: LicenseWrite): Promise<string | undefined> {
  const [row] = await db.insert(licenses).values(fields).onConflictDoNothing().returning({ id: licenses.id });
  return row?.id;
}

export async function isNumberTaken(db: DbOrTx, typeId: string, number: string): Promise<boolean> {
  const [row] = await db.select({ id: licenses.id }).from(licenses).where(and(eq(licenses.typeId, typeId), eq(licenses.number, number)));
  return row !== undefined;
}

/**
 * Marks the holder's current license of the type for the site as replaced (a row lock: a second
 * issuance at the same moment waits, then finds it replaced already). The link to the new
 * license follows with `linkSuperseded` once that exists.
 */
export async function supersedeCurrent(db: DbOrTx, key: { typeId: string; enterpriseId: string; site: string }): Promise<string[]> {
  const rows = await db
    .update(licenses)
    .set({ supersededAt: sql`now()`, version: sql`${licenses.version} + 1` })
    .where(and(eq(licenses.typeId, key.typeId), eq(licenses.enterpriseId, key.enterpriseId), eq(licenses.site, key.site), isNull(licenses.revokedAt), isNull(licenses.supersededAt)))
    .returning({ id: licenses.id });
  return rows.map((r) => r.id);
}

export async function linkSuperseded(db: DbOrTx, ids: string[], newId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.update(licenses).set({ supersededById: newId }).where(inArray(licenses.id, ids));
}

/** The numbers of the licenses that replaced others, by id. */
export async function numbersOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: licenses.id, number: licenses.number }).from(licenses).where(inArray(licenses.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

export type BulkLicenseWrite = LicenseWrite & { id: string; revokedAt?: Date; revokedReason?: string; supersededAt?: Date; supersededById?: string };

export async function insertLicenses(db: DbOrTx, rows: BulkLicenseWrite[]) {
  await insertJsonRows(
    db,
    licenses,
    rows.map((r) => ({ ...r, revokedAt: r.revokedAt ?? null, revokedReason: r.revokedReason ?? '', supersededAt: r.supersededAt ?? null, supersededById: r.supersededById ?? null })),
  );
}

/** A holder's licenses, optionally only of some types and only those valid on `validOn`. */
export async function licensesOf(db: DbOrTx, enterpriseId: string, filter: { typeIds?: string[]; validOn?: string } = {}) {
  const conditions: SQL[] = [eq(licenses.enterpriseId, enterpriseId)];
  if (filter.typeIds) conditions.push(inArray(licenses.typeId, filter.typeIds));
  if (filter.validOn) conditions.push(...validOn(filter.validOn));
  return db
    .select(licenseColumns)
    .from(licenses)
    .where(and(...conditions))
    .orderBy(asc(licenses.typeId), desc(licenses.validFrom));
}

export async function searchLicenses(db: DbOrTx, f: { enterpriseId?: string; numberPrefix?: string; typeId?: string; status?: LicenseStatus; today: string; page: number; pageSize: number }) {
  const conditions: SQL[] = [];
  if (f.enterpriseId && f.numberPrefix) conditions.push(or(eq(licenses.enterpriseId, f.enterpriseId), like(licenses.number, `${f.numberPrefix}%`))!);
  else if (f.numberPrefix) conditions.push(like(licenses.number, `${f.numberPrefix}%`));
  if (f.typeId) conditions.push(eq(licenses.typeId, f.typeId));
  if (f.status === 'revoked') conditions.push(isNotNull(licenses.revokedAt));
  if (f.status === 'superseded') conditions.push(isNull(licenses.revokedAt), isNotNull(licenses.supersededAt));
  if (f.status === 'valid') conditions.push(...validOn(f.today));
  if (f.status === 'expired') conditions.push(isNull(licenses.revokedAt), isNull(licenses.supersededAt), lt(licenses.validTo, f.today));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select(licenseColumns).from(licenses).where(where).orderBy(desc(licenses.createdAt), asc(licenses.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(licenses).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function revokeLicense(db: DbOrTx, id: string, version: number, reason: string, by: string): Promise<boolean> {
  const rows = await db
    .update(licenses)
    .set({ revokedAt: sql`now()`, revokedReason: reason, revokedBy: by, version: sql`${licenses.version} + 1` })
    .where(and(eq(licenses.id, id), eq(licenses.version, version), isNull(licenses.revokedAt)))
    .returning({ id: licenses.id });
  return rows.length === 1;
}

/** Sets the uploaded document (clearing a document left on disk); returns the file it replaces, if any. */
export async function setDocument(db: DbOrTx, id: string, fileId: string): Promise<{ replacedFileId: string | null } | undefined> {
  const [before] = await db.select({ fileId: licenses.documentFileId }).from(licenses).where(eq(licenses.id, id)).for('update');
  if (!before) return undefined;
  await db
    .update(licenses)
    .set({ documentFileId: fileId, documentPath: null, documentName: null, version: sql`${licenses.version} + 1` })
    .where(eq(licenses.id, id));
  return { replacedFileId: before.fileId };
}

/** Licenses whose uploaded document is still a file under DATA_DIR/files (from before the one file store). */
export async function listDocumentsOnDisk(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: licenses.id }).from(licenses).where(and(isNotNull(licenses.documentPath), isNull(licenses.documentFileId)));
  return rows.map((r) => r.id);
}

/** One such license, locked; undefined when another process holds it or has moved its document already. */
export async function lockDocumentOnDisk(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: licenses.id, documentPath: licenses.documentPath, documentName: licenses.documentName })
    .from(licenses)
    .where(and(eq(licenses.id, id), isNotNull(licenses.documentPath), isNull(licenses.documentFileId)))
    .for('update', { skipLocked: true });
  return row?.documentPath ? { id: row.id, documentPath: row.documentPath, documentName: row.documentName } : undefined;
}

/** The moved document keeps the license's version: nothing a person sees has changed. */
export async function setMovedDocument(db: DbOrTx, id: string, fileId: string): Promise<void> {
  await db.update(licenses).set({ documentFileId: fileId, documentPath: null, documentName: null }).where(eq(licenses.id, id));
}

/** Not revoked, not replaced, started, and not past its end date (long-term licenses have none). */
function validOn(date: string): SQL[] {
  return [isNull(licenses.revokedAt), isNull(licenses.supersededAt), sql`${licenses.validFrom} <= ${date}`, or(isNull(licenses.validTo), gte(licenses.validTo, date))!];
}
