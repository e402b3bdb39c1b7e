import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { withinCenters } from '../../platform/db/center-scope.ts';
import { agencyEvents, agencyItems, agencyMaterials, agencyNumbers, agencyRequests, agencySettings } from './tables.ts';

export type RequestRow = typeof agencyRequests.$inferSelect;
export type RequestInsert = typeof agencyRequests.$inferInsert;
export type MaterialRow = typeof agencyMaterials.$inferSelect;
export type EventRow = typeof agencyEvents.$inferSelect;
export type ItemRow = typeof agencyItems.$inferSelect;

// ── high-frequency list ─────────────────────────────────────────────
export async function listItems(db: DbOrTx, centerId: string, onlyActive: boolean): Promise<ItemRow[]> {
  return db
    .select()
    .from(agencyItems)
    .where(and(eq(agencyItems.centerId, centerId), onlyActive ? eq(agencyItems.isActive, true) : undefined))
    .orderBy(asc(agencyItems.createdAt), asc(agencyItems.id));
}

export async function findItem(db: DbOrTx, id: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(agencyItems).where(eq(agencyItems.id, id));
  return row;
}

/** Inserts unless the center lists the item already (then undefined). */
export async function insertItem(db: DbOrTx, row: typeof agencyItems.$inferInsert): Promise<ItemRow | undefined> {
  const [inserted] = await db.insert(agencyItems).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Changes the item when its version is still the one read; false otherwise. */
export async function updateItem(db: DbOrTx, id: string, version: number, patch: Partial<typeof agencyItems.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(agencyItems)
    .set({ ...patch, version: sql`${agencyItems.version} + 1` })
    .where(and(eq(agencyItems.id, id), eq(agencyItems.version, version)))
    .returning({ id: agencyItems.id });
  return rows.length === 1;
}

// ── requests ────────────────────────────────────────────────────────
export async function nextNumber(db: DbOrTx, centerId: string, year: number): Promise<number> {
  const [row] = await db
    .insert(agencyNumbers)
    .values({ centerId, year, last: 1 })
    .onConflictDoUpdate({ target: [agencyNumbers.centerId, agencyNumbers.year], set: { last: sql`${agencyNumbers.last} + 1` } })
    .returning({ last: agencyNumbers.last });
  return row!.last;
}

export async function insertRequest(db: DbOrTx, row: typeof agencyRequests.$inferInsert): Promise<RequestRow> {
  const [inserted] = await db.insert(agencyRequests).values(row).returning();
  return inserted!;
}

export async function findRequest(db: DbOrTx, id: string, options: { lock?: boolean } = {}): Promise<RequestRow | undefined> {
  const query = db.select().from(agencyRequests).where(eq(agencyRequests.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Writes the patch and raises the version; the caller holds the row's lock and has checked the version. */
export async function updateRequest(db: DbOrTx, id: string, patch: Partial<typeof agencyRequests.$inferInsert>): Promise<void> {
  await db
    .update(agencyRequests)
    .set({ ...patch, updatedAt: new Date(), version: sql`${agencyRequests.version} + 1` })
    .where(eq(agencyRequests.id, id));
}

export type RequestFilter = { centers: readonly string[] | null; state?: string; agentId?: string; followUpDueBy?: string; q?: string; requestedOn?: string; states?: readonly string[] };

export async function listRequests(db: DbOrTx, filter: RequestFilter, limit = 500): Promise<RequestRow[]> {
  const conditions: (SQL | undefined)[] = [withinCenters(agencyRequests.centerId, filter.centers)];
  if (filter.state) conditions.push(eq(agencyRequests.state, filter.state as RequestRow['state']));
  if (filter.states) conditions.push(inArray(agencyRequests.state, filter.states as RequestRow['state'][]));
  if (filter.agentId) conditions.push(eq(agencyRequests.agentId, filter.agentId));
  if (filter.requestedOn) conditions.push(eq(agencyRequests.requestedOn, filter.requestedOn));
  if (filter.followUpDueBy) {
    conditions.push(inArray(agencyRequests.state, ['done', 'confirmed']), lte(agencyRequests.followUpDue, filter.followUpDueBy));
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(agencyRequests.number, like), ilike(agencyRequests.enterpriseName, like), ilike(agencyRequests.itemName, like), ilike(agencyRequests.uscc, like)));
  }
  return db
    .select()
    .from(agencyRequests)
    .where(and(...conditions))
    .orderBy(desc(agencyRequests.createdAt), desc(agencyRequests.id))
    .limit(limit);
}

export async function listOwnRequests(db: DbOrTx, enterpriseId: string): Promise<RequestRow[]> {
  return db.select().from(agencyRequests).where(eq(agencyRequests.enterpriseId, enterpriseId)).orderBy(desc(agencyRequests.createdAt), desc(agencyRequests.id)).limit(200);
}

/** The requests of the centers made between two dates (figures). */
export async function requestsBetween(db: DbOrTx, centers: readonly string[] | null, from: string, to: string): Promise<RequestRow[]> {
  return db
    .select()
    .from(agencyRequests)
    .where(and(withinCenters(agencyRequests.centerId, centers), gte(agencyRequests.requestedOn, from), lte(agencyRequests.requestedOn, to)));
}

// ── materials and events ────────────────────────────────────────────
export async function insertMaterial(db: DbOrTx, row: typeof agencyMaterials.$inferInsert): Promise<void> {
  await db.insert(agencyMaterials).values(row);
}

export async function listMaterials(db: DbOrTx, requestIds: readonly string[]): Promise<MaterialRow[]> {
  if (requestIds.length === 0) return [];
  return db.select().from(agencyMaterials).where(inArray(agencyMaterials.requestId, [...requestIds])).orderBy(asc(agencyMaterials.receivedAt), asc(agencyMaterials.id));
}

/** Marks the material returned unless it was already; false when it was (or is not this request's). */
export async function returnMaterial(db: DbOrTx, requestId: string, materialId: string, at: Date, by: string): Promise<boolean> {
  const rows = await db
    .update(agencyMaterials)
    .set({ returnedAt: at, returnedBy: by })
    .where(and(eq(agencyMaterials.id, materialId), eq(agencyMaterials.requestId, requestId), isNull(agencyMaterials.returnedAt)))
    .returning({ id: agencyMaterials.id });
  return rows.length === 1;
}

export async function findMaterial(db: DbOrTx, requestId: string, materialId: string): Promise<MaterialRow | undefined> {
  const [row] = await db.select().from(agencyMaterials).where(and(eq(agencyMaterials.id, materialId), eq(agencyMaterials.requestId, requestId)));
  return row;
}

export async function insertEvent(db: DbOrTx, row: typeof agencyEvents.$inferInsert): Promise<void> {
  await db.insert(agencyEvents).values(row);
}

export async function listEvents(db: DbOrTx, requestId: string): Promise<EventRow[]> {
  return db.select().from(agencyEvents).where(eq(agencyEvents.requestId, requestId)).orderBy(asc(agencyEvents.at), asc(agencyEvents.id));
}

// ── settings ────────────────────────────────────────────────────────
export async function followUpDaysOf(db: DbOrTx, centerId: string): Promise<number> {
  const [row] = await db.select({ days: agencySettings.followUpDays }).from(agencySettings).where(eq(agencySettings.centerId, centerId));
  return row?.days ?? 3;
}

export async function setFollowUpDays(db: DbOrTx, centerId: string, days: number): Promise<void> {
  await db
    .insert(agencySettings)
    .values({ centerId, followUpDays: days })
    .onConflictDoUpdate({ target: agencySettings.centerId, set: { followUpDays: days, updatedAt: new Date() } });
}

/** Keeps the rendered agreement PDF (no version change: the agreement itself is unchanged). */
export async function setAgreementFile(db: DbOrTx, id: string, fileId: string): Promise<void> {
  await db.update(agencyRequests).set({ agreementFileId: fileId }).where(eq(agencyRequests.id, id));
}
