import { applyAction, SYSTEM, type ActionContext } from '../actions.ts';
import * as repo from '../repository.ts';
import * as reviewRepo from './repository.ts';
import { memberDueDate, stagePlan } from './schedule.ts';

/**
 * After acceptance the back office gets its work (6.1.4, A.8): a single item one task in its
 * department — a joint-review item one per department, the lead's marked; a bundle's children
 * one each, the first stage open and later stages waiting.
 */
export async function openReview(ctx: ActionContext, clockStartOn: string): Promise<void> {
  const { tx, app, now } = ctx;
  if (ctx.kind === 'single') {
    const departments = app.leadDepartmentId ? [app.departmentId, app.leadDepartmentId] : [app.departmentId];
    await reviewRepo.insertTasks(
      tx,
      departments.map((departmentId) => ({
        applicationId: app.id,
        centerId: app.centerId,
        departmentId,
        isLead: departmentId === app.leadDepartmentId,
        state: 'open' as const,
        openedAt: now,
      })),
    );
    return;
  }
  const children = (await repo.listChildren(tx, app.id)).filter((c) => c.state === 'received');
  const plan = stagePlan(children.map((c) => ({ stage: c.stage, promisedDays: c.promisedDays })));
  const firstStage = Math.min(...children.map((c) => c.stage));
  for (const child of children) {
    await applyAction(tx, ctx.deps, { applicationId: child.id, action: 'accept_with_bundle', performer: SYSTEM, now }, async () => ({
      to: 'in_review',
      patch: {
        acceptedAt: now,
        clockStartOn,
        dueDate: memberDueDate(ctx.calendar, clockStartOn, plan, { stage: child.stage, promisedDays: child.promisedDays }),
        isDeemedAccepted: app.isDeemedAccepted,
      },
      departmentId: child.departmentId,
    }));
    await reviewRepo.insertTasks(tx, [
      {
        applicationId: child.id,
        centerId: child.centerId,
        departmentId: child.departmentId,
        isLead: child.departmentId === app.leadDepartmentId,
        state: child.stage === firstStage ? 'open' : 'waiting',
        openedAt: child.stage === firstStage ? now : null,
      },
    ]);
  }
}

/** Cascades a bundle's non-acceptance to its children. */
export async function declineChildren(ctx: ActionContext, reason: string): Promise<void> {
  for (const child of await repo.listChildren(ctx.tx, ctx.app.id)) {
    if (child.state !== 'received') continue;
    await applyAction(ctx.tx, ctx.deps, { applicationId: child.id, action: 'decline_with_bundle', performer: SYSTEM, now: ctx.now }, async () => ({
      to: 'declined',
      note: reason,
      departmentId: child.departmentId,
    }));
  }
}
