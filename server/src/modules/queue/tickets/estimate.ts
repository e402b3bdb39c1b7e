/** What the receipt, the kiosk and the phone say about the wait. */

/** A center's typical minutes of service until its manager sets them (queue settings). */
export const DEFAULT_TYPICAL_SERVICE_MINUTES = 8;
/** Fewer finished tickets than this say nothing yet about a queue's pace. */
const MIN_SAMPLES = 3;

/** Minutes until a ticket is called, as a range (约 20–30 分钟). */
export type WaitEstimate = { minMinutes: number; maxMinutes: number };

/**
 * The wait of a ticket with `ahead` people before it: each person takes the queue's recent
 * average service time, never less than the typical one (`typicalServiceSeconds`, the queue's or
 * the center's), shared among the counters open for it (one, if none is open). The range's low end
 * is therefore never under ahead ÷ counters × typical; its high end allows for the slower recent
 * services (the 80th percentile), and half as much again while the queue has no history.
 */
export function estimateWait(input: { ahead: number; recentServiceSeconds: readonly number[]; countersOpen: number; typicalServiceSeconds: number }): WaitEstimate {
  const { ahead, countersOpen, typicalServiceSeconds: floor } = input;
  if (ahead <= 0) return { minMinutes: 0, maxMinutes: 0 };
  const usable = input.recentServiceSeconds.filter((s) => Number.isFinite(s) && s > 0).sort((a, b) => a - b);
  const lanes = Math.max(1, countersOpen);
  const minutes = (perPerson: number) => Math.ceil((ahead * perPerson) / lanes / 60);
  if (usable.length < MIN_SAMPLES) return { minMinutes: minutes(floor), maxMinutes: minutes(floor * 1.5) };
  const average = usable.reduce((a, b) => a + b, 0) / usable.length;
  const slow = usable[Math.min(usable.length - 1, Math.floor(usable.length * 0.8))]!;
  const low = Math.max(average, floor);
  return { minMinutes: minutes(low), maxMinutes: minutes(Math.max(slow, low * 1.25)) };
}

/** The announcement spoken and shown on the display: 请 A012 号到 5 号窗口办理. */
export function announcementText(displayNumber: string, counterNumber: string): string {
  return `请 ${displayNumber} 号到 ${counterNumber} 号窗口办理`;
}

/** A012: the prefix and the day's number, three digits at least. */
export function displayNumberOf(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(3, '0')}`;
}
