/**
 * Applications under load, through the HTTP API on PostgreSQL (issue 7, Performance): full
 * lifecycles of 食品经营许可 — intake → materials → accept → approve (the e-license issued) →
 * deliver at the counter — run by several clients at once for a fixed time; lifecycles per second
 * and the p50/p99 of each step. The raw PostgreSQL transaction rate (a short read-write
 * transaction like an action's) is measured in the same run as the reference.
 *
 *   npx tsx bench/applications/run.ts
 *
 * Uses BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL: it creates and drops its own
 * database); without either it starts a throwaway PostgreSQL (initdb) in a temp dir.
 * The app runs in this process, listening on 127.0.0.1 only.
 */
import pg from 'pg';
import type { ApplicationDetail } from '../../server/src/modules/applications/contract.ts';
import { serveDemoApp } from '../lib/app.ts';
import { pct, progress, rawRate, setting } from '../lib/measure.ts';
import { openDemoDatabase, serverVersion, withBenchDatabase } from '../lib/postgres.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RAW_SECONDS = 5;
const STEPS = ['intake', 'materials', 'accept', 'approve', 'deliver'] as const;
type Step = (typeof STEPS)[number];

await withBenchDatabase(run);

async function run(url: string) {
  progress('migrate and seed');
  const database = await openDemoDatabase(url);
  const version = await serverVersion(url);
  // outside the app: the enterprises to apply for, and the pickup code the applicant would show
  const info = new pg.Pool({ connectionString: url, max: 2 });
  const enterprises = (await info.query(`select uscc from enterprises e where not exists (select 1 from credit_records c where c.enterprise_id = e.id) order by uscc limit 500`)).rows.map((r) => r.uscc as string);
  const pickupCodeOf = async (id: string) => (await info.query('select pickup_code from application_deliveries where application_id = $1', [id])).rows[0]?.pickup_code as string;

  progress('raw transactions');
  const raw = await rawTransactionRates(url);

  const { app, api } = await serveDemoApp(database);
  const clerk = await api.login('clerk');
  const reviewers = [await api.login('reviewer'), await api.login('chief')];

  const timings = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
  const timed = async <T>(step: Step, f: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await f();
    timings.get(step)!.push(performance.now() - start);
    return result;
  };
  let completed = 0;
  let failures = 0;
  const lifecycle = async (worker: number, n: number) => {
    const uscc = enterprises[(worker * 997 + n) % enterprises.length]!;
    let app = await timed('intake', () =>
      api.json<ApplicationDetail>('POST', '/api/applications', clerk, { source: { kind: 'item', code: 'NH-SCJG-006' }, answers: { prepackaged_only: 'no', online_sales: 'no' }, applicant: { uscc } }),
    );
    app = await timed('materials', async () => {
      let current = app;
      for (const m of app.materials) current = await api.json<ApplicationDetail>('PUT', `/api/applications/${app.id}/materials/${m.key}`, clerk, { status: 'paper_seen' });
      return current;
    });
    app = await timed('accept', () => api.json<ApplicationDetail>('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version }));
    const task = app.tasks[0]!;
    await timed('approve', () => api.json('POST', `/api/review/tasks/${task.id}/approve`, reviewers[worker % reviewers.length], { version: task.version, opinion: '符合条件，准予许可' }));
    const pickupCode = await pickupCodeOf(app.id);
    await timed('deliver', async () => {
      const decided = await api.json<ApplicationDetail>('GET', `/api/applications/${app.id}`, clerk);
      if (!decided.licenseId) throw new Error('no e-license issued');
      await api.json('POST', `/api/applications/${app.id}/delivery/hand-over`, clerk, { version: decided.version, pickupCode });
    });
  };

  progress('warm up');
  for (let i = 0; i < 3; i++) await lifecycle(99, i);
  for (const list of timings.values()) list.length = 0;

  progress(`${CLIENTS} clients for ${SECONDS} s`);
  const start = performance.now();
  const end = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, worker) => {
      for (let n = 0; performance.now() < end; n++) {
        try {
          await lifecycle(worker, n);
          completed += 1;
        } catch (err) {
          failures += 1;
          if (failures <= 3) progress(`lifecycle failed: ${(err as Error).message.slice(0, 300)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const requests = completed * (4 + 7 + 1);

  console.log(`Banshi applications bench — ${setting(version)}`);
  console.log(`reference: raw read-write transaction (select … for update, update, insert, commit): ${raw.sequential.toFixed(0)} tx/s on 1 connection, ${raw.pooled.toFixed(0)} tx/s on 10 connections`);
  console.log(
    `lifecycles (intake → 7 materials → accept → approve with e-license → deliver), ${CLIENTS} clients, ${seconds.toFixed(1)} s: ${completed} completed, ${failures} failed → ${(completed / seconds).toFixed(2)} lifecycles/s (~${(requests / seconds).toFixed(0)} requests/s)`,
  );
  const perSecond = requests / seconds;
  console.log(`HTTP requests/s vs the raw rate on 10 connections: ${perSecond.toFixed(0)} / ${raw.pooled.toFixed(0)} = ${((100 * perSecond) / raw.pooled).toFixed(1)} % (target ≥ 15 %)`);
  for (const step of STEPS) {
    const list = [...timings.get(step)!].sort((a, b) => a - b);
    console.log(`  ${step.padEnd(9)} n=${String(list.length).padStart(4)}  p50 ${pct(list, 0.5).toFixed(1)} ms  p99 ${pct(list, 0.99).toFixed(1)} ms  max ${(list.at(-1) ?? NaN).toFixed(1)} ms`);
  }
  console.log('  (materials: 7 requests; deliver: the detail read and the hand-over; notices are rendered to PDF on first download, not in these steps)');
  await info.end();
  await app.close();
  await database.close();
}

/** A short read-write transaction like an action's, on one connection and on ten. */
async function rawTransactionRates(url: string) {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query('create table bench_raw_app (id uuid primary key, state text not null, version integer not null)');
  await setup.query('create table bench_raw_event (id bigserial primary key, app_id uuid not null, at timestamptz not null default now())');
  await setup.query(`insert into bench_raw_app select gen_random_uuid(), 'received', 1 from generate_series(1, 1000)`);
  const ids = (await setup.query('select id from bench_raw_app')).rows.map((r) => r.id as string);
  await setup.end();
  const measure = (connections: number) =>
    rawRate({
      url,
      connections,
      seconds: RAW_SECONDS,
      step: async (c, worker, n) => {
        const id = ids[(worker + n * connections) % ids.length]!;
        await c.query('begin');
        await c.query('select state, version from bench_raw_app where id = $1 for update', [id]);
        await c.query('update bench_raw_app set version = version + 1 where id = $1', [id]);
        await c.query('insert into bench_raw_event (app_id) values ($1)', [id]);
        await c.query('commit');
      },
    });
  return { sequential: await measure(1), pooled: await measure(10) };
}
