import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Tx } from '../db/database.ts';

/** The open unit of work of the code running now, if any. */
export type UnitScope = {
  /** the transaction; null once the unit has finished (later callbacks use the pool again) */
  tx: Tx | null;
  /** the audit chain partition every row of this transaction goes to */
  chainPart: number;
};

const scope = new AsyncLocalStorage<UnitScope>();

export function currentUnit(): UnitScope | undefined {
  const s = scope.getStore();
  return s?.tx ? s : undefined;
}

export function runInUnit<T>(unit: UnitScope, fn: () => Promise<T>): Promise<T> {
  return scope.run(unit, fn);
}

/**
 * The database handle the modules receive: outside a unit of work it is the pool; inside one
 * (a state-changing request, or `act`) it is that unit's transaction, so every query of the
 * request's services and repositories — and their own `db.transaction`, which becomes a
 * savepoint — commits or rolls back with the request and its audit row.
 */
export function unitScopedDb(pool: Db): Db {
  const current = () => (scope.getStore()?.tx ?? pool) as Db;
  return new Proxy(pool, {
    get(_target, prop) {
      const target = current();
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has(_target, prop) {
      return prop in current();
    },
  });
}
