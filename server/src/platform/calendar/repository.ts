import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { OverrideKind } from './working-days.ts';
import { calendarOverrides } from './tables.ts';

const overrideColumns = {
  date: calendarOverrides.date,
  kind: calendarOverrides.kind,
  note: calendarOverrides.note,
  updatedBy: calendarOverrides.updatedBy,
  updatedAt: calendarOverrides.updatedAt,
};

export type OverrideRow = { date: string; kind: OverrideKind; note: string; updatedBy: string; updatedAt: Date };

export async function listOverrides(db: DbOrTx): Promise<OverrideRow[]> {
  return db.select(overrideColumns).from(calendarOverrides).orderBy(asc(calendarOverrides.date));
}

export async function upsertOverride(
  db: DbOrTx,
  row: { date: string; kind: OverrideKind; note: string; updatedBy: string },
): Promise<OverrideRow> {
  const [saved] = await db
    .insert(calendarOverrides)
    .values(row)
    .onConflictDoUpdate({
      target: calendarOverrides.date,
      set: { kind: row.kind, note: row.note, updatedBy: row.updatedBy, updatedAt: sql`now()` },
    })
    .returning(overrideColumns);
  if (!saved) throw new Error(`calendar override ${row.date} was not saved`);
  return saved;
}

/** Whether there was an override to delete. */
export async function deleteOverride(db: DbOrTx, date: string): Promise<boolean> {
  const deleted = await db
    .delete(calendarOverrides)
    .where(eq(calendarOverrides.date, date))
    .returning({ date: calendarOverrides.date });
  return deleted.length > 0;
}
