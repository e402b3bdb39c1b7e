import type { Tx } from '../../../platform/db/database.ts';
import { applyAction, SYSTEM, type ServiceDeps } from '../actions.ts';
import { notifyApplicant } from '../decisions/common.ts';
import { prepareDelivery } from '../review/decide.ts';
import * as repo from '../repository.ts';
import * as reviewRepo from '../review/repository.ts';
import type { ApplicationState } from '../workflow/definition.ts';

/**
 * A bundle follows its children (A.8, 6.3.1): when a stage's members are all decided the next
 * stage's tasks open; a child awaiting the lead department's decision puts the bundle there too;
 * when every child is decided the bundle is decided — approved when any member was — and one
 * pickup code covers all its results.
 */

const DONE: readonly string[] = ['approved', 'rejected', 'declined', 'stopped'];

export async function syncBundle(tx: Tx, deps: ServiceDeps, parentId: string, now: Date): Promise<void> {
  const parent = await repo.findApplication(tx, parentId);
  if (!parent || !['in_review', 'lead_decision'].includes(parent.state)) return;
  const children = await repo.listChildren(tx, parentId);
  await openNextStage(tx, children, now);
  const target = bundleStateOf(children.map((c) => c.state as ApplicationState));
  if (target === parent.state) return;
  await applyAction(tx, deps, { applicationId: parentId, action: 'children_changed', performer: SYSTEM, now }, async (ctx) => {
    if (target !== 'approved' && target !== 'rejected') return { to: target };
    const approved = children.filter((c) => c.state === 'approved');
    const results = approved.map((c) => `${c.name}：准予许可`);
    for (const c of children.filter((x) => x.state === 'rejected')) results.push(`${c.name}：不予许可`);
    const code = await prepareDelivery(ctx, ctx.app, results);
    await notifyApplicant(ctx, 'application_decided', { result: `${approved.length} 项准予、${children.length - approved.length} 项未准予`, pickup: `取件码 ${code}，请到综合发证窗口一次领取全部结果。` });
    return {
      to: target,
      patch: { decision: target, decidedAt: now, decidedOn: ctx.today, decisionOpinion: results.join('；') },
      note: results.join('；'),
    };
  });
}

/** The bundle's state from its children's. */
export function bundleStateOf(children: readonly ApplicationState[]): ApplicationState {
  if (children.some((s) => s === 'lead_decision')) return 'lead_decision';
  if (children.length > 0 && children.every((s) => DONE.includes(s))) return children.some((s) => s === 'approved') ? 'approved' : 'rejected';
  return 'in_review';
}

/** Opens the waiting tasks of the earliest stage that still has undecided members, once every earlier stage is decided. */
async function openNextStage(tx: Tx, children: repo.ApplicationRow[], now: Date) {
  const pending = children.filter((c) => !DONE.includes(c.state));
  if (pending.length === 0) return;
  const stage = Math.min(...pending.map((c) => c.stage));
  for (const child of pending.filter((c) => c.stage === stage)) {
    await reviewRepo.updateTasksOf(tx, child.id, ['waiting'], { state: 'open', openedAt: now });
  }
}
