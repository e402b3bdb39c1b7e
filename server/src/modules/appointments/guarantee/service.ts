import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { strictItems, type Items } from '../../../platform/jobs/job.ts';
import { addDays } from '../../../platform/calendar/working-days.ts';
import { listCenters } from '../../venue/service.ts';
import { hhmmOf } from '../../../platform/calendar/clock.ts';
import { loadCenterPlan, type CenterPlan, type ItemEntry } from '../capacity/service.ts';
import { earliestSlot } from '../capacity/plan.ts';
import type { GuaranteeItemDto, GuaranteeViewDto } from './contract.ts';
import * as repo from './repository.ts';

/**
 * A.6: every appointment-only item must have a bookable slot within 3 working days. For each,
 * the earliest bookable slot (overflow places counted when open) and whether it keeps the promise.
 */
export function guaranteeItems(plan: CenterPlan): GuaranteeItemDto[] {
  const { window, calendar } = plan;
  return [...plan.items.values()]
    .filter((i) => i.appointmentMode === 'appointment_only')
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((item) => {
      const entry = plan.entryOf(item.id);
      const earliest = entry ? earliestSlot(entry.plan, window) : null;
      return {
        itemId: item.id,
        code: item.code,
        name: item.name,
        queueName: entry?.queue.name ?? null,
        earliestDate: earliest?.date ?? null,
        earliestStart: earliest ? hhmmOf(earliest.startMinute) : null,
        isOverflow: earliest?.isOverflow ?? false,
        workingDaysAway: earliest ? (earliest.date === window.today ? 0 : calendar.countWorkingDays(window.today, earliest.date)) : null,
        meetsGuarantee: earliest !== null && earliest.date <= window.deadline,
        hasOverflow: entry?.plan.overflowPerSlot != null,
      };
    });
}

/**
 * Raises an alert for each appointment-only item that fails the guarantee (once per item and
 * day) and resolves the alerts of items that meet it again. `only`: check just these items.
 */
export async function checkGuarantee(tx: DbOrTx, plan: CenterPlan, raisedBy: 'job' | 'live', only?: ReadonlySet<string>): Promise<GuaranteeItemDto[]> {
  const items = guaranteeItems(plan).filter((i) => !only || only.has(i.itemId));
  for (const i of items) {
    if (i.meetsGuarantee) {
      await repo.resolveAlerts(tx, plan.centerId, i.itemId);
    } else {
      await repo.raiseAlert(tx, {
        centerId: plan.centerId,
        itemId: i.itemId,
        itemName: i.name,
        kind: 'guarantee_failed',
        businessDate: plan.window.today,
        earliestDate: i.earliestDate,
        deadline: plan.window.deadline,
        raisedBy,
      });
    }
  }
  return items;
}

/**
 * The live check, inside the transaction of a change (booking, cancellation, capacity): the
 * appointment-only items that take places from the same slots as `sharingWith` (or all of them).
 * `known`: a plan read before the change, to skip the check when no such item is affected.
 */
export async function checkGuaranteeLive(tx: DbOrTx, centerId: string, now: Date, scope: { sharingWith?: ItemEntry; known?: CenterPlan } = {}): Promise<void> {
  const affectedIn = (plan: CenterPlan) => {
    const source = scope.sharingWith?.source;
    return new Set(
      [...plan.items.values()]
        .filter((i) => i.appointmentMode === 'appointment_only')
        .filter((i) => {
          const e = plan.entryOf(i.id);
          return !source || (e !== null && e.source.scope === source.scope && e.source.scopeId === source.scopeId);
        })
        .map((i) => i.id),
    );
  };
  if (scope.known && affectedIn(scope.known).size === 0) return;
  const plan = await loadCenterPlan(tx, centerId, now, scope.known);
  const affected = affectedIn(plan);
  if (affected.size > 0) await checkGuarantee(tx, plan, 'live', affected);
}

/** Overflow places opened for an item today: the center manager hears of it (once per day). */
export async function raiseOverflowOpened(tx: DbOrTx, plan: CenterPlan, entry: ItemEntry): Promise<void> {
  await repo.raiseAlert(tx, {
    centerId: plan.centerId,
    itemId: entry.item.id,
    itemName: entry.item.name,
    kind: 'overflow_opened',
    businessDate: plan.window.today,
    earliestDate: null,
    deadline: plan.window.deadline,
    raisedBy: 'live',
  });
}

/** The daily job: every active center's appointment-only items checked; returns the alerts now open per center. */
export async function runGuaranteeCheck(db: Db, now = new Date(), { each }: Items = strictItems): Promise<{ centerId: string; failing: number }[]> {
  const result: { centerId: string; failing: number }[] = [];
  await each(
    (await listCenters(db)).filter((c) => c.isActive),
    async (center) => {
      const failing = await db.transaction(async (tx) => {
        const plan = await loadCenterPlan(tx, center.id, now);
        return (await checkGuarantee(tx, plan, 'job')).filter((i) => !i.meetsGuarantee).length;
      });
      result.push({ centerId: center.id, failing });
    },
    (center) => `center ${center.id}`,
  );
  return result;
}

/** The manager's view: each appointment-only item's earliest slot, the share meeting the guarantee, the recent alerts. */
export async function getGuaranteeView(db: Db, centerId: string, now = new Date()): Promise<GuaranteeViewDto> {
  const plan = await loadCenterPlan(db, centerId, now);
  const items = guaranteeItems(plan);
  const meeting = items.filter((i) => i.meetsGuarantee).length;
  const alerts = await repo.listAlerts(db, centerId, addDays(plan.window.today, -7));
  return {
    today: plan.window.today,
    deadline: plan.window.deadline,
    items,
    meeting,
    total: items.length,
    share: items.length === 0 ? null : meeting / items.length,
    alerts: alerts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString(), resolvedAt: a.resolvedAt?.toISOString() ?? null })),
    openAlerts: alerts.filter((a) => a.kind === 'guarantee_failed' && a.resolvedAt === null && a.businessDate === plan.window.today).length,
  };
}
