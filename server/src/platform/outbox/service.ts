import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db, DbOrTx } from '../db/database.ts';
import { publishEvent } from '../events/bus.ts';
import { isRegisteredTopic, registeredOutboxHandlers, type OutboxHandler } from './registry.ts';
import * as repo from './repository.ts';

export { registerOutboxHandlers, registeredOutboxHandlers, type OutboxEntry, type OutboxHandler } from './registry.ts';

export const OUTBOX_CHANNEL = 'banshi_outbox';

/** An entry to write: its topic (a registered one), the key that makes a repeat a no-op, its payload. */
export type NewOutboxEntry = { topic: string; dedupeKey: string; payload: Record<string, unknown>; availableAt?: Date };
/** attempts before an entry is given up (status `failed`, kept for inspection) */
export const MAX_ATTEMPTS = 8;

/**
 * Writes a side effect or a domain event to carry out after commit. Call it with the
 * transaction of the change that causes it. Returns false when an entry with the same dedupe
 * key already exists. A topic without a registered consumer is a programming error: refused.
 */
export async function enqueue(tx: DbOrTx, entry: NewOutboxEntry): Promise<boolean> {
  if (!isRegisteredTopic(entry.topic)) throw new Error(`outbox topic ${entry.topic} has no registered consumer`);
  const added = await repo.insertOutboxEntry(tx, entry);
  if (added) await publishEvent(tx, OUTBOX_CHANNEL, { topic: entry.topic });
  return added;
}

/** Many entries at once (bulk loads, e.g. imported history), each with its own topic check. Returns how many were new. */
export async function enqueueMany(tx: DbOrTx, entries: { topic: string; dedupeKey: string; payload: Record<string, unknown> }[]): Promise<number> {
  for (const topic of new Set(entries.map((e) => e.topic))) {
    if (!isRegisteredTopic(topic)) throw new Error(`outbox topic ${topic} has no registered consumer`);
  }
  let added = 0;
  for (let i = 0; i < entries.length; i += 500) added += await repo.insertOutboxEntries(tx, entries.slice(i, i + 500));
  if (added > 0) await publishEvent(tx, OUTBOX_CHANNEL, { topic: entries[0]!.topic });
  return added;
}

/** The delay before the next try after `attempts` failed ones: 2, 4, 8 … seconds. */
export const retryDelayMs = (attempts: number) => 2 ** attempts * 1000;

/**
 * Carries out due entries: a transaction claims up to `claim` of them (other processes skip
 * those rows), each handler runs in its own savepoint, and each outcome is written in the
 * claiming transaction — so a handler whose SQL fails is rolled back alone, its failure is
 * recorded (attempts, error, next try; `failed` after MAX_ATTEMPTS), and the entries behind it
 * are delivered. A crash re-delivers at most the entries in hand: handlers must tolerate a
 * repeat (at least once). Returns how many entries were carried out (or failed), at most `batch`.
 */
export async function dispatchOutbox(
  db: Db,
  context: { config: Config; log: Logger },
  options: { handlers?: Record<string, OutboxHandler>; topics?: string[]; batch?: number; claim?: number } = {},
): Promise<number> {
  const handlers = options.handlers ?? registeredOutboxHandlers();
  const topics = (options.topics ?? Object.keys(handlers)).filter((t) => handlers[t]);
  const batch = options.batch ?? 100;
  if (topics.length === 0) return 0;
  let done = 0;
  while (done < batch) {
    const handled = await db.transaction(async (tx) => {
      const entries = await repo.claimDueEntries(tx, topics, Math.min(options.claim ?? 20, batch - done));
      for (const entry of entries) {
        let failure: string | null = null;
        try {
          const outcome = await tx.transaction((savepoint) =>
            handlers[entry.topic]!(entry.payload as Record<string, unknown>, { id: entry.id, dedupeKey: entry.dedupeKey, attempts: entry.attempts, tx: savepoint, ...context }),
          );
          if (outcome) failure = outcome.retry;
        } catch (err) {
          failure = err instanceof Error ? err.message : String(err);
        }
        if (failure === null) {
          await repo.markDone(tx, entry.id);
        } else {
          const attempts = entry.attempts + 1;
          const retryAt = attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + retryDelayMs(attempts));
          context.log.warn({ outboxId: entry.id, topic: entry.topic, attempts, err: failure }, retryAt ? 'outbox entry failed, will retry' : 'outbox entry failed for good');
          await repo.markRetry(tx, entry.id, failure, retryAt);
        }
      }
      return entries.length;
    });
    if (handled === 0) break;
    done += handled;
  }
  return done;
}

/** Deletes delivered entries processed more than `retentionDays` ago; failed ones stay. Returns how many. */
export async function pruneOutbox(db: DbOrTx, retentionDays: number, now = new Date()): Promise<number> {
  return repo.deleteDoneBefore(db, new Date(now.getTime() - retentionDays * 86_400_000));
}
