import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/database.ts';

export type Job = {
  name: string;
  everyMs: number;
  run: (db: Db) => Promise<void>;
  /** also run when one of these channels is notified (e.g. the outbox on a new entry) */
  wakeOn?: string[];
};

/**
 * Runs periodic jobs in this process. With several processes on one PostgreSQL, a transaction
 * advisory lock per job lets one process run each job at a time.
 */
export function startJobs(database: Database, jobs: Job[], log: Logger): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const stops: Promise<() => Promise<void>>[] = [];
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const runOnce = (job: Job) => {
    if (stopped || running.has(job.name)) return;
    const run = (async () => {
      try {
        if (database.kind === 'postgres') {
          await database.db.transaction(async (tx) => {
            const res = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${job.name})) as ok`)) as unknown as {
              rows: { ok: boolean }[];
            };
            if (res.rows[0]?.ok) await job.run(database.db);
          });
        } else {
          await job.run(database.db);
        }
      } catch (err) {
        log.error({ err, job: job.name }, 'job failed');
      } finally {
        running.delete(job.name);
      }
    })();
    running.set(job.name, run);
  };

  for (const job of jobs) {
    timers.push(setInterval(() => runOnce(job), job.everyMs));
    for (const channel of job.wakeOn ?? []) stops.push(database.listen(channel, () => runOnce(job)));
    runOnce(job);
  }

  return async () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
    for (const s of await Promise.allSettled(stops)) if (s.status === 'fulfilled') await s.value().catch(() => undefined);
    await Promise.allSettled(running.values());
  };
}
