import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { loadCalendar, type Calendar } from '../../../platform/calendar/service.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import { instantOf } from '../../../platform/calendar/clock.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { describeFiles } from '../../../platform/files/service.ts';
import { decryptField, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import type { CaseDetail, CaseSummary, TaskDto } from './contract.ts';
import type { ComplaintScope, FeedbackChannel, FeedbackKind, Satisfaction, UnresolvedCause } from './kinds.ts';
import * as repo from './repository.ts';
import { caseFor, directoryOf, mayReadIdentity, scopeOf, type Directory, type ServiceDeps } from './scope.ts';
import { availableActions, type CaseState } from './workflow.ts';
import { isCenterInScope } from '../../../platform/auth/principal.ts';

/** The business day of an instant. */
export const dayOf = (at: Date) => businessToday(at);

/** Answered in time: the first reply on or before the due date (null while unanswered). */
export function isAnsweredInTime(row: Pick<repo.CaseRow, 'firstRepliedAt' | 'dueOn'>): boolean | null {
  return row.firstRepliedAt ? dayOf(row.firstRepliedAt) <= row.dueOn : null;
}

/** Unanswered past the due date. */
export function isOverdue(row: Pick<repo.CaseRow, 'firstRepliedAt' | 'dueOn'>, today: string): boolean {
  return !row.firstRepliedAt && row.dueOn < today;
}

function daysLeft(calendar: Calendar, row: repo.CaseRow, today: string): number | null {
  if (row.firstRepliedAt || row.state === 'closed' || row.state === 'archived') return null;
  if (row.dueOn >= today) return calendar.countWorkingDays(today, row.dueOn);
  return -calendar.countWorkingDays(row.dueOn, today);
}

export function toSummary(row: repo.CaseRow, dir: Directory, calendar: Calendar, today: string): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as FeedbackKind,
    channel: row.channel as FeedbackChannel,
    state: row.state as CaseState,
    isConfidential: row.isConfidential,
    complaintScope: row.complaintScope as ComplaintScope | null,
    cause: row.cause as UnresolvedCause | null,
    contentPreview: row.content.length > 60 ? `${row.content.slice(0, 60)}…` : row.content,
    departmentId: row.departmentId,
    departmentName: dir.department(row.departmentId),
    counterName: dir.counter(row.counterId),
    staffName: dir.staff(row.staffId),
    handlerId: row.handlerId,
    handlerName: dir.staff(row.handlerId),
    receivedAt: row.receivedAt.toISOString(),
    dueOn: row.dueOn,
    daysLeft: daysLeft(calendar, row, today),
    isOverdue: isOverdue(row, today),
    isAnsweredInTime: isAnsweredInTime(row),
    isOverdueAlerted: row.overdueAlertedAt !== null,
  };
}

export async function listCases(
  deps: ServiceDeps,
  principal: StaffPrincipal,
  q: { kind?: string; state?: string; isOpen?: 'true' | 'false'; overdue?: 'true' | 'false'; departmentId?: string; q?: string; from?: string; to?: string; page: number; pageSize: number },
) {
  const centerId = principal.centerId;
  if (!centerId) return { total: 0, items: [] };
  const scope = await scopeOf(deps.db, principal);
  const today = businessToday();
  const { rows, total } = await repo.listCases(deps.db, {
    centerId,
    scope,
    kind: q.kind,
    state: q.state,
    isOpen: q.isOpen === undefined ? undefined : q.isOpen === 'true',
    overdueOn: q.overdue === 'true' ? today : undefined,
    departmentId: q.departmentId,
    q: q.q,
    from: q.from ? startOfDay(q.from) : undefined,
    to: q.to ? startOfDay(q.to, 1) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  const [dir, calendar] = await Promise.all([directoryOf(deps.db, centerId), loadCalendar(deps.db)]);
  return { total, items: rows.map((r) => toSummary(r, dir, calendar, today)) };
}

/** Midnight in Asia/Shanghai of a business date (plus days). */
export function startOfDay(date: string, plusDays = 0): Date {
  return instantOf(date, plusDays * 24 * 60);
}

export async function getCaseDetail(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<CaseDetail> {
  const scope = await scopeOf(deps.db, principal);
  const row = await caseFor(deps.db, principal, scope, id);
  const today = businessToday();
  const [dir, calendar, events, tasks, files] = await Promise.all([
    directoryOf(deps.db, row.centerId),
    loadCalendar(deps.db),
    repo.listEvents(deps.db, row.id),
    repo.listTasks(deps.db, [row.id]),
    describeFiles(deps.db, row.attachmentIds),
  ]);
  const isIdentityHidden = row.isConfidential;
  return {
    ...toSummary(row, dir, calendar, today),
    content: row.content,
    submitter: isIdentityHidden ? null : { personName: row.personName, enterpriseName: row.enterpriseName, uscc: row.uscc, phoneMasked: row.phoneMasked },
    isIdentityHidden,
    canRevealIdentity: isIdentityHidden && mayReadIdentity(principal, row),
    itemName: row.itemName,
    applicationNumber: row.applicationNumber,
    ticketNumber: row.ticketNumber,
    attachments: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
    reply: row.reply,
    repliedAt: row.repliedAt?.toISOString() ?? null,
    satisfaction: row.satisfaction as Satisfaction | null,
    ratedAt: row.ratedAt?.toISOString() ?? null,
    reopenCount: row.reopenCount,
    referral: row.referredAt ? { body: row.referralBody ?? '', number: row.referralNumber ?? '', at: row.referredAt.toISOString() } : null,
    outcome: row.outcome as 'solved' | 'explained' | null,
    outcomeNote: row.outcomeNote,
    isConfirmedByEnterprise: row.isConfirmedByEnterprise,
    tasks: tasks.map((t) => toTaskDto(t, dir, today)),
    timeline: events.map((e) => ({ action: e.action, actorName: e.actorName, note: e.note, at: e.at.toISOString() })),
    actions: availableActions(row.state as CaseState),
    closedAt: row.closedAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function toTaskDto(t: repo.TaskRow, dir: Directory, today: string): TaskDto {
  return {
    id: t.id,
    departmentId: t.departmentId,
    departmentName: dir.department(t.departmentId),
    request: t.request,
    dueOn: t.dueOn,
    answer: t.answer,
    answeredAt: t.answeredAt?.toISOString() ?? null,
    isOverdue: !t.answeredAt && t.dueOn < today,
  };
}

/**
 * The submitter's identity and full contact, for a complaint handler (the route audits every
 * call, refused or not). Anyone else — the staff member complained about included — gets 403.
 */
export async function revealComplainant(deps: ServiceDeps, principal: StaffPrincipal, id: string) {
  if (!principal.permissions.has('feedback.complaint')) throw forbidden('只有投诉处理人员可以查看诉求人身份');
  const row = await repo.findCase(deps.db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('诉求');
  if (!mayReadIdentity(principal, row)) throw forbidden('只有投诉处理人员可以查看诉求人身份，被投诉人及其部门不能查看');
  return {
    personName: row.personName,
    enterpriseName: row.enterpriseName,
    uscc: row.uscc,
    phone: row.phoneCipher ? decryptField(personalDataKeys(deps.config), 'phone', row.phoneCipher) : null,
  };
}
