import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { getGuideVersion } from '../../catalog/service.ts';
import { mayUseDeferredMaterials } from '../../enterprises/service.ts';
import { runAction, type ActionContext, type Performer, type ServiceDeps } from '../actions.ts';
import { acceptanceNotice, chineseDate, deferralNotice, nonAcceptanceNotice, supplementNotice } from '../notices/documents.ts';
import * as repo from '../repository.ts';
import { declineChildren, openReview } from '../review/open.ts';
import * as reviewRepo from '../review/repository.ts';
import { dueDateOf } from '../review/schedule.ts';
import { deadlineCap, isPresent, issue, lateNoticePatch, materialsIncomplete, materialsOwnerId, notifyApplicant, resumeClockPatch } from './common.ts';

/**
 * Decisions at the counter (A.3, A.7, A.9): accept, accept with deferred materials, ask for a
 * supplement in one written notice, decline — and a manager's word on a second supplement.
 */

const staff = (principal: StaffPrincipal): Performer => ({ kind: 'staff', principal });

/** Accept: every material present. The due date is the acceptance date plus the promised working days. */
export async function acceptApplication(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'accept', performer: staff(clerk), version: input.version, now: input.now }, async (ctx) => {
    const materials = await repo.listMaterials(ctx.tx, ctx.app.id);
    const missing = materials.filter((m) => !isPresent(m.status));
    if (missing.length > 0) throw materialsIncomplete(missing.map((m) => m.name), '材料不齐全，不能受理，请出具补正告知书或选择容缺受理');
    return acceptWith(ctx, { deferred: [] });
  });
}

/**
 * 容缺受理 (A.9): only for materials the catalog allows to follow, never a core material, with
 * every other material present and the credit check passed; the applicant signs a commitment.
 */
export async function acceptWithDeferral(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; materialKeys: string[]; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'accept_with_deferral', performer: staff(clerk), version: input.version, now: input.now }, async (ctx) => {
    const materials = await repo.listMaterials(ctx.tx, ctx.app.id);
    const keys = new Set(input.materialKeys);
    const problems: { field: string; message: string }[] = [];
    for (const key of keys) {
      const m = materials.find((x) => x.key === key);
      if (!m) problems.push({ field: 'materialKeys', message: `本办件没有材料“${key}”` });
      else if (m.importance === 'core') problems.push({ field: 'materialKeys', message: `“${m.name}”是主件，不能容缺` });
      else if (!m.isDeferrable) problems.push({ field: 'materialKeys', message: `“${m.name}”不在本事项的容缺材料目录内` });
      else if (isPresent(m.status)) problems.push({ field: 'materialKeys', message: `“${m.name}”已提交，无需容缺` });
    }
    if (problems.length > 0) throw new AppError('DEFERRAL_NOT_ALLOWED', problems[0]!.message, problems);
    const others = materials.filter((m) => !keys.has(m.key) && !isPresent(m.status));
    if (others.length > 0) throw materialsIncomplete(others.map((m) => m.name), '容缺受理要求主件齐全、其他材料齐备，以下材料仍缺');
    const credit = await mayUseDeferredMaterials(ctx.tx, { uscc: ctx.app.uscc });
    if (!credit.allowed) throw new AppError('CREDIT_BARRED', credit.reason, [{ field: 'materialKeys', message: '信用记录不适用容缺受理' }]);
    return acceptWith(ctx, { deferred: materials.filter((m) => keys.has(m.key)).map((m) => ({ key: m.key, name: m.name })) });
  });
}

