import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from 'pino';
import { BUSINESS_TIME_ZONE, type Database, type Db } from './database.ts';
import { MIGRATIONS_FOLDER } from './migrations.ts';
import { countingLogger } from './statements.ts';

/** Any number of Banshi processes may start at once: one migrates, the others wait here. */
const MIGRATION_LOCK_KEY = 0x62616e736869; // "banshi"

/** How long a request waits for a connection (a free one, or a new one) before it fails. */
const CONNECT_TIMEOUT_MS = 5_000;
/** A transaction left idle longer than this is ended by the server, releasing its locks. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
const PING_TIMEOUT_MS = 3_000;

/**
 * The application's database role (the app-role migration): it may change business tables but
 * only INSERT and SELECT the audit tables, and owns nothing. Every connection of the app (HTTP's
 * pool and the job runner's) runs as it.
 */
export const APP_ROLE = 'banshi_app';

export type PoolOptions = {
  /** connections at most (HTTP: 10; the job runner has its own few) */
  max?: number;
  /** application_name, which names the connections in pg_stat_activity */
  name?: string;
  /** the role every connection works as (`SET ROLE`); default APP_ROLE, null: the login user itself */
  role?: string | null;
};

export function openPostgres(url: string, log?: Logger, options: PoolOptions = {}): Database {
  const role = options.role === undefined ? APP_ROLE : options.role;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.name ?? 'banshi',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    options: `-c TimeZone=${BUSINESS_TIME_ZONE} -c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_TIMEOUT_MS}${role ? ` -c role=${role}` : ''}`,
  });
  // No database event may end the process. The pool listens on its idle clients only; a client
  // checked out between two queries (in a transaction) that loses its connection emits `error`
  // too, so every client gets a listener of its own. The query in hand fails, the request answers
  // 503 (platform/http/error-handler.ts), and the pool drops the broken client on release.
  pool.on('error', (err) => log?.warn({ err }, 'PostgreSQL connection lost (idle)'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log?.warn({ err }, 'PostgreSQL connection lost'));
  });
  const { logger, statements } = countingLogger();
  const db = drizzle({ client: pool, logger }) as unknown as Db;
  const listener = new Listener(url, log);
  return {
    kind: 'postgres',
    db,
    statements,
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('database ping timed out'), { code: 'ETIMEDOUT' })), PING_TIMEOUT_MS);
      });
      try {
        await Promise.race([pool.query('select 1'), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    listen: (channel, callback) => listener.listen(channel, callback),
    async close() {
      await listener.close();
      await pool.end();
    },
    ...{ url },
  };
}

/** Data upgrades run after the migrations, as the owner (they may drop a column they emptied). */
export type Upgrade = (ownerDb: Db) => Promise<void>;

/**
 * Migrates as the owner of `url`, then runs `upgrade` on the same owner connection, both under
 * one advisory lock: any number of processes may start at once, one does the work.
 */
export async function migratePostgres(url: string, migrationsFolder = MIGRATIONS_FOLDER, upgrade?: Upgrade): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: `-c TimeZone=${BUSINESS_TIME_ZONE}` });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder });
    await upgrade?.(db as unknown as Db);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Whether the user of `url` may work as the application's role (it exists and the user is a member). */
export async function canUseAppRole(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ ok: boolean }>(
      `select exists (select 1 from pg_roles where rolname = $1) and pg_has_role(current_user, $1, 'MEMBER') as ok`,
      [APP_ROLE],
    );
    return res.rows[0]?.ok === true;
  } finally {
    await client.end();
  }
}

/**
 * One dedicated connection per process holds every LISTEN; when it drops, it reconnects and
 * listens again (subscribers reload their state on the next event, see platform/events).
 */
class Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly callbacks = new Map<string, Set<(payload: string) => void>>();
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly log?: Logger,
  ) {}

  /**
   * Subscribes at once; a database that is not there yet (the product starts before it, or it is
   * restarting) does not fail the caller: the channel is listened to as soon as it connects.
   */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.callbacks.get(channel);
    if (!set) {
      set = new Set();
      this.callbacks.set(channel, set);
      try {
        const client = await this.connect();
        await client.query(`LISTEN ${quoteIdent(channel)}`);
      } catch (err) {
        this.log?.warn({ err }, 'LISTEN not possible yet; retrying');
        this.retry();
      }
    }
    set.add(callback);
    const subscribed = set;
    return async () => {
      subscribed.delete(callback);
      if (subscribed.size === 0 && this.callbacks.get(channel) === subscribed) {
        this.callbacks.delete(channel);
        await this.client?.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: 'banshi-listen', connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
      client.on('notification', (msg) => {
        for (const cb of this.callbacks.get(msg.channel) ?? []) cb(msg.payload ?? '');
      });
      client.on('error', (err) => {
        this.log?.warn({ err }, 'LISTEN connection lost; reconnecting');
        this.client = null;
        this.retry(1000);
      });
      await client.connect();
      this.client = client;
      this.connecting = null;
      return client;
    })().catch((err) => {
      this.connecting = null;
      throw err;
    });
    return this.connecting;
  }

  /** One reconnect pending at a time; it listens to every channel again. */
  private retry(delayMs = 2000): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.reconnect();
    }, delayMs);
    this.retryTimer.unref();
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.connect();
      for (const channel of this.callbacks.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      this.log?.warn({ err }, 'LISTEN reconnect failed; retrying');
      this.retry();
    }
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
