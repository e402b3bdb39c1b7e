import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { withinCenters } from '../../../platform/db/center-scope.ts';
import { ticketsOfCenterSince } from '../../queue/lookups.ts';
import { centers } from '../tables.ts';
import type { PointKind } from './contract.ts';
import { itemDelegations, pointReceipts, servicePoints } from './tables.ts';

const pointColumns = {
  id: centers.id,
  name: centers.name,
  level: centers.level,
  parentId: centers.parentId,
  address: centers.address,
  phone: centers.phone,
  openingHours: centers.openingHours,
  kind: sql<PointKind>`coalesce(${servicePoints.kind}, 'government')`,
  kindVersion: sql<number>`coalesce(${servicePoints.version}, 0)`,
};

/** Town and village centers (nearby service points), active ones, within the scope when one is given. */
export async function listPoints(db: DbOrTx, scope?: readonly string[] | null) {
  return db
    .select(pointColumns)
    .from(centers)
    .leftJoin(servicePoints, eq(servicePoints.centerId, centers.id))
    .where(and(inArray(centers.level, ['town', 'village']), eq(centers.isActive, true), withinCenters(centers.id, scope)))
    .orderBy(asc(centers.level), asc(centers.name));
}

export async function findPoint(db: DbOrTx, id: string) {
  const [row] = await db
    .select(pointColumns)
    .from(centers)
    .leftJoin(servicePoints, eq(servicePoints.centerId, centers.id))
    .where(and(eq(centers.id, id), inArray(centers.level, ['town', 'village'])));
  return row;
}

/** Sets the kind; false when the version is stale (0 stands for "never set"). */
export async function saveKind(db: DbOrTx, centerId: string, kind: PointKind, version: number, now: Date): Promise<boolean> {
  if (version === 0) {
    const rows = await db.insert(servicePoints).values({ centerId, kind, updatedAt: now }).onConflictDoNothing().returning({ id: servicePoints.centerId });
    return rows.length === 1;
  }
  const rows = await db
    .update(servicePoints)
    .set({ kind, version: sql`${servicePoints.version} + 1`, updatedAt: now })
    .where(and(eq(servicePoints.centerId, centerId), eq(servicePoints.version, version)))
    .returning({ id: servicePoints.centerId });
  return rows.length === 1;
}

export type DelegationRow = typeof itemDelegations.$inferSelect;

export async function listDelegations(db: DbOrTx, f: { centerId?: string; itemIds?: string[]; activeOnly?: boolean; publishedOnly?: boolean }) {
  const where = [
    f.centerId ? eq(itemDelegations.centerId, f.centerId) : undefined,
    f.itemIds ? (f.itemIds.length ? inArray(itemDelegations.itemId, f.itemIds) : sql`false`) : undefined,
    f.activeOnly ? ne(itemDelegations.state, 'revoked') : undefined,
    f.publishedOnly ? eq(itemDelegations.state, 'published') : undefined,
  ];
  return db.select().from(itemDelegations).where(and(...where)).orderBy(desc(itemDelegations.createdAt));
}

export async function findDelegation(db: DbOrTx, id: string): Promise<DelegationRow | undefined> {
  const [row] = await db.select().from(itemDelegations).where(eq(itemDelegations.id, id));
  return row;
}

export async function findActiveDelegation(db: DbOrTx, centerId: string, itemId: string): Promise<DelegationRow | undefined> {
  const [row] = await db
    .select()
    .from(itemDelegations)
    .where(and(eq(itemDelegations.centerId, centerId), eq(itemDelegations.itemId, itemId), ne(itemDelegations.state, 'revoked')));
  return row;
}

/** Inserts a delegation; undefined when the point already has one for the item (unique index). */
export async function insertDelegation(db: DbOrTx, row: { centerId: string; ownerCenterId: string; itemId: string; createdByName: string; createdAt: Date }) {
  const [created] = await db
    .insert(itemDelegations)
    .values({ ...row, state: 'delegated' })
    .onConflictDoNothing()
    .returning();
  return created;
}

export async function updateDelegation(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<Pick<DelegationRow, 'state' | 'publishedByName' | 'publishedAt' | 'revokedAt'>>,
): Promise<DelegationRow | undefined> {
  const [row] = await db
    .update(itemDelegations)
    .set({ ...patch, version: sql`${itemDelegations.version} + 1` })
    .where(and(eq(itemDelegations.id, id), eq(itemDelegations.version, version)))
    .returning();
  return row;
}

export async function insertReceipt(db: DbOrTx, row: typeof pointReceipts.$inferInsert) {
  await db.insert(pointReceipts).values(row);
}

/** Figures of a point since a moment: tickets issued there, applications received there, by item. */
export async function pointFigures(db: DbOrTx, centerId: string, since: Date) {
  const [tickets] = await db.select({ n: ticketsOfCenterSince(centers.id, since) }).from(centers).where(eq(centers.id, centerId));
  const byItem = await db
    .select({ code: pointReceipts.code, name: pointReceipts.name, applications: count() })
    .from(pointReceipts)
    .where(and(eq(pointReceipts.centerId, centerId), sql`${pointReceipts.receivedAt} >= ${since.toISOString()}`))
    .groupBy(pointReceipts.code, pointReceipts.name)
    .orderBy(desc(count()), asc(pointReceipts.code));
  return { tickets: Number(tickets?.n ?? 0), byItem: byItem.map((r) => ({ ...r, applications: Number(r.applications) })) };
}

export async function findReceipt(db: DbOrTx, applicationId: string) {
  const [row] = await db.select({ centerId: pointReceipts.centerId }).from(pointReceipts).where(eq(pointReceipts.applicationId, applicationId));
  return row;
}

/** The applications received at a point (委托受理), for its own lists. */
export async function listReceivedIds(db: DbOrTx, centerId: string): Promise<string[]> {
  const rows = await db.select({ id: pointReceipts.applicationId }).from(pointReceipts).where(eq(pointReceipts.centerId, centerId));
  return rows.map((r) => r.id);
}
