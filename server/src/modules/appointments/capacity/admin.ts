import type { Db } from '../../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { businessClock, hhmmOf, minutesOf } from '../../../platform/calendar/clock.ts';
import { checkGuaranteeLive } from '../guarantee/service.ts';
import type { CapacityDayDto } from './contract.ts';
import { indexAdjustments, slotCapacity, slotKey } from './plan.ts';
import * as repo from './repository.ts';
import { loadCenterPlan, type CenterPlan } from './service.ts';

/**
 * One date's capacity at a center: each source of places (every queue, and each item with its own
 * slots) with its base, the date's adjustments, and each slot's places and bookings.
 */
export async function getCapacityDay(db: Db, centerId: string, date: string, now = new Date(), reuse?: CenterPlan): Promise<CapacityDayDto> {
  const plan = await loadCenterPlan(db, centerId, now, reuse);
  const [adjustments, booked] = await Promise.all([repo.listAdjustments(db, centerId, date, date), repo.listBooked(db, centerId, date, date)]);
  const active = new Set(plan.counters.filter((c) => c.isActive).map((c) => c.id));
  const ruleOf = new Map(plan.rules.map((r) => [`${r.scope}:${r.scopeId}`, r]));
  const entries = [...plan.items.values()].map((i) => plan.entryOf(i.id)).filter((e) => e !== null);
  const pools = [
    ...plan.queues.map((q) => ({ scope: 'queue' as const, scopeId: q.id, name: `${q.prefix} ${q.name}`, base: plan.queueBase(q), counters: q.counterIds.filter((c) => active.has(c)).length })),
    ...entries
      .filter((e) => e.source.scope === 'item')
      .map((e) => ({ scope: 'item' as const, scopeId: e.item.id, name: e.item.name, base: e.plan.regular.base, counters: 0 })),
  ];
  const isWorkingDay = plan.calendar.isWorkingDay(date);
  return {
    centerId,
    date,
    isWorkingDay,
    slotMinutes: plan.settings.slotMinutes,
    pools: pools.map((p) => {
      const rule = ruleOf.get(`${p.scope}:${p.scopeId}`) ?? null;
      const mine = adjustments.filter((a) => a.scope === p.scope && a.scopeId === p.scopeId);
      const ofDate = indexAdjustments(mine).get(date);
      const bookedOf = new Map(booked.filter((b) => b.scope === p.scope && b.scopeId === p.scopeId).map((b) => [slotKey(b.date, b.startMinute), b.booked]));
      return {
        ...p,
        baseSource: p.scope === 'item' || rule?.capacityPerSlot != null ? ('explicit' as const) : ('counters' as const),
        rule: rule && { capacityPerSlot: rule.capacityPerSlot, overflowPerSlot: rule.overflowPerSlot, version: rule.version },
        items: entries
          .filter((e) => e.source.scope === p.scope && e.source.scopeId === p.scopeId)
          .map((e) => ({
            id: e.item.id,
            name: e.item.name,
            appointmentMode: e.item.appointmentMode,
            overflowPerSlot: e.plan.overflowPerSlot,
            ruleVersion: ruleOf.get(`item:${e.item.id}`)?.version ?? 0,
          })),
        slots: isWorkingDay
          ? plan.window.slots.map((s) => ({
              start: hhmmOf(s.startMinute),
              end: hhmmOf(s.endMinute),
              capacity: slotCapacity(p.base, ofDate, s.startMinute),
              booked: bookedOf.get(slotKey(date, s.startMinute)) ?? 0,
            }))
          : [],
        adjustments: mine.map((a) => ({ id: a.id, date: a.date, start: a.startMinute === null ? null : hhmmOf(a.startMinute), delta: a.delta, reason: a.reason, createdAt: a.createdAt.toISOString() })),
      };
    }),
  };
}

type RuleInput = { centerId: string; scope: 'queue' | 'item'; scopeId: string; capacityPerSlot: number | null; overflowPerSlot: number | null; version: number };

/**
 * Sets a queue's places per slot (null: from its counters), or an item's own slots and overflow
 * places; a rule with nothing left in it is removed.
 */
