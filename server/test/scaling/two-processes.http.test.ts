import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/data.ts';
import type { DisplayUpdate } from '../../src/modules/queue/display/contract.ts';
import { openEventStream } from '../event-stream.ts';
import { TEST_SECRETS } from '../secrets.ts';
import { adminQuery, withDatabase } from '../templates.ts';
import { login, query, runBanshi, send, startBanshi, waitUntil, type Running } from './processes.ts';

/**
 * Several processes on one PostgreSQL (ARCHITECTURE.md "Scaling out"): two real `banshi start`
 * processes on one fresh copy of the demo database share events, sessions, jobs and caches; the
 * second reads its figures through DATABASE_READ_URL as a role whose transactions are read-only.
 */
const template = inject('banshiTemplate');
const onPostgres = template.kind === 'postgres';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-scaling-'));
const suffix = crypto.randomBytes(4).toString('hex');
const dbName = `banshi_scaling_${suffix}`;
const reader = `banshi_reader_${suffix}`;
const baseEnv: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? tmp,
  TZ: 'America/Los_Angeles',
  DATA_DIR: path.join(tmp, 'data'),
  BANSHI_DEMO: '1',
  LOG_LEVEL: 'info',
  ...TEST_SECRETS,
};
const dbUrl = () => (template.kind === 'postgres' ? withDatabase(template.adminUrl, dbName) : '');

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('banshi start --workers on the embedded database', { timeout: 120_000 }, () => {
  it('is refused with a message: PGlite cannot be shared by processes', async () => {
    const run = await runBanshi(['start', '--no-web', '--workers', '2'], { ...baseEnv, DATA_DIR: path.join(tmp, 'pglite-data') });
    expect(run.code).toBe(1);
    expect(run.output).toContain('--workers 需要 PostgreSQL');
    expect(run.output).toContain('PGlite');
    expect(fs.existsSync(path.join(tmp, 'pglite-data', 'pglite'))).toBe(false);
  });

  it('fails like a single process when the first worker cannot start (no database there), starting no other', async () => {
    const run = await runBanshi(['start', '--no-web', '--workers', '2'], { ...baseEnv, BANSHI_DEMO: '0', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('第一个工作进程未能启动');
    expect(run.output).not.toContain('工作进程 2 已创建');
  });
});

describe.skipIf(!onPostgres)('two processes on one PostgreSQL', { timeout: 120_000 }, () => {
  let one: Running;
  let two: Running;
  beforeAll(async () => {
    if (template.kind !== 'postgres') return;
    await adminQuery(template.adminUrl, `create database ${dbName} template ${template.templateName}`);
    // A login whose every transaction is read-only, as on a hot standby; it may work as banshi_app.
    await adminQuery(template.adminUrl, `create role ${reader} login; grant banshi_app to ${reader}; alter role ${reader} set default_transaction_read_only = on`);
    const readUrl = new URL(dbUrl());
    readUrl.username = reader;
    [one, two] = await Promise.all([
      startBanshi(['start', '--no-web'], { ...baseEnv, DATABASE_URL: dbUrl() }),
      startBanshi(['start', '--no-web'], { ...baseEnv, DATABASE_URL: dbUrl(), DATABASE_READ_URL: readUrl.toString() }),
    ]);
  }, 240_000);
  afterAll(async () => {
    if (template.kind !== 'postgres') return;
    const codes = await Promise.all([one?.stop(), two?.stop()]);
    expect(codes).toEqual([0, 0]);
    await adminQuery(template.adminUrl, `drop database if exists ${dbName} with (force)`);
    await adminQuery(template.adminUrl, `drop role if exists ${reader}`);
  }, 60_000);

  it('a session signed in on one process is valid on the other, and ends on both at logout', async () => {
    const cookie = await login(one.base, 'clerk', DEMO_PASSWORD);
    const me = await send(two.base, 'GET', '/api/auth/me', cookie);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('clerk');
    expect((await send(one.base, 'POST', '/api/auth/logout', cookie)).status).toBe(200);
    expect((await send(two.base, 'GET', '/api/auth/me', cookie)).status).toBe(401);
  });

  it('a ticket called on process 1 reaches a calling display connected to process 2', async () => {
    const [clerk, manager] = [await login(one.base, 'clerk', DEMO_PASSWORD), await login(one.base, 'manager', DEMO_PASSWORD)];
    const centers = (await (await send(one.base, 'GET', '/api/centers', manager)).json()) as { id: string; name: string }[];
    const centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
    const queues = (await (await send(one.base, 'GET', `/api/queue/centers/${centerId}/queues`, manager)).json()) as { id: string; prefix: string }[];
    const counters = (await (await send(one.base, 'GET', `/api/centers/${centerId}/counters`, manager)).json()) as { id: string; number: string; zoneId: string }[];
    const counter = counters.find((c) => c.number === '1')!;
    expect((await send(one.base, 'POST', `/api/queue/counters/${counter.id}/open`, clerk)).status).toBe(200);

    const stream = openEventStream<DisplayUpdate>(`${two.base}/api/queue/display/${centerId}/${counter.zoneId}/stream`);
    await stream.ready;
    await stream.waitFor((_, event) => event === 'snapshot');
    const taken = await send(one.base, 'POST', `/api/queue/kiosk/${centerId}/tickets`, '', { queueId: queues.find((q) => q.prefix === 'A')!.id });
    expect(taken.status, await taken.clone().text()).toBe(201);
    const called = await send(one.base, 'POST', `/api/queue/counters/${counter.id}/call-next`, clerk);
    expect(called.status).toBe(200);
    const ticket = ((await called.json()) as { ticket: { id: string; displayNumber: string } }).ticket;
    const update = await stream.waitFor((d) => d.announcement?.ticketId === ticket.id, 2000);
    expect(update.announcement!.text).toBe(`请 ${ticket.displayNumber} 号到 1 号窗口办理`);
    stream.close();
  });

  it('a calendar change made on process 1 is answered by process 2 right after (caches invalidated across processes)', async () => {
    const manager = await login(one.base, 'manager', DEMO_PASSWORD);
    const dueOn = async () => ((await (await fetch(`${two.base}/api/calendar/due-date?from=2027-03-15&workingDays=1`)).json()) as { dueDate: string }).dueDate;
    expect(await dueOn()).toBe('2027-03-16');
    const set = await send(one.base, 'PUT', '/api/calendar/overrides/2027-03-16', manager, { kind: 'holiday', note: '多进程测试' });
    expect(set.status).toBe(200);
    await waitUntil(async () => (await dueOn()) === '2027-03-17', 1000, 'process 2 to see the holiday');
    expect((await send(one.base, 'DELETE', '/api/calendar/overrides/2027-03-16', manager)).status).toBe(200);
    await waitUntil(async () => (await dueOn()) === '2027-03-16', 1000, 'process 2 to see the working day again');
  });

  it('each periodic job runs once per due time across the two processes, and once per "run now"', async () => {
    const daily = ['queue.day-end', 'jobs.prune-runs', 'outbox.prune', 'audit.anchor-days'];
    // Make them due now on both schedulers at once, and wake both.
    const dueRows = await query<{ due: Date }>(
      dbUrl(),
      `update job_schedules set next_run_at = date_trunc('second', now()) - interval '1 second' where name = any($1) returning next_run_at as due`,
      [daily],
    );
    const due = dueRows[0]!.due;
    await query(dbUrl(), `select pg_notify('banshi_jobs', '')`);
    const runsOf = (trigger: string, since: Date) =>
      query<{ job_name: string; runs: number; finished: number }>(
        dbUrl(),
        `select job_name, count(*)::int as runs, count(finished_at)::int as finished from job_runs
          where job_name = any($1) and trigger = $2 and scheduled_for >= $3 group by job_name order by job_name`,
        [daily, trigger, since],
      );
    await waitUntil(async () => (await runsOf('schedule', due)).filter((r) => r.finished === r.runs).length === daily.length, 20_000, 'the due jobs to run');
    // Both schedulers look again within 5 s: neither runs them a second time.
    await new Promise((r) => setTimeout(r, 6000));
    expect(await runsOf('schedule', due)).toEqual([...daily].sort().map((job_name) => ({ job_name, runs: 1, finished: 1 })));
    const later = await query<{ name: string }>(dbUrl(), `select name from job_schedules where name = any($1) and next_run_at <= now()`, [daily]);
    expect(later).toEqual([]);

    const admin = await login(one.base, 'admin', DEMO_PASSWORD);
    const asked = new Date(Date.now() - 1000);
    expect((await send(one.base, 'POST', '/api/jobs/jobs.prune-runs/run', admin)).status).toBe(202);
    const manual = () => runsOf('manual', asked).then((rows) => rows.find((r) => r.job_name === 'jobs.prune-runs'));
    await waitUntil(async () => (await manual())?.finished === 1, 20_000, 'the manual run');
    await new Promise((r) => setTimeout(r, 6000));
    expect(await manual()).toEqual({ job_name: 'jobs.prune-runs', runs: 1, finished: 1 });
  });

  it('the figures endpoints answer through DATABASE_READ_URL, a read-only role, which writes nothing', async () => {
    const manager = await login(two.base, 'manager', DEMO_PASSWORD);
    const centers = (await (await send(two.base, 'GET', '/api/centers', manager)).json()) as { id: string; name: string }[];
    const centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
    const range = 'from=2026-01-01&to=2026-12-31';
    for (const url of [
      `/api/evaluation-figures?${range}`,
      `/api/application-figures?${range}`,
      `/api/feedback-figures?${range}`,
      `/api/time-limits/figures?${range}`,
      `/api/queue/centers/${centerId}/figures/live`,
      `/api/queue/centers/${centerId}/figures/history?from=2026-10-01&to=2026-12-31`,
    ]) {
      const res = await send(two.base, 'GET', url, manager);
      expect(res.status, `${url}: ${await res.clone().text()}`).toBe(200);
    }
    // They went through the read pool: its connections are the reader's, read-only.
    const readers = await query<{ usename: string; read_only: boolean }>(
      dbUrl(),
      `select usename, (select setting from pg_db_role_setting s, unnest(s.setconfig) as setting where s.setrole = a.usesysid limit 1) = 'default_transaction_read_only=on' as read_only
         from pg_stat_activity a where datname = $1 and application_name = 'banshi-read'`,
      [dbName],
    );
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.every((r) => r.usename === reader && r.read_only)).toBe(true);
    // Process 1 has no read pool.
    expect(one.output()).not.toContain('DATABASE_READ_URL');
    expect(two.output()).toContain('DATABASE_READ_URL');
  });
});

describe.skipIf(!onPostgres)('banshi start --workers 2', { timeout: 180_000 }, () => {
  const workersDb = `${dbName}_w`;
  afterAll(async () => {
    if (template.kind === 'postgres') await adminQuery(template.adminUrl, `drop database if exists ${workersDb} with (force)`);
  });

  it('serves one port from two processes, starts again a worker that dies, and stops them all on SIGTERM', async () => {
    if (template.kind !== 'postgres') return;
    await adminQuery(template.adminUrl, `create database ${workersDb} template ${template.templateName}`);
    const server = await startBanshi(['start', '--no-web', '--workers', '2'], { ...baseEnv, DATABASE_URL: withDatabase(template.adminUrl, workersDb) });
    const workers = () => [...server.output().matchAll(/工作进程 (\d+) 已创建（pid (\d+)）/g)].map((m) => ({ slot: Number(m[1]), pid: Number(m[2]) }));
    const started = () => server.output().split('Banshi 已启动').length - 1;
    await waitUntil(() => started() === 2, 120_000, 'both workers to serve');
    const [first, second] = workers();
    expect([first!.slot, second!.slot]).toEqual([1, 2]);

    process.kill(second!.pid, 'SIGKILL');
    await waitUntil(() => workers().length === 3 && started() === 3, 120_000, 'the killed worker to be started again');
    expect(server.output()).toMatch(new RegExp(`工作进程 2（pid ${second!.pid}）已退出（信号 SIGKILL），(\\d+ 秒后)?重新启动`));
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);

    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('全部工作进程已停止');
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(workers().map((w) => alive(w.pid))).toEqual([false, false, false]);
  });
});
