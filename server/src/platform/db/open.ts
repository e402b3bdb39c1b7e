import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from './database.ts';
import { migratePglite, openPglite } from './pglite.ts';
import { migratePostgres, openPostgres } from './postgres.ts';

/** Opens the database the configuration selects and brings its schema up to date. */
export async function openDatabase(config: Pick<Config, 'database'>, log?: Logger): Promise<Database> {
  const target = config.database;
  if (target.kind === 'postgres') {
    await migratePostgres(target.url);
    return openPostgres(target.url, log);
  }
  log?.warn(
    '嵌入式数据库（PGlite）仅供试用和演示：它不执行 fsync，断电可能丢失数据。生产环境请设置 DATABASE_URL 使用 PostgreSQL。',
  );
  const database = await openPglite({ dir: target.dir });
  try {
    await migratePglite(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
