import { isCenterInScope, type StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import type { CertificateDto, CourseDetail, CourseSummary, RuleDto } from './contract.ts';
import type { certificateInput, courseInput, examInput, ruleInput, sessionInput } from './contract.ts';
import type { z } from 'zod';
import { addMonths, daysBetween } from './dates.ts';
import * as repo from './repository.ts';

/**
 * Training and qualification (5.2: trained and examined before going on duty, certified where the
 * post demands it). Courses hold sessions (with attendance) and exams (with scores); a pass of an
 * exam that names a qualification issues its certificate; the manager records others. A rule says
 * what a role must hold valid to open a counter of a purpose; `assertQualified` is asked by the
 * queue when a counter is opened.
 */

/** A certificate about to lapse is listed this many days ahead unless the manager asks otherwise. */
export const EXPIRING_DAYS = 30;

export function ownCenter(principal: StaffPrincipal): string {
  if (!principal.centerId) throw invalidField('centerId', '您的账号没有所属中心');
  return principal.centerId;
}

/** Staff named by a request: active members of the center, each once. */
export async function requireCenterStaff(db: DbOrTx, centerId: string, ids: readonly string[], field: string) {
  if (new Set(ids).size !== ids.length) throw invalidField(field, '人员不能重复');
  const found = new Map((await repo.findStaff(db, ids)).map((s) => [s.id, s]));
  for (const [i, id] of ids.entries()) {
    const s = found.get(id);
    if (!s || s.centerId !== centerId || !s.isActive) throw invalidField(ids.length > 1 ? `${field}.${i}` : field, '不是本中心在岗人员');
  }
  return ids.map((id) => found.get(id)!);
}

export async function createCourse(db: Db, principal: StaffPrincipal, input: z.output<typeof courseInput>, now = new Date()): Promise<CourseDetail> {
  const centerId = ownCenter(principal);
  if (await repo.courseTitleTaken(db, centerId, input.title)) throw new AppError('DUPLICATE', `课程「${input.title}」已存在`, [{ field: 'title', message: '课程名称已存在' }]);
  const row = await repo.insertCourse(db, { centerId, ...input, createdBy: principal.id, createdAt: now });
  return getCourse(db, principal, row.id);
}

export async function listCourses(db: Db, principal: StaffPrincipal): Promise<CourseSummary[]> {
  if (!principal.centerId) return [];
  return (await repo.listCourses(db, principal.centerId)).map((r) => summary(r.course, r.sessionCount, r.examCount));
}

async function courseFor(db: DbOrTx, principal: StaffPrincipal, id: string) {
  const row = await repo.findCourse(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('培训课程');
  return row;
}

export async function getCourse(db: Db, principal: StaffPrincipal, id: string): Promise<CourseDetail> {
  const course = await courseFor(db, principal, id);
  const [sessions, exams] = await Promise.all([repo.listSessions(db, id), repo.listExams(db, id)]);
  return {
    ...summary(course, sessions.length, exams.length),
    sessions: sessions.map((s) => ({ id: s.id, heldOn: s.heldOn, trainer: s.trainer, place: s.place, attendees: s.attendees.map(({ staffId, staffName }) => ({ staffId, staffName })) })),
    exams: exams.map((e) => ({
      id: e.id,
      heldOn: e.heldOn,
      maxScore: e.maxScore,
      passMark: e.passMark,
      qualificationKind: e.qualificationKind,
      validityMonths: e.validityMonths,
      scores: e.scores.map(({ staffId, staffName, score, passed }) => ({ staffId, staffName, score, passed })),
    })),
  };
}

const summary = (c: repo.CourseRow, sessionCount: number, examCount: number): CourseSummary => ({
  id: c.id,
  title: c.title,
  category: c.category,
  description: c.description,
  sessionCount,
  examCount,
  createdAt: c.createdAt.toISOString(),
});

export async function recordSession(db: Db, principal: StaffPrincipal, courseId: string, input: z.output<typeof sessionInput>): Promise<CourseDetail> {
  const course = await courseFor(db, principal, courseId);
  await requireCenterStaff(db, course.centerId, input.staffIds, 'staffIds');
  await repo.insertSession(db, { courseId, heldOn: input.heldOn, trainer: input.trainer, place: input.place }, input.staffIds);
  return getCourse(db, principal, courseId);
}

/** Records an exam and its scores; each pass of an exam that names a qualification is issued its certificate. */
export async function recordExam(db: Db, principal: StaffPrincipal, courseId: string, input: z.output<typeof examInput>): Promise<CourseDetail> {
  const course = await courseFor(db, principal, courseId);
  if (input.passMark > input.maxScore) throw invalidField('passMark', '及格分不能高于满分');
  if ((input.qualificationKind === null) !== (input.validityMonths === null)) throw invalidField('validityMonths', '发证的考试须同时填写资格名称和有效期（月）');
  for (const [i, s] of input.scores.entries()) if (s.score > input.maxScore) throw invalidField(`scores.${i}.score`, `成绩不能高于满分 ${input.maxScore}`);
  await requireCenterStaff(db, course.centerId, input.scores.map((s) => s.staffId), 'scores');
  await db.transaction(async (tx) => {
    const scores = input.scores.map((s) => ({ ...s, passed: s.score >= input.passMark }));
    const exam = await repo.insertExam(tx, { courseId, heldOn: input.heldOn, maxScore: input.maxScore, passMark: input.passMark, qualificationKind: input.qualificationKind, validityMonths: input.validityMonths }, scores);
    if (!input.qualificationKind || !input.validityMonths) return;
    const expiresOn = addDays(addMonths(input.heldOn, input.validityMonths), -1);
    const serial = `${input.heldOn.replaceAll('-', '')}-${exam.id.slice(0, 4).toUpperCase()}`;
    await repo.insertCertificates(
      tx,
      scores
        .filter((s) => s.passed)
        .map((s, i) => ({ centerId: course.centerId, staffId: s.staffId, kind: input.qualificationKind!, number: `KS${serial}${String(i + 1).padStart(3, '0')}`, issuedOn: input.heldOn, expiresOn, examId: exam.id, recordedBy: principal.id })),
    );
  });
  return getCourse(db, principal, courseId);
}

/** The manager records a certificate held (a renewal, or one issued elsewhere). */
export async function recordCertificate(db: Db, principal: StaffPrincipal, input: z.output<typeof certificateInput>): Promise<CertificateDto> {
  const centerId = ownCenter(principal);
  if (input.expiresOn <= input.issuedOn) throw invalidField('expiresOn', '有效期至必须晚于发证日期');
  await requireCenterStaff(db, centerId, [input.staffId], 'staffId');
  if (await repo.certificateNumberTaken(db, input.kind, input.number)) throw new AppError('DUPLICATE', `「${input.kind}」编号 ${input.number} 已登记`, [{ field: 'number', message: '证书编号已登记' }]);
  const [id] = await repo.insertCertificates(db, [{ centerId, ...input, recordedBy: principal.id }]);
  return (await certificates(db, { centerId, ids: [id!] }))[0]!;
}

export async function listCertificates(db: Db, principal: StaffPrincipal, q: { staffId?: string }): Promise<CertificateDto[]> {
  if (!principal.centerId) return [];
  return certificates(db, { centerId: principal.centerId, staffId: q.staffId });
}

/**
 * The manager's list: each staff member's qualification whose latest certificate has lapsed or
 * lapses within `days` (a renewed one is not listed); active staff only.
 */
export async function listExpiring(db: Db, principal: StaffPrincipal, days = EXPIRING_DAYS, now = new Date()): Promise<CertificateDto[]> {
  if (!principal.centerId) return [];
  const rows = await repo.listCertificates(db, { centerId: principal.centerId });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.certificate.staffId}\u0000${r.certificate.kind}`;
    const held = latest.get(key);
    if (!held || held.certificate.expiresOn < r.certificate.expiresOn) latest.set(key, r);
  }
  const horizon = addDays(businessToday(now), days);
  const due = [...latest.values()].filter((r) => r.isActive && r.certificate.expiresOn <= horizon);
  return due.map((r) => toCertificate(r, businessToday(now))).sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.staffName.localeCompare(b.staffName));
}

async function certificates(db: DbOrTx, f: Parameters<typeof repo.listCertificates>[1], now = new Date()): Promise<CertificateDto[]> {
  const today = businessToday(now);
  return (await repo.listCertificates(db, f)).map((r) => toCertificate(r, today));
}

function toCertificate(r: Awaited<ReturnType<typeof repo.listCertificates>>[number], today: string): CertificateDto {
  const c = r.certificate;
  const daysLeft = daysBetween(today, c.expiresOn);
  const status = c.issuedOn > today ? 'not_yet' : daysLeft < 0 ? 'expired' : daysLeft <= EXPIRING_DAYS ? 'expiring' : 'valid';
  return {
    id: c.id,
    staffId: c.staffId,
    staffName: r.staffName,
    staffNumber: r.staffNumber,
    kind: c.kind,
    number: c.number,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    source: c.examId ? 'exam' : 'manager',
    status,
    daysLeft,
    recordedByName: r.recordedByName,
  };
}

export async function listRules(db: Db, principal: StaffPrincipal): Promise<RuleDto[]> {
  if (!principal.centerId) return [];
  return (await repo.listRules(db, principal.centerId)).map(toRule);
}

export async function createRule(db: Db, principal: StaffPrincipal, input: z.output<typeof ruleInput>): Promise<RuleDto> {
  const centerId = ownCenter(principal);
  const row = await repo.insertRule(db, { centerId, ...input, createdBy: principal.id });
  if (!row) throw new AppError('DUPLICATE', '该上岗资格要求已存在', [{ field: 'kind', message: '要求已存在' }]);
  return toRule(row);
}

export async function deleteRule(db: Db, principal: StaffPrincipal, id: string): Promise<void> {
  const row = await repo.findRule(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('上岗资格要求');
  await repo.deleteRule(db, id);
}

const toRule = (r: repo.RuleRow): RuleDto => ({ id: r.id, purpose: r.purpose as RuleDto['purpose'], role: r.role as RuleDto['role'], kind: r.kind, createdAt: r.createdAt.toISOString() });

/**
 * What a staff member lacks to serve at a counter of this purpose in this center: for each
 * qualification the rules of their roles demand and no certificate covers today, a phrase naming
 * it and why (expired on…, valid only from…, never held).
 */
export async function missingQualifications(db: DbOrTx, who: { id: string; roles: readonly string[] }, counter: { centerId: string; purpose: string }, now = new Date()): Promise<string[]> {
  const rules = await repo.listRules(db, counter.centerId, { purpose: counter.purpose, roles: who.roles });
  const kinds = [...new Set(rules.map((r) => r.kind))];
  if (kinds.length === 0) return [];
  const today = businessToday(now);
  const held = await repo.certificatesOf(db, who.id, kinds);
  return kinds.flatMap((kind) => {
    const mine = held.filter((c) => c.kind === kind);
    if (mine.some((c) => c.issuedOn <= today && today <= c.expiresOn)) return [];
    const lapsed = mine.find((c) => c.expiresOn < today);
    const future = mine.find((c) => c.issuedOn > today);
    const why = lapsed ? `已于 ${lapsed.expiresOn} 过期` : future ? `自 ${future.issuedOn} 起生效` : '未取得';
    return [`「${kind}」（${why}）`];
  });
}

/** Refuses (422 QUALIFICATION_MISSING) a staff member who lacks a qualification the counter's purpose demands. */
export async function assertQualified(db: DbOrTx, who: { id: string; roles: readonly string[] }, counter: { centerId: string; purpose: string; number: string }, now = new Date()): Promise<void> {
  const missing = await missingQualifications(db, who, counter, now);
  if (missing.length === 0) return;
  const message = `缺少有效的${missing.join('、')}，不能开启 ${counter.number} 号窗口，请联系中心管理人员`;
  throw new AppError('QUALIFICATION_MISSING', message, [{ field: 'counterId', message }]);
}
