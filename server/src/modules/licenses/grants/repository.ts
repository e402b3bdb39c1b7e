import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { licenseGrantFailures, licenseGrants } from '../tables.ts';

const columns = {
  id: licenseGrants.id,
  enterpriseId: licenseGrants.enterpriseId,
  code: licenseGrants.code,
  token: licenseGrants.token,
  typeIds: licenseGrants.typeIds,
  createdAt: licenseGrants.createdAt,
  expiresAt: licenseGrants.expiresAt,
  cancelledAt: licenseGrants.cancelledAt,
  usedAt: licenseGrants.usedAt,
  usedByStaffId: licenseGrants.usedByStaffId,
  usedByName: licenseGrants.usedByName,
  usedAtCenter: licenseGrants.usedAtCenter,
  applicationRef: licenseGrants.applicationRef,
  providedLicenseIds: licenseGrants.providedLicenseIds,
  isCodeReleased: licenseGrants.isCodeReleased,
  /** the database's clock, so that every process agrees on what has expired */
  now: sql<Date>`now()`.mapWith(licenseGrants.createdAt),
};

export type GrantRow = Awaited<ReturnType<typeof findGrant>> & {};

/**
 * Frees the codes of grants that expired more than a day ago, so that their numbers can be
 * given out again; until then a late attempt still hears that its code expired.
 */
export async function releaseStaleCodes(db: DbOrTx): Promise<void> {
  await db
    .update(licenseGrants)
    .set({ isCodeReleased: true })
    .where(and(eq(licenseGrants.isCodeReleased, false), lt(licenseGrants.expiresAt, sql`now() - interval '1 day'`)));
}

/** Inserts a grant valid for `minutes`; undefined when the code is taken by a live grant. */
export async function insertGrant(db: DbOrTx, fields: { enterpriseId: string; code: string; token: string; typeIds: string[]; minutes: number }): Promise<string | undefined> {
  const [row] = await db
    .insert(licenseGrants)
    .values({
      enterpriseId: fields.enterpriseId,
      code: fields.code,
      token: fields.token,
      typeIds: fields.typeIds,
      expiresAt: sql`now() + make_interval(mins => ${fields.minutes})`,
    })
    .onConflictDoNothing()
    .returning({ id: licenseGrants.id });
  return row?.id;
}

export async function findGrant(db: DbOrTx, id: string) {
  const [row] = await db.select(columns).from(licenseGrants).where(eq(licenseGrants.id, id));
  return row;
}

/** The grant holding this code now (codes are unique among those not released). */
export async function findGrantByCode(db: DbOrTx, code: string) {
  const [row] = await db.select(columns).from(licenseGrants).where(and(eq(licenseGrants.code, code), eq(licenseGrants.isCodeReleased, false)));
  return row;
}

export async function grantsOf(db: DbOrTx, enterpriseId: string, limit: number) {
  return db.select(columns).from(licenseGrants).where(eq(licenseGrants.enterpriseId, enterpriseId)).orderBy(desc(licenseGrants.createdAt)).limit(limit);
}

export async function grantsRedeemedBy(db: DbOrTx, staffId: string, limit: number) {
  return db.select(columns).from(licenseGrants).where(eq(licenseGrants.usedByStaffId, staffId)).orderBy(desc(licenseGrants.usedAt)).limit(limit);
}

/**
 * The one-use step: only an unused, uncancelled, unexpired grant is marked used. Of two
 * clerks redeeming at once, the second finds `used_at` set and changes nothing.
 */
export async function markUsed(db: DbOrTx, id: string, use: { staffId: string | null; staffName: string; centerName: string; applicationRef: string }): Promise<boolean> {
  const rows = await db
    .update(licenseGrants)
    .set({ usedAt: sql`now()`, usedByStaffId: use.staffId, usedByName: use.staffName, usedAtCenter: use.centerName, applicationRef: use.applicationRef })
    .where(and(eq(licenseGrants.id, id), isNull(licenseGrants.usedAt), isNull(licenseGrants.cancelledAt), gt(licenseGrants.expiresAt, sql`now()`)))
    .returning({ id: licenseGrants.id });
  return rows.length === 1;
}

export async function setProvided(db: DbOrTx, id: string, licenseIds: string[]): Promise<void> {
  await db.update(licenseGrants).set({ providedLicenseIds: licenseIds }).where(eq(licenseGrants.id, id));
}

export async function cancelGrant(db: DbOrTx, id: string, enterpriseId: string): Promise<boolean> {
  const rows = await db
    .update(licenseGrants)
    .set({ cancelledAt: sql`now()` })
    .where(and(eq(licenseGrants.id, id), eq(licenseGrants.enterpriseId, enterpriseId), isNull(licenseGrants.usedAt), isNull(licenseGrants.cancelledAt), gt(licenseGrants.expiresAt, sql`now()`)))
    .returning({ id: licenseGrants.id });
  return rows.length === 1;
}

export async function recordFailure(db: DbOrTx, staffId: string): Promise<void> {
  await db.insert(licenseGrantFailures).values({ staffId });
}
