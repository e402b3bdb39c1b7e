/**
 * Jobs against HTTP on PostgreSQL (issue 17): the latency of API requests with no job running,
 * then while 30 jobs with slow items run every second on two schedulers (two processes' worth,
 * each with its own 2-connection job pool), and how many job runs completed meanwhile.
 *
 *   npx tsx bench/jobs/run.ts
 *
 * Uses BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL: it creates and drops its
 * own database); without either it starts a throwaway PostgreSQL (initdb) in a temp dir.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../../server/src/config.ts';
import { openPostgres } from '../../server/src/platform/db/postgres.ts';
import { defineJob } from '../../server/src/platform/jobs/job.ts';
import { startScheduler } from '../../server/src/platform/jobs/scheduler.ts';
import { serveDemoApp, type ApiClient } from '../lib/app.ts';
import { pct, progress, setting } from '../lib/measure.ts';
import { openDemoDatabase, serverVersion, withBenchDatabase } from '../lib/postgres.ts';

const JOBS = 30;
const ITEM_MS = 300;
const SECONDS = 10;

await withBenchDatabase(run);

async function run(url: string) {
  const database = await openDemoDatabase(url);
  const version = await serverVersion(url);
  const { app, api } = await serveDemoApp(database);
  const admin = await api.login('admin');

  progress('requests, no jobs');
  const idle = await measure(api, admin, SECONDS * 1000);

  progress(`requests, ${JOBS} jobs with slow items on two schedulers`);
  const pools = [openPostgres(url, undefined, { max: 2, name: 'banshi-jobs' }), openPostgres(url, undefined, { max: 2, name: 'banshi-jobs' })];
  const jobs = Array.from({ length: JOBS }, (_, i) =>
    defineJob({
      name: `bench.${i}`,
      schedule: '* * * * * *',
      run: (ctx) => ctx.each([1, 2, 3], () => ctx.db.execute(sql`select pg_sleep(${ITEM_MS / 1000})`)),
    }),
  );
  const config = loadConfig({ BANSHI_DEMO: '1', LOG_LEVEL: 'silent' });
  const log = pino({ level: 'silent' });
  const schedulers = await Promise.all(pools.map((p) => startScheduler({ db: p.db, listen: database.listen, jobs, config, log, concurrency: 2 })));
  await new Promise((r) => setTimeout(r, 1000));
  const busy = await measure(api, admin, SECONDS * 1000);
  await Promise.all(schedulers.map((s) => s.stop()));
  const runs = (await database.db.execute(sql`select count(*)::int as n, coalesce(sum(items_done), 0)::int as items from job_runs where job_name like 'bench.%' and status = 'succeeded'`)) as unknown as {
    rows: { n: number; items: number }[];
  };
  await Promise.all(pools.map((p) => p.close()));
  await app.close();
  await database.close();

  console.log(`jobs vs HTTP — ${setting(version)}`);
  console.log(`requests: GET /api/health and GET /api/jobs/runs (administrator), one after the other, ${SECONDS} s each phase`);
  for (const [label, t] of [['no jobs', idle], [`${JOBS} jobs × 3 items of ${ITEM_MS} ms, 2 schedulers`, busy]] as const) {
    console.log(`${label.padEnd(44)} n=${t.length}  p50 ${pct(t, 0.5).toFixed(1)} ms  p95 ${pct(t, 0.95).toFixed(1)} ms  p99 ${pct(t, 0.99).toFixed(1)} ms  max ${t.at(-1)!.toFixed(1)} ms`);
  }
  console.log(`job runs completed meanwhile: ${runs.rows[0]!.n} (${runs.rows[0]!.items} items)`);
}

async function measure(api: ApiClient, cookie: string, ms: number): Promise<number[]> {
  const timings: number[] = [];
  const end = Date.now() + ms;
  for (let i = 0; Date.now() < end; i++) {
    const started = performance.now();
    const res = i % 2 ? await api.raw('GET', '/api/jobs/runs?pageSize=5', cookie) : await api.raw('GET', '/api/health');
    if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
    timings.push(performance.now() - started);
  }
  return timings.sort((a, b) => a - b);
}
