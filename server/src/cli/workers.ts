import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.ts';
import { CliError } from './errors.ts';
import { createLogger } from './logger.ts';

export type StartOptions = { web?: boolean; workers?: string };
type Start = (config: Config, options: StartOptions) => Promise<void>;

/** A worker that exits within this long of its start counts as a failed start: the next one waits longer. */
const QUICK_EXIT_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** SIGTERM: how long the workers get to finish their requests and jobs before they are killed. */
const STOP_GRACE_MS = 30_000;

/**
 * `banshi start --workers N`: N processes (node:cluster) serve one port on one PostgreSQL.
 * The primary only supervises: the first worker starts alone (it migrates, upgrades and loads the
 * demo into an empty database), the others once it listens; a worker that dies is started again
 * with a log line; SIGTERM or SIGINT stops every worker gracefully. Without `--workers`, and in
 * each worker, it is the plain start.
 */
export function withWorkers(start: Start): Start {
  return async (config, options) => {
    if (options.workers === undefined || !cluster.isPrimary) return start(config, options);
    const count = Number(options.workers);
    if (!Number.isInteger(count) || count < 1 || count > 64) throw new CliError(`--workers 应为 1 到 64 之间的整数，而不是 "${options.workers}"`);
    if (config.database.kind !== 'postgres') {
      throw new CliError(
        '--workers 需要 PostgreSQL（设置 DATABASE_URL）：嵌入式数据库（PGlite）只能由一个进程打开，多个进程无法共享它。嵌入式数据库请不带 --workers 启动。',
      );
    }
    await supervise(config, count);
  };
}

async function supervise(config: Config, count: number): Promise<void> {
  const log = createLogger(config).child({ role: 'primary' });
  const workers = new Map<number, { worker: Worker; startedAt: number; slot: number }>();
  const quickExits = new Map<number, number>();
  let stopping = false;

  const fork = (slot: number): Worker => {
    const worker = cluster.fork();
    workers.set(worker.id, { worker, startedAt: Date.now(), slot });
    log.info({ worker: slot, workerPid: worker.process.pid }, `工作进程 ${slot} 已创建（pid ${worker.process.pid}）`);
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const entry = workers.get(worker.id);
    workers.delete(worker.id);
    if (!entry || stopping) return;
    const quick = Date.now() - entry.startedAt < QUICK_EXIT_MS;
    const failures = quick ? (quickExits.get(entry.slot) ?? 0) + 1 : 0;
    quickExits.set(entry.slot, failures);
    const delayMs = failures === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (failures - 1));
    log.warn(
      { worker: entry.slot, workerPid: worker.process.pid, code, signal, delayMs },
      `工作进程 ${entry.slot}（pid ${worker.process.pid}）已退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}），${delayMs ? `${delayMs / 1000} 秒后` : ''}重新启动`,
    );
    setTimeout(() => {
      if (!stopping) fork(entry.slot);
    }, delayMs);
  });

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `正在停止 ${workers.size} 个工作进程`);
    const exited = [...workers.values()].map(
      ({ worker }) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
          worker.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          worker.process.kill('SIGTERM');
        }),
    );
    await Promise.all(exited);
    log.info('全部工作进程已停止');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  // The first worker prepares the database alone; the others start once it serves. If it never
  // serves (the database cannot be reached or migrated), the start fails as a single process's would.
  const first = fork(1);
  const failed = await new Promise<string | null>((resolve) => {
    const onExit = (code: number | null, signal: string | null) => {
      stopping = true; // worker 'exit' comes before the cluster's: no restart
      resolve(signal ? `信号 ${signal}` : `退出码 ${code}`);
    };
    first.once('exit', onExit);
    first.once('listening', () => {
      first.off('exit', onExit);
      resolve(null);
    });
  });
  if (failed) throw new CliError(`第一个工作进程未能启动（${failed}），见上面的日志；未启动其余工作进程`);
  for (let slot = 2; slot <= count && !stopping; slot++) fork(slot);
  log.info({ workers: count }, `${count} 个工作进程在同一端口上服务（PostgreSQL 共享事件、任务和缓存失效通知）`);
}
