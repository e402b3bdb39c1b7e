import { and, desc, eq, gt, gte, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { appointmentBlocks, appointments } from '../tables.ts';

export type BlockRow = typeof appointmentBlocks.$inferSelect;

/** The applicant's block in force on `today`, if any (the one ending last). */
export async function findActiveBlock(db: DbOrTx, centerId: string, applicantKey: string, today: string): Promise<BlockRow | undefined> {
  const [row] = await db
    .select()
    .from(appointmentBlocks)
    .where(
      and(
        eq(appointmentBlocks.centerId, centerId),
        eq(appointmentBlocks.applicantKey, applicantKey),
        lte(appointmentBlocks.startsOn, today),
        gt(appointmentBlocks.endsOn, today),
        isNull(appointmentBlocks.liftedAt),
      ),
    )
    .orderBy(desc(appointmentBlocks.endsOn))
    .limit(1);
  return row;
}

export async function insertBlock(tx: DbOrTx, row: typeof appointmentBlocks.$inferInsert): Promise<BlockRow> {
  const [created] = await tx.insert(appointmentBlocks).values(row).returning();
  return created!;
}

export async function listBlocks(db: DbOrTx, centerId: string, today: string): Promise<BlockRow[]> {
  return db
    .select()
    .from(appointmentBlocks)
    .where(and(eq(appointmentBlocks.centerId, centerId), gt(appointmentBlocks.endsOn, today), isNull(appointmentBlocks.liftedAt)))
    .orderBy(desc(appointmentBlocks.createdAt));
}

export async function findBlock(db: DbOrTx, id: string): Promise<BlockRow | undefined> {
  const [row] = await db.select().from(appointmentBlocks).where(eq(appointmentBlocks.id, id));
  return row;
}

export async function liftBlock(db: DbOrTx, id: string, staffId: string): Promise<boolean> {
  const rows = await db
    .update(appointmentBlocks)
    .set({ liftedAt: sql`now()`, liftedBy: staffId })
    .where(and(eq(appointmentBlocks.id, id), isNull(appointmentBlocks.liftedAt)))
    .returning({ id: appointmentBlocks.id });
  return rows.length === 1;
}

/** No-shows of the applicant at the center with a booking date in [from, to]. */
export async function countNoShows(db: DbOrTx, f: { centerId: string; applicantKey: string; from: string; to: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(appointments)
    .where(
      and(
        eq(appointments.centerId, f.centerId),
        eq(appointments.applicantKey, f.applicantKey),
        eq(appointments.state, 'no_show'),
        gte(appointments.date, f.from),
        lte(appointments.date, f.to),
      ),
    );
  return row?.n ?? 0;
}
