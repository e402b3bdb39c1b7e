/**
 * The front desk under load, through the HTTP API on PostgreSQL (issue 4, Performance):
 *   (a) 1,000 concurrent ticket takes: the numbers must be exactly 1…1,000; takes per second;
 *   (b) full cycles (take → call → start → finish) per second with 20 counters;
 *   (c) 500, then 2,000 connected display streams of one zone: p50/p99 from a call to its arrival on each stream;
 * with the raw single-row INSERT rate of the same PostgreSQL, measured in the same run, as reference.
 *
 *   npx tsx bench/queue/run.ts
 *   BENCH_TAKES=200 BENCH_CYCLE_SECONDS=2 BENCH_STREAMS=50,200 BENCH_CALLS=10 npx tsx bench/queue/run.ts   (a quick check)
 *
 * Uses BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL: it creates and drops its
 * own database); without either it starts a throwaway PostgreSQL (initdb) in a temp dir.
 * The app runs in this process, listening on 127.0.0.1 only.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../server/src/app.ts';
import { DEMO_PASSWORD } from '../../server/src/demo/data.ts';
import { createStaff } from '../../server/src/modules/staff/service.ts';
import { apiClient, benchConfig } from '../lib/app.ts';
import { pct, progress, rawRate, setting } from '../lib/measure.ts';
import { openDemoDatabase, serverVersion, withBenchDatabase } from '../lib/postgres.ts';

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const TAKES = size('BENCH_TAKES', 1_000);
const COUNTERS = 20;
const CYCLE_SECONDS = size('BENCH_CYCLE_SECONDS', 10);
/** display streams of one zone, one measurement per size */
const STREAM_SIZES = (process.env.BENCH_STREAMS ?? '500,2000').split(',').map(Number);
const CALLS = size('BENCH_CALLS', 60);
const RAW_SECONDS = 3;
/** All the streams come from 127.0.0.1: the caps on anonymous streams (EVENT_STREAMS_*) are raised for the run. */
const config = { ...benchConfig, EVENT_STREAMS_PER_ADDRESS: 10_000, EVENT_STREAMS_ANONYMOUS: 10_000 };

await withBenchDatabase(run);

