import type { Db } from '../../../platform/db/database.ts';
import { addDays } from '../../../platform/calendar/working-days.ts';
import { hhmmOf } from '../../../platform/calendar/clock.ts';
import { appointableEntry } from '../booking/service.ts';
import type { AvailabilityDto, BookableItemDto } from './contract.ts';
import { daysView, earliestSlot } from './plan.ts';
import { loadCenterPlan } from './service.ts';

/** The center's items that take appointments, each with its earliest free slot. */
export async function listBookableItems(db: Db, centerId: string, now = new Date()): Promise<BookableItemDto[]> {
  const plan = await loadCenterPlan(db, centerId, now);
  const result: BookableItemDto[] = [];
  for (const item of [...plan.items.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const entry = plan.entryOf(item.id);
    if (!entry) continue;
    const earliest = earliestSlot(entry.plan, plan.window);
    result.push({
      id: item.id,
      code: item.code,
      name: item.name,
      theme: item.theme,
      appointmentMode: item.appointmentMode,
      queueName: entry.queue.name,
      earliestDate: earliest?.date ?? null,
      earliestStart: earliest ? hhmmOf(earliest.startMinute) : null,
    });
  }
  return result;
}

/** The item's bookable slots day by day (past dates, closed days and started slots have none). */
export async function getAvailability(db: Db, centerId: string, q: { itemId: string; from?: string; days: number }, now = new Date()): Promise<AvailabilityDto> {
  const plan = await loadCenterPlan(db, centerId, now);
  const entry = appointableEntry(plan, q.itemId);
  const from = q.from && q.from > plan.window.today ? q.from : plan.window.today;
  const to = addDays(from, q.days - 1);
  const days = daysView(entry.plan, plan.window, from, to > plan.window.lastDate ? plan.window.lastDate : to).map((d) => ({
    date: d.date,
    isWorkingDay: d.isWorkingDay,
    slots: d.slots.map((s) => ({ start: hhmmOf(s.startMinute), end: hhmmOf(s.endMinute), remaining: s.remaining + s.overflowRemaining, isOverflow: s.remaining === 0 && s.overflowRemaining > 0 })),
  }));
  return {
    centerId,
    itemId: entry.item.id,
    itemName: entry.item.name,
    queueName: entry.queue.name,
    today: plan.window.today,
    lastDate: plan.window.lastDate,
    deadline: plan.window.deadline,
    days,
  };
}
