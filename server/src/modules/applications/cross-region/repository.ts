import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { withinCenters } from '../../../platform/db/center-scope.ts';
import { applications } from '../tables.ts';
import { crossRegionFiles, crossRegionHandovers, crossRegionItems, crossRegionParts } from './tables.ts';

/** 跨域通办: the directory, the hand-overs with their files and parts. */

export type DirectoryRow = typeof crossRegionItems.$inferSelect;
export type HandoverRow = typeof crossRegionHandovers.$inferSelect;
export type HandoverWrite = typeof crossRegionHandovers.$inferInsert;
export type HandoverPatch = Partial<Omit<HandoverWrite, 'id' | 'centerId' | 'version' | 'createdAt'>>;
export type PartRow = typeof crossRegionParts.$inferSelect;

export async function listDirectory(db: DbOrTx, centerId?: string): Promise<DirectoryRow[]> {
  return db
    .select()
    .from(crossRegionItems)
    .where(centerId ? eq(crossRegionItems.centerId, centerId) : undefined)
    .orderBy(asc(crossRegionItems.itemCode));
}

export async function findDirectoryEntry(db: DbOrTx, centerId: string, itemCode: string): Promise<DirectoryRow | undefined> {
  const [row] = await db.select().from(crossRegionItems).where(and(eq(crossRegionItems.centerId, centerId), eq(crossRegionItems.itemCode, itemCode)));
  return row;
}

/** Inserts or replaces the center's entry of the item (one entry per item and center). */
export async function upsertDirectoryEntry(db: DbOrTx, row: typeof crossRegionItems.$inferInsert, now: Date): Promise<DirectoryRow> {
  const [saved] = await db
    .insert(crossRegionItems)
    .values(row)
    .onConflictDoUpdate({
      target: [crossRegionItems.centerId, crossRegionItems.itemCode],
      set: { itemName: row.itemName, modes: row.modes, partnerRegionCodes: row.partnerRegionCodes, note: row.note, updatedAt: now, version: sql`${crossRegionItems.version} + 1` },
    })
    .returning();
  return saved!;
}

export async function insertHandover(db: DbOrTx, row: HandoverWrite): Promise<string> {
  const [created] = await db.insert(crossRegionHandovers).values(row).returning({ id: crossRegionHandovers.id });
  return created!.id;
}

export async function findHandover(db: DbOrTx, id: string): Promise<HandoverRow | undefined> {
  const [row] = await db.select().from(crossRegionHandovers).where(eq(crossRegionHandovers.id, id));
  return row;
}

export async function lockHandover(db: DbOrTx, id: string): Promise<HandoverRow | undefined> {
  const [row] = await db.select().from(crossRegionHandovers).where(eq(crossRegionHandovers.id, id)).for('update');
  return row;
}

export async function findHandoverByApplication(db: DbOrTx, applicationId: string): Promise<HandoverRow | undefined> {
  const [row] = await db.select().from(crossRegionHandovers).where(eq(crossRegionHandovers.applicationId, applicationId));
  return row;
}

/** Writes the patch if the version still matches; false when someone else changed it first. */
export async function updateHandover(db: DbOrTx, id: string, expectedVersion: number, patch: HandoverPatch, now: Date): Promise<boolean> {
  const rows = await db
    .update(crossRegionHandovers)
    .set({ ...patch, updatedAt: now, version: sql`${crossRegionHandovers.version} + 1` })
    .where(and(eq(crossRegionHandovers.id, id), eq(crossRegionHandovers.version, expectedVersion)))
    .returning({ id: crossRegionHandovers.id });
  return rows.length === 1;
}

/** The hand-overs received in the scope's centers, or those whose competent center is in it. */
export async function listHandovers(db: DbOrTx, side: 'received' | 'competent', scope: readonly string[] | null): Promise<HandoverRow[]> {
  const column = side === 'received' ? crossRegionHandovers.centerId : crossRegionHandovers.competentCenterId;
  const where: SQL | undefined = side === 'competent' ? and(sql`${crossRegionHandovers.competentCenterId} is not null`, withinCenters(column, scope)) : withinCenters(column, scope);
  return db.select().from(crossRegionHandovers).where(where).orderBy(desc(crossRegionHandovers.createdAt)).limit(200);
}

export async function applicationFacts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: applications.id, number: applications.number, state: applications.state, dueDate: applications.dueDate, decision: applications.decision, decisionOpinion: applications.decisionOpinion, decidedOn: applications.decidedOn })
    .from(applications)
    .where(inArray(applications.id, [...ids]));
}

export async function insertFile(db: DbOrTx, row: typeof crossRegionFiles.$inferInsert): Promise<void> {
  await db.insert(crossRegionFiles).values(row);
}

export async function listFiles(db: DbOrTx, handoverIds: readonly string[]) {
  if (handoverIds.length === 0) return [];
  return db
    .select({ id: crossRegionFiles.id, handoverId: crossRegionFiles.handoverId, fileId: crossRegionFiles.fileId, name: crossRegionFiles.name })
    .from(crossRegionFiles)
    .where(inArray(crossRegionFiles.handoverId, [...handoverIds]))
    .orderBy(asc(crossRegionFiles.createdAt), asc(crossRegionFiles.id));
}

export async function insertParts(db: DbOrTx, rows: (typeof crossRegionParts.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(crossRegionParts).values(rows);
}

export async function listParts(db: DbOrTx, handoverIds: readonly string[]): Promise<PartRow[]> {
  if (handoverIds.length === 0) return [];
  return db.select().from(crossRegionParts).where(inArray(crossRegionParts.handoverId, [...handoverIds])).orderBy(asc(crossRegionParts.handoverId), asc(crossRegionParts.position));
}

/** Marks a part done once: false when it was done already or its version moved on. */
export async function markPartDone(db: DbOrTx, handoverId: string, partId: string, expectedVersion: number, by: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(crossRegionParts)
    .set({ doneAt: now, doneByName: by, version: sql`${crossRegionParts.version} + 1` })
    .where(and(eq(crossRegionParts.id, partId), eq(crossRegionParts.handoverId, handoverId), eq(crossRegionParts.version, expectedVersion), sql`${crossRegionParts.doneAt} is null`))
    .returning({ id: crossRegionParts.id });
  return rows.length === 1;
}

