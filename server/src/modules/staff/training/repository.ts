import { aliasedTable, and, asc, desc, eq, gte, inArray, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { departments, staff } from '../tables.ts';
import { conductRecords, examScores, qualificationRules, staffCertificates, trainingAttendance, trainingCourses, trainingExams, trainingSessions } from './tables.ts';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type RuleRow = typeof qualificationRules.$inferSelect;

const nameOf = (id: AnyColumn | SQL) => sql<string>`coalesce((select s.display_name from ${staff} s where s.id = ${id}), '')`;

/** Staff members by id, with what the training rules need of them. */
export async function findStaff(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: staff.id, displayName: staff.displayName, centerId: staff.centerId, departmentId: staff.departmentId, isActive: staff.isActive })
    .from(staff)
    .where(inArray(staff.id, [...ids]));
}

export async function insertCourse(db: DbOrTx, row: typeof trainingCourses.$inferInsert): Promise<CourseRow> {
  const [inserted] = await db.insert(trainingCourses).values(row).returning();
  return inserted!;
}

export async function courseTitleTaken(db: DbOrTx, centerId: string, title: string): Promise<boolean> {
  const [row] = await db.select({ id: trainingCourses.id }).from(trainingCourses).where(and(eq(trainingCourses.centerId, centerId), eq(trainingCourses.title, title)));
  return Boolean(row);
}

export async function findCourse(db: DbOrTx, id: string): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  return row;
}

export async function listCourses(db: DbOrTx, centerId: string) {
  return db
    .select({
      course: trainingCourses,
      sessionCount: sql<number>`(select count(*)::int from ${trainingSessions} x where x.course_id = "training_courses"."id")`,
      examCount: sql<number>`(select count(*)::int from ${trainingExams} x where x.course_id = "training_courses"."id")`,
    })
    .from(trainingCourses)
    .where(eq(trainingCourses.centerId, centerId))
    .orderBy(desc(trainingCourses.createdAt));
}

export async function insertSession(db: DbOrTx, row: typeof trainingSessions.$inferInsert, staffIds: readonly string[]) {
  const [inserted] = await db.insert(trainingSessions).values(row).returning();
  await db.insert(trainingAttendance).values(staffIds.map((staffId) => ({ sessionId: inserted!.id, staffId })));
  return inserted!;
}

export async function listSessions(db: DbOrTx, courseId: string) {
  const sessions = await db.select().from(trainingSessions).where(eq(trainingSessions.courseId, courseId)).orderBy(asc(trainingSessions.heldOn), asc(trainingSessions.createdAt));
  const attendees = sessions.length
    ? await db
        .select({ sessionId: trainingAttendance.sessionId, staffId: trainingAttendance.staffId, staffName: nameOf(trainingAttendance.staffId) })
        .from(trainingAttendance)
        .where(inArray(trainingAttendance.sessionId, sessions.map((s) => s.id)))
    : [];
  return sessions.map((s) => ({ ...s, attendees: attendees.filter((a) => a.sessionId === s.id) }));
}

export async function insertExam(db: DbOrTx, row: typeof trainingExams.$inferInsert, scores: { staffId: string; score: number; passed: boolean }[]) {
  const [inserted] = await db.insert(trainingExams).values(row).returning();
  await db.insert(examScores).values(scores.map((s) => ({ examId: inserted!.id, ...s })));
  return inserted!;
}

export async function listExams(db: DbOrTx, courseId: string) {
  const exams = await db.select().from(trainingExams).where(eq(trainingExams.courseId, courseId)).orderBy(asc(trainingExams.heldOn), asc(trainingExams.createdAt));
  const scores = exams.length
    ? await db
        .select({ examId: examScores.examId, staffId: examScores.staffId, staffName: nameOf(examScores.staffId), score: examScores.score, passed: examScores.passed })
        .from(examScores)
        .where(inArray(examScores.examId, exams.map((e) => e.id)))
        .orderBy(desc(examScores.score))
    : [];
  return exams.map((e) => ({ ...e, scores: scores.filter((s) => s.examId === e.id) }));
}

export async function certificateNumberTaken(db: DbOrTx, kind: string, number: string): Promise<boolean> {
  const [row] = await db.select({ id: staffCertificates.id }).from(staffCertificates).where(and(eq(staffCertificates.kind, kind), eq(staffCertificates.number, number)));
  return Boolean(row);
}