async function acceptWith(ctx: ActionContext, input: { deferred: { key: string; name: string }[] }) {
  const late = lateNoticePatch(ctx);
  const isDeemedAccepted = late.isDeemedAccepted ?? ctx.app.isDeemedAccepted;
  const clockStartOn = late.clockStartOn ?? ctx.app.clockStartOn ?? ctx.today;
  const dueDate = dueDateOf(ctx.calendar, clockStartOn, ctx.app.promisedDays, 0);
  const app = { ...ctx.app, isDeemedAccepted, clockStartOn };
  const present = (await repo.listMaterials(ctx.tx, app.id)).filter((m) => isPresent(m.status)).map((m) => m.name);
  await issue(
    ctx,
    'acceptance',
    (f) => acceptanceNotice(f, { acceptedOn: ctx.today, clockStartOn, promisedDays: app.promisedDays, dueDate, isDeemedAccepted, materials: present, isCommitment: app.isCommitment }),
    app,
  );
  let deferredUntil: string | null = null;
  if (input.deferred.length > 0) {
    // FACTS §8: the deadline never exceeds the item's committed processing time.
    const days = Math.min(await supplementDaysOf(ctx), deadlineCap(app.promisedDays));
    deferredUntil = ctx.calendar.addWorkingDays(ctx.today, days);
    await repo.setMaterialsStatus(ctx.tx, app.id, input.deferred.map((m) => m.key), 'deferred', ctx.byName, ctx.now);
    await issue(ctx, 'deferral', (f) => deferralNotice(f, { materials: input.deferred.map((m) => m.name), deadline: deferredUntil!, acceptedOn: ctx.today }), app);
    await notifyApplicant(ctx, 'application_deferral_due', { deadline: chineseDate(deferredUntil) });
  }
  const patch: repo.ApplicationPatch = {
    acceptedAt: ctx.now,
    clockStartOn,
    dueDate,
    isDeemedAccepted,
    deferredUntil,
    deferralState: deferredUntil ? 'pending' : null,
  };
  ctx.app = { ...ctx.app, ...patch };
  await openReview(ctx, clockStartOn);
  await notifyApplicant(ctx, 'application_accepted', { due: chineseDate(dueDate) });
  return {
    to: 'in_review' as const,
    patch,
    note: deferredUntil ? `容缺材料：${input.deferred.map((m) => m.name).join('、')}，${chineseDate(deferredUntil)}前补齐` : '',
    detail: { dueDate, clockStartOn, isDeemedAccepted, deferredUntil },
  };
}

/** The guide's deferral deadline in working days (a bundle: the shortest of its members'). */
async function supplementDaysOf(ctx: ActionContext): Promise<number> {
  if (ctx.app.guideVersionId) return (await getGuideVersion(ctx.tx, ctx.app.guideVersionId)).guide.deferral.supplementDays ?? ctx.app.promisedDays;
  let days = Infinity;
  for (const child of await repo.listChildren(ctx.tx, ctx.app.id)) {
    const guide = (await getGuideVersion(ctx.tx, child.guideVersionId!)).guide;
    days = Math.min(days, guide.deferral.supplementDays ?? guide.promisedLimitDays);
  }
  return Number.isFinite(days) ? days : ctx.app.promisedDays;
}

/**
 * 补正 (A.3): one notice listing every material still missing or defective, with its requirement and
 * the deadline. A second request for the same application waits for a manager's approval.
 */
export async function requestSupplement(
  deps: ServiceDeps,
  clerk: StaffPrincipal,
  input: { id: string; version: number; items: { key: string; requirement: string }[]; deadlineDays: number; reason: string; now?: Date },
) {
  await runAction(deps, { applicationId: input.id, action: 'request_supplement', performer: staff(clerk), version: input.version, now: input.now }, async (ctx) => {
    const materials = await repo.listMaterials(ctx.tx, ctx.app.id);
    for (const item of input.items) {
      if (!materials.some((m) => m.key === item.key)) throw new AppError('VALIDATION_FAILED', `本办件没有材料“${item.key}”`, [{ field: 'items', message: '材料不存在' }]);
    }
    const owed = materials.filter((m) => !isPresent(m.status));
    if (owed.length === 0) throw new AppError('INVALID_STATE', '材料已齐全，无需补正，请直接受理');
    const extra = new Map(input.items.map((i) => [i.key, i.requirement]));
    const items = owed.map((m) => ({
      key: m.key,
      name: m.name,
      problem: m.status === 'defective' ? m.problem : '未提交',
      requirement: [m.requirement, extra.get(m.key)].filter(Boolean).join('；'),
    }));
    return createSupplement(ctx, { phase: 'intake', items, deadlineDays: input.deadlineDays, reason: input.reason, returnState: 'received' });
  });
}

