/**
 * A per-process sliding window: at most `limit` hits per key in the last `windowMs`. Enough to
 * stop one client (an IP) from emptying a day's quota; several processes each count their own.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweepAt = 0;

  constructor(private readonly windowMs: number) {}

  /** Records a hit and says whether it is allowed. */
  take(key: string, limit: number, now = Date.now()): boolean {
    this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  private sweep(now: number) {
    if (now < this.sweepAt) return;
    this.sweepAt = now + this.windowMs;
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
  }
}
