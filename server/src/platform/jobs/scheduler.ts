import crypto from 'node:crypto';
import os from 'node:os';
import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { BUSINESS_TIME_ZONE, type Database, type Db } from '../db/database.ts';
import { messageOf, type Each, type Job, type JobContext } from './job.ts';
import * as repo from './repository.ts';

/** A "run now" request or a finished run wakes the schedulers of every process. */
export const JOBS_CHANNEL = 'banshi_jobs';

export type SchedulerOptions = {
  /** where the jobs run their queries: on PostgreSQL a small pool of their own, apart from HTTP's */
  db: Db;
  /** LISTEN for `wakeOn` channels and run-now requests */
  listen: Database['listen'];
  jobs: Job[];
  config: Config;
  log: Logger;
  /** jobs run at once by this process (keep it at or below the jobs pool's size) */
  concurrency?: number;
  /** how long a claim holds a job; renewed while it runs, so another process takes over only if this one dies */
  leaseMs?: number;
  /** the longest sleep between looks at the schedule table */
  maxIdleMs?: number;
  /** names this scheduler in the runs it records */
  owner?: string;
};

export type Scheduler = {
  owner: string;
  /** look for due work now */
  poke(): void;
  /** stops claiming and waits for the runs in hand */
  stop(): Promise<void>;
};

const MAX_FAILURES_KEPT = 20;

/**
 * Runs the jobs on their schedules (cron, Asia/Shanghai). The schedule table is shared by every
 * process: a job is claimed in a short `FOR UPDATE SKIP LOCKED` transaction that moves its due
 * time on and takes a lease, so each due time runs once across processes and no connection is
 * held while the job works. The embedded database runs the same code in its one process.
 */
