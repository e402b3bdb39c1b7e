import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { matchesSearch } from '../repository.ts';
import { applications, deliveries } from '../tables.ts';

export type DeliveryRow = typeof deliveries.$inferSelect;

export async function insertDelivery(db: DbOrTx, row: typeof deliveries.$inferInsert) {
  await db.insert(deliveries).values(row).onConflictDoNothing();
}

export async function findDelivery(db: DbOrTx, applicationId: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.applicationId, applicationId));
  return row;
}

export async function updateDelivery(db: DbOrTx, applicationId: string, patch: Partial<typeof deliveries.$inferInsert>) {
  await db.update(deliveries).set(patch).where(eq(deliveries.applicationId, applicationId));
}

/** What the delivery counter has to hand over or track, oldest first. */
export async function listOpenDeliveries(db: DbOrTx, centerId: string, states: DeliveryRow['state'][], q?: string) {
  return db
    .select({ delivery: deliveries, application: applications })
    .from(deliveries)
    .innerJoin(applications, eq(applications.id, deliveries.applicationId))
    .where(and(eq(applications.centerId, centerId), inArray(deliveries.state, states), q ? matchesSearch(q) : undefined))
    .orderBy(asc(deliveries.createdAt))
    .limit(500);
}
