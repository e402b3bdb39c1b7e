/**
 * The front desk under load, through the HTTP API on PostgreSQL (issue 4, Performance):
 *   (a) 1,000 concurrent ticket takes: the numbers must be exactly 1…1,000; takes per second;
 *   (b) full cycles (take → call → start → finish) per second with 20 counters;
 *   (c) 500 connected display streams: p50/p99 from a call to its arrival on each stream;
 * with the raw single-row INSERT rate of the same PostgreSQL, measured in the same run, as reference.
 *
 *   npx tsx bench/queue/run.ts
 *
 * Uses BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL: it creates and drops its
 * own database); without either it starts a throwaway PostgreSQL (initdb) in a temp dir.
 * The app runs in this process, listening on 127.0.0.1 only.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { migratePostgres, openPostgres } from '../../server/src/platform/db/postgres.ts';
import { DEMO_PASSWORD } from '../../server/src/platform/demo/data.ts';
import { seedDemo } from '../../server/src/platform/demo/seed.ts';
import { createStaff } from '../../server/src/modules/staff/service.ts';

const TAKES = 1_000;
const COUNTERS = 20;
const CYCLE_SECONDS = 10;
const STREAMS = 500;
const CALLS = 60;
const RAW_SECONDS = 3;
const progress = (text: string) => process.stderr.write(`… ${text}\n`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

const { adminUrl, stop } = await postgresForBench();
const dbName = `banshi_bench_${crypto.randomBytes(4).toString('hex')}`;
await admin(adminUrl, `create database ${dbName}`);
const url = withDatabase(adminUrl, dbName);
try {
  await run(url);
} catch (err) {
  console.error('bench failed:', err);
  process.exitCode = 1;
} finally {
  await admin(adminUrl, `drop database if exists ${dbName} with (force)`).catch(() => undefined);
  stop();
}

async function run(url: string) {
  await migratePostgres(url);
  const database = openPostgres(url);
  await seedDemo(database.db);
  const info = new pg.Client({ connectionString: url });
  await info.connect();
  const version = (await info.query('show server_version')).rows[0].server_version as string;
  await info.end();
  progress('raw inserts');
  const raw = await rawInsertRates(url);

  const config = loadConfig({ BANSHI_DEMO: '1', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const api = client(base);
  const manager = await api.login('manager');
  const centers = (await api.json('GET', '/api/centers', manager)) as { id: string; name: string }[];
  const centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const settings = (await api.json('GET', `/api/queue/centers/${centerId}/settings`, manager)) as Record<string, unknown>;
  const { centerId: _c, hoursText: _h, ...input } = settings;
  await api.json('PUT', `/api/queue/centers/${centerId}/settings`, manager, { ...input, kioskTicketsPerMinute: 100_000 });
  const counters = (await api.json('GET', `/api/centers/${centerId}/counters`, manager)) as { id: string; number: string; zoneId: string }[];

  progress('(a) takes');
  // (a) 1,000 takes at once on a fresh queue
  const queueA = (await api.json('POST', `/api/queue/centers/${centerId}/queues`, manager, { name: '压测取号', prefix: 'Z' })) as { id: string };
  const t0 = performance.now();
  const taken = await Promise.all(
    Array.from({ length: TAKES }, () => api.json('POST', `/api/queue/kiosk/${centerId}/tickets`, undefined, { queueId: queueA.id }) as Promise<{ displayNumber: string }>),
  );
  const takeSeconds = (performance.now() - t0) / 1000;
  const numbers = taken.map((x) => Number(x.displayNumber.slice(1))).sort((a, b) => a - b);
  const exact = numbers.length === TAKES && numbers.every((n, i) => n === i + 1);

  progress('(b) cycles');
  // (b) cycles with 20 counters on one queue
  const chosen = counters.slice(0, COUNTERS);
  const queueB = (await api.json('POST', `/api/queue/centers/${centerId}/queues`, manager, {
    name: '压测窗口',
    prefix: 'Y',
    counterIds: chosen.map((c) => c.id),
  })) as { id: string };
  for (const q of (await api.json('GET', `/api/queue/centers/${centerId}/queues`, manager)) as { id: string; version: number; counterIds: string[] }[]) {
    if (q.id !== queueB.id && q.counterIds.some((id) => chosen.some((c) => c.id === id))) {
      await api.json('PATCH', `/api/queue/queues/${q.id}`, manager, { version: q.version, counterIds: q.counterIds.filter((id) => !chosen.some((c) => c.id === id)) });
    }
  }
  const clerks: string[] = [];
  for (const [i, c] of chosen.entries()) {
    const username = `benchclerk${i}`;
    await createStaff(database.db, { username, displayName: `压测${i}`, password: DEMO_PASSWORD, roles: ['counter_clerk'], centerId, counterId: c.id }, { mustChangePassword: false });
    const cookie = await api.login(username);
    await api.json('POST', `/api/queue/counters/${c.id}/open`, cookie);
    clerks.push(cookie);
  }
  let cycles = 0;
  let requests = 0;
  const cycleEnd = performance.now() + CYCLE_SECONDS * 1000;
  const c0 = performance.now();
  await Promise.all(
    chosen.map(async (c, i) => {
      while (performance.now() < cycleEnd) {
        await api.json('POST', `/api/queue/kiosk/${centerId}/tickets`, undefined, { queueId: queueB.id });
        const { ticket } = (await api.json('POST', `/api/queue/counters/${c.id}/call-next`, clerks[i])) as { ticket: { id: string } | null };
        requests += 2;
        if (!ticket) continue;
        await api.json('POST', `/api/queue/tickets/${ticket.id}/start`, clerks[i]);
        await api.json('POST', `/api/queue/tickets/${ticket.id}/finish`, clerks[i]);
        requests += 2;
        cycles += 1;
      }
    }),
  );
  const cycleSeconds = (performance.now() - c0) / 1000;

  progress('(c) display streams');
  // (c) 500 display streams; one counter calls, each stream times the arrival of each call
  const waitingZone = ((await api.json('GET', `/api/centers/${centerId}/zones`, manager)) as { id: string; kind: string }[]).find((z) => z.kind === 'waiting')!;
  const arrivals = new Map<string, number[]>();
  const streams = await Promise.all(Array.from({ length: STREAMS }, () => openDisplay(`${base}/api/queue/display/${centerId}/${waitingZone.id}/stream`, arrivals)));
  const caller = chosen[0]!;
  const sentAt = new Map<string, number>();
  for (let i = 0; i < CALLS; i++) {
    await api.json('POST', `/api/queue/kiosk/${centerId}/tickets`, undefined, { queueId: queueB.id });
    const before = performance.now();
    const { ticket } = (await api.json('POST', `/api/queue/counters/${caller.id}/call-next`, clerks[0])) as { ticket: { id: string } };
    sentAt.set(ticket.id, before);
    await waitUntil(() => (arrivals.get(ticket.id)?.length ?? 0) >= STREAMS, 10_000);
    await api.json('POST', `/api/queue/tickets/${ticket.id}/start`, clerks[0]);
    await api.json('POST', `/api/queue/tickets/${ticket.id}/finish`, clerks[0]);
  }
  const latencies = [...sentAt].flatMap(([id, t]) => (arrivals.get(id) ?? []).map((a) => a - t)).sort((a, b) => a - b);
  const delivered = latencies.length;
  for (const s of streams) s.abort();

  console.log(`Banshi queue bench — PostgreSQL ${version}, app in this process on 127.0.0.1, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? ''})`);
  console.log(`reference: raw single-row INSERT (autocommit): ${raw.sequential.toFixed(0)} rows/s on 1 connection, ${raw.pooled.toFixed(0)} rows/s on 10 connections`);
  console.log(`(a) ${TAKES} concurrent ticket takes: ${takeSeconds.toFixed(2)} s → ${(TAKES / takeSeconds).toFixed(0)} takes/s; numbers exactly 1…${TAKES}: ${exact ? 'yes' : `NO (${numbers.slice(0, 5).join(',')}…)`}`);
  console.log(
    `(b) ${COUNTERS} counters, ${CYCLE_SECONDS} s: ${cycles} cycles (take → call → start → finish) → ${(cycles / cycleSeconds).toFixed(1)} cycles/s, ${(requests / cycleSeconds).toFixed(0)} requests/s`,
  );
  console.log(
    `(c) ${STREAMS} display streams, ${CALLS} calls: call → stream p50 ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms (${delivered} of ${STREAMS * CALLS} deliveries)`,
  );
  await app.close();
  await database.close();
}

/** Single-row INSERTs, each its own transaction, for a few seconds: on one connection, then on ten. */
async function rawInsertRates(url: string) {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query('create table bench_raw (id bigserial primary key, queue_id uuid not null, n integer not null, at timestamptz not null default now())');
  await setup.end();
  const measure = async (connections: number) => {
    const pool = new pg.Pool({ connectionString: url, max: connections });
    let rows = 0;
    const end = performance.now() + RAW_SECONDS * 1000;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const c = await pool.connect();
        const queue = crypto.randomUUID();
        while (performance.now() < end) {
          await c.query('insert into bench_raw (queue_id, n) values ($1, $2)', [queue, rows]);
          rows += 1;
        }
        c.release();
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    await pool.end();
    return rows / seconds;
  };
  return { sequential: await measure(1), pooled: await measure(10) };
}

