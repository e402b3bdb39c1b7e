/** What the receipt, the kiosk and the phone say about the wait. */

/** Used until a queue has served anyone recently. */
export const DEFAULT_SERVICE_SECONDS = 8 * 60;

/**
 * Minutes until a ticket with `ahead` people before it is called: the recent average service
 * time, for each person ahead and the one being served, shared among the counters open for it.
 */
export function estimateWaitMinutes(input: { ahead: number; recentServiceSeconds: readonly number[]; countersOpen: number }): number {
  const { ahead, recentServiceSeconds, countersOpen } = input;
  if (ahead <= 0) return 0;
  const usable = recentServiceSeconds.filter((s) => Number.isFinite(s) && s > 0);
  const average = usable.length > 0 ? usable.reduce((a, b) => a + b, 0) / usable.length : DEFAULT_SERVICE_SECONDS;
  const lanes = Math.max(1, countersOpen);
  return Math.ceil((ahead * average) / lanes / 60);
}

/** The announcement spoken and shown on the display: 请 A012 号到 5 号窗口办理. */
export function announcementText(displayNumber: string, counterNumber: string): string {
  return `请 ${displayNumber} 号到 ${counterNumber} 号窗口办理`;
}

/** A012: the prefix and the day's number, three digits at least. */
export function displayNumberOf(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(3, '0')}`;
}
