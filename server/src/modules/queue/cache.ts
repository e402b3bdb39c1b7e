import type { DbOrTx } from '../../platform/db/database.ts';

/**
 * A short-lived per-process memory of what every take and call reads (a center's settings, its
 * queues, the calendar, a counter). Changes made through this process forget the entry at once;
 * another process's changes are seen within `ttlMs`. Kept per database handle, so a transaction
 * (its own handle) never reads another's copy.
 */
export class ShortCache<V> {
  private readonly perDb = new WeakMap<object, Map<string, { value: Promise<V>; at: number }>>();

  constructor(private readonly ttlMs: number) {}

  get(db: DbOrTx, key: string, load: () => Promise<V>): Promise<V> {
    let entries = this.perDb.get(db);
    if (!entries) this.perDb.set(db, (entries = new Map()));
    const hit = entries.get(key);
    const now = Date.now();
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    entries.set(key, { value, at: now });
    value.catch(() => entries.delete(key));
    return value;
  }

  forget(db: DbOrTx, key?: string): void {
    if (key === undefined) this.perDb.delete(db);
    else this.perDb.get(db)?.delete(key);
  }
}
