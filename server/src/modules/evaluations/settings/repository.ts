import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { evaluationSettings } from '../tables.ts';

export type SettingsRow = typeof evaluationSettings.$inferSelect;
export type SettingsValues = Pick<SettingsRow, 'ratingPeriodDays' | 'additionPeriodDays' | 'callbackContactWorkingDays' | 'callbackFinishWorkingDays'>;

export async function findSettings(db: DbOrTx, centerId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(evaluationSettings).where(eq(evaluationSettings.centerId, centerId));
  return row;
}

/** Creates the center's row with the defaults when it has none (no effect when it exists). */
export async function ensureSettings(db: DbOrTx, centerId: string): Promise<void> {
  await db.insert(evaluationSettings).values({ centerId }).onConflictDoNothing();
}

/** Writes the values when the row is still at `version`; returns the new row, or undefined when it moved on. */
export async function updateSettings(db: DbOrTx, centerId: string, version: number, values: SettingsValues): Promise<SettingsRow | undefined> {
  const [row] = await db
    .update(evaluationSettings)
    .set({ ...values, version: sql`${evaluationSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(evaluationSettings.centerId, centerId), eq(evaluationSettings.version, version)))
    .returning();
  return row;
}
