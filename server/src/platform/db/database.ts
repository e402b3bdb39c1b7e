import type { StatementCount } from './statements.ts';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The one database handle every repository receives. The same Drizzle API runs over the
 * embedded PGlite engine and over a PostgreSQL server; only `openDatabase` knows which.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** the statements sent through `db` so far (tests and benches count a request's SQL) */
  statements?: StatementCount;
  /** throws when the database does not answer */
  ping(): Promise<void>;
  /**
   * LISTEN on a channel: the callback gets each NOTIFY payload, including those sent by other
   * processes on the same PostgreSQL. Returns the function that stops listening.
   */
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * Where read-only figures endpoints query: a pool on DATABASE_READ_URL (a read replica), when
   * set; otherwise absent, and `readDbOf` gives `db`. Never for writes.
   */
  read?: Db;
};

/** The handle the figures endpoints read from: the read replica's pool, or the primary's. */
export function readDbOf(database: Pick<Database, 'db' | 'read'>): Db {
  return database.read ?? database.db;
}

/** Every business date and timestamp is read in this zone, whatever the machine's zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
