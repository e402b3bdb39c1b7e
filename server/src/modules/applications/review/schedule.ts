import type { Calendar } from '../../../platform/calendar/service.ts';

/**
 * A.7 promised time limits as dates. A bundle's members of one stage run in parallel (the stage
 * takes as long as its longest member) and stages follow one another (FACTS §9, catalog rule).
 */

export type StagedMember = { stage: number; promisedDays: number };

/** Working days from the bundle's start to the start of each stage, and the bundle's whole limit. */
export function stagePlan(members: readonly StagedMember[]): { offsets: Map<number, number>; totalDays: number } {
  const longest = new Map<number, number>();
  for (const m of members) longest.set(m.stage, Math.max(longest.get(m.stage) ?? 0, m.promisedDays));
  const offsets = new Map<number, number>();
  let total = 0;
  for (const stage of [...longest.keys()].sort((a, b) => a - b)) {
    offsets.set(stage, total);
    total += longest.get(stage)!;
  }
  return { offsets, totalDays: total };
}

/** The due date of a member: its stage's planned start plus its own promised days. */
export function memberDueDate(calendar: Calendar, clockStartOn: string, plan: ReturnType<typeof stagePlan>, member: StagedMember): string {
  return calendar.addWorkingDays(clockStartOn, (plan.offsets.get(member.stage) ?? 0) + member.promisedDays);
}

/** The due date after pauses: the promised working days plus the working days the clock stood still. */
export function dueDateOf(calendar: Calendar, clockStartOn: string, promisedDays: number, pausedDays: number): string {
  return calendar.addWorkingDays(clockStartOn, promisedDays + pausedDays);
}
