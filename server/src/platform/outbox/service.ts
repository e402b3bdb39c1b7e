import type { Db, DbOrTx, Tx } from '../db/database.ts';
import { publishEvent } from '../events/bus.ts';
import * as repo from './repository.ts';

export const OUTBOX_CHANNEL = 'banshi_outbox';
const MAX_ATTEMPTS = 8;

/**
 * Writes a side effect to do after commit. Call it with the transaction of the change that
 * causes it. Returns false when an entry with the same dedupe key already exists.
 */
export async function enqueue(
  tx: DbOrTx,
  entry: { topic: string; dedupeKey: string; payload: Record<string, unknown>; availableAt?: Date },
): Promise<boolean> {
  const added = await repo.insertOutboxEntry(tx, entry);
  if (added) await publishEvent(tx, OUTBOX_CHANNEL, { topic: entry.topic });
  return added;
}

/** Runs inside the transaction that claimed the entry (`entry.tx`): what it writes there commits with the entry's outcome. */
export type OutboxHandler = (
  payload: Record<string, unknown>,
  entry: { id: number; dedupeKey: string; attempts: number; tx: Tx },
) => Promise<void>;

/**
 * Carries out due entries: each in its own transaction, so a crash re-delivers at most the
 * entry in hand (handlers must tolerate a repeat: at least once). Failures retry with backoff.
 */
export async function dispatchOutbox(db: Db, handlers: Record<string, OutboxHandler>, batch = 20): Promise<number> {
  const topics = Object.keys(handlers);
  if (topics.length === 0) return 0;
  let done = 0;
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const [entry] = await repo.claimDueEntries(tx, topics, 1);
      if (!entry) return false;
      try {
        await handlers[entry.topic]!(entry.payload as Record<string, unknown>, { ...entry, tx });
        await repo.markDone(tx, entry.id);
      } catch (err) {
        const attempts = entry.attempts + 1;
        const retryAt = attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + 2 ** attempts * 1000);
        await repo.markRetry(tx, entry.id, err instanceof Error ? err.message : String(err), retryAt);
      }
      return true;
    });
    if (!handled) return done;
    done += 1;
    if (done >= batch) return done;
  }
}
