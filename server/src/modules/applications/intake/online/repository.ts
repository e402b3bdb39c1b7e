import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../platform/db/database.ts';
import { onlineDrafts } from './tables.ts';

export type DraftRow = typeof onlineDrafts.$inferSelect;
export type DraftWrite = Pick<DraftRow, 'centerId' | 'enterpriseId' | 'kind' | 'itemCode' | 'itemName' | 'answers' | 'materials'>;

/** Inserts a draft; null when the enterprise has one for this item already (the unique index decides). */
export async function insertDraft(db: DbOrTx, row: DraftWrite, now: Date): Promise<string | null> {
  const [created] = await db
    .insert(onlineDrafts)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: onlineDrafts.id });
  return created?.id ?? null;
}

/** Updates a draft at the version the caller saw; 0 when it moved on or is gone. */
export async function updateDraft(db: DbOrTx, id: string, expected: number, patch: Pick<DraftRow, 'itemName' | 'answers' | 'materials'>, now: Date): Promise<number> {
  const rows = await db
    .update(onlineDrafts)
    .set({ ...patch, version: sql`${onlineDrafts.version} + 1`, updatedAt: now })
    .where(and(eq(onlineDrafts.id, id), eq(onlineDrafts.version, expected)))
    .returning({ id: onlineDrafts.id });
  return rows.length;
}

export async function findDraft(db: DbOrTx, id: string): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(onlineDrafts).where(eq(onlineDrafts.id, id));
  return row;
}

export async function findDraftOfItem(db: DbOrTx, enterpriseId: string, centerId: string, itemCode: string, kind: 'item' | 'bundle' = 'item'): Promise<DraftRow | undefined> {
  const [row] = await db
    .select()
    .from(onlineDrafts)
    .where(and(eq(onlineDrafts.enterpriseId, enterpriseId), eq(onlineDrafts.centerId, centerId), eq(onlineDrafts.kind, kind), eq(onlineDrafts.itemCode, itemCode)));
  return row;
}

export async function draftsOf(db: DbOrTx, enterpriseId: string): Promise<DraftRow[]> {
  return db.select().from(onlineDrafts).where(eq(onlineDrafts.enterpriseId, enterpriseId)).orderBy(desc(onlineDrafts.updatedAt));
}

export async function deleteDraft(db: DbOrTx, id: string): Promise<number> {
  return (await db.delete(onlineDrafts).where(eq(onlineDrafts.id, id)).returning({ id: onlineDrafts.id })).length;
}
