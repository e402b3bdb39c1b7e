import { eq } from 'drizzle-orm';
import { listeningUrl, type Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { openDatabase, openJobsDatabase } from '../platform/db/open.ts';
import { isDatabaseEmpty, seedDemo, setDemoAccountsActive } from '../demo/seed.ts';
import { createLogger, SmsDigest } from './logger.ts';
import { ensureWebBuild } from './web-build.ts';
import { serverJobs } from '../jobs.ts';
import { startScheduler } from '../platform/jobs/scheduler.ts';
import { runUpgrades } from '../upgrades.ts';
import { notificationMessages } from '../platform/notifications/tables.ts';

/** Connections of the job runner's own pool: it runs this many jobs at a time, apart from HTTP's pool. */
const JOB_POOL_SIZE = 2;

/** How long after start the demo's queued SMS are summarised rather than logged one by one. */
const DEMO_SMS_DIGEST_MS = 120_000;

/** Builds the web app if needed, opens and migrates the database, loads demo data, serves. */
export async function startCommand(config: Config, options: { web?: boolean } = {}): Promise<void> {
  const smsDigest = new SmsDigest();
  const log = createLogger(config, smsDigest);
  const webDist = options.web === false ? null : await ensureWebBuild(log);
  const database = await openDatabase(config, log, (ownerDb) => runUpgrades(ownerDb, config, log));
  let demoSms = 0;
  if (config.BANSHI_DEMO) {
    if (await isDatabaseEmpty(database.db)) {
      log.info('空数据库：载入演示中心');
      await seedDemo(database.db, config);
    }
    await setDemoAccountsActive(database.db, true);
    demoSms = await database.db.$count(notificationMessages, eq(notificationMessages.status, 'queued'));
    // the logging transport would write them one line each just after start: one summary line instead
    smsDigest.expect(demoSms, DEMO_SMS_DIGEST_MS);
  } else {
    await setDemoAccountsActive(database.db, false);
  }
  const app = await buildApp({ config, database, logger: log, webDist });
  const jobsDatabase = await openJobsDatabase(config, database, log, { max: JOB_POOL_SIZE, name: 'banshi-jobs' });
  const scheduler = await startScheduler({
    db: jobsDatabase.db,
    listen: database.listen,
    jobs: serverJobs(config, log),
    config,
    log,
    concurrency: JOB_POOL_SIZE,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, '正在关闭');
    await app.close().catch((err) => log.error({ err }, 'close failed'));
    await scheduler.stop().catch((err: unknown) => log.error({ err }, 'jobs stop failed'));
    if (jobsDatabase !== database) await jobsDatabase.close().catch((err: unknown) => log.error({ err }, 'jobs pool close failed'));
    await database.close().catch((err) => log.error({ err }, 'database close failed'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // PORT=0 picks a free port: links in messages follow the one actually taken
  if (config.publicUrlDefaulted) config.PUBLIC_URL = listeningUrl(config.HOST, port);
  log.info(`Banshi 已启动：${config.PUBLIC_URL}（监听 ${config.HOST}:${port}）${config.BANSHI_DEMO ? '（演示模式，演示账户见登录页）' : ''}`);
  if (demoSms) log.info(`演示短信 ${demoSms} 条已写入发件箱，由日志发送器发出，不再逐条写入日志（消息记录见 GET /api/notifications）`);
  if (config.BANSHI_DEMO && config.hostDefaulted) {
    log.info(`演示模式只在本机监听 127.0.0.1；要让其他设备访问，请设置 HOST，例如：HOST=0.0.0.0 PORT=${port} npm start`);
  }
}
