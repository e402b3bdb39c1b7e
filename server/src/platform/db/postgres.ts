import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from 'pino';
import { BUSINESS_TIME_ZONE, type Database, type Db } from './database.ts';
import { MIGRATIONS_FOLDER } from './migrations.ts';

/** Any number of Banshi processes may start at once: one migrates, the others wait here. */
const MIGRATION_LOCK_KEY = 0x62616e736869; // "banshi"

/**
 * The application's database role (migration 0015): it may change business tables but only
 * INSERT and SELECT the audit tables, and owns nothing. Every connection of the app runs as it.
 */
export const APP_ROLE = 'banshi_app';

export function openPostgres(url: string, log?: Logger, options: { role?: string | null } = {}): Database {
  const role = options.role === undefined ? APP_ROLE : options.role;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c TimeZone=${BUSINESS_TIME_ZONE}${role ? ` -c role=${role}` : ''}`,
  });
  // An idle client's error would otherwise crash the process.
  pool.on('error', (err) => log?.error({ err }, 'PostgreSQL idle client error'));
  const db = drizzle({ client: pool }) as unknown as Db;
  const listener = new Listener(url, log);
  return {
    kind: 'postgres',
    db,
    async ping() {
      await pool.query('select 1');
    },
    listen: (channel, callback) => listener.listen(channel, callback),
    async close() {
      await listener.close();
      await pool.end();
    },
    ...{ url },
  };
}

export async function migratePostgres(url: string, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle({ client }), { migrationsFolder });
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

  constructor(
    private readonly url: string,
    private readonly log?: Logger,
  ) {}

  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    const client = await this.connect();
    let set = this.callbacks.get(channel);
    if (!set) {
      set = new Set();
      this.callbacks.set(channel, set);
      await client.query(`LISTEN ${quoteIdent(channel)}`);
    }
    set.add(callback);
    return async () => {
      set.delete(callback);
      if (set.size === 0 && this.callbacks.get(channel) === set) {
        this.callbacks.delete(channel);
        await this.client?.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', (msg) => {
        for (const cb of this.callbacks.get(msg.channel) ?? []) cb(msg.payload ?? '');
      });
      client.on('error', (err) => {
        this.log?.warn({ err }, 'LISTEN connection lost; reconnecting');
        this.client = null;
        if (!this.closed) setTimeout(() => void this.reconnect(), 1000);
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

  private async reconnect(): Promise<void> {
    try {
      const client = await this.connect();
      for (const channel of this.callbacks.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      this.log?.warn({ err }, 'LISTEN reconnect failed; retrying');
      if (!this.closed) setTimeout(() => void this.reconnect(), 2000);
    }
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
