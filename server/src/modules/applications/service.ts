import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { openFile } from '../../platform/files/service.ts';
import { guideOfVersion } from '../catalog/service.ts';
import { actorsOf, type ServiceDeps } from './actions.ts';
import type { ApplicationDetail, ApplicationPage, ApplicationSummary, DueStatus, EventDto, MaterialDto, QueueEntry, SupplementDto, TaskDto } from './contract.ts';
import { noticeDeadlineOf } from './decisions/common.ts';
import * as deliveryRepo from './delivery/repository.ts';
import { toDeliveryDto } from './delivery/service.ts';
import { toNoticeDto } from './notices/service.ts';
import * as repo from './repository.ts';
import { toSummary, viewOf, type Names, type View } from './summary.ts';
import * as reviewRepo from './review/repository.ts';
import { ACTIONS, APPLICATION_STATES, STATES, type ApplicationAction, type ApplicationState } from './workflow/definition.ts';
import { availableActions, workflowKindOf } from './workflow/transition.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { applicationsReceivedAt, receivedAtPoint } from '../venue/points/service.ts';

/**
 * Reading applications: lists, the detail with everything that happened, the back office's
 * queue.
 */

export { toSummary };
export { receiveApplication, uploadMaterial, markMaterial, currentTicketPrefill } from './intake/service.ts';
export { runApplicationTimers } from './timers.ts';
/** Online applications of enterprises signed in on the portal (the policies module applies for policies through these). */
export { onlineChecklist, receiveOnlineApplication, storeApplicantUpload, supplyOwnMaterial, type OnlineApplicant, type OnlineIntake } from './intake/online.ts';
export { applicationStates, getOwnProgress } from './progress/service.ts';
/** The counter's and the back office's decisions, for other modules' demo data (the routes call them too). */
export { acceptApplication, declineApplication, requestSupplement } from './decisions/service.ts';
export { approveTask, takeTask } from './review/service.ts';

function assertStaffOfCenter(principal: StaffPrincipal, centerId: string) {
  const mayRead = actorsOf(principal).length > 0 || principal.permissions.has('application.figures');
  if (!mayRead || !isCenterInScope(principal, centerId)) throw new AppError('FORBIDDEN', '您不能查看该办件');
}

/** Staff of the application's center, or of the nearby service point that received it (6.3.5 委托受理). */
async function assertStaffOf(db: DbOrTx, principal: StaffPrincipal, app: repo.ApplicationRow) {
  if (app.channel === 'nearby' && actorsOf(principal).length > 0 && (await receivedAtPoint(db, app.parentId ?? app.id, principal.centerId))) return;
  assertStaffOfCenter(principal, app.centerId);
}