/** Records a supplement request; the first goes out at once, a later one waits for approval. */
export async function createSupplement(
  ctx: ActionContext,
  input: { phase: 'intake' | 'review'; items: { key: string; name: string; problem: string; requirement: string }[]; deadlineDays: number; reason: string; returnState: 'received' | 'in_review' },
) {
  const ordinal = (await reviewRepo.countSupplements(ctx.tx, ctx.app.id)) + 1;
  const deadline = ctx.calendar.addWorkingDays(ctx.today, Math.min(input.deadlineDays, deadlineCap(ctx.app.promisedDays)));
  const needsApproval = ordinal > 1;
  const id = await reviewRepo.insertSupplement(ctx.tx, {
    applicationId: ctx.app.id,
    ordinal,
    phase: input.phase,
    items: input.items,
    deadline,
    state: needsApproval ? 'pending_approval' : 'issued',
    returnState: input.returnState,
    reason: input.reason,
    requestedById: ctx.performer.kind === 'staff' ? ctx.performer.principal.id : null,
    requestedByName: ctx.byName,
    requestedAt: ctx.now,
  });
  const patch: repo.ApplicationPatch = input.phase === 'intake' ? lateNoticePatch(ctx) : { pausedSince: ctx.app.pausedSince ?? ctx.today };
  if (needsApproval) {
    return { to: 'supplement_approval' as const, patch, note: `第 ${ordinal} 次补正，待中心负责人批准${input.reason ? `：${input.reason}` : ''}`, detail: { supplementId: id, ordinal } };
  }
  await issueSupplementNotice(ctx, { id, ordinal, phase: input.phase, items: input.items, deadline });
  return {
    to: input.phase === 'intake' ? ('awaiting_supplement' as const) : ('review_supplement' as const),
    patch,
    note: `一次性告知补正 ${input.items.length} 项材料，${chineseDate(deadline)}前补齐`,
    detail: { supplementId: id, ordinal, deadline },
  };
}

async function issueSupplementNotice(ctx: ActionContext, s: { id: string; ordinal: number; phase: 'intake' | 'review'; items: { key: string; name: string; problem: string; requirement: string }[]; deadline: string }) {
  const notice = await issue(ctx, 'supplement', (f) => supplementNotice(f, { items: s.items, deadline: s.deadline, ordinal: s.ordinal, phase: s.phase }));
  await reviewRepo.updateSupplement(ctx.tx, s.id, { state: 'issued', noticeId: notice.id });
  if (s.phase === 'review') {
    for (const item of s.items) {
      await repo.updateMaterial(ctx.tx, materialsOwnerId(ctx.app), item.key, { status: 'defective', problem: item.problem, fileId: null, licenseId: null, updatedBy: ctx.byName, updatedAt: ctx.now });
    }
  }
  await notifyApplicant(ctx, 'application_supplement', { deadline: chineseDate(s.deadline) });
}