function openDisplay(url: string, arrivals: Map<string, number[]>): Promise<AbortController> {
  const controller = new AbortController();
  return fetch(url, { signal: controller.signal }).then((res) => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!data || !block.includes('event: update')) continue;
            const id = (JSON.parse(data) as { announcement: { ticketId: string } | null }).announcement?.ticketId;
            if (!id) continue;
            const list = arrivals.get(id) ?? [];
            list.push(performance.now());
            arrivals.set(id, list);
          }
        }
      } catch {
        // aborted at the end
      }
    })();
    return controller;
  });
}

function client(base: string) {
  return {
    async login(username: string): Promise<string> {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    },
    async json(method: string, path: string, cookie?: string, body?: unknown): Promise<unknown> {
      const payload = body ?? (method === 'GET' ? undefined : {});
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { ...(cookie ? { cookie } : {}), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
  };
}

async function waitUntil(check: () => boolean, ms: number) {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out waiting for the displays');
    await new Promise((r) => setTimeout(r, 2));
  }
}


async function admin(adminUrl: string, statement: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

function withDatabase(u: string, name: string) {
  const parsed = new URL(u);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** The given server, or a throwaway one: initdb in a temp dir, trust auth, fsync off, on a free port. */
async function postgresForBench(): Promise<{ adminUrl: string; stop: () => void }> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { adminUrl: given, stop: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-bench-pg-'));
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
  if (asUser.length) fs.chmodSync(dir, 0o777);
  const exec = (cmd: string, args: string[]) => execFileSync(asUser[0] ?? cmd, [...asUser.slice(1), ...(asUser.length ? [cmd] : []), ...args], { stdio: 'ignore' });
  exec('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  exec('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        exec('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
