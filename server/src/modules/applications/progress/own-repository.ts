import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { applications, deliveries } from '../tables.ts';

/** An enterprise's own applications (top level, newest first) and their deliveries, for 我的办件. */

export const OWN_LIST_LIMIT = 200;

export async function listOwnApplications(db: DbOrTx, uscc: string) {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.uscc, uscc), isNull(applications.parentId)))
    .orderBy(desc(applications.receivedAt), desc(applications.number))
    .limit(OWN_LIST_LIMIT);
}

export async function listDeliveries(db: DbOrTx, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db.select().from(deliveries).where(inArray(deliveries.applicationId, applicationIds));
}