export async function insertCertificates(db: DbOrTx, rows: (typeof staffCertificates.$inferInsert)[]): Promise<string[]> {
  if (rows.length === 0) return [];
  return (await db.insert(staffCertificates).values(rows).returning({ id: staffCertificates.id })).map((r) => r.id);
}

const holder = aliasedTable(staff, 'holder');

/** A center's certificates, newest first; optionally one holder's, or those whose last valid day is on or before a date. */
export async function listCertificates(db: DbOrTx, f: { centerId: string; staffId?: string; expiresBy?: string; ids?: string[] }) {
  const conditions: SQL[] = [eq(staffCertificates.centerId, f.centerId)];
  if (f.staffId) conditions.push(eq(staffCertificates.staffId, f.staffId));
  if (f.expiresBy) conditions.push(lte(staffCertificates.expiresOn, f.expiresBy));
  if (f.ids) conditions.push(inArray(staffCertificates.id, f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']));
  return db
    .select({ certificate: staffCertificates, staffName: holder.displayName, staffNumber: holder.staffNumber, isActive: holder.isActive, recordedByName: nameOf(staffCertificates.recordedBy) })
    .from(staffCertificates)
    .innerJoin(holder, eq(holder.id, staffCertificates.staffId))
    .where(and(...conditions))
    .orderBy(asc(staffCertificates.expiresOn), asc(holder.displayName))
    .limit(2000);
}

/** The certificates of these kinds a staff member holds, the latest expiry first. */
export async function certificatesOf(db: DbOrTx, staffId: string, kinds: readonly string[]) {
  if (kinds.length === 0) return [];
  return db
    .select({ kind: staffCertificates.kind, issuedOn: staffCertificates.issuedOn, expiresOn: staffCertificates.expiresOn })
    .from(staffCertificates)
    .where(and(eq(staffCertificates.staffId, staffId), inArray(staffCertificates.kind, [...kinds])))
    .orderBy(desc(staffCertificates.expiresOn));
}

/** undefined when the same rule is there already */
export async function insertRule(db: DbOrTx, row: typeof qualificationRules.$inferInsert): Promise<RuleRow | undefined> {
  const [inserted] = await db.insert(qualificationRules).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findRule(db: DbOrTx, id: string): Promise<RuleRow | undefined> {
  const [row] = await db.select().from(qualificationRules).where(eq(qualificationRules.id, id));
  return row;
}

export async function deleteRule(db: DbOrTx, id: string): Promise<void> {
  await db.delete(qualificationRules).where(eq(qualificationRules.id, id));
}

export async function listRules(db: DbOrTx, centerId: string, f: { purpose?: string; roles?: readonly string[] } = {}): Promise<RuleRow[]> {
  const conditions: SQL[] = [eq(qualificationRules.centerId, centerId)];
  if (f.purpose) conditions.push(eq(qualificationRules.purpose, f.purpose));
  if (f.roles) conditions.push(inArray(qualificationRules.role, f.roles.length ? [...f.roles] : ['']));
  return db.select().from(qualificationRules).where(and(...conditions)).orderBy(asc(qualificationRules.purpose), asc(qualificationRules.role), asc(qualificationRules.kind));
}

export async function insertConduct(db: DbOrTx, row: typeof conductRecords.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(conductRecords).values(row).returning({ id: conductRecords.id });
  return inserted!.id;
}

/** A center's conduct records between two dates (inclusive), newest first, with the names shown. */
export async function listConduct(db: DbOrTx, f: { centerId: string; from: string; to: string }) {
  return db
    .select({
      record: conductRecords,
      staffName: nameOf(conductRecords.staffId),
      inspectorName: nameOf(conductRecords.inspectorId),
      departmentName: sql<string | null>`(select d.name from ${departments} d where d.id = ${conductRecords.departmentId})`,
    })
    .from(conductRecords)
    .where(and(eq(conductRecords.centerId, f.centerId), gte(conductRecords.inspectedOn, f.from), lte(conductRecords.inspectedOn, f.to)))
    .orderBy(desc(conductRecords.inspectedOn), desc(conductRecords.createdAt))
    .limit(5000);
}

export async function findConduct(db: DbOrTx, id: string) {
  const [row] = await db.select().from(conductRecords).where(eq(conductRecords.id, id));
  return row;
}
