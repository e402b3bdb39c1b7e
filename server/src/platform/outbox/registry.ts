import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Tx } from '../db/database.ts';

/**
 * The topics the outbox carries, each with the one handler that consumes it. Modules register
 * their consumers at boot (server/src/events.ts); `enqueue` refuses a topic nobody consumes, so
 * no entry can wait for ever.
 */

/** What a handler is given besides the payload: the entry, and its own savepoint to write in. */
export type OutboxEntry = { id: number; dedupeKey: string; attempts: number; tx: Tx; config: Config; log: Logger };

/**
 * Carries out one entry. Throwing rolls back what it wrote (its savepoint) and retries later;
 * returning `{ retry: reason }` keeps what it wrote (e.g. a failed send in a message log) and retries.
 */
export type OutboxHandler = (payload: Record<string, unknown>, entry: OutboxEntry) => Promise<void | { retry: string }>;

const handlers = new Map<string, OutboxHandler>();

/** Registers the consumers of a module. A topic has one consumer; registering the same one again is a no-op. */
export function registerOutboxHandlers(consumers: Record<string, OutboxHandler>): void {
  for (const [topic, handler] of Object.entries(consumers)) {
    const existing = handlers.get(topic);
    if (existing && existing !== handler) throw new Error(`outbox topic ${topic} already has a consumer`);
    handlers.set(topic, handler);
  }
}

export function isRegisteredTopic(topic: string): boolean {
  return handlers.has(topic);
}

export function registeredOutboxHandlers(): Record<string, OutboxHandler> {
  return Object.fromEntries(handlers);
}
