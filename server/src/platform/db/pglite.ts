import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { BUSINESS_TIME_ZONE, type Database, type Db } from './database.ts';
import { MIGRATIONS_FOLDER } from './migrations.ts';
import { acquireLock, LockHeldError } from './data-dir-lock.ts';
import { countingLogger } from './statements.ts';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, pid?: number) {
    super(
      `数据目录 ${dir} 正被另一个 Banshi 进程使用${pid && pid > 0 ? `（进程号 ${pid}）` : ''}。嵌入式数据库只允许一个进程打开；` +
        '请先停止那个进程，或用 DATA_DIR 指定另一个目录，或设置 DATABASE_URL 使用 PostgreSQL。',
    );
  }
}

type PgliteSource = { dir: string } | { memory: true; loadDataDir?: Blob };

/**
 * The data directory's postgresql.conf, which PGlite writes whole on every open: initdb's settings,
 * but 16 MB of shared buffers instead of 128 MB — PGlite's memory never shrinks, so buffers once
 * touched stay in the process; 16 MB hold the demo's working set and keep RSS about 140 MB lower.
 */
const POSTGRESQL_CONF = [
  'max_connections = 100',
  'shared_buffers = 16MB',
  'dynamic_shared_memory_type = posix',
  'max_wal_size = 1GB',
  'min_wal_size = 80MB',
  'log_file_mode = 0640',
  'log_timezone = UTC',
  'autovacuum_worker_slots = 16',
  "datestyle = 'iso, mdy'",
  'timezone = UTC',
  'lc_messages = C',
  'lc_monetary = C',
  'lc_numeric = C',
  'lc_time = C',
  "default_text_search_config = 'pg_catalog.english'",
];

/** Opens (and creates when empty) the embedded database, holding a lock on its directory. */
export async function openPglite(source: PgliteSource): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let client: PGlite;
  if ('dir' in source) {
    fs.mkdirSync(source.dir, { recursive: true });
    try {
      const unlock = acquireLock(path.join(path.dirname(source.dir), `${path.basename(source.dir)}.lock`));
      release = async () => unlock();
    } catch (err) {
      if (err instanceof LockHeldError) throw new DataDirLockedError(source.dir, err.owner?.pid);
      throw err;
    }
    client = new PGlite({ dataDir: source.dir, postgresqlconf: POSTGRESQL_CONF });
  } else {
    client = new PGlite({ loadDataDir: source.loadDataDir });
  }
  try {
    await client.waitReady;
    await client.exec(`SET TIME ZONE '${BUSINESS_TIME_ZONE}'`);
  } catch (err) {
    await release?.();
    throw err;
  }
  const { logger, statements } = countingLogger();
  const db = drizzle({ client, logger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    statements,
    async ping() {
      await client.query('select 1');
    },
    async listen(channel, callback) {
      const stop = await client.listen(channel, callback);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    async close() {
      if (!client.closed) await client.close();
      await release?.();
      release = undefined;
    },
    ...{ client },
  };
}

export async function migratePglite(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  await migrate(database.db as never, { migrationsFolder });
}

/** The embedded engine's own dump of its data directory (a gzipped tarball). */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database as unknown as { client: PGlite }).client;
  const dump = await client.dumpDataDir('gzip');
  return dump;
}
