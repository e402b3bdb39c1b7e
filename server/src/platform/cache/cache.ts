import crypto from 'node:crypto';
import type { Database, DbOrTx } from '../db/database.ts';
import { publishEvent } from '../events/bus.ts';

/**
 * Named in-process caches of what nearly every request reads (calendar overrides, the published
 * catalog, a staff member's account with center and department), kept per database handle and
 * emptied on every process through PostgreSQL NOTIFY (ARCHITECTURE.md, "Caches").
 *
 * - A write calls `invalidate(db, name)` in its transaction: this process stops serving the name
 *   from memory at once and reads the database until its own NOTIFY comes back (sent on commit);
 *   a rolled-back write sends none, and caching resumes after PENDING_MS. So the writing process
 *   sees its change exactly, right after the commit returns.
 * - Another process empties the name when the NOTIFY reaches its LISTEN connection, a few
 *   milliseconds after the commit: in that window it may still answer from the old value.
 * - A load that started before an invalidation is not kept (a generation per name).
 * - Values live at most MAX_AGE_MS, the bound of staleness if a NOTIFY is lost (LISTEN reconnecting).
 * - A database handle without `startCaches` (jobs' pool, scripts) is not cached: every read loads.
 */
export const CACHE_CHANNEL = 'banshi_cache';
const PENDING_MS = 10_000;
const MAX_AGE_MS = 60_000;

type Entry = { value: unknown; at: number };
type NameState = { generation: number; values: Map<string, Entry>; pending: Map<string, number> };
type Store = { names: Map<string, NameState> };

const stores = new WeakMap<object, Store>();

/** The drizzle dialect is shared by a database handle and every transaction opened on it. */
function storeOf(db: DbOrTx): Store | undefined {
  const dialect = (db as unknown as { dialect?: object }).dialect;
  return dialect ? stores.get(dialect) : undefined;
}

function stateOf(store: Store, name: string): NameState {
  let state = store.names.get(name);
  if (!state) {
    state = { generation: 0, values: new Map(), pending: new Map() };
    store.names.set(name, state);
  }
  return state;
}

function isSuspended(state: NameState, now: number): boolean {
  for (const [token, until] of state.pending) if (until <= now) state.pending.delete(token);
  return state.pending.size > 0;
}

function drop(state: NameState): void {
  state.generation += 1;
  state.values.clear();
}

/** Caches on this database handle, emptied by the NOTIFYs of every process; returns the stop. */
export async function startCaches(database: Database): Promise<() => Promise<void>> {
  const dialect = (database.db as unknown as { dialect: object }).dialect;
  const store: Store = { names: new Map() };
  stores.set(dialect, store);
  const stop = await database.listen(CACHE_CHANNEL, (raw) => {
    let notice: { name?: unknown; token?: unknown };
    try {
      notice = JSON.parse(raw) as typeof notice;
    } catch {
      return;
    }
    if (typeof notice.name !== 'string') return;
    const state = stateOf(store, notice.name);
    drop(state);
    if (typeof notice.token === 'string') state.pending.delete(notice.token);
  });
  return async () => {
    stores.delete(dialect);
    await stop();
  };
}

export type Cache<T> = {
  readonly name: string;
  /** the value of `key` ('' for a cache of one value), from memory or loaded */
  get(db: DbOrTx, key?: string): Promise<T>;
};

/** `keep`: whether a loaded value may be kept (e.g. only a version that can no longer change). */
export function defineCache<T>(name: string, load: (db: DbOrTx, key: string) => Promise<T>, keep: (value: T) => boolean = () => true): Cache<T> {
  return {
    name,
    async get(db, key = '') {
      const store = storeOf(db);
      if (!store) return load(db, key);
      const state = stateOf(store, name);
      const now = Date.now();
      if (isSuspended(state, now)) return load(db, key);
      const hit = state.values.get(key);
      if (hit && now - hit.at < MAX_AGE_MS) return hit.value as T;
      const generation = state.generation;
      const value = await load(db, key);
      if (state.generation === generation && !isSuspended(state, Date.now()) && keep(value)) state.values.set(key, { value, at: now });
      return value;
    },
  };
}

/**
 * Empties the named caches on every process once the transaction of `db` commits (at once on
 * this one, which reads the database until then). Call it in the transaction of the write.
 */
export async function invalidate(db: DbOrTx, ...names: string[]): Promise<void> {
  const store = storeOf(db);
  for (const name of names) {
    const token = crypto.randomUUID();
    if (store) {
      const state = stateOf(store, name);
      drop(state);
      state.pending.set(token, Date.now() + PENDING_MS);
    }
    await publishEvent(db, CACHE_CHANNEL, { name, token });
  }
}
