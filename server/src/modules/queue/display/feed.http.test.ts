import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { openEventStream } from '../../../../test/event-stream.ts';
import type { CounterDto } from '../../venue/contract.ts';
import type { QueueDto } from '../settings/contract.ts';
import type { TicketDto } from '../tickets/contract.ts';
import { caller, demoCenter, kioskTake, type Call } from '../testing.ts';
import type { DisplayUpdate } from './contract.ts';
import { feedStats } from './feed.ts';

/**
 * The displays of a zone share one feed: one snapshot per event for all of them, the same frame
 * on each, the latest state after a burst, and nothing of another zone.
 */
let t: TestApp;
let call: Call;
let clerk: string;
let centerId: string;
let queues: Map<string, QueueDto>;
let counters: Map<string, CounterDto>;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ EVENT_STREAMS_PER_ADDRESS: '50' });
  call = caller(t);
  const manager = await t.loginAs('manager');
  clerk = await t.loginAs('clerk');
  ({ centerId, queues, counters } = await demoCenter(call, manager));
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  expect((await call('POST', `/api/queue/counters/${counters.get('1')!.id}/open`, clerk)).statusCode).toBe(200);
});
afterAll(async () => t.close());

type Stream = ReturnType<typeof openEventStream<DisplayUpdate>>;
const zoneOf = (n: string) => counters.get(n)!.zoneId;
const openDisplays = async (zoneId: string, n: number): Promise<Stream[]> => {
  const streams = Array.from({ length: n }, () => openEventStream<DisplayUpdate>(`${base}/api/queue/display/${centerId}/${zoneId}/stream`));
  await Promise.all(streams.map((s) => s.ready));
  await Promise.all(streams.map((s) => s.waitFor((_, event) => event === 'snapshot')));
  return streams;
};
const take = async () => {
  const res = await kioskTake(call, centerId, { queueId: queues.get('A')!.id }, '10.31.0.1');
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { token: string; displayNumber: string };
};
const act = (ticketId: string, action: string) =>
  call('POST', `/api/queue/tickets/${ticketId}/${action}`, clerk, action === 'finish' ? { isConsultationOnly: true } : {});
/** Waits until no snapshot has been computed for a while: every event so far has been handled. */
const settled = async () => {
  for (let last = -1; last !== feedStats.computations; ) {
    last = feedStats.computations;
    await new Promise((r) => setTimeout(r, 300));
  }
};

describe('the display feed of a zone', () => {
  let inA: Stream[];
  let inB: Stream[];

  beforeAll(async () => {
    inA = await openDisplays(zoneOf('1'), 6);
    inB = await openDisplays(zoneOf('21'), 2);
  });
  afterAll(() => [...inA, ...inB].forEach((s) => s.close()));

  it('computes one snapshot per zone for a call, and writes the same frame to every display of the zone', async () => {
    await take();
    await settled();
    const before = feedStats.computations;
    const res = await call('POST', `/api/queue/counters/${counters.get('1')!.id}/call-next`, clerk);
    const ticket = res.json().ticket as TicketDto;
    const updates = await Promise.all(inA.map((s) => s.waitFor((d) => d.announcement?.ticketId === ticket.id)));
    await settled();
    // two zones listen to the center's channel: one snapshot each, not one per display (8)
    expect(feedStats.computations - before).toBe(2);
    for (const u of updates) expect(u).toEqual(updates[0]);
    expect(updates[0]!.snapshot.calls[0]).toMatchObject({ displayNumber: ticket.displayNumber, counterNumber: '1' });
    expect(updates[0]!.announcement!.text).toBe(`请 ${ticket.displayNumber} 号到 1 号窗口办理`);
    await act(ticket.id, 'start');
    await act(ticket.id, 'finish');
  });

  it('a display joining an open feed gets its snapshot without a computation', async () => {
    await settled();
    const before = feedStats.computations;
    const [late] = await openDisplays(zoneOf('1'), 1);
    expect(feedStats.computations).toBe(before);
    const last = inA[0]!.messages.at(-1)!.data;
    expect(late!.messages[0]!.data.snapshot).toEqual(last.snapshot);
    late!.close();
  });

  it('ends a burst of events with the latest state on every display', async () => {
    const burst = await Promise.all(Array.from({ length: 6 }, () => take()));
    const res = await call('POST', `/api/queue/counters/${counters.get('1')!.id}/call-next`, clerk);
    const called = res.json().ticket as TicketDto;
    const cancelled = await Promise.all(burst.filter((b) => b.displayNumber !== called.displayNumber).map((b) => call('POST', `/api/queue/t/${b.token}/cancel`, undefined, {})));
    for (const c of cancelled) expect(c.statusCode, c.body).toBe(200);
    await settled();
    for (const [zone, streams] of [[zoneOf('1'), inA], [zoneOf('21'), inB]] as const) {
      const now = ((await call('GET', `/api/queue/display/${centerId}/${zone}`)).json() as DisplayUpdate).snapshot;
      for (const s of streams) {
        const { generatedAt: _g, ...last } = s.messages.at(-1)!.data.snapshot;
        const { generatedAt: _n, ...expected } = now;
        expect(last).toEqual(expected);
      }
    }
    // the call was announced on every display of its zone, once
    for (const s of inA) expect(s.messages.filter((m) => m.data.announcement?.ticketId === called.id)).toHaveLength(1);
    await act(called.id, 'start');
    await act(called.id, 'finish');
  });

  it('never gives a display another zone’s content', async () => {
    await settled();
    const nameOf = async (zone: string) => ((await call('GET', `/api/queue/display/${centerId}/${zone}`)).json() as DisplayUpdate).snapshot.zoneName;
    const [a, b] = [await nameOf(zoneOf('1')), await nameOf(zoneOf('21'))];
    expect(a).not.toBe(b);
    for (const s of inA) expect(new Set(s.messages.map((m) => m.data.snapshot.zoneName))).toEqual(new Set([a]));
    for (const s of inB) {
      expect(s.messages.length).toBeGreaterThan(2);
      expect(new Set(s.messages.map((m) => m.data.snapshot.zoneName))).toEqual(new Set([b]));
      expect(s.messages.every((m) => !m.data.snapshot.counterIds.includes(counters.get('1')!.id) && m.data.announcement === null)).toBe(true);
    }
  });

  it('answers a zone of another center with 404, before any stream starts', async () => {
    const other = await call('GET', `/api/queue/display/00000000-0000-4000-8000-000000000000/${zoneOf('1')}/stream`);
    expect(other.statusCode).toBe(404);
  });
});
