import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { invalidate } from '../../../platform/cache/cache.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { applications } from '../tables.ts';
import { supervisions, timeLimitAlertRecipients, timeLimitAlerts, timeLimitSettings } from './tables.ts';

export type AlertRow = typeof timeLimitAlerts.$inferSelect;
export type RecipientRow = typeof timeLimitAlertRecipients.$inferSelect;
export type SupervisionRow = typeof supervisions.$inferSelect;
export type SettingsRow = typeof timeLimitSettings.$inferSelect;

const CLOCK_RUNNING = ['in_review', 'lead_decision'];

/** Items and bundle members whose promised clock runs (undecided, not paused), with a due date. */
export async function listRunningClocks(db: DbOrTx) {
  return db
    .select({
      id: applications.id,
      centerId: applications.centerId,
      departmentId: applications.departmentId,
      number: applications.number,
      name: applications.name,
      clockStartOn: applications.clockStartOn,
      dueDate: applications.dueDate,
      promisedDays: applications.promisedDays,
      pausedDays: applications.pausedDays,
    })
    .from(applications)
    .where(
      and(
        eq(applications.kind, 'item'),
        inArray(applications.state, CLOCK_RUNNING),
        isNull(applications.pausedSince),
        isNull(applications.decidedOn),
        sql`${applications.dueDate} is not null and ${applications.clockStartOn} is not null`,
      ),
    );
}
export type RunningClock = Awaited<ReturnType<typeof listRunningClocks>>[number];

export async function alertKeysOf(db: DbOrTx, applicationIds: string[]): Promise<{ applicationId: string; kind: AlertRow['kind']; level: number }[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select({ applicationId: timeLimitAlerts.applicationId, kind: timeLimitAlerts.kind, level: timeLimitAlerts.level })
    .from(timeLimitAlerts)
    .where(inArray(timeLimitAlerts.applicationId, applicationIds));
}

/** Inserts the alert unless it was raised already (then null). */
export async function insertAlert(db: DbOrTx, row: typeof timeLimitAlerts.$inferInsert): Promise<string | null> {
  const [created] = await db.insert(timeLimitAlerts).values(row).onConflictDoNothing().returning({ id: timeLimitAlerts.id });
  return created?.id ?? null;
}

export async function insertRecipients(db: DbOrTx, rows: RecipientRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(timeLimitAlertRecipients).values(rows).onConflictDoNothing();
}

export async function alertsOfApplication(db: DbOrTx, applicationId: string) {
  const alerts = await db.select().from(timeLimitAlerts).where(eq(timeLimitAlerts.applicationId, applicationId)).orderBy(timeLimitAlerts.raisedAt, timeLimitAlerts.level);
  return { alerts, recipients: await recipientsOf(db, alerts.map((a) => a.id)) };
}

export async function recipientsOf(db: DbOrTx, alertIds: string[]): Promise<RecipientRow[]> {
  if (alertIds.length === 0) return [];
  return db.select().from(timeLimitAlertRecipients).where(inArray(timeLimitAlertRecipients.alertId, alertIds));
}

/** The alerts raised to one staff member, newest first, with their applications. */
export async function noticesOf(db: DbOrTx, staffId: string, onlyOpen: boolean) {
  const where = [eq(timeLimitAlertRecipients.staffId, staffId)];
  if (onlyOpen) where.push(isNull(applications.decidedOn), inArray(applications.state, CLOCK_RUNNING));
  return db
    .select({
      alert: timeLimitAlerts,
      role: timeLimitAlertRecipients.role,
      application: { id: applications.id, number: applications.number, name: applications.name, state: applications.state, applicantName: applications.applicantName, decidedOn: applications.decidedOn },
    })
    .from(timeLimitAlertRecipients)
    .innerJoin(timeLimitAlerts, eq(timeLimitAlerts.id, timeLimitAlertRecipients.alertId))
    .innerJoin(applications, eq(applications.id, timeLimitAlerts.applicationId))
    .where(and(...where))
    .orderBy(desc(timeLimitAlerts.raisedAt), desc(timeLimitAlerts.level))
    .limit(300);
}

