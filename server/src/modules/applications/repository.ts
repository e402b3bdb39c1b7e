import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { storedFiles } from '../../platform/files/tables.ts';
import type { ApplicationState } from './workflow/definition.ts';
import { applicationCounters, applicationEvents, applicationMaterials, applicationNotices, applications } from './tables.ts';

/** Applications, their materials, timeline, notices and number counters. */

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationWrite = typeof applications.$inferInsert;
export type ApplicationPatch = Partial<Omit<ApplicationWrite, 'id' | 'number' | 'centerId' | 'version' | 'createdAt'>>;

export async function insertApplication(db: DbOrTx, row: ApplicationWrite): Promise<string> {
  const [created] = await db.insert(applications).values(row).returning({ id: applications.id });
  return created!.id;
}

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

export async function findApplicationByNumber(db: DbOrTx, number: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.number, number));
  return row;
}

/** The row, locked until the transaction ends: every action re-reads its state under this lock. */
export async function lockApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

/** Writes the patch and raises the version; the caller holds the row's lock. */
export async function updateApplication(db: DbOrTx, id: string, patch: ApplicationPatch): Promise<number> {
  const [row] = await db
    .update(applications)
    .set({ ...patch, version: sql`${applications.version} + 1` })
    .where(eq(applications.id, id))
    .returning({ version: applications.version });
  return row!.version;
}

export async function listChildren(db: DbOrTx, parentId: string): Promise<ApplicationRow[]> {
  return db.select().from(applications).where(eq(applications.parentId, parentId)).orderBy(asc(applications.stage), asc(applications.code));
}

export async function findApplicationsByIds(db: DbOrTx, ids: string[]): Promise<ApplicationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(applications).where(inArray(applications.id, ids));
}

export type ApplicationFilter = {
  centerId: string;
  states?: ApplicationState[];
  departmentId?: string;
  q?: string;
  /** top-level applications only (no bundle children) */
  isTopLevel?: boolean;
  dueBefore?: string;
  /** one intake channel only (the online review center: `online`) */
  channel?: string;
  /** applications of another center listed here too (those a point received, 委托受理) */
  alsoIds?: string[];
  page: number;
  pageSize: number;
};

/**
 * The one search of the application lists (办件, 后台审批, 综合出件): part of the number, the
 * applicant's name or the item's name, or the whole credit code.
 */
export function matchesSearch(q: string): SQL {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(applications.number, like), ilike(applications.applicantName, like), ilike(applications.name, like), eq(applications.uscc, q.toUpperCase()))!;
}

export async function searchApplications(db: DbOrTx, f: ApplicationFilter): Promise<{ rows: ApplicationRow[]; total: number }> {
  const where: SQL[] = [f.alsoIds?.length ? or(eq(applications.centerId, f.centerId), inArray(applications.id, f.alsoIds))! : eq(applications.centerId, f.centerId)];
  if (f.states?.length) where.push(inArray(applications.state, f.states));
  if (f.departmentId) where.push(eq(applications.departmentId, f.departmentId));
  if (f.isTopLevel) where.push(isNull(applications.parentId));
  if (f.dueBefore) where.push(sql`${applications.dueDate} < ${f.dueBefore}`);
  if (f.q) where.push(matchesSearch(f.q));
  if (f.channel) where.push(eq(applications.channel, f.channel));
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(applications)
      .where(condition)
      .orderBy(desc(applications.receivedAt), desc(applications.number))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(applications).where(condition),
  ]);
  return { rows, total: total!.n };
}

/** The items received while serving a ticket (a bundle's members, not the bundle), first received first. */
export async function listItemsReceivedFromTicket(db: DbOrTx, ticketId: string): Promise<{ number: string; code: string; name: string }[]> {
  return db
    .select({ number: applications.number, code: applications.code, name: applications.name })
    .from(applications)
    .where(and(eq(applications.ticketId, ticketId), eq(applications.kind, 'item')))
    .orderBy(asc(applications.receivedAt), asc(applications.number));
}

/** Applications whose phone hash or code matches, for the portal's lookup by number. */
export async function findForProgress(db: DbOrTx, number: string) {
  return findApplicationByNumber(db, number);
}

// Timeline

export type EventWrite = typeof applicationEvents.$inferInsert;
export type EventRow = typeof applicationEvents.$inferSelect;

export async function insertEvent(db: DbOrTx, row: EventWrite): Promise<number> {
  const [created] = await db.insert(applicationEvents).values(row).returning({ id: applicationEvents.id });
  return created!.id;
}

export async function insertEvents(db: DbOrTx, rows: EventWrite[]): Promise<void> {
  if (rows.length > 0) await db.insert(applicationEvents).values(rows);
}

