import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { appointmentAlerts } from '../tables.ts';

export type AlertRow = typeof appointmentAlerts.$inferSelect;
export type AlertKind = AlertRow['kind'];

/** One alert per item, kind and business day: a repeat is ignored (returns false). */
export async function raiseAlert(tx: DbOrTx, row: typeof appointmentAlerts.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(appointmentAlerts).values(row).onConflictDoNothing().returning({ id: appointmentAlerts.id });
  return rows.length === 1;
}

/** Marks the item's open guarantee alerts resolved (the guarantee holds again). */
export async function resolveAlerts(tx: DbOrTx, centerId: string, itemId: string): Promise<void> {
  await tx
    .update(appointmentAlerts)
    .set({ resolvedAt: sql`now()` })
    .where(and(eq(appointmentAlerts.centerId, centerId), eq(appointmentAlerts.itemId, itemId), eq(appointmentAlerts.kind, 'guarantee_failed'), isNull(appointmentAlerts.resolvedAt)));
}

export async function listAlerts(db: DbOrTx, centerId: string, since: string): Promise<AlertRow[]> {
  return db
    .select()
    .from(appointmentAlerts)
    .where(and(eq(appointmentAlerts.centerId, centerId), gte(appointmentAlerts.businessDate, since)))
    .orderBy(desc(appointmentAlerts.createdAt))
    .limit(200);
}
