import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { appointmentSettings } from '../tables.ts';

export type SettingsRow = typeof appointmentSettings.$inferSelect;
export type SettingsFields = Omit<SettingsRow, 'centerId' | 'version'>;

export async function findSettings(db: DbOrTx, centerId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(appointmentSettings).where(eq(appointmentSettings.centerId, centerId));
  return row;
}

/** Creates the row (version 0 → 1) or updates it if still at `version`; false when someone saved first. */
export async function saveSettings(db: DbOrTx, centerId: string, version: number, fields: SettingsFields): Promise<boolean> {
  if (version === 0) {
    const rows = await db.insert(appointmentSettings).values({ centerId, ...fields }).onConflictDoNothing().returning({ c: appointmentSettings.centerId });
    return rows.length === 1;
  }
  const rows = await db
    .update(appointmentSettings)
    .set({ ...fields, version: sql`${appointmentSettings.version} + 1` })
    .where(and(eq(appointmentSettings.centerId, centerId), eq(appointmentSettings.version, version)))
    .returning({ c: appointmentSettings.centerId });
  return rows.length === 1;
}