async function run(url: string) {
  const database = await openDemoDatabase(url);
  const version = await serverVersion(url);
  progress('raw inserts');
  const raw = await rawInsertRates(url);

  const app = await buildApp({ config, database, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const api = apiClient(base);
  const manager = await api.login('manager');
  const centers = (await api.json('GET', '/api/centers', manager)) as { id: string; name: string }[];
  const centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const settings = (await api.json('GET', `/api/queue/centers/${centerId}/settings`, manager)) as Record<string, unknown>;
  const { centerId: _c, hoursText: _h, ...input } = settings;
  await api.json('PUT', `/api/queue/centers/${centerId}/settings`, manager, { ...input, kioskTicketsPerMinute: 100_000 });
  const counters = (await api.json('GET', `/api/centers/${centerId}/counters`, manager)) as { id: string; number: string; zoneId: string }[];

  // The bench's clerks hold no certificates: the demo's qualification rules (上岗资格要求) would keep them from opening counters.
  for (const rule of (await api.json('GET', '/api/training/rules', manager)) as { id: string }[]) await api.raw('DELETE', `/api/training/rules/${rule.id}`, manager);
  progress('(a) takes');
  // (a) 1,000 takes at once on a fresh queue
  // (BENCH_TAKES=0 skips it: on a busy machine 1,000 takes at once may wait past the pool's timeout)
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
        await api.json('POST', `/api/queue/tickets/${ticket.id}/finish`, clerks[i], { isConsultationOnly: true });
        requests += 2;
        cycles += 1;
      }
    }),
  );
  const cycleSeconds = (performance.now() - c0) / 1000;

  // (c) display streams on one zone; one counter calls, each stream times the arrival of each call
  const waitingZone = ((await api.json('GET', `/api/centers/${centerId}/zones`, manager)) as { id: string; kind: string }[]).find((z) => z.kind === 'waiting')!;
  const caller = chosen[0]!;
  const displays: { streams: number; latencies: number[] }[] = [];
  for (const streamCount of STREAM_SIZES) {
    progress(`(c) ${streamCount} display streams`);
    const arrivals = new Map<string, number[]>();
    // Opened 100 at a time: thousands of connections at once overflow the listen backlog (connections reset).
    const streams: AbortController[] = [];
    for (let i = 0; i < streamCount; i += 100) {
      const batch = Array.from({ length: Math.min(100, streamCount - i) }, () => openDisplay(`${base}/api/queue/display/${centerId}/${waitingZone.id}/stream`, arrivals));
      streams.push(...(await Promise.all(batch)));
    }
    const sentAt = new Map<string, number>();
    for (let i = 0; i < CALLS; i++) {
      await api.json('POST', `/api/queue/kiosk/${centerId}/tickets`, undefined, { queueId: queueB.id });
      const before = performance.now();
      const { ticket } = (await api.json('POST', `/api/queue/counters/${caller.id}/call-next`, clerks[0])) as { ticket: { id: string } };
      sentAt.set(ticket.id, before);
      await waitUntil(() => (arrivals.get(ticket.id)?.length ?? 0) >= streamCount, 30_000);
      await api.json('POST', `/api/queue/tickets/${ticket.id}/start`, clerks[0]);
      await api.json('POST', `/api/queue/tickets/${ticket.id}/finish`, clerks[0], { isConsultationOnly: true });
    }
    displays.push({ streams: streamCount, latencies: [...sentAt].flatMap(([id, t]) => (arrivals.get(id) ?? []).map((a) => a - t)).sort((a, b) => a - b) });
    for (const s of streams) s.abort();
    await new Promise((r) => setTimeout(r, 500)); // the streams' slots are given back as their connections close
  }

  console.log(`Banshi queue bench — ${setting(version)}`);
  console.log(`reference: raw single-row INSERT (autocommit): ${raw.sequential.toFixed(0)} rows/s on 1 connection, ${raw.pooled.toFixed(0)} rows/s on 10 connections`);
  if (TAKES > 0) console.log(`(a) ${TAKES} concurrent ticket takes: ${takeSeconds.toFixed(2)} s → ${(TAKES / takeSeconds).toFixed(0)} takes/s; numbers exactly 1…${TAKES}: ${exact ? 'yes' : `NO (${numbers.slice(0, 5).join(',')}…)`}`);
  console.log(
    `(b) ${COUNTERS} counters, ${CYCLE_SECONDS} s: ${cycles} cycles (take → call → start → finish) → ${(cycles / cycleSeconds).toFixed(1)} cycles/s, ${(requests / cycleSeconds).toFixed(0)} requests/s`,
  );
  console.log(
    '(c) reference, before the displays of a zone shared one feed (commit 36a7012, each stream its own update; this machine at load ~20, 20 calls): 500 streams p50 615.5 ms, p99 2327.1 ms; 2000 streams p50 4003.9 ms, p99 9047.2 ms',
  );
  for (const { streams, latencies } of displays) {
    console.log(
      `(c) ${streams} display streams, ${CALLS} calls: call → stream p50 ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms (${latencies.length} of ${streams * CALLS} deliveries)`,
    );
  }
  await app.close();
  await database.close();
}

/** Single-row INSERTs, each its own transaction, for a few seconds: on one connection, then on ten. */
async function rawInsertRates(url: string) {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query('create table bench_raw (id bigserial primary key, queue_id uuid not null, n integer not null, at timestamptz not null default now())');
  await setup.end();
  const measure = (connections: number) => {
    const queues = Array.from({ length: connections }, () => crypto.randomUUID());
    return rawRate({ url, connections, seconds: RAW_SECONDS, step: (c, worker, n) => c.query('insert into bench_raw (queue_id, n) values ($1, $2)', [queues[worker], n]) });
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
            // the ticket announced, read without parsing the whole snapshot: the readers share this process with the server
            const id = /"announcement":\{"ticketId":"([^"]+)"/.exec(data)?.[1];
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

async function waitUntil(check: () => boolean, ms: number) {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out waiting for the displays');
    await new Promise((r) => setTimeout(r, 2));
  }
}
