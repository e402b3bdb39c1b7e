/**
 * Figures at scale (issue 15, item 2): BENCH_TICKETS tickets and BENCH_RATINGS ratings (default
 * 10 million each) over 3 years (BENCH_DAYS, default 1095) for 20 centers (BENCH_CENTERS: the demo
 * center and generated ones), then the daily rollups built by the jobs' own code, checked against
 * the raw rows (exit 1 when a total differs), then p50/p99 of each figures query with the rollups
 * and, in the same run, of the same query on the raw rows (the rollups hidden), and the ratio.
 *
 *   npx tsx bench/figures/run.ts
 *   BENCH_TICKETS=200000 BENCH_RATINGS=200000 BENCH_RUNS=5 npx tsx bench/figures/run.ts   (a quick check)
 *
 * Uses BENCH_DATABASE_URL or TEST_DATABASE_URL (administrative), else a throwaway PostgreSQL
 * started with fsync off (said in the output). Applications are not generated: the application
 * figures have no rollup yet.
 */
import pg from 'pg';
import { DEMO_PASSWORD } from '../../server/src/demo/data.ts';
import { addDays, businessToday } from '../../server/src/platform/calendar/working-days.ts';
import { rollUpTickets } from '../../server/src/modules/queue/figures/rollups.ts';
import { rollUpEvaluations, rolledRatingCounts, rolledServiceCounts } from '../../server/src/modules/evaluations/figures/rollups.ts';
import { buildDemoApp } from '../lib/app.ts';
import { pct, progress, setting, timeRuns } from '../lib/measure.ts';
import { openDemoDatabase, withBenchDatabase } from '../lib/postgres.ts';
import { checkTotals } from './totals.ts';
import { generate } from './generate.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000_000);
const RATINGS = Number(process.env.BENCH_RATINGS ?? 10_000_000);
const CENTERS = Number(process.env.BENCH_CENTERS ?? 20);
const DAYS = Number(process.env.BENCH_DAYS ?? 1095);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

await withBenchDatabase(run);

