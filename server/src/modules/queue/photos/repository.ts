import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { staffPhotos } from '../tables.ts';

export async function findPhoto(db: DbOrTx, staffId: string) {
  const [row] = await db.select({ fileId: staffPhotos.fileId, updatedAt: staffPhotos.updatedAt }).from(staffPhotos).where(eq(staffPhotos.staffId, staffId));
  return row;
}

/** Sets the staff member's photo; returns the file of the photo it replaces, if any. */
export async function replacePhoto(db: DbOrTx, staffId: string, fileId: string): Promise<string | undefined> {
  const [before] = await db.select({ fileId: staffPhotos.fileId }).from(staffPhotos).where(eq(staffPhotos.staffId, staffId)).for('update');
  await db
    .insert(staffPhotos)
    .values({ staffId, fileId })
    .onConflictDoUpdate({ target: staffPhotos.staffId, set: { fileId, updatedAt: sql`clock_timestamp()` } });
  return before?.fileId;
}
