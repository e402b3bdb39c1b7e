import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { appointmentAlerts } from '../tables.ts';

export type AlertRow = typeof appointmentAlerts.$inferSelect;
export type AlertKind = AlertRow['kind'];

/**
 * One alert per item, kind and business day: a repeat brings the day's alert up to date (the
 * earliest date found now) and opens it again if it had been resolved.
 */
export async function raiseAlert(tx: DbOrTx, row: typeof appointmentAlerts.$inferInsert): Promise<void> {
  await tx
    .insert(appointmentAlerts)
    .values(row)
    .onConflictDoUpdate({
      target: [appointmentAlerts.centerId, appointmentAlerts.itemId, appointmentAlerts.kind, appointmentAlerts.businessDate],
      set: { earliestDate: sql`excluded.earliest_date`, deadline: sql`excluded.deadline`, resolvedAt: null },
    });
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