export async function getApplicationDetail(deps: ServiceDeps, principal: StaffPrincipal, id: string, now = new Date()): Promise<ApplicationDetail> {
  const { db } = deps;
  const app = await repo.findApplication(db, id);
  if (!app) throw notFound('办件');
  await assertStaffOf(db, principal, app);
  const view = await viewOf(db, app.centerId, now);
  const children = app.kind === 'bundle' ? await repo.listChildren(db, app.id) : [];
  const ids = [app.id, ...children.map((c) => c.id)];
  const [materials, notices, events, supplements, tasks, procedures, delivery, verification] = await Promise.all([
    repo.listMaterials(db, app.parentId ?? app.id),
    repo.listNotices(db, [app.id]),
    repo.listEvents(db, [app.id]),
    reviewRepo.listSupplements(db, [app.id]),
    reviewRepo.listTasks(db, ids),
    reviewRepo.listProcedures(db, app.id),
    deliveryRepo.findDelivery(db, app.id),
    reviewRepo.findVerification(db, app.id),
  ]);
  const rules = app.guideVersionId ? await guideOfVersion(db, app.guideVersionId) : null;
  const state = app.state as ApplicationState;
  return {
    ...toSummary(app, view),
    centerId: app.centerId,
    guideVersionId: app.guideVersionId,
    bundleVersionId: app.bundleVersionId,
    leadDepartmentId: app.leadDepartmentId,
    leadDepartmentName: app.leadDepartmentId ? (view.names.get(app.leadDepartmentId) ?? '') : null,
    stage: app.stage,
    answers: app.answers,
    agentName: app.agentName,
    phoneMasked: app.phoneMasked,
    ticketId: app.ticketId,
    firstHandlerName: app.firstHandlerName,
    agencyStaffName: app.agencyStaffName,
    agencyRequestId: app.agencyRequestId,
    lastReceivedOn: app.lastReceivedOn,
    noticeDeadline: noticeDeadlineOf(view, app.lastReceivedOn),
    clockStartOn: app.clockStartOn,
    promisedDays: app.promisedDays,
    pausedDays: app.pausedDays,
    deferredUntil: app.deferredUntil,
    decision: app.decision,
    decisionOpinion: app.decisionOpinion,
    decidedOn: app.decidedOn,
    licenseId: app.licenseId,
    closedReason: app.closedReason,
    commitment: rules?.commitment ?? { isAllowed: false, certificates: [], text: '' },
    deferral: rules?.deferral ?? { isAllowed: materials.some((m) => m.isDeferrable), materialKeys: materials.filter((m) => m.isDeferrable).map((m) => m.key), supplementDays: null },
    materials: materials.map(toMaterialDto),
    notices: notices.map(toNoticeDto),
    events: events.map((e) => toEventDto(e, view.names)),
    supplements: supplements.map(toSupplementDto),
    tasks: tasks.map((t) => toTaskDto(t, view)),
    children: children.map((c) => toSummary(c, view)),
    specialProcedures: procedures.map((p) => ({
      id: p.id,
      kind: p.kind,
      reason: p.reason,
      maxDays: p.maxDays,
      startedOn: p.startedOn,
      startedByName: p.startedByName,
      endedOn: p.endedOn,
      outcome: p.outcome,
      pausedDays: p.pausedDays,
    })),
    delivery: delivery ? toDeliveryDto(delivery, { showCode: principal.permissions.has('application.deliver') }) : null,
    verification: verification
      ? { dueDate: verification.dueDate, state: verification.state, isOverdue: verification.isOverdue, verifiedByName: verification.verifiedByName, note: verification.note }
      : null,
    actions: availableActions(workflowKindOf(app), state, actorsOf(principal)),
  };
}

/** An uploaded material's file, for staff of the application's center. */
export async function materialFile(deps: ServiceDeps, principal: StaffPrincipal, id: string, key: string) {
  const app = await repo.findApplication(deps.db, id);
  if (!app) throw notFound('办件');
  await assertStaffOf(deps.db, principal, app);
  const material = (await repo.listMaterials(deps.db, app.parentId ?? app.id)).find((m) => m.key === key);
  if (!material?.fileId) throw notFound('材料文件');
  return openFile(deps.db, material.fileId);
}

