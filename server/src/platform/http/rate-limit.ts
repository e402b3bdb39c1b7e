import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimitPlugin, { type RateLimitOptions } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/database.ts';
import { rateLimited } from '../errors.ts';
import { zhCN } from '../../locales/zh-CN.ts';

/**
 * Rate limits (@fastify/rate-limit) counted in the database — the UNLOGGED table `rate_limits`
 * on PostgreSQL, the same table in PGlite — so that a limit holds across every process on the
 * database and across restarts. Each count is one atomic upsert: a burst cannot slip past it.
 * A route opts in with `config: { rateLimit: RATE_LIMITS.<name> }`; the key is the client
 * address (as TRUST_PROXY allows it to be known) unless the preset says otherwise.
 */

type Preset = { name: string; max: number; windowMs: number; message: string };

export const RATE_LIMITS = {
  /** staff and enterprise logins per address (the per-name lock is the login's own) */
  login: { name: 'login', max: 30, windowMs: 60_000, message: '登录尝试过于频繁，请稍后再试' },
  /** portal bookings, reschedules */
  portalBooking: { name: 'portal-booking', max: 10, windowMs: 60_000, message: '预约操作过于频繁，请稍后再试' },
  /** portal look-ups by code, number or phone (bookings, progress) */
  portalLookup: { name: 'portal-lookup', max: 30, windowMs: 60_000, message: '查询过于频繁，请稍后再试' },
  /** the hall kiosk: check-in, rating look-ups */
  kiosk: { name: 'kiosk', max: 30, windowMs: 60_000, message: '操作过于频繁，请稍后再试或到咨询导办台' },
  /** public intake of messages (feedback, complaints): opt in with `rateLimit: RATE_LIMITS.publicIntake` */
  publicIntake: { name: 'public-intake', max: 5, windowMs: 10 * 60_000, message: '提交过于频繁，请稍后再试' },
} as const satisfies Record<string, Preset>;

/** A route's `config.rateLimit` for a preset; `max` and `key` may depend on the request. */
export function rateLimit(
  preset: Preset,
  options: { max?: (request: FastifyRequest) => Promise<number>; key?: (request: FastifyRequest) => string } = {},
): RateLimitOptions {
  return {
    max: options.max ?? preset.max,
    timeWindow: preset.windowMs,
    keyGenerator: (request) => `${preset.name}:${options.key ? options.key(request) : request.ip}`,
    errorResponseBuilder: (_request, context) => rateLimited(preset.message || zhCN.http.rateLimited(Math.ceil(context.ttl / 1000)), context.ttl / 1000),
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RateLimitOptions | false;
  }
}

/** Counts one hit of `key` in a window of `windowMs`; answers the hits so far and the time left. */
export async function countHit(db: DbOrTx, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
  const result = (await db.execute(sql`
    insert into rate_limits (key, hits, reset_at) values (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}))
    on conflict (key) do update set
      hits = case when rate_limits.reset_at <= now() then 1 else rate_limits.hits + 1 end,
      reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
    returning hits, greatest(0, extract(epoch from (reset_at - now())) * 1000)::float8 as ttl`)) as unknown as { rows: { hits: number; ttl: number }[] };
  const row = result.rows[0]!;
  if (Math.random() < 0.002) await db.execute(sql`delete from rate_limits where reset_at < now() - interval '1 minute'`);
  return { hits: Number(row.hits), ttlMs: Number(row.ttl) };
}

/** Gives back one hit (an attempt that turned out not to count, e.g. a right grant code). */
export async function returnHit(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set hits = greatest(0, hits - 1) where key = ${key}`);
}

/** Takes one hit or throws 429 with Retry-After: for limits a service keeps itself. */
export async function takeHit(db: DbOrTx, key: string, limit: { max: number; windowMs: number; message: string }): Promise<void> {
  const { hits, ttlMs } = await countHit(db, key, limit.windowMs);
  if (hits > limit.max) throw rateLimited(limit.message, ttlMs / 1000);
}

/** The store @fastify/rate-limit calls. */
class DatabaseStore {
  constructor(private readonly db: Db) {}
  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    countHit(this.db, key, timeWindow).then(
      ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
      (error: Error) => callback(error),
    );
  }
  child(): DatabaseStore {
    return this;
  }
}

export async function registerRateLimits(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(rateLimitPlugin, {
    global: false,
    // after validation, so a limit may read the route's parameters (a center's own kiosk limit)
    hook: 'preHandler',
    store: class {
      constructor() {
        return new DatabaseStore(db);
      }
    } as never,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
}
