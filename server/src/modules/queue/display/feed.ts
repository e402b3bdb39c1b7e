import type { FastifyBaseLogger } from 'fastify';
import type { EventHub } from '../../../platform/events/bus.ts';
import { sseFrame, type FrameSource } from '../../../platform/events/sse.ts';
import { asQueueEvent, queueChannel, type QueueEvent } from '../events.ts';
import type { DisplaySnapshot, DisplayUpdate } from './contract.ts';
import { announcementOf } from './service.ts';

type Compute = (centerId: string, zoneId: string) => Promise<DisplaySnapshot>;
type Subscriber = { write: (frame: Buffer) => void; end: () => void; awaitingSnapshot: boolean };

/** How long a zone's feed outlives its last display: a display reconnecting finds its snapshot ready. */
const IDLE_MS = 10_000;
/**
 * A display joining gets the feed's snapshot only while it is this fresh; an older one is computed
 * again (once, for all who join meanwhile): a notification lost while the database was away, or a
 * new business day, does not reach joining displays.
 */
const FRESH_MS = 30_000;

/**
 * The calling displays of a process, one feed per zone: each queue event of the center causes one
 * snapshot of the zone, serialised once, and the same frames are written to every display of the
 * zone. Events arriving while a snapshot is being computed are coalesced: one more snapshot is
 * computed afterwards, so the displays always end on the latest state, and every call among them
 * is still announced. Each process keeps its own feeds (events reach every process).
 */
/** Snapshots computed by the display feeds of this process, all zones together (tests count them around an event). */
export const feedStats = { computations: 0 };

export class DisplayFeeds {
  private readonly feeds = new Map<string, ZoneFeed>();

  constructor(
    private readonly hub: EventHub,
    private readonly compute: Compute,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * The zone's feed, with its snapshot: shared with the feed's other displays, or computed once
   * for all who ask at the same time. Rejects as the snapshot does (404 for a wrong address).
   */
  async open(centerId: string, zoneId: string): Promise<FrameSource> {
    const key = `${centerId}/${zoneId}`;
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = new ZoneFeed(this.hub, () => (feedStats.computations++, this.compute(centerId, zoneId)), queueChannel(centerId), this.log, () => {
        if (this.feeds.get(key) === feed) this.feeds.delete(key);
      });
      this.feeds.set(key, feed);
    }
    await feed.started;
    return feed;
  }

  /** Stops every feed (the app closes). */
  close(): void {
    for (const feed of this.feeds.values()) feed.stop();
  }
}

class ZoneFeed implements FrameSource {
  readonly started: Promise<void>;
  private readonly subscribers = new Set<Subscriber>();
  private snapshot: DisplaySnapshot | null = null;
  private snapshotFrame = Buffer.alloc(0);
  private snapshotAt = 0;
  private failure: unknown = null;
  /** events received since the snapshot being computed (or the last one) was started */
  private pending: QueueEvent[] = [];
  /** true while the last snapshot is older than an event received, or none was made */
  private dirty = true;
  private computing = false;
  private sequence = 0;
  private unsubscribe: (() => void) | null = null;
  private idle: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    hub: EventHub,
    private readonly compute: () => Promise<DisplaySnapshot>,
    channel: string,
    private readonly log: FastifyBaseLogger,
    private readonly onStop: () => void,
  ) {
    // Listening first: whatever changes after the first snapshot is read arrives as an event.
    this.started = hub
      .subscribe(channel, (payload) => this.receive(asQueueEvent(payload)))
      .then(async (stop) => {
        this.unsubscribe = stop;
        if (this.stopped) stop();
        await this.run();
        if (!this.snapshot) throw this.failure;
        this.idleCheck();
      })
      .catch((err: unknown) => {
        this.stop();
        throw err;
      });
  }

  attach(write: (frame: Buffer) => void, end: () => void): () => void {
    if (this.stopped) {
      end();
      return () => {};
    }
    clearTimeout(this.idle);
    const subscriber: Subscriber = { write, end, awaitingSnapshot: true };
    this.subscribers.add(subscriber);
    if (this.snapshot && !this.dirty && Date.now() - this.snapshotAt < FRESH_MS) {
      subscriber.awaitingSnapshot = false;
      write(this.snapshotFrame);
    } else if (!this.computing) {
      this.dirty = true; // too old, or the last one failed: computed again for this display
      void this.run();
    }
    return () => {
      this.subscribers.delete(subscriber);
      this.idleCheck();
    };
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.idle);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.onStop();
  }

  private idleCheck(): void {
    if (this.subscribers.size > 0 || this.stopped) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.subscribers.size === 0 && this.stop(), IDLE_MS);
    this.idle.unref();
  }

  private receive(event: QueueEvent): void {
    this.pending.push(event);
    this.dirty = true;
    if (!this.computing) void this.run();
  }

  /** Computes snapshots until one is newer than every event received, broadcasting each. */
  private async run(): Promise<void> {
    this.computing = true;
    try {
      while (this.dirty && !this.stopped) {
        this.dirty = false;
        const events = this.pending;
        this.pending = [];
        try {
          this.publish(await this.compute(), events);
        } catch (err) {
          // Kept for the next try (the next event, or the next display to join); the displays
          // waiting for their first frame are ended (they reconnect), the others keep the last state.
          this.failure = err;
          this.pending = events.concat(this.pending);
          this.dirty = true;
          this.log.warn({ err }, 'display snapshot failed');
          for (const s of this.subscribers) if (s.awaitingSnapshot) s.end();
          break;
        }
      }
    } finally {
      this.computing = false;
    }
  }

  /** Serialises and encodes the frames once, and writes the same bytes to every display of the zone. */
  private publish(snapshot: DisplaySnapshot, events: QueueEvent[]): void {
    this.snapshot = snapshot;
    this.snapshotAt = Date.now();
    this.failure = null;
    const frame = (event: 'snapshot' | 'update', announcement: DisplayUpdate['announcement']) =>
      Buffer.from(sseFrame(event, { snapshot, announcement } satisfies DisplayUpdate, ++this.sequence));
    this.snapshotFrame = frame('snapshot', null);
    const announced = events.map((e) => announcementOf(e, snapshot)).filter((a) => a !== null);
    // One update per call among the events (each is announced); otherwise one update with the new state.
    const updates = events.length === 0 ? [] : (announced.length > 0 ? announced : [null]).map((a) => frame('update', a));
    for (const s of this.subscribers) {
      if (s.awaitingSnapshot) {
        s.awaitingSnapshot = false;
        s.write(this.snapshotFrame);
      } else for (const u of updates) s.write(u);
    }
  }
}