export async function listApplications(
  deps: ServiceDeps,
  principal: StaffPrincipal,
  q: { state?: ApplicationState; q?: string; departmentId?: string; due?: 'warning' | 'overdue'; page: number; pageSize: number },
  now = new Date(),
): Promise<ApplicationPage> {
  if (!principal.centerId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  assertStaffOfCenter(principal, principal.centerId);
  const view = await viewOf(deps.db, principal.centerId, now);
  const alsoIds = await applicationsReceivedAt(deps.db, principal.centerId);
  if (q.due) {
    // Colours depend on today's working-day count: filter the open applications in memory.
    const { rows } = await repo.searchApplications(deps.db, {
      centerId: principal.centerId,
      alsoIds,
      states: q.state ? [q.state] : (APPLICATION_STATES.filter((s) => STATES[s].isClockRunning || STATES[s].isClockPaused) as ApplicationState[]),
      departmentId: q.departmentId,
      q: q.q,
      page: 1,
      pageSize: 5000,
    });
    const matching = rows.map((r) => toSummary(r, view)).filter((s) => s.due.status === q.due);
    return { items: matching.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: matching.length, page: q.page, pageSize: q.pageSize };
  }
  const { rows, total } = await repo.searchApplications(deps.db, {
    centerId: principal.centerId,
    alsoIds,
    states: q.state ? [q.state] : undefined,
    departmentId: q.departmentId,
    q: q.q,
    isTopLevel: !q.departmentId,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: rows.map((r) => toSummary(r, view)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * The back office's queue with due-date colours: open tasks of the reviewer's department, the
 * reviewer's own, or (chief officer) the whole department's work including paused and waiting.
 */
export async function reviewQueue(deps: ServiceDeps, principal: StaffPrincipal, q: { scope: 'mine' | 'open' | 'department'; due?: 'warning' | 'overdue'; state?: ApplicationState; q?: string }, now = new Date()): Promise<QueueEntry[]> {
  if (!principal.departmentId || !principal.centerId) throw new AppError('FORBIDDEN', '您未被分配到部门，没有审查任务');
  if (q.scope === 'department' && !principal.permissions.has('application.department')) throw new AppError('FORBIDDEN', '只有首席事务代表可以查看全部门的办件');
  const view = await viewOf(deps.db, principal.centerId, now);
  const rows = await reviewRepo.queueOf(deps.db, {
    departmentId: principal.departmentId,
    states: q.scope === 'department' ? ['waiting', 'open', 'taken', 'rejected'] : q.scope === 'mine' ? ['taken'] : ['open', 'taken'],
    assigneeId: q.scope === 'mine' ? principal.id : undefined,
    applicationState: q.state,
    q: q.q,
  });
  const entries = rows
    .filter((r) => ['in_review', 'special_procedure', 'review_supplement', 'lead_decision', 'supplement_approval'].includes(r.application.state))
    .map((r) => ({ task: toTaskDto(r.task, view), application: toSummary(r.application, view) }))
    // Overdue first, then warnings, then by due date.
    .sort((a, b) => DUE_ORDER[a.application.due.status] - DUE_ORDER[b.application.due.status] || (a.application.dueDate ?? '').localeCompare(b.application.dueDate ?? ''));
  return q.due ? entries.filter((e) => e.application.due.status === q.due) : entries;
}

const DUE_ORDER: Record<DueStatus, number> = { overdue: 0, warning: 1, normal: 2, paused: 3, none: 4, done_late: 5, done_on_time: 6 };

/** Rejections in joint review waiting for this (lead) department's decision. */
export async function leadDecisions(deps: ServiceDeps, principal: StaffPrincipal, now = new Date()): Promise<ApplicationSummary[]> {
  if (!principal.departmentId || !principal.centerId) return [];
  const view = await viewOf(deps.db, principal.centerId, now);
  const { rows } = await repo.searchApplications(deps.db, { centerId: principal.centerId, states: ['lead_decision'], page: 1, pageSize: 500 });
  return rows.filter((r) => r.kind === 'item' && r.leadDepartmentId === principal.departmentId).map((r) => toSummary(r, view));
}

export function toMaterialDto(m: repo.MaterialView): MaterialDto {
  return {
    key: m.key,
    name: m.name,
    importance: m.importance,
    requirement: m.requirement,
    licenseType: m.licenseType,
    isDeferrable: m.isDeferrable,
    isReplaceableByCommitment: m.isReplaceableByCommitment,
    status: m.status,
    file: m.fileId ? { id: m.fileId, filename: m.filename ?? '' } : null,
    licenseId: m.licenseId,
    problem: m.problem,
    updatedBy: m.updatedBy,
  };
}

export function toEventDto(e: repo.EventRow, names: Names): EventDto {
  const action = e.action as ApplicationAction;
  return {
    id: e.id,
    action,
    actionLabel: ACTIONS[action]?.label ?? e.action,
    fromState: e.fromState as ApplicationState | null,
    toState: e.toState as ApplicationState,
    at: e.at.toISOString(),
    actorName: e.actorName,
    departmentName: e.departmentId ? (names.get(e.departmentId) ?? null) : null,
    note: e.note,
  };
}

function toSupplementDto(s: reviewRepo.SupplementRow): SupplementDto {
  return {
    id: s.id,
    ordinal: s.ordinal,
    phase: s.phase,
    items: s.items,
    deadline: s.deadline,
    state: s.state,
    reason: s.reason,
    requestedByName: s.requestedByName,
    requestedAt: s.requestedAt.toISOString(),
    approvedByName: s.approvedByName,
  };
}

export function toTaskDto(t: reviewRepo.TaskRow, view: View): TaskDto {
  const from = t.openedAt ? businessToday(t.openedAt) : null;
  const to = t.decidedAt ? businessToday(t.decidedAt) : view.today;
  return {
    id: t.id,
    applicationId: t.applicationId,
    departmentId: t.departmentId,
    departmentName: view.names.get(t.departmentId) ?? '',
    isLead: t.isLead,
    state: t.state,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
    opinion: t.opinion,
    openedAt: t.openedAt?.toISOString() ?? null,
    takenAt: t.takenAt?.toISOString() ?? null,
    decidedAt: t.decidedAt?.toISOString() ?? null,
    heldWorkingDays: from ? view.calendar.countWorkingDays(from, to) : null,
    version: t.version,
  };
}
