import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from './database.ts';
import { migratePglite, openPglite } from './pglite.ts';
import { APP_ROLE, canUseAppRole, migratePostgres, openPostgres, type Upgrade } from './postgres.ts';

/**
 * Opens the database the configuration selects and brings it up to date: its schema, then its
 * data (`upgrade`, run as the owner: see server/src/upgrades.ts).
 */
export async function openDatabase(config: Pick<Config, 'database'>, log?: Logger, upgrade?: Upgrade): Promise<Database> {
  const target = config.database;
  if (target.kind === 'postgres') {
    await migratePostgres(target.migrationUrl ?? target.url, undefined, upgrade);
    if (await canUseAppRole(target.url)) return withReadPool(openPostgres(target.url, log), target.readUrl, log);
    log?.warn(
      `数据库用户不能切换到角色 ${APP_ROLE}（迁移未能创建它，或该用户不是它的成员）：应用将以连接用户的全部权限运行，审计表不受角色保护。见 ARCHITECTURE.md“数据库角色”。`,
    );
    return withReadPool(openPostgres(target.url, log, { role: null }), target.readUrl, log);
  }
  log?.warn(
    '嵌入式数据库（PGlite）仅供试用和演示：它不执行 fsync，断电可能丢失数据。生产环境请设置 DATABASE_URL 使用 PostgreSQL。',
  );
  const database = await openPglite({ dir: target.dir });
  try {
    await migratePglite(database);
    await upgrade?.(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/**
 * The job runner's own pool: on PostgreSQL a few connections apart from HTTP's, working as the
 * same role as the application's (`openDatabase` has migrated and warned already); on the
 * embedded database, that one database itself.
 */
export async function openJobsDatabase(
  config: Pick<Config, 'database'>,
  database: Database,
  log: Logger | undefined,
  options: { max: number; name: string },
): Promise<Database> {
  const target = config.database;
  if (target.kind !== 'postgres') return database;
  return openPostgres(target.url, log, { ...options, role: (await canUseAppRole(target.url)) ? APP_ROLE : null });
}

/** Connections of the figures' read pool (DATABASE_READ_URL), apart from HTTP's 10. */
const READ_POOL_SIZE = 5;

/**
 * Adds the figures' read pool (`database.read`) on DATABASE_READ_URL: a replica, or a role whose
 * transactions are read-only. It works as the application's role when its user may; closed with
 * the database.
 */
async function withReadPool(database: Database, readUrl: string | undefined, log: Logger | undefined): Promise<Database> {
  if (!readUrl) return database;
  const role = (await canUseAppRole(readUrl).catch(() => false)) ? APP_ROLE : null;
  const read = openPostgres(readUrl, log, { max: READ_POOL_SIZE, name: 'banshi-read', role });
  log?.info('统计数据从 DATABASE_READ_URL 读取（只读副本）');
  return {
    ...database,
    read: read.db,
    async close() {
      await read.close().catch((err: unknown) => log?.warn({ err }, 'read pool close failed'));
      await database.close();
    },
  };
}
