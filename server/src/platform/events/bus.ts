import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/database.ts';
import { StreamSlots, type StreamLimits } from './stream-slots.ts';

/**
 * Real-time events between processes, through PostgreSQL NOTIFY. Publishing inside a
 * transaction delivers the event only if, and when, the transaction commits.
 */
export async function publishEvent(db: DbOrTx, channel: string, payload: Record<string, unknown>): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`);
}

type Handler = (payload: Record<string, unknown>) => void;

/** The caps of a hub made without configuration (tests): the defaults of EVENT_STREAMS_* (config.ts). */
const DEFAULT_LIMITS: StreamLimits = { perAddress: 10, anonymous: 500, signedIn: 2000 };

/**
 * One LISTEN per channel per process, fanned out to the local subscribers (SSE streams), whose
 * number `streams` caps (platform/events/sse.ts takes a slot for each).
 */
export class EventHub {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly stops = new Map<string, Promise<() => Promise<void>>>();
  readonly streams: StreamSlots;

  constructor(
    private readonly database: Database,
    limits: StreamLimits = DEFAULT_LIMITS,
  ) {
    this.streams = new StreamSlots(limits);
  }

  async subscribe(channel: string, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const listening = this.database.listen(channel, (raw) => this.dispatch(channel, raw));
      this.stops.set(channel, listening);
      listening.catch(() => this.stops.delete(channel));
    }
    set.add(handler);
    await this.stops.get(channel);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(channel) === set) {
        this.handlers.delete(channel);
        const stop = this.stops.get(channel);
        this.stops.delete(channel);
        void stop?.then((s) => s()).catch(() => undefined);
      }
    };
  }

  private dispatch(channel: string, raw: string): void {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return;
    }
    for (const handler of this.handlers.get(channel) ?? []) handler(payload);
  }
}
