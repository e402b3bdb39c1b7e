import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { getStaff, listStaff } from '../../staff/service.ts';
import { applyAction, staleApplication, type ActionContext, type ActionOutcome, type Performer, type ServiceDeps } from '../actions.ts';
import { createSupplement } from '../decisions/service.ts';
import { materialsOwnerId, requireDepartment } from '../decisions/common.ts';
import { syncBundle } from '../joint-review/bundle.ts';
import * as repo from '../repository.ts';
import type { ApplicationAction } from '../workflow/definition.ts';
import { recordDecision } from './decide.ts';
import * as reviewRepo from './repository.ts';

/**
 * 后台审批 (6.1.4): a department's reviewer takes a task, approves or rejects it with an opinion,
 * or returns the application for a supplement; the chief officer reassigns. With several tasks
 * (joint review, A.8) the application is approved when all approve, and a rejection goes to the
 * lead department, which upholds it or sends it back for another look.
 */

const staff = (principal: StaffPrincipal): Performer => ({ kind: 'staff', principal });
const staleTask = () => new AppError('STALE_VERSION', '该审查任务已被他人处理，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

type TaskBody = (ctx: ActionContext, task: reviewRepo.TaskRow) => Promise<ActionOutcome<unknown>>;

/** One task action: the application locked, the task's version and department checked, the bundle kept in step. */
async function runTaskAction(deps: ServiceDeps, principal: StaffPrincipal, input: { taskId: string; version: number; action: ApplicationAction; now?: Date }, body: TaskBody) {
  const found = await reviewRepo.findTask(deps.db, input.taskId);
  if (!found) throw notFound('审查任务');
  await deps.db.transaction(async (tx) => {
    let parentId: string | null = null;
    // The task's version first: of two people deciding at once, the later one learns the task moved on.
    await repo.lockApplication(tx, found.applicationId);
    const current = await reviewRepo.findTask(tx, input.taskId);
    if (!current || current.version !== input.version) throw staleTask();
    await applyAction(tx, deps, { applicationId: found.applicationId, action: input.action, performer: staff(principal), now: input.now }, async (ctx) => {
      const task = (await reviewRepo.findTask(tx, input.taskId))!;
      if (input.action !== 'reassign') requireDepartment(ctx, task.departmentId, '只能处理本部门的审查任务');
      parentId = ctx.app.parentId;
      return body(ctx, task);
    });
    if (parentId) await syncBundle(tx, deps, parentId, input.now ?? new Date());
  });
}

async function setTask(ctx: ActionContext, task: reviewRepo.TaskRow, patch: Parameters<typeof reviewRepo.updateTask>[3]) {
  if (!(await reviewRepo.updateTask(ctx.tx, task.id, task.version, patch))) throw staleTask();
}

/** Only the assignee (or, for an unassigned task, anyone in the department; or the chief officer) decides a task. */
function assertMayDecide(ctx: ActionContext, task: reviewRepo.TaskRow) {
  if (task.state !== 'open' && task.state !== 'taken') throw new AppError('INVALID_STATE', `该审查任务已${task.state === 'approved' ? '通过' : task.state === 'rejected' ? '不通过' : '关闭'}`);
  const principal = ctx.performer.kind === 'staff' ? ctx.performer.principal : null;
  if (task.assigneeId && principal && task.assigneeId !== principal.id && !principal.permissions.has('application.department')) {
    throw new AppError('FORBIDDEN', `该任务由 ${task.assigneeName} 审查`);
  }
}

const decidedBy = (ctx: ActionContext) => (ctx.performer.kind === 'staff' ? { assigneeId: ctx.performer.principal.id, assigneeName: ctx.performer.principal.displayName } : {});

/** The reviewers of the chief officer's department (to reassign to). */
export async function listReviewers(deps: ServiceDeps, chief: StaffPrincipal) {
  const people = chief.departmentId ? await listStaff(deps.db, { departmentId: chief.departmentId }) : [];
  return people.filter((s) => s.isActive && s.roles.some((r) => r === 'back_office_reviewer' || r === 'chief_officer')).map((s) => ({ id: s.id, displayName: s.displayName }));
}

export async function takeTask(deps: ServiceDeps, reviewer: StaffPrincipal, input: { taskId: string; version: number; now?: Date }) {
  await runTaskAction(deps, reviewer, { ...input, action: 'take' }, async (ctx, task) => {
    if (task.state !== 'open') throw new AppError('INVALID_STATE', task.state === 'taken' ? `该任务已由 ${task.assigneeName} 领取` : '该任务不能领取');
    await setTask(ctx, task, { state: 'taken', assigneeId: reviewer.id, assigneeName: reviewer.displayName, takenAt: ctx.now });
    return { to: 'unchanged', departmentId: task.departmentId };
  });
}

export async function approveTask(deps: ServiceDeps, reviewer: StaffPrincipal, input: { taskId: string; version: number; opinion: string; licenseTypeCode?: string | null; licenseSite?: string; now?: Date }) {
  await runTaskAction(deps, reviewer, { ...input, action: 'approve' }, async (ctx, task) => {
    assertMayDecide(ctx, task);
    await assertNoPendingDeferral(ctx);
    await setTask(ctx, task, { state: 'approved', opinion: input.opinion, decidedAt: ctx.now, takenAt: task.takenAt ?? ctx.now, ...decidedBy(ctx) });
    const tasks = await reviewRepo.listTasks(ctx.tx, [ctx.app.id]);
    if (!tasks.every((t) => t.state === 'approved')) return { to: 'in_review', note: input.opinion, departmentId: task.departmentId };
    const opinion = tasks.length > 1 ? tasks.map((t) => t.opinion).join('；') : input.opinion;
    const patch = await recordDecision(ctx, { isApproved: true, opinion, licenseTypeCode: input.licenseTypeCode, licenseSite: input.licenseSite });
    return { to: 'approved', patch, note: input.opinion, departmentId: task.departmentId };
  });
}

export async function rejectTask(deps: ServiceDeps, reviewer: StaffPrincipal, input: { taskId: string; version: number; opinion: string; now?: Date }) {
  await runTaskAction(deps, reviewer, { ...input, action: 'reject' }, async (ctx, task) => {
    assertMayDecide(ctx, task);
    await setTask(ctx, task, { state: 'rejected', opinion: input.opinion, decidedAt: ctx.now, takenAt: task.takenAt ?? ctx.now, ...decidedBy(ctx) });
    const isJoint = ctx.app.leadDepartmentId !== null;
    if (isJoint) return { to: 'lead_decision', note: input.opinion, departmentId: task.departmentId, detail: { taskId: task.id } };
    const patch = await recordDecision(ctx, { isApproved: false, opinion: input.opinion });
    return { to: 'rejected', patch, note: input.opinion, departmentId: task.departmentId };
  });
}

/** The back office sends the application back for a supplement: the clock stands still until it comes. */
export async function returnForSupplement(
  deps: ServiceDeps,
  reviewer: StaffPrincipal,
  input: { taskId: string; version: number; items: { key: string; problem: string; requirement: string }[]; deadlineDays: number; reason: string; now?: Date },
) {
  await runTaskAction(deps, reviewer, { ...input, action: 'return_for_supplement' }, async (ctx, task) => {
    assertMayDecide(ctx, task);
    const materials = await repo.listMaterials(ctx.tx, materialsOwnerId(ctx.app));
    const items = input.items.map((i) => {
      const m = materials.find((x) => x.key === i.key);
      if (!m) throw new AppError('VALIDATION_FAILED', `本办件没有材料“${i.key}”`, [{ field: 'items', message: '材料不存在' }]);
      return { key: m.key, name: m.name, problem: i.problem, requirement: [m.requirement, i.requirement].filter(Boolean).join('；') };
    });
    const outcome = await createSupplement(ctx, { phase: 'review', items, deadlineDays: input.deadlineDays, reason: input.reason, returnState: 'in_review' });
    return { ...outcome, departmentId: task.departmentId };
  });
}

/** The chief officer gives a task of the department to another reviewer of it. */
export async function reassignTask(deps: ServiceDeps, chief: StaffPrincipal, input: { taskId: string; version: number; assigneeId: string; now?: Date }) {
  const assignee = await getStaff(deps.db, input.assigneeId);
  await runTaskAction(deps, chief, { ...input, action: 'reassign' }, async (ctx, task) => {
    requireDepartment(ctx, task.departmentId, '只能改派本部门的审查任务');
    if (assignee.departmentId !== task.departmentId || !assignee.isActive || !assignee.roles.some((r) => r === 'back_office_reviewer' || r === 'chief_officer')) {
      throw new AppError('VALIDATION_FAILED', `${assignee.displayName} 不是本部门在岗的审批人员`, [{ field: 'assigneeId', message: '不是本部门审批人员' }]);
    }
    if (task.state !== 'open' && task.state !== 'taken') throw new AppError('INVALID_STATE', '该审查任务已办结，不能改派');
    await setTask(ctx, task, { state: 'taken', assigneeId: assignee.id, assigneeName: assignee.displayName, takenAt: ctx.now });
    return { to: 'unchanged', note: `改派给 ${assignee.displayName}`, departmentId: task.departmentId };
  });
}

/** The lead department's word on a rejection in joint review: uphold it, or send it back for another look. */
export async function decideAsLead(
  deps: ServiceDeps,
  reviewer: StaffPrincipal,
  input: { id: string; version: number; decision: 'uphold' | 'return'; opinion: string; now?: Date },
) {
  await deps.db.transaction(async (tx) => {
    let parentId: string | null = null;
    const action = input.decision === 'uphold' ? 'uphold_rejection' : 'return_to_review';
    await applyAction(tx, deps, { applicationId: input.id, action, performer: staff(reviewer), version: input.version, now: input.now }, async (ctx) => {
      requireDepartment(ctx, ctx.app.leadDepartmentId ?? '', '只有牵头部门可以作出决定');
      parentId = ctx.app.parentId;
      const tasks = await reviewRepo.listTasks(tx, [ctx.app.id]);
      if (input.decision === 'return') {
        for (const t of tasks.filter((x) => x.state === 'rejected')) await setTask(ctx, t, { state: t.assigneeId ? 'taken' : 'open', decidedAt: null });
        return { to: 'in_review', note: input.opinion };
      }
      await reviewRepo.updateTasksOf(tx, ctx.app.id, ['open', 'taken', 'waiting'], { state: 'closed', decidedAt: ctx.now });
      const opinion = [input.opinion, ...tasks.filter((t) => t.state === 'rejected').map((t) => t.opinion)].join('；');
      const patch = await recordDecision(ctx, { isApproved: false, opinion });
      return { to: 'rejected', patch, note: input.opinion };
    });
    if (parentId) await syncBundle(tx, deps, parentId, input.now ?? new Date());
  });
}

async function assertNoPendingDeferral(ctx: ActionContext) {
  const owner = ctx.app.parentId ? await repo.findApplication(ctx.tx, ctx.app.parentId) : ctx.app;
  if (owner?.deferralState === 'pending') {
    throw new AppError('DEFERRED_MATERIALS_PENDING', `容缺材料尚未补齐（期限 ${owner.deferredUntil}），补齐后才能作出决定`);
  }
}

export { staleApplication };