export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const { db, jobs, log, config } = options;
  const concurrency = options.concurrency ?? 2;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxIdleMs = options.maxIdleMs ?? 5_000;
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const byName = new Map(jobs.map((j) => [j.name, j]));
  if (byName.size !== jobs.length) throw new Error('job names must be unique');
  const crons = new Map(jobs.map((j) => [j.name, new Cron(j.schedule, { timezone: BUSINESS_TIME_ZONE, paused: true })]));
  const nextAfter = (name: string, after: Date): Date => crons.get(name)!.nextRun(after) ?? new Date(8.64e15);

  const running = new Map<string, Promise<void>>();
  const woken = new Set<string>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  let again = false;

  await repo.upsertSchedules(
    db,
    jobs.map((j) => ({ name: j.name, schedule: j.schedule, nextRunAt: nextAfter(j.name, new Date()) })),
  );

  const claim = async (): Promise<{ job: Job; runId: number } | null> => {
    const free = jobs.filter((j) => !running.has(j.name)).map((j) => j.name);
    return db.transaction(async (tx) => {
      const claimed = await repo.lockClaimable(tx, free, [...woken].filter((n) => free.includes(n)));
      if (!claimed) return null;
      const { row, dbNow } = claimed;
      const due = row.nextRunAt.getTime() <= dbNow.getTime();
      const trigger: repo.RunTrigger = due ? 'schedule' : row.requestedAt ? 'manual' : 'wake';
      const scheduledFor = due ? row.nextRunAt : (row.requestedAt ?? dbNow);
      if (row.currentRunId !== null) await repo.abandonRun(tx, row.currentRunId);
      const runId = await repo.insertRun(tx, { jobName: row.name, trigger, scheduledFor, owner });
      await repo.takeLease(tx, row.name, {
        owner,
        ms: leaseMs,
        runId,
        nextRunAt: due ? nextAfter(row.name, dbNow) : row.nextRunAt,
        clearRequest: true,
      });
      woken.delete(row.name);
      return runId === null ? null : { job: byName.get(row.name)!, runId };
    });
  };

  const execute = async (job: Job, runId: number): Promise<void> => {
    const jobLog = log.child({ job: job.name, runId });
    let itemsDone = 0;
    let itemsFailed = 0;
    const failures: { item: string; message: string }[] = [];
    const each: Each = async (items, fn, key) => {
      for (const item of items) {
        try {
          await fn(item);
          itemsDone += 1;
        } catch (err) {
          itemsFailed += 1;
          const name = key ? key(item) : `#${itemsDone + itemsFailed}`;
          jobLog.warn({ err, item: name }, 'job item failed; it is tried again on a later run');
          if (failures.length < MAX_FAILURES_KEPT) failures.push({ item: name, message: messageOf(err) });
        }
      }
    };
    const ctx: JobContext = { db, config, log: jobLog, now: new Date(), each, done: (n) => void (itemsDone += n) };
    const renew = setInterval(() => {
      repo.renewLease(db, job.name, owner, leaseMs).catch((err) => jobLog.warn({ err }, 'job lease not renewed'));
    }, Math.max(1000, Math.floor(leaseMs / 3)));
    let status: repo.RunStatus;
    let error: string | null = null;
    try {
      await job.run(ctx);
      status = itemsFailed > 0 ? 'partial' : 'succeeded';
    } catch (err) {
      status = 'failed';
      error = messageOf(err);
      jobLog.error({ err }, 'job failed');
    } finally {
      clearInterval(renew);
    }
    const result = { id: runId, jobName: job.name, owner, status, itemsDone, itemsFailed, error, failures };
    // The database may be away for a moment: try a few times; otherwise the lease runs out and the run shows as abandoned.
    for (let attempt = 1; ; attempt++) {
      try {
        await repo.finishRun(db, result);
        break;
      } catch (err) {
        if (attempt >= 5 || stopped) {
          jobLog.error({ err }, 'job run not recorded');
          break;
        }
        await new Promise((r) => setTimeout(r, attempt * 500));
      }
    }
  };

  const tick = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    let sleepMs = maxIdleMs;
    try {
      while (!stopped && running.size < concurrency) {
        const claimed = await claim();
        if (!claimed) break;
        const { job, runId } = claimed;
        const run = execute(job, runId).finally(() => {
          running.delete(job.name);
          poke();
        });
        running.set(job.name, run);
      }
      if (running.size < concurrency) {
        const at = await repo.nextWake(db, jobs.filter((j) => !running.has(j.name)).map((j) => j.name));
        if (at) sleepMs = Math.min(maxIdleMs, Math.max(50, at.getTime() - Date.now()));
      }
      if (woken.size > 0) sleepMs = Math.min(sleepMs, 1000);
    } catch (err) {
      log.warn({ err }, 'job scheduler could not read the schedule; trying again');
    }
    if (!stopped) timer = setTimeout(poke, sleepMs);
  };

  function poke(): void {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = tick().finally(() => {
      ticking = null;
      if (again) {
        again = false;
        poke();
      }
    });
  }

  const unlisten: (() => Promise<void>)[] = [];
  const subscribe = async (channel: string, onNotify: () => void) => {
    try {
      unlisten.push(await options.listen(channel, onNotify));
    } catch (err) {
      log.warn({ err, channel }, 'job scheduler could not listen; polling only');
    }
  };
  await subscribe(JOBS_CHANNEL, poke);
  for (const job of jobs) {
    for (const channel of job.wakeOn ?? []) {
      await subscribe(channel, () => {
        woken.add(job.name);
        poke();
      });
    }
  }
  poke();

  return {
    owner,
    poke,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled(unlisten.map((u) => u()));
      await ticking?.catch(() => undefined);
      await Promise.allSettled(running.values());
    },
  };
}

/** Asks the schedulers to run a job as soon as one is free; false when no such job is scheduled. */
export async function requestJobRun(db: Db, name: string, by: string): Promise<boolean> {
  const found = await repo.requestRun(db, name, by);
  if (found) await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${name})`);
  return found;
}
