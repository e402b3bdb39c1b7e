import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { staffPhotos } from '../tables.ts';

export async function findPhotoStamp(db: DbOrTx, staffId: string): Promise<Date | undefined> {
  const [row] = await db.select({ updatedAt: staffPhotos.updatedAt }).from(staffPhotos).where(eq(staffPhotos.staffId, staffId));
  return row?.updatedAt;
}

export async function findPhoto(db: DbOrTx, staffId: string) {
  const [row] = await db
    .select({ contentType: staffPhotos.contentType, data: staffPhotos.data, updatedAt: staffPhotos.updatedAt })
    .from(staffPhotos)
    .where(eq(staffPhotos.staffId, staffId));
  return row;
}

export async function upsertPhoto(db: DbOrTx, staffId: string, contentType: string, data: Buffer): Promise<void> {
  await db
    .insert(staffPhotos)
    .values({ staffId, contentType, data })
    .onConflictDoUpdate({ target: staffPhotos.staffId, set: { contentType, data, updatedAt: sql`now()` } });
}
