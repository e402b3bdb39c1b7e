import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { applicationNotices } from '../tables.ts';

export async function lockNotice(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: applicationNotices.id, fileId: applicationNotices.fileId }).from(applicationNotices).where(eq(applicationNotices.id, id)).for('update');
  return row;
}

export async function setNoticeFile(db: DbOrTx, id: string, fileId: string) {
  await db.update(applicationNotices).set({ fileId }).where(eq(applicationNotices.id, id));
}