export async function countOpenNotices(db: DbOrTx, staffId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${timeLimitAlerts.applicationId})::int` })
    .from(timeLimitAlertRecipients)
    .innerJoin(timeLimitAlerts, eq(timeLimitAlerts.id, timeLimitAlertRecipients.alertId))
    .innerJoin(applications, eq(applications.id, timeLimitAlerts.applicationId))
    .where(and(eq(timeLimitAlertRecipients.staffId, staffId), isNull(applications.decidedOn), inArray(applications.state, CLOCK_RUNNING)));
  return row?.n ?? 0;
}

/** Figures per department: alerts raised in the period. */
export async function alertCounts(db: DbOrTx, centerId: string, from: string, to: string) {
  return db
    .select({
      departmentId: timeLimitAlerts.departmentId,
      warnings: sql<number>`count(*) filter (where ${timeLimitAlerts.kind} = 'warning')::int`,
      overdue: sql<number>`count(*) filter (where ${timeLimitAlerts.kind} = 'overdue')::int`,
      escalated: sql<number>`count(distinct ${timeLimitAlerts.applicationId}) filter (where ${timeLimitAlerts.kind} = 'escalation')::int`,
    })
    .from(timeLimitAlerts)
    .where(and(eq(timeLimitAlerts.centerId, centerId), gte(timeLimitAlerts.raisedOn, from), lte(timeLimitAlerts.raisedOn, to)))
    .groupBy(timeLimitAlerts.departmentId);
}

export async function supervisionCounts(db: DbOrTx, centerId: string, from: string, to: string) {
  return db
    .select({
      departmentId: supervisions.departmentId,
      open: sql<number>`count(*) filter (where ${supervisions.reply} is null)::int`,
      replied: sql<number>`count(*) filter (where ${supervisions.reply} is not null)::int`,
    })
    .from(supervisions)
    .where(and(eq(supervisions.centerId, centerId), gte(supervisions.openedOn, from), lte(supervisions.openedOn, to)))
    .groupBy(supervisions.departmentId);
}

// Settings

export async function findSettings(db: DbOrTx, centerId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(timeLimitSettings).where(eq(timeLimitSettings.centerId, centerId));
  return row;
}

/** Writes the setting if its version is still `version` (0: none yet); false when someone else changed it. */
/** The process cache of the centers' settings (settings.ts), emptied when one is saved. */
export const SETTINGS_CACHE = 'time-limit-settings';

export async function saveSettings(db: DbOrTx, centerId: string, version: number, values: { warningPercent: number; escalationDays: number }): Promise<boolean> {
  await invalidate(db, SETTINGS_CACHE);
  if (version === 0) {
    const rows = await db.insert(timeLimitSettings).values({ centerId, ...values }).onConflictDoNothing().returning({ id: timeLimitSettings.centerId });
    return rows.length === 1;
  }
  const rows = await db
    .update(timeLimitSettings)
    .set({ ...values, version: sql`${timeLimitSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(timeLimitSettings.centerId, centerId), eq(timeLimitSettings.version, version)))
    .returning({ id: timeLimitSettings.centerId });
  return rows.length === 1;
}

// Supervisions

export async function insertSupervision(db: DbOrTx, row: typeof supervisions.$inferInsert): Promise<string | null> {
  const [created] = await db.insert(supervisions).values(row).onConflictDoNothing().returning({ id: supervisions.id });
  return created?.id ?? null;
}

export async function findSupervision(db: DbOrTx, id: string): Promise<SupervisionRow | undefined> {
  const [row] = await db.select().from(supervisions).where(eq(supervisions.id, id));
  return row;
}

export async function replySupervision(db: DbOrTx, id: string, version: number, patch: { reply: string; repliedBy: string; repliedAt: Date; repliedOn: string }): Promise<boolean> {
  const rows = await db
    .update(supervisions)
    .set({ ...patch, version: sql`${supervisions.version} + 1` })
    .where(and(eq(supervisions.id, id), eq(supervisions.version, version), isNull(supervisions.reply)))
    .returning({ id: supervisions.id });
  return rows.length === 1;
}

export async function supervisionsOf(db: DbOrTx, applicationId: string): Promise<SupervisionRow[]> {
  return db.select().from(supervisions).where(eq(supervisions.applicationId, applicationId)).orderBy(supervisions.openedAt);
}

/** Supervisions addressed to a staff member or opened in a center (newest first). */
export async function listSupervisions(db: DbOrTx, f: { centerId: string; addresseeId?: string }) {
  const where = [eq(supervisions.centerId, f.centerId)];
  if (f.addresseeId) where.push(eq(supervisions.addresseeId, f.addresseeId));
  return db
    .select({ supervision: supervisions, application: { number: applications.number, name: applications.name } })
    .from(supervisions)
    .innerJoin(applications, eq(applications.id, supervisions.applicationId))
    .where(and(...where))
    .orderBy(desc(supervisions.openedAt))
    .limit(300);
}
