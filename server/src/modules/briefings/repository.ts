import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, gt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { staffDisplayName } from '../staff/lookups.ts';
import { briefingAttendees, briefingEvents, briefingFeedback, briefingMaterials, briefingRegistrations } from './tables.ts';

export type EventRow = typeof briefingEvents.$inferSelect;
export type RegistrationRow = typeof briefingRegistrations.$inferSelect;
export type AttendeeRow = typeof briefingAttendees.$inferSelect;
export type FeedbackRow = typeof briefingFeedback.$inferSelect;

export async function insertEvent(db: DbOrTx, row: typeof briefingEvents.$inferInsert): Promise<EventRow> {
  const [inserted] = await db.insert(briefingEvents).values(row).returning();
  return inserted!;
}

export async function findEvent(db: DbOrTx, id: string, lock?: 'update'): Promise<EventRow | undefined> {
  const query = db.select().from(briefingEvents).where(eq(briefingEvents.id, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

/** Writes the patch and raises the version; the caller holds the row's lock. */
export async function updateEvent(db: DbOrTx, id: string, patch: Partial<typeof briefingEvents.$inferInsert>): Promise<void> {
  await db
    .update(briefingEvents)
    .set({ ...patch, version: sql`${briefingEvents.version} + 1` })
    .where(eq(briefingEvents.id, id));
}

export async function creatorName(db: DbOrTx, id: string): Promise<string> {
  const [row] = await db.select({ name: staffDisplayName(briefingEvents.createdBy) }).from(briefingEvents).where(eq(briefingEvents.id, id));
  return row?.name ?? '';
}

export async function listEvents(db: DbOrTx, f: { centerId?: string; published?: boolean }): Promise<EventRow[]> {
  return db
    .select()
    .from(briefingEvents)
    .where(and(f.centerId ? eq(briefingEvents.centerId, f.centerId) : undefined, f.published ? ne(briefingEvents.status, 'draft') : undefined))
    .orderBy(desc(briefingEvents.startsAt))
    .limit(500);
}

export async function eventsByIds(db: DbOrTx, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(briefingEvents).where(inArray(briefingEvents.id, ids));
}

export async function insertRegistration(db: DbOrTx, row: typeof briefingRegistrations.$inferInsert): Promise<RegistrationRow> {
  const [inserted] = await db.insert(briefingRegistrations).values(row).returning();
  return inserted!;
}

export async function activeRegistration(db: DbOrTx, eventId: string, uscc: string): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(briefingRegistrations)
    .where(and(eq(briefingRegistrations.eventId, eventId), eq(briefingRegistrations.uscc, uscc), isNull(briefingRegistrations.cancelledAt)));
  return row;
}

export async function findRegistration(db: DbOrTx, id: string, lock?: 'update'): Promise<RegistrationRow | undefined> {
  const query = db.select().from(briefingRegistrations).where(eq(briefingRegistrations.id, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

export async function cancelRegistration(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(briefingRegistrations).set({ cancelledAt: now }).where(eq(briefingRegistrations.id, id));
}

export async function registrationsOf(db: DbOrTx, f: { eventId?: string; uscc?: string }): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(briefingRegistrations)
    .where(and(f.eventId ? eq(briefingRegistrations.eventId, f.eventId) : undefined, f.uscc ? eq(briefingRegistrations.uscc, f.uscc) : undefined))
    .orderBy(desc(briefingRegistrations.registeredAt))
    .limit(2000);
}

export async function insertAttendees(db: DbOrTx, rows: (typeof briefingAttendees.$inferInsert)[]): Promise<AttendeeRow[]> {
  return db.insert(briefingAttendees).values(rows).returning();
}

export async function attendeesOf(db: DbOrTx, registrationIds: string[]): Promise<AttendeeRow[]> {
  if (registrationIds.length === 0) return [];
  return db.select().from(briefingAttendees).where(inArray(briefingAttendees.registrationId, registrationIds)).orderBy(asc(briefingAttendees.name));
}

export async function findAttendeeByCode(db: DbOrTx, code: string): Promise<AttendeeRow | undefined> {
  const [row] = await db.select().from(briefingAttendees).where(eq(briefingAttendees.checkInCode, code)).for('update');
  return row;
}

export async function markCheckedIn(db: DbOrTx, id: string, by: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(briefingAttendees)
    .set({ checkedInAt: now, checkedInBy: by })
    .where(and(eq(briefingAttendees.id, id), isNull(briefingAttendees.checkedInAt)))
    .returning({ id: briefingAttendees.id });
  return rows.length === 1;
}

/** Attendees of registrations not cancelled, of published events starting in (from, until], not yet reminded. */
export async function attendeesToRemind(db: DbOrTx, from: Date, until: Date): Promise<{ attendee: AttendeeRow; event: EventRow }[]> {
  return db
    .select({ attendee: briefingAttendees, event: briefingEvents })
    .from(briefingAttendees)
    .innerJoin(briefingRegistrations, eq(briefingRegistrations.id, briefingAttendees.registrationId))
    .innerJoin(briefingEvents, eq(briefingEvents.id, briefingAttendees.eventId))
    .where(
      and(
        isNull(briefingAttendees.remindedAt),
        isNull(briefingRegistrations.cancelledAt),
        eq(briefingEvents.status, 'published'),
        gt(briefingEvents.startsAt, from),
        lte(briefingEvents.startsAt, until),
      ),
    )
    .limit(5000);
}

/** Marks the reminder sent; false when another run sent it first. */
export async function markReminded(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(briefingAttendees)
    .set({ remindedAt: now })
    .where(and(eq(briefingAttendees.id, id), isNull(briefingAttendees.remindedAt)))
    .returning({ id: briefingAttendees.id });
  return rows.length === 1;
}

/** Per event: attendees of registrations not cancelled, and those checked in. */
export async function attendanceOf(db: DbOrTx, eventIds: string[]): Promise<Map<string, { registered: number; attended: number }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: briefingAttendees.eventId, registered: count(), attended: count(briefingAttendees.checkedInAt) })
    .from(briefingAttendees)
    .innerJoin(briefingRegistrations, eq(briefingRegistrations.id, briefingAttendees.registrationId))
    .where(and(inArray(briefingAttendees.eventId, eventIds), isNull(briefingRegistrations.cancelledAt)))
    .groupBy(briefingAttendees.eventId);
  return new Map(rows.map((r) => [r.eventId, { registered: r.registered, attended: r.attended }]));
}

export async function satisfactionOf(db: DbOrTx, eventIds: string[]): Promise<Map<string, { count: number; sum: number }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: briefingFeedback.eventId, count: count(), sum: sql<number>`coalesce(sum(${briefingFeedback.satisfaction}), 0)::int` })
    .from(briefingFeedback)
    .where(inArray(briefingFeedback.eventId, eventIds))
    .groupBy(briefingFeedback.eventId);
  return new Map(rows.map((r) => [r.eventId, { count: r.count, sum: Number(r.sum) }]));
}

