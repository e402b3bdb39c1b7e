import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../../platform/db/database.ts';
import { applications } from '../../tables.ts';
import { lockerDeposits, lockers, lockerSlots } from './tables.ts';

export type LockerRow = typeof lockers.$inferSelect;
export type DepositRow = typeof lockerDeposits.$inferSelect;

export async function insertLocker(db: DbOrTx, row: typeof lockers.$inferInsert, slots: string[]): Promise<void> {
  await db.insert(lockers).values(row);
  await db.insert(lockerSlots).values(slots.map((number) => ({ lockerId: row.id!, number })));
}

export async function listLockers(db: DbOrTx, centerId: string): Promise<LockerRow[]> {
  return db.select().from(lockers).where(eq(lockers.centerId, centerId)).orderBy(asc(lockers.name));
}

export async function findLocker(db: DbOrTx, id: string): Promise<LockerRow | undefined> {
  const [row] = await db.select().from(lockers).where(eq(lockers.id, id));
  return row;
}

export async function findLockerByKey(db: DbOrTx, keyHash: string): Promise<LockerRow | undefined> {
  const [row] = await db.select().from(lockers).where(and(eq(lockers.keyHash, keyHash), eq(lockers.isActive, true)));
  return row;
}

/** Every slot of a locker with the application waiting in it, if any. */
export async function listSlots(db: DbOrTx, lockerId: string) {
  return db
    .select({ id: lockerSlots.id, number: lockerSlots.number, applicationNumber: applications.number })
    .from(lockerSlots)
    .leftJoin(lockerDeposits, and(eq(lockerDeposits.slotId, lockerSlots.id), eq(lockerDeposits.state, 'waiting')))
    .leftJoin(applications, eq(applications.id, lockerDeposits.applicationId))
    .where(eq(lockerSlots.lockerId, lockerId))
    .orderBy(asc(lockerSlots.number));
}

export async function codeTaken(db: DbOrTx, lockerId: string, codeHash: string): Promise<boolean> {
  const rows = await db.select({ id: lockerDeposits.id }).from(lockerDeposits).where(and(eq(lockerDeposits.lockerId, lockerId), eq(lockerDeposits.codeHash, codeHash)));
  return rows.length > 0;
}

export async function findWaitingDeposit(db: DbOrTx, applicationId: string): Promise<DepositRow | undefined> {
  const [row] = await db.select().from(lockerDeposits).where(and(eq(lockerDeposits.applicationId, applicationId), eq(lockerDeposits.state, 'waiting')));
  return row;
}

/** Inserts the deposit unless the slot (or the application) already has a waiting one: false then. */
export async function insertDeposit(db: DbOrTx, row: typeof lockerDeposits.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(lockerDeposits).values(row).onConflictDoNothing().returning({ id: lockerDeposits.id });
  return inserted.length > 0;
}

export async function findDepositByCode(db: DbOrTx, lockerId: string, codeHash: string): Promise<DepositRow | undefined> {
  const [row] = await db.select().from(lockerDeposits).where(and(eq(lockerDeposits.lockerId, lockerId), eq(lockerDeposits.codeHash, codeHash)));
  return row;
}

/** Marks a waiting deposit picked up; false when another pickup took it first. */
export async function markPickedUp(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(lockerDeposits)
    .set({ state: 'picked_up', pickedUpAt: at })
    .where(and(eq(lockerDeposits.id, id), eq(lockerDeposits.state, 'waiting')))
    .returning({ id: lockerDeposits.id });
  return rows.length > 0;
}
