import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from 'pino';
import { BUSINESS_TIME_ZONE, type Database, type Db } from './database.ts';
import { MIGRATIONS_FOLDER } from './migrations.ts';

/** Any number of Banshi processes may start at once: one migrates, the others wait here. */
const MIGRATION_LOCK_KEY = 0x62616e736869; // "banshi"

export function openPostgres(url: string, log?: Logger): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c TimeZone=${BUSINESS_TIME_ZONE}`,
  });
  // An idle client's error would otherwise crash the process.
  pool.on('error', (err) => log?.error({ err }, 'PostgreSQL idle client error'));
  const db = drizzle({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
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
