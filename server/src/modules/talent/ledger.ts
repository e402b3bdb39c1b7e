import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { getDepartment } from '../staff/service.ts';
import { KIND_DUE_DAYS, type RequestDetail, type RequestDto, type RequestInput, type RequestKind, type StepBody, type TalentCategory, type TalentFigures, type TalentToday } from './contract.ts';
import { profileForService, type ServiceDeps } from './profiles.ts';
import * as repo from './repository.ts';
import { availableSteps, CLOSED, nextState, type RequestState } from './workflow.ts';

/**
 * 人才服务台账 (6.2.3): each request of a talent — housing subsidy, children's schooling,
 * household registration… — followed step by step to done or declined, due in the kind's
 * working days (platform/calendar), flagged when overdue; its figures.
 */

export async function openRequest(deps: ServiceDeps, principal: StaffPrincipal, input: RequestInput, now = new Date()): Promise<RequestDetail> {
  const { db } = deps;
  const today = businessToday(now);
  const profile = await profileForService(db, principal, input.profileId, today);
  const calendar = await loadCalendar(db);
  const id = await repo.insertRequest(db, {
    centerId: profile.centerId,
    profileId: profile.id,
    kind: input.kind,
    summary: input.summary,
    submittedOn: today,
    dueOn: calendar.addWorkingDays(today, KIND_DUE_DAYS[input.kind]),
    createdBy: principal.id,
    createdAt: now,
    updatedAt: now,
  });
  await repo.insertStep(db, { requestId: id, action: 'submit', fromState: null, toState: 'submitted', note: input.summary, staffId: principal.id, staffName: principal.displayName, at: now });
  return getRequest(deps, principal, id, now);
}

/** One step of the request: accept, coordinate with a department, complete, decline, or a note. */
export async function takeStep(deps: ServiceDeps, principal: StaffPrincipal, id: string, body: StepBody, now = new Date()): Promise<RequestDetail> {
  const { db } = deps;
  const row = await requestFor(db, principal, id);
  const from = row.state as RequestState;
  const to = nextState(from, body.action);
  let departmentId = row.departmentId;
  if (body.action === 'coordinate') {
    if (!body.departmentId) throw invalidField('departmentId', '请选择协调的部门');
    const department = await getDepartment(db, body.departmentId).catch(() => null);
    if (!department || department.centerId !== row.centerId) throw invalidField('departmentId', '协调部门不存在或不属于本中心');
    departmentId = department.id;
  }
  if ((body.action === 'decline' || body.action === 'note') && body.note === '') {
    throw invalidField('note', body.action === 'decline' ? '请填写不予办理的理由' : '请填写办理进展');
  }
  const closedOn = CLOSED.includes(to) ? businessToday(now) : null;
  if (row.version !== body.version || !(await repo.updateRequest(db, id, body.version, { state: to, departmentId, closedOn }))) {
    throw new AppError('STALE_VERSION', '该人才服务事项已被他人办理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
  }
  await repo.insertStep(db, { requestId: id, action: body.action, fromState: from, toState: to, note: body.note, staffId: principal.id, staffName: principal.displayName, at: now });
  return getRequest(deps, principal, id, now);
}

export async function getRequest(deps: ServiceDeps, principal: StaffPrincipal, id: string, now = new Date()): Promise<RequestDetail> {
  const row = await requestFor(deps.db, principal, id);
  const steps = await repo.listSteps(deps.db, id);
  return {
    ...toDto(row, businessToday(now)),
    steps: steps.map((s) => ({ id: s.id, action: s.action, fromState: s.fromState as RequestState | null, toState: s.toState as RequestState, note: s.note, staffName: s.staffName, at: s.at.toISOString() })),
  };
}

export async function listRequests(
  deps: ServiceDeps,
  principal: StaffPrincipal,
  q: { state?: RequestState; kind?: RequestKind; profileId?: string; overdue?: 'true' | 'false' },
  now = new Date(),
): Promise<RequestDto[]> {
  if (!principal.centerId) return [];
  const today = businessToday(now);
  const rows = await repo.listRequests(deps.db, { centerId: principal.centerId, state: q.state, kind: q.kind, profileId: q.profileId, overdueOn: q.overdue === 'true' ? today : undefined });
  const dtos = rows.map((r) => toDto(r, today));
  return q.overdue === 'false' ? dtos.filter((d) => !d.overdue) : dtos;
}

/** The talent officer's day: requests opened today, open ones, and those due within two working days or overdue. */
export async function todayOf(deps: ServiceDeps, principal: StaffPrincipal, now = new Date()): Promise<TalentToday> {
  if (!principal.centerId) return { submittedToday: 0, open: 0, due: [] };
  const today = businessToday(now);
  const dueBy = (await loadCalendar(deps.db)).addWorkingDays(today, 2);
  const [submitted, open, due] = await Promise.all([
    repo.listRequests(deps.db, { centerId: principal.centerId, submittedOn: today }),
    repo.listRequests(deps.db, { centerId: principal.centerId, open: true }),
    repo.listRequests(deps.db, { centerId: principal.centerId, dueBy }),
  ]);
  return { submittedToday: submitted.length, open: open.length, due: due.map((r) => toDto(r, today)) };
}

export async function figuresOf(deps: ServiceDeps, principal: StaffPrincipal, now = new Date()): Promise<TalentFigures> {
  const centerId = principal.centerId;
  if (!centerId) throw forbidden('您未被分配到服务中心');
  const today = businessToday(now);
  const [profiles, requests, overdue, done, calendar] = await Promise.all([
    repo.profileCounts(deps.db, centerId),
    repo.requestCounts(deps.db, centerId),
    repo.countOverdue(deps.db, centerId, today),
    repo.doneDates(deps.db, centerId, '1900-01-01'),
    loadCalendar(deps.db),
  ]);
  const days = done.map((d) => calendar.countWorkingDays(d.submittedOn, d.closedOn));
  return {
    profiles: profiles.map((p) => ({ category: p.category as TalentCategory, total: p.total, verified: p.verified })),
    requests: requests.map((r) => ({ kind: r.kind as RequestKind, state: r.state as RequestState, count: r.count })),
    averageDaysToDone: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    overdue,
  };
}

async function requestFor(db: DbOrTx, principal: StaffPrincipal, id: string): Promise<repo.RequestRow> {
  const row = await repo.findRequest(db, id);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('人才服务事项');
  return row;
}

function toDto(r: repo.RequestRow, today: string): RequestDto {
  const state = r.state as RequestState;
  return {
    id: r.id,
    profileId: r.profileId,
    personName: r.personName,
    category: r.category as TalentCategory,
    kind: r.kind as RequestKind,
    summary: r.summary,
    state,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    submittedOn: r.submittedOn,
    dueOn: r.dueOn,
    closedOn: r.closedOn,
    overdue: r.closedOn ? r.closedOn > r.dueOn : today > r.dueOn,
    actions: availableSteps(state),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}
