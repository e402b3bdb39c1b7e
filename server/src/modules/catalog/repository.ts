import { and, eq, sql } from 'drizzle-orm';
import { invalidate } from '../../platform/cache/cache.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { PUBLISHED_CACHE } from './published/cache-names.ts';
import { catalogBundles, catalogItems, catalogRevisions } from './tables.ts';

/** Item and bundle codes share one space per center, so a bundle member is named by its code alone. */
export async function findCodeOwner(db: DbOrTx, centerId: string, code: string): Promise<'item' | 'bundle' | null> {
  const [item] = await db
    .select({ id: catalogItems.id })
    .from(catalogItems)
    .where(and(eq(catalogItems.centerId, centerId), eq(catalogItems.code, code)));
  if (item) return 'item';
  const [bundle] = await db
    .select({ id: catalogBundles.id })
    .from(catalogBundles)
    .where(and(eq(catalogBundles.centerId, centerId), eq(catalogBundles.code, code)));
  return bundle ? 'bundle' : null;
}

/** Raises the center's catalog revision; call inside the transaction that changes what the public sees. */
export async function bumpRevision(db: DbOrTx, centerId: string): Promise<void> {
  await invalidate(db, PUBLISHED_CACHE);
  await db
    .insert(catalogRevisions)
    .values({ centerId, revision: 1 })
    .onConflictDoUpdate({
      target: catalogRevisions.centerId,
      set: { revision: sql`${catalogRevisions.revision} + 1`, updatedAt: sql`now()` },
    });
}

export async function readRevision(db: DbOrTx, centerId: string): Promise<number> {
  const [row] = await db.select({ revision: catalogRevisions.revision }).from(catalogRevisions).where(eq(catalogRevisions.centerId, centerId));
  return row?.revision ?? 0;
}
