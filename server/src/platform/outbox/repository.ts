import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { outbox } from './tables.ts';

export async function insertOutboxEntry(
  db: DbOrTx,
  entry: { topic: string; dedupeKey: string; payload: unknown; availableAt?: Date },
): Promise<boolean> {
  const rows = await db.insert(outbox).values(entry).onConflictDoNothing({ target: outbox.dedupeKey }).returning({ id: outbox.id });
  return rows.length === 1;
}

export async function insertOutboxEntries(db: DbOrTx, entries: { topic: string; dedupeKey: string; payload: unknown }[]): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = await db.insert(outbox).values(entries).onConflictDoNothing({ target: outbox.dedupeKey }).returning({ id: outbox.id });
  return rows.length;
}

/** Claims due entries; other processes skip the rows this one holds. Call inside a transaction. */
export async function claimDueEntries(db: DbOrTx, topics: string[], limit: number) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.availableAt, sql`now()`), inArray(outbox.topic, topics)))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markDone(db: DbOrTx, id: number) {
  await db
    .update(outbox)
    .set({ status: 'done', processedAt: sql`now()`, attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(eq(outbox.id, id));
}

export async function markRetry(db: DbOrTx, id: number, error: string, retryAt: Date | null) {
  await db
    .update(outbox)
    .set({
      status: retryAt ? 'pending' : 'failed',
      attempts: sql`${outbox.attempts} + 1`,
      availableAt: retryAt ?? sql`now()`,
      lastError: error.slice(0, 1000),
      processedAt: retryAt ? null : sql`now()`,
    })
    .where(eq(outbox.id, id));
}

export async function findByDedupeKey(db: DbOrTx, dedupeKey: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey));
  return row;
}

export async function deleteDoneBefore(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(and(eq(outbox.status, 'done'), lt(outbox.processedAt, before)))
    .returning({ id: outbox.id });
  return rows.length;
}