export async function saveCapacityRule(db: Db, input: RuleInput, now = new Date()): Promise<CapacityDayDto> {
  const plan = await loadCenterPlan(db, input.centerId, now);
  if (input.scope === 'queue') {
    if (!plan.queues.some((q) => q.id === input.scopeId)) throw invalidField('scopeId', '队列不存在或不属于本中心');
    if (input.overflowPerSlot !== null) throw invalidField('overflowPerSlot', '应急号源按事项设置，不能设在队列上');
  } else {
    const item = plan.items.get(input.scopeId);
    if (!item) throw invalidField('scopeId', '事项不存在或未在本中心发布');
    if (item.appointmentMode === 'walk_in') throw invalidField('scopeId', `“${item.name}”不设预约，不能设置号源`);
  }
  const isEmpty = input.capacityPerSlot === null && input.overflowPerSlot === null;
  const { version, ...rule } = input;
  await db.transaction(async (tx) => {
    const saved = isEmpty ? version === 0 || (await repo.deleteRule(tx, input.centerId, input.scope, input.scopeId, version)) : await repo.saveRule(tx, rule, version);
    if (!saved) throw new AppError('STALE_VERSION', '号源设置已被他人修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);
    await checkGuaranteeLive(tx, input.centerId, now, { known: plan });
  });
  return getCapacityDay(db, input.centerId, businessClock(now).date, now, plan);
}

type AdjustmentInput = { centerId: string; scope: 'queue' | 'item'; scopeId: string; date: string; start: string | null; delta: number; reason: string };

/** Adds or removes places for a date (every slot, or one). Bookings already made are kept. */
export async function addCapacityAdjustment(db: Db, input: AdjustmentInput, staffId: string | null, now = new Date()): Promise<CapacityDayDto> {
  const plan = await loadCenterPlan(db, input.centerId, now);
  if (input.date < plan.window.today) throw new AppError('DATE_IN_PAST', '不能调整已过去日期的号源', [{ field: 'date', message: '日期已过' }]);
  if (!plan.calendar.isWorkingDay(input.date)) throw new AppError('DAY_CLOSED', `${input.date} 不是工作日，没有号源可调整；如需开放请先在工作日历中设为工作日`, [{ field: 'date', message: '非工作日' }]);
  const isKnown =
    input.scope === 'queue' ? plan.queues.some((q) => q.id === input.scopeId) : plan.entryOf(input.scopeId)?.source.scope === 'item';
  if (!isKnown) throw invalidField('scopeId', input.scope === 'queue' ? '队列不存在或不属于本中心' : '该事项没有单独的号源，请调整其队列的号源');
  const startMinute = input.start === null ? null : minutesOf(input.start);
  if (startMinute !== null && !plan.window.slots.some((s) => s.startMinute === startMinute)) {
    throw new AppError('SLOT_NOT_FOUND', '没有这个预约时段', [{ field: 'start', message: '时段不存在' }]);
  }
  await db.transaction(async (tx) => {
    await repo.insertAdjustment(tx, { centerId: input.centerId, scope: input.scope, scopeId: input.scopeId, date: input.date, startMinute, delta: input.delta, reason: input.reason, createdBy: staffId });
    await checkGuaranteeLive(tx, input.centerId, now, { known: plan });
  });
  return getCapacityDay(db, input.centerId, input.date, now, plan);
}

/** Takes an adjustment back (not for past dates). */
export async function removeCapacityAdjustment(db: Db, id: string, centerOf: (centerId: string) => void, now = new Date()): Promise<CapacityDayDto> {
  const row = await repo.findAdjustment(db, id);
  if (!row) throw notFound('号源调整');
  centerOf(row.centerId);
  if (row.date < businessClock(now).date) throw new AppError('DATE_IN_PAST', '不能撤销已过去日期的号源调整', [{ field: 'date', message: '日期已过' }]);
  await db.transaction(async (tx) => {
    await repo.deleteAdjustment(tx, id);
    await checkGuaranteeLive(tx, row.centerId, now);
  });
  return getCapacityDay(db, row.centerId, row.date, now);
}