export async function insertMaterial(db: DbOrTx, row: typeof briefingMaterials.$inferInsert): Promise<void> {
  await db.insert(briefingMaterials).values(row);
}

export async function materialsOf(db: DbOrTx, eventIds: string[]): Promise<{ eventId: string; fileId: string; uploadedAt: Date }[]> {
  if (eventIds.length === 0) return [];
  return db
    .select({ eventId: briefingMaterials.eventId, fileId: briefingMaterials.fileId, uploadedAt: briefingMaterials.uploadedAt })
    .from(briefingMaterials)
    .where(inArray(briefingMaterials.eventId, eventIds))
    .orderBy(asc(briefingMaterials.uploadedAt));
}

export async function insertFeedback(db: DbOrTx, row: typeof briefingFeedback.$inferInsert): Promise<boolean> {
  const rows = await db.insert(briefingFeedback).values(row).onConflictDoNothing({ target: briefingFeedback.registrationId }).returning({ id: briefingFeedback.id });
  return rows.length === 1;
}

export async function feedbackOf(db: DbOrTx, registrationIds: string[]): Promise<Map<string, FeedbackRow>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await db.select().from(briefingFeedback).where(inArray(briefingFeedback.registrationId, registrationIds));
  return new Map(rows.map((r) => [r.registrationId, r]));
}

export async function hasCheckedIn(db: DbOrTx, registrationId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(briefingAttendees)
    .where(and(eq(briefingAttendees.registrationId, registrationId), isNotNull(briefingAttendees.checkedInAt)));
  return (row?.n ?? 0) > 0;
}