export async function listEvents(db: DbOrTx, applicationIds: string[]): Promise<EventRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(applicationEvents).where(inArray(applicationEvents.applicationId, applicationIds)).orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

// Materials

export type MaterialRow = typeof applicationMaterials.$inferSelect;
export type MaterialWrite = typeof applicationMaterials.$inferInsert;

export async function insertMaterials(db: DbOrTx, rows: MaterialWrite[]): Promise<void> {
  if (rows.length > 0) await db.insert(applicationMaterials).values(rows);
}

export async function listMaterials(db: DbOrTx, applicationId: string) {
  return db
    .select({
      key: applicationMaterials.key,
      name: applicationMaterials.name,
      importance: applicationMaterials.importance,
      requirement: applicationMaterials.requirement,
      licenseType: applicationMaterials.licenseType,
      isDeferrable: applicationMaterials.isDeferrable,
      isReplaceableByCommitment: applicationMaterials.isReplaceableByCommitment,
      status: applicationMaterials.status,
      fileId: applicationMaterials.fileId,
      filename: storedFiles.filename,
      licenseId: applicationMaterials.licenseId,
      problem: applicationMaterials.problem,
      updatedBy: applicationMaterials.updatedBy,
    })
    .from(applicationMaterials)
    .leftJoin(storedFiles, eq(storedFiles.id, applicationMaterials.fileId))
    .where(eq(applicationMaterials.applicationId, applicationId))
    .orderBy(asc(applicationMaterials.position));
}
export type MaterialView = Awaited<ReturnType<typeof listMaterials>>[number];

export async function updateMaterial(
  db: DbOrTx,
  applicationId: string,
  key: string,
  fields: Pick<MaterialWrite, 'status' | 'fileId' | 'licenseId' | 'problem' | 'updatedBy' | 'updatedAt'>,
): Promise<boolean> {
  const rows = await db
    .update(applicationMaterials)
    .set(fields)
    .where(and(eq(applicationMaterials.applicationId, applicationId), eq(applicationMaterials.key, key)))
    .returning({ key: applicationMaterials.key });
  return rows.length === 1;
}

export async function setMaterialsStatus(db: DbOrTx, applicationId: string, keys: string[], status: MaterialRow['status'], updatedBy: string, at: Date) {
  if (keys.length === 0) return;
  await db
    .update(applicationMaterials)
    .set({ status, updatedBy, updatedAt: at })
    .where(and(eq(applicationMaterials.applicationId, applicationId), inArray(applicationMaterials.key, keys)));
}

// Notices

export type NoticeRow = typeof applicationNotices.$inferSelect;

export async function insertNotice(db: DbOrTx, row: typeof applicationNotices.$inferInsert): Promise<string> {
  const [created] = await db.insert(applicationNotices).values(row).returning({ id: applicationNotices.id });
  return created!.id;
}

export async function listNotices(db: DbOrTx, applicationIds: string[]): Promise<NoticeRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(applicationNotices).where(inArray(applicationNotices.applicationId, applicationIds)).orderBy(asc(applicationNotices.issuedAt));
}

export async function findNotice(db: DbOrTx, applicationId: string, noticeId: string): Promise<NoticeRow | undefined> {
  const [row] = await db
    .select()
    .from(applicationNotices)
    .where(and(eq(applicationNotices.id, noticeId), eq(applicationNotices.applicationId, applicationId)));
  return row;
}

// Counters

/** The next value of a counter, raised in the caller's transaction (so a rolled-back number is never used). */
export async function nextCounter(db: DbOrTx, scope: string, year: number, kind: string, by = 1): Promise<number> {
  const [row] = await db
    .insert(applicationCounters)
    .values({ scope, year, kind, value: by })
    .onConflictDoUpdate({
      target: [applicationCounters.scope, applicationCounters.year, applicationCounters.kind],
      set: { value: sql`${applicationCounters.value} + ${by}` },
    })
    .returning({ value: applicationCounters.value });
  return row!.value;
}

// Timers

/** Received applications without a notice and not yet flagged, received before `before`. */
export async function receivedWithoutNotice(db: DbOrTx, before: string) {
  return db
    .select({ id: applications.id, lastReceivedOn: applications.lastReceivedOn })
    .from(applications)
    .where(and(eq(applications.state, 'received'), eq(applications.isDeemedAccepted, false), isNull(applications.parentId), sql`${applications.lastReceivedOn} < ${before}`));
}

/** Applications whose deferred materials were due before `today` and are still owed. */
export async function overdueDeferrals(db: DbOrTx, today: string) {
  return db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.deferralState, 'pending'), sql`${applications.deferredUntil} < ${today}`));
}
