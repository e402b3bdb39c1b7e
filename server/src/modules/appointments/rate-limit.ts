import { AppError } from '../../platform/errors.ts';

/**
 * A per-process sliding window: at most `limit` hits per key (a client address) per minute, so
 * that nobody takes a day's places or tries booking codes from one machine. Several processes
 * each count their own.
 */
export class PerMinuteLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweepAt = 0;

  constructor(
    private readonly limit: number,
    private readonly message: string,
  ) {}

  take(key: string, now = Date.now()): void {
    if (now >= this.sweepAt) {
      this.sweepAt = now + 60_000;
      for (const [k, times] of this.hits) if (times.every((t) => now - t >= 60_000)) this.hits.delete(k);
    }
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      throw new AppError('RATE_LIMITED', this.message);
    }
    recent.push(now);
    this.hits.set(key, recent);
  }
}