/** A manager approves or refuses a second (or later) supplement request. */
export async function decideSupplement(
  deps: ServiceDeps,
  approver: StaffPrincipal,
  input: { id: string; supplementId: string; version: number; isApproved: boolean; reason?: string; now?: Date },
) {
  const found = (await reviewRepo.listSupplements(deps.db, [input.id])).find((x) => x.id === input.supplementId);
  if (!found) throw new AppError('NOT_FOUND', '补正请求不存在');
  const inReview = found.phase === 'review';
  const action = input.isApproved ? (inReview ? 'approve_review_supplement' : 'approve_supplement') : inReview ? 'refuse_review_supplement' : 'refuse_supplement';
  await runAction(deps, { applicationId: input.id, action, performer: staff(approver), version: input.version, now: input.now }, async (ctx) => {
    const s = (await reviewRepo.listSupplements(ctx.tx, [ctx.app.id])).find((x) => x.id === input.supplementId);
    if (!s || s.state !== 'pending_approval') throw new AppError('INVALID_STATE', '该补正请求不在待审批状态');
    if (!input.isApproved) {
      await reviewRepo.updateSupplement(ctx.tx, s.id, { state: 'refused', approvedByName: approver.displayName, approvedAt: ctx.now });
      return inReview
        ? { to: 'in_review' as const, patch: resumeClockPatch(ctx), note: `不同意再次补正：${input.reason ?? ''}` }
        : { to: 'received' as const, note: `不同意再次补正：${input.reason ?? ''}` };
    }
    await reviewRepo.updateSupplement(ctx.tx, s.id, { approvedByName: approver.displayName, approvedAt: ctx.now });
    await issueSupplementNotice(ctx, { id: s.id, ordinal: s.ordinal, phase: s.phase, items: s.items, deadline: s.deadline });
    return {
      to: inReview ? ('review_supplement' as const) : ('awaiting_supplement' as const),
      patch: inReview ? {} : lateNoticePatch(ctx),
      note: `批准第 ${s.ordinal} 次补正`,
      detail: { supplementId: s.id },
    };
  });
}

/** The applicant came back with the supplemented materials: the intake decision starts over (and so does the 5-day clock). */
export async function resubmit(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'resubmit', performer: staff(clerk), version: input.version, now: input.now }, async (ctx) => {
    await fulfilOpenSupplement(ctx);
    return { to: 'received', patch: { lastReceivedOn: ctx.today }, note: '申请人补正材料后重新提交' };
  });
}

/** Supplemented materials received while the back office waited: the clock runs again. */
export async function supplementReceived(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'supplement_received', performer: staff(clerk), version: input.version, now: input.now }, async (ctx) => {
    const s = await fulfilOpenSupplement(ctx);
    const materials = await repo.listMaterials(ctx.tx, materialsOwnerId(ctx.app));
    const still = materials.filter((m) => s?.items.some((i) => i.key === m.key) && !isPresent(m.status));
    if (still.length > 0) throw materialsIncomplete(still.map((m) => m.name), '以下补正材料尚未登记');
    return { to: 'in_review', patch: resumeClockPatch(ctx), note: '收到审查补正材料，恢复计时' };
  });
}

async function fulfilOpenSupplement(ctx: ActionContext) {
  const open = (await reviewRepo.listSupplements(ctx.tx, [ctx.app.id])).filter((s) => s.state === 'issued').at(-1);
  if (open) await reviewRepo.updateSupplement(ctx.tx, open.id, { state: 'fulfilled', fulfilledAt: ctx.now });
  return open;
}

/** 不予受理 with the reason and the remedies. */
export async function declineApplication(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; reason: string; remedies: string; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'decline', performer: staff(clerk), version: input.version, now: input.now }, async (ctx) => {
    await issue(ctx, 'non_acceptance', (f) => nonAcceptanceNotice(f, { reason: input.reason, remedies: input.remedies }));
    if (ctx.kind === 'bundle') await declineChildren(ctx, input.reason);
    await notifyApplicant(ctx, 'application_declined', {});
    return { to: 'declined', patch: { ...lateNoticePatch(ctx), closedReason: input.reason }, note: input.reason };
  });
}

/** The deferred materials are in: the decision may now be made. */
export async function supplyDeferred(deps: ServiceDeps, clerk: StaffPrincipal, input: { id: string; version: number; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'supply_deferred', performer: staff(clerk), version: input.version, now: input.now }, async (ctx) => {
    if (ctx.app.deferralState !== 'pending') throw new AppError('INVALID_STATE', '本办件没有待补齐的容缺材料');
    const still = (await repo.listMaterials(ctx.tx, ctx.app.id)).filter((m) => !isPresent(m.status));
    if (still.length > 0) throw materialsIncomplete(still.map((m) => m.name), '以下容缺材料尚未登记');
    return { to: 'unchanged', patch: { deferralState: 'supplied' }, note: '容缺材料已补齐' };
  });
}
