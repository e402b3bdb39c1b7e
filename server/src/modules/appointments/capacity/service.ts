import type { DbOrTx } from '../../../platform/db/database.ts';
import { loadCalendar, type Calendar } from '../../../platform/calendar/service.ts';
import { addDays } from '../../../platform/calendar/working-days.ts';
import { listPublishedItemFacts, type PublishedItemFacts } from '../../catalog/service.ts';
import { listQueues, queueOfItem } from '../../queue/service.ts';
import { listCounters } from '../../venue/service.ts';
import type { CounterDto } from '../../venue/contract.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { GUARANTEE_WORKING_DAYS, type SlotScope } from '../contract.ts';
import { loadSettings, type Settings } from '../settings/service.ts';
import { daySlots, indexAdjustments, slotKey, type BookingWindow, type ItemPlan, type Pool } from './plan.ts';
import * as repo from './repository.ts';

type QueueDto = Awaited<ReturnType<typeof listQueues>>[number];

/** Where an item's regular places come from. */
export type Source = { scope: Exclude<SlotScope, 'overflow'>; scopeId: string };

export type ItemEntry = { item: PublishedItemFacts; queue: QueueDto; source: Source; plan: ItemPlan };

/**
 * Everything needed to answer "what can be booked" for one center, read in a handful of queries:
 * settings, calendar, queues and their counters, items, rules, adjustments and booked counts from
 * today to the horizon. Answers from memory afterwards.
 */
export type CenterPlan = {
  centerId: string;
  settings: Settings;
  calendar: Calendar;
  window: BookingWindow;
  queues: QueueDto[];
  items: ReadonlyMap<string, PublishedItemFacts>;
  rules: repo.RuleRow[];
  /** the item's plan, or null when it takes no appointments here (walk-in only, or no queue serves it) */
  entryOf(itemId: string): ItemEntry | null;
  counters: CounterDto[];
  /** base places per slot of a queue (explicit, or counters × places per counter) */
  queueBase(queue: QueueDto): number;
};

/**
 * `reuse`: a plan of the same center and moment read earlier (e.g. before the transaction): its
 * settings, calendar, queues, counters and items are taken over; rules, adjustments and booked
 * counts are read again. Inside a transaction this also spares rebuilding the published catalog.
 */
export async function loadCenterPlan(db: DbOrTx, centerId: string, now: Date, reuse?: CenterPlan): Promise<CenterPlan> {
  const settings = reuse?.settings ?? (await loadSettings(db, centerId));
  const calendar = reuse?.calendar ?? (await loadCalendar(db));
  const { date: today, minutes } = businessClock(now);
  const deadline = calendar.addWorkingDays(today, GUARANTEE_WORKING_DAYS);
  const horizonEnd = addDays(today, settings.horizonDays);
  const lastDate = horizonEnd > deadline ? horizonEnd : deadline;
  const reads = [
    () => reuse?.queues ?? listQueues(db, centerId),
    () => (reuse ? [...reuse.items.values()] : listPublishedItemFacts(db, centerId)),
    () => reuse?.counters ?? listCounters(db, centerId),
    () => repo.listRules(db, centerId),
    () => repo.listAdjustments(db, centerId, today, lastDate),
    () => repo.listBooked(db, centerId, today, lastDate),
  ] as const;
  // A transaction has one connection: its queries go one after another.
  const isTransaction = 'rollback' in db;
  const [queues, items, counters, rules, adjustments, booked] = (
    isTransaction ? await sequentially(reads) : await Promise.all(reads.map((read) => read()))
  ) as [QueueDto[], PublishedItemFacts[], CounterDto[], repo.RuleRow[], repo.AdjustmentRow[], repo.BookedRow[]];
  const workingDays = new Map<string, boolean>();
  const window: BookingWindow = {
    today,
    nowMinutes: minutes,
    lastDate,
    deadline,
    isWorkingDay: (d) => {
      let is = workingDays.get(d);
      if (is === undefined) workingDays.set(d, (is = calendar.isWorkingDay(d)));
      return is;
    },
    slots: daySlots(settings.effectivePeriods, settings.slotMinutes),
  };
  const activeCounters = new Set(counters.filter((c) => c.isActive).map((c) => c.id));
  const ruleOf = new Map(rules.map((r) => [`${r.scope}:${r.scopeId}`, r]));
  const bookedOf = new Map<string, Map<string, number>>();
  for (const b of booked) {
    const key = `${b.scope}:${b.scopeId}`;
    if (!bookedOf.has(key)) bookedOf.set(key, new Map());
    bookedOf.get(key)!.set(slotKey(b.date, b.startMinute), b.booked);
  }
  const adjustmentsOf = new Map<string, ReturnType<typeof indexAdjustments>>();
  for (const scope of ['queue', 'item'] as const) {
    const byScope = new Map<string, repo.AdjustmentRow[]>();
    for (const a of adjustments.filter((x) => x.scope === scope)) byScope.set(a.scopeId, [...(byScope.get(a.scopeId) ?? []), a]);
    for (const [scopeId, list] of byScope) adjustmentsOf.set(`${scope}:${scopeId}`, indexAdjustments(list));
  }
  const queueBase = (q: QueueDto) =>
    ruleOf.get(`queue:${q.id}`)?.capacityPerSlot ?? q.counterIds.filter((id) => activeCounters.has(id)).length * settings.placesPerCounter;
  const pools = new Map<string, Pool>();
  const poolOf = (source: Source, base: number): Pool => {
    const key = `${source.scope}:${source.scopeId}`;
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = { base, adjustments: adjustmentsOf.get(key) ?? new Map(), booked: bookedOf.get(key) ?? new Map() }));
    return pool;
  };
  const itemsById = new Map(items.map((i) => [i.id, i]));
  const entries = new Map<string, ItemEntry | null>();
  const entryOf = (itemId: string): ItemEntry | null => {
    if (entries.has(itemId)) return entries.get(itemId)!;
    const item = itemsById.get(itemId);
    const queue = item ? queueOfItem(queues, item) : undefined;
    let entry: ItemEntry | null = null;
    if (item && queue && item.appointmentMode !== 'walk_in') {
      const own = ruleOf.get(`item:${item.id}`);
      const source: Source = own?.capacityPerSlot != null ? { scope: 'item', scopeId: item.id } : { scope: 'queue', scopeId: queue.id };
      const regular = poolOf(source, source.scope === 'item' ? own!.capacityPerSlot! : queueBase(queue));
      const plan: ItemPlan = { regular, overflowPerSlot: own?.overflowPerSlot ?? null, overflowBooked: bookedOf.get(`overflow:${item.id}`) ?? new Map() };
      entry = { item, queue, source, plan };
    }
    entries.set(itemId, entry);
    return entry;
  };
  return { centerId, settings, calendar, window, queues, items: itemsById, rules, counters, entryOf, queueBase };
}

async function sequentially(reads: readonly (() => unknown)[]): Promise<unknown[]> {
  const results = [];
  for (const read of reads) results.push(await read());
  return results;
}