async function run(url: string) {
  progress('migrate and seed the demo');
  const database = await openDemoDatabase(url);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // the database is dropped (with force) after the run
  await client.connect();
  const q = async (text: string, params: unknown[] = []) => (await client.query(text, params)).rows;
  const version = (await q('show server_version'))[0].server_version as string;
  const fsync = (await q('show fsync'))[0].fsync as string;
  const app = await buildDemoApp(database);
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  };
  const manager = await login('manager');
  const demoCenter = (await q(`select center_id from staff where username = 'manager'`))[0].center_id as string;

  progress(`create ${CENTERS - 1} more centers`);
  for (let n = 1; n < CENTERS; n++)
    await q(`insert into centers (name, level, region_code, parent_id) select '压测中心 ' || $2::int, level, region_code, parent_id from centers where id = $1`, [demoCenter, n]);
  const centers = [demoCenter, ...(await q(`select id from centers where name like '压测中心 %' order by name`)).map((r) => r.id as string)];

  progress(`generate ${TICKETS} tickets and ${RATINGS} ratings over ${DAYS} days for ${centers.length} centers`);
  let t0 = performance.now();
  await generate(client, { centers, demoCenter, tickets: TICKETS, ratings: RATINGS, days: DAYS, batch: 500_000 }, progress);
  await q('analyze');
  const generated = (performance.now() - t0) / 1000;

  progress('build the rollups (the jobs)');
  t0 = performance.now();
  const days = (await rollUpTickets(database.db, new Date())) + (await rollUpEvaluations(database.db, new Date()));
  const built = (performance.now() - t0) / 1000;
  await q('analyze');

  const mismatches = await checkTotals(client);

  const today = businessToday(new Date());
  const ago = (n: number) => addDays(today, -n);
  const region = centers.slice(0, 5);
  const period = (centerId: string, from: string) => ({ centerId, from, to: today, departmentIds: null });
  const cases: { name: string; run: () => Promise<unknown> }[] = [
    { name: '好差评 30 days by department (HTTP)', run: () => http(`/api/evaluation-figures?groupBy=department`) },
    { name: '好差评 1 year by month (HTTP)', run: () => http(`/api/evaluation-figures?from=${ago(364)}&to=${today}&groupBy=month`) },
    { name: '好差评 1 year by item (HTTP)', run: () => http(`/api/evaluation-figures?from=${ago(364)}&to=${today}&groupBy=item`) },
    { name: 'queue 92 days by day (HTTP)', run: () => http(`/api/queue/centers/${demoCenter}/figures/history?from=${ago(91)}&to=${today}&by=day`) },
    { name: 'queue 92 days by clerk (HTTP)', run: () => http(`/api/queue/centers/${demoCenter}/figures/history?from=${ago(91)}&to=${today}&by=clerk`) },
    { name: 'queue live (HTTP)', run: () => http(`/api/queue/centers/${demoCenter}/figures/live`) },
    {
      name: 'ratings+services 3 years by quarter',
      run: async () => {
        const p = period(demoCenter, ago(DAYS));
        await Promise.all([rolledRatingCounts(database.db, p, 'month'), rolledServiceCounts(database.db, p, 'month', 7, new Date())]);
      },
    },
    {
      name: `region (${region.length} centers) 1 year by month`,
      run: () => Promise.all(region.flatMap((c) => [rolledRatingCounts(database.db, period(c, ago(364)), 'month'), rolledServiceCounts(database.db, period(c, ago(364)), 'month', 7, new Date())])),
    },
  ];
  async function http(path: string) {
    const res = await app.inject({ method: 'GET', url: path, headers: { cookie: manager } });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const measure = async () => {
    const out = new Map<string, number[]>();
    for (const c of cases) out.set(c.name, await timeRuns(RUNS, c.run, 2));
    return out;
  };
  progress('time the figures with the rollups');
  const rolled = await measure();
  progress('time the same with the rollups hidden (raw rows)');
  await q(`create table bench_hidden_days as select * from figures_rollup_days; truncate figures_rollup_days`);
  const raw = await measure();
  await q(`insert into figures_rollup_days select * from bench_hidden_days; drop table bench_hidden_days`);

  await app.close();
  await database.close();
  await client.end();
  const counts = `${TICKETS} tickets, ${RATINGS} ratings (subjects, every 19th unrated), ${DAYS} days, ${centers.length} centers`;
  console.log(`Figures at scale — ${setting(version)}; fsync ${fsync}${fsync === 'off' ? ' (throwaway bench server: writes are not durable)' : ''}`);
  console.log(`${counts}; generated in ${generated.toFixed(0)} s; rollups built in ${built.toFixed(1)} s (${days} center-days)`);
  console.log(`${RUNS} runs each after 2 warm-ups; target p99 < 200 ms with the rollups`);
  for (const c of cases) {
    const a = rolled.get(c.name)!;
    const b = raw.get(c.name)!;
    const line = `${c.name.padEnd(40)} rollups p50 ${f(pct(a, 0.5))} p99 ${f(pct(a, 0.99))}   raw p50 ${f(pct(b, 0.5))} p99 ${f(pct(b, 0.99))}   raw/rollups p50 ×${(pct(b, 0.5) / pct(a, 0.5)).toFixed(1)}`;
    console.log(`${line}${pct(a, 0.99) < 200 ? '' : '   (p99 over 200 ms)'}`);
  }
  console.log(mismatches.length === 0 ? 'rollup totals equal the raw totals: yes' : `rollup totals differ from the raw totals:\n  ${mismatches.join('\n  ')}`);
  if (mismatches.length > 0) process.exitCode = 1;
}

function f(ms: number): string {
  return `${ms.toFixed(1).padStart(8)} ms`;
}
