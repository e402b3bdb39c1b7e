import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { SlotScope } from '../contract.ts';
import { appointmentCapacityAdjustments, appointmentCapacityRules, appointmentSlots } from '../tables.ts';

export type RuleRow = typeof appointmentCapacityRules.$inferSelect;
export type AdjustmentRow = typeof appointmentCapacityAdjustments.$inferSelect;

export async function listRules(db: DbOrTx, centerId: string): Promise<RuleRow[]> {
  return db.select().from(appointmentCapacityRules).where(eq(appointmentCapacityRules.centerId, centerId));
}

export async function findRule(db: DbOrTx, centerId: string, scope: 'queue' | 'item', scopeId: string): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(appointmentCapacityRules)
    .where(and(eq(appointmentCapacityRules.centerId, centerId), eq(appointmentCapacityRules.scope, scope), eq(appointmentCapacityRules.scopeId, scopeId)));
  return row;
}

/** Creates (version 0) or updates the rule if still at `version`; false when someone saved first. */
export async function saveRule(
  db: DbOrTx,
  r: { centerId: string; scope: 'queue' | 'item'; scopeId: string; capacityPerSlot: number | null; overflowPerSlot: number | null },
  version: number,
): Promise<boolean> {
  if (version === 0) {
    const rows = await db.insert(appointmentCapacityRules).values(r).onConflictDoNothing().returning({ id: appointmentCapacityRules.id });
    return rows.length === 1;
  }
  const rows = await db
    .update(appointmentCapacityRules)
    .set({ capacityPerSlot: r.capacityPerSlot, overflowPerSlot: r.overflowPerSlot, version: sql`${appointmentCapacityRules.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(appointmentCapacityRules.centerId, r.centerId),
        eq(appointmentCapacityRules.scope, r.scope),
        eq(appointmentCapacityRules.scopeId, r.scopeId),
        eq(appointmentCapacityRules.version, version),
      ),
    )
    .returning({ id: appointmentCapacityRules.id });
  return rows.length === 1;
}

export async function deleteRule(db: DbOrTx, centerId: string, scope: 'queue' | 'item', scopeId: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(appointmentCapacityRules)
    .where(
      and(
        eq(appointmentCapacityRules.centerId, centerId),
        eq(appointmentCapacityRules.scope, scope),
        eq(appointmentCapacityRules.scopeId, scopeId),
        eq(appointmentCapacityRules.version, version),
      ),
    )
    .returning({ id: appointmentCapacityRules.id });
  return rows.length === 1;
}

export async function listAdjustments(db: DbOrTx, centerId: string, from: string, to: string): Promise<AdjustmentRow[]> {
  return db
    .select()
    .from(appointmentCapacityAdjustments)
    .where(and(eq(appointmentCapacityAdjustments.centerId, centerId), gte(appointmentCapacityAdjustments.date, from), lte(appointmentCapacityAdjustments.date, to)))
    .orderBy(asc(appointmentCapacityAdjustments.date), asc(appointmentCapacityAdjustments.createdAt));
}

export async function insertAdjustment(db: DbOrTx, row: typeof appointmentCapacityAdjustments.$inferInsert): Promise<AdjustmentRow> {
  const [created] = await db.insert(appointmentCapacityAdjustments).values(row).returning();
  return created!;
}

export async function findAdjustment(db: DbOrTx, id: string): Promise<AdjustmentRow | undefined> {
  const [row] = await db.select().from(appointmentCapacityAdjustments).where(eq(appointmentCapacityAdjustments.id, id));
  return row;
}

export async function deleteAdjustment(db: DbOrTx, id: string): Promise<void> {
  await db.delete(appointmentCapacityAdjustments).where(eq(appointmentCapacityAdjustments.id, id));
}

export type BookedRow = { scope: SlotScope; scopeId: string; date: string; startMinute: number; booked: number };

export async function listBooked(db: DbOrTx, centerId: string, from: string, to: string): Promise<BookedRow[]> {
  return db
    .select({ scope: appointmentSlots.scope, scopeId: appointmentSlots.scopeId, date: appointmentSlots.date, startMinute: appointmentSlots.startMinute, booked: appointmentSlots.booked })
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.centerId, centerId), gte(appointmentSlots.date, from), lte(appointmentSlots.date, to), sql`${appointmentSlots.booked} > 0`));
}

export type SlotRef = { centerId: string; scope: SlotScope; scopeId: string; date: string; startMinute: number; endMinute: number };

/**
 * Takes one place of the slot if one is left: creates the row with the first booking, else adds
 * one where booked < capacity. The row stays locked until the transaction ends, so concurrent
 * takes of the last place wait in line and exactly one gets it. `capacity` (from the plan) is
 * written to the row each time.
 */
export async function takePlace(tx: DbOrTx, slot: SlotRef, capacity: number): Promise<boolean> {
  if (capacity < 1) return false;
  const rows = await tx
    .insert(appointmentSlots)
    .values({ ...slot, capacity, booked: 1 })
    .onConflictDoUpdate({
      target: [appointmentSlots.scope, appointmentSlots.scopeId, appointmentSlots.date, appointmentSlots.startMinute],
      set: { booked: sql`${appointmentSlots.booked} + 1`, capacity: sql`excluded.capacity` },
      setWhere: sql`${appointmentSlots.booked} < excluded.capacity`,
    })
    .returning({ booked: appointmentSlots.booked });
  return rows.length === 1;
}

/** Gives a place back (cancellation, reschedule). */
export async function releasePlace(tx: DbOrTx, slot: Omit<SlotRef, 'centerId' | 'endMinute'>): Promise<void> {
  await tx
    .update(appointmentSlots)
    .set({ booked: sql`greatest(${appointmentSlots.booked} - 1, 0)` })
    .where(
      and(
        eq(appointmentSlots.scope, slot.scope),
        eq(appointmentSlots.scopeId, slot.scopeId),
        eq(appointmentSlots.date, slot.date),
        eq(appointmentSlots.startMinute, slot.startMinute),
      ),
    );
}

/** Bulk: raises slots' booked counts (demo data loaded in one statement per 500 rows). */
export async function addBooked(tx: DbOrTx, rows: (SlotRef & { capacity: number; booked: number })[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(appointmentSlots)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [appointmentSlots.scope, appointmentSlots.scopeId, appointmentSlots.date, appointmentSlots.startMinute],
        set: { booked: sql`${appointmentSlots.booked} + excluded.booked`, capacity: sql`excluded.capacity` },
      });
  }
}
