import type { Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { openDatabase } from '../platform/db/open.ts';
import { isDatabaseEmpty, seedDemo, setDemoAccountsActive } from '../demo/seed.ts';
import { createLogger } from './logger.ts';
import { ensureWebBuild } from './web-build.ts';
import { serverJobs } from '../jobs.ts';
import { startJobs } from '../platform/jobs/scheduler.ts';

/** Builds the web app if needed, opens and migrates the database, loads demo data, serves. */
export async function startCommand(config: Config, options: { web?: boolean } = {}): Promise<void> {
  const log = createLogger(config);
  const webDist = options.web === false ? null : await ensureWebBuild(log);
  const database = await openDatabase(config, log);
  if (config.BANSHI_DEMO) {
    if (await isDatabaseEmpty(database.db)) {
      log.info('空数据库：载入演示中心');
      await seedDemo(database.db);
    }
    await setDemoAccountsActive(database.db, true);
  } else {
    await setDemoAccountsActive(database.db, false);
  }
  const app = await buildApp({ config, database, logger: log, webDist });
  const stopJobs = startJobs(database, serverJobs(config, log), log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, '正在关闭');
    await app.close().catch((err) => log.error({ err }, 'close failed'));
    await stopJobs().catch((err) => log.error({ err }, 'jobs stop failed'));
    await database.close().catch((err) => log.error({ err }, 'database close failed'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info(`Banshi 已启动：http://${shown}:${port}${config.BANSHI_DEMO ? '（演示模式，演示账户见登录页）' : ''}`);
}
