import type { FastifyInstance } from 'fastify';
import { openEventStream } from '../../../test/event-stream.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, testApi, type TestApp } from '../../../test/harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { openPostgres } from '../../platform/db/postgres.ts';
import type { CounterDto } from '../venue/contract.ts';
import type { DisplayUpdate } from './display/contract.ts';
import type { EvaluatorSnapshot } from './evaluator/contract.ts';
import type { HistoryFigures, LiveFigures } from './figures/contract.ts';
import type { DeviceDto, DeviceWithKey, QueueDto } from './settings/contract.ts';
import type { TicketDto } from './tickets/contract.ts';
import { caller, demoCenter, kioskTake, type Call } from './testing.ts';
import { deliverEvents } from '../../platform/outbox/testing.ts';

let t: TestApp;
let call: Call;
let clerk: string;
let manager: string;
let centerId: string;
let queues: Map<string, QueueDto>;
let counters: Map<string, CounterDto>;
/** A second server on the same database: another process, as far as events go. */
let second: { app: FastifyInstance; database: Database; ownsDatabase: boolean };
let firstUrl: string;
let secondUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [clerk, manager] = await Promise.all([t.loginAs('clerk'), t.loginAs('manager')]);
  ({ centerId, queues, counters } = await demoCenter(call, manager));
  const url = (t.database as Database & { url?: string }).url;
  const database = t.database.kind === 'postgres' ? openPostgres(url!) : t.database;
  second = { app: await buildApp({ config: t.config, database, logger: false }), database, ownsDatabase: database !== t.database };
  firstUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  secondUrl = await second.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await second.app.close();
  if (second.ownsDatabase) await second.database.close();
  await t.close();
});

/** Reads a server-sent event stream, keeping every message it gets. */
function openStream(url: string) {
  return openEventStream(url);
}

const counter = (n: string) => counters.get(n)!.id;
const zoneOf = (n: string) => counters.get(n)!.zoneId;

async function serveOne(body: object = {}) {
  const taken = await kioskTake(call, centerId, { queueId: queues.get('A')!.id, ...body }, '10.30.0.1');
  expect(taken.statusCode, taken.body).toBe(201);
  const res = await call('POST', `/api/queue/counters/${counter('1')}/call-next`, clerk);
  return res.json().ticket as TicketDto;
}
/** An action on a ticket; 办结 records nothing handled (仅咨询) unless the body names the items. */
const act = (ticket: TicketDto, action: string, body?: object) =>
  call('POST', `/api/queue/tickets/${ticket.id}/${action}`, clerk, body ?? (action === 'finish' ? { isConsultationOnly: true } : {}));

describe('the calling display', () => {
  it('shows each call within a second on a display served by another process, with the words to say', async () => {
    expect((await call('POST', `/api/queue/counters/${counter('1')}/open`, clerk)).statusCode).toBe(200);
    const stream = openStream(`${secondUrl}/api/queue/display/${centerId}/${zoneOf('1')}/stream`);
    await stream.ready;
    const first = await stream.waitFor<DisplayUpdate>((_, event) => event === 'snapshot');
    expect(first.snapshot.counterIds).toContain(counter('1'));
    expect(first.snapshot.queues.map((q) => q.prefix)).toContain('A');
    expect(first.snapshot.counterIds).not.toContain(counter('21'));

    const ticket = await serveOne();
    const answered = Date.now();
    // The call is committed before its answer leaves; the display has it within a second of that.
    const update = await stream.waitFor<DisplayUpdate>((d) => d.announcement?.ticketId === ticket.id, 1000);
    expect(Date.now() - answered).toBeLessThan(1000);
    expect(update.announcement!.text).toBe(`请 ${ticket.displayNumber} 号到 1 号窗口办理`);
    expect(update.snapshot.calls[0]).toMatchObject({ displayNumber: ticket.displayNumber, counterNumber: '1' });

    await act(ticket, 'recall');
    const recalls = () => stream.messages.filter((m) => (m.data as DisplayUpdate).announcement?.ticketId === ticket.id).length;
    await stream.waitFor<DisplayUpdate>(() => recalls() >= 2);
    stream.close();

    // While it was away, another call: a reconnecting display starts from a snapshot that has it.
    await act(ticket, 'start');
    await act(ticket, 'finish');
    const missed = await serveOne();
    const again = openStream(`${firstUrl}/api/queue/display/${centerId}/${zoneOf('1')}/stream`);
    await again.ready;
    const caughtUp = await again.waitFor<DisplayUpdate>((_, event) => event === 'snapshot');
    expect(caughtUp.snapshot.calls[0]!.displayNumber).toBe(missed.displayNumber);
    again.close();
    await act(missed, 'start');
    await act(missed, 'finish');
  });

  it('answers a wrong address with 404 before any stream starts', async () => {
    const res = await call('GET', `/api/queue/display/${centerId}/00000000-0000-4000-8000-000000000000/stream`);
    expect(res.statusCode).toBe(404);
  });
});

describe('the evaluator', () => {
  let evaluatorKey: string;

  it('lists the demo devices with their pages, and keeps new keys secret after creation', async () => {
    const devices = (await call('GET', `/api/queue/centers/${centerId}/devices`, manager)).json() as DeviceDto[];
    expect(devices.filter((d) => d.kind === 'display')).toHaveLength(2);
    expect(devices.filter((d) => d.kind === 'kiosk')).toHaveLength(1);
    const evaluator = devices.find((d) => d.kind === 'evaluator' && d.counterId === counter('1'))!;
    expect(evaluator.path).toBe(`/evaluator/${counter('1')}`);
    evaluatorKey = evaluator.demoKey!;

    const created = await call('POST', `/api/queue/centers/${centerId}/devices`, manager, { kind: 'display', name: '测试屏', zoneId: zoneOf('21') });
    expect(created.statusCode, created.body).toBe(201);
    const { device, key } = created.json() as DeviceWithKey;
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(device.demoKey).toBeNull();
    expect(JSON.stringify((await call('GET', `/api/queue/centers/${centerId}/devices`, manager)).json())).not.toContain(key);
    const noZone = await call('POST', `/api/queue/centers/${centerId}/devices`, manager, { kind: 'display', name: '无区域屏' });
    expect(noZone.statusCode).toBe(400);
    expect((await call('GET', `/api/queue/centers/${centerId}/devices`, clerk)).statusCode).toBe(403);
  });

  it('shows the clerk on duty and the ticket, then invites a rating that only this counter’s evaluator can give, once', async () => {
    const ticket = await serveOne({ uscc: '91440605MA4W3K7P3K' });
    const during = (await call('GET', `/api/queue/evaluator/${counter('1')}`)).json() as EvaluatorSnapshot;
    expect(during).toMatchObject({ sessionState: 'open', clerk: { name: '李晓彤', staffNumber: 'NH0201', hasPhoto: true }, current: { displayNumber: ticket.displayNumber } });
    expect(during.ratingRequest).toBeNull();
    const photo = await call('GET', `/api/queue/evaluator/${counter('1')}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toContain('image/');

    const stream = openStream(`${firstUrl}/api/queue/evaluator/${counter('1')}/stream`);
    await stream.ready;
    await act(ticket, 'start');
    await act(ticket, 'finish');
    const invited = await stream.waitFor<EvaluatorSnapshot>((s) => s.ratingRequest?.ticketId === ticket.id);
    expect(invited.current).toBeNull();
    // visit.finished → evaluations records the rateable visit; the evaluator's rating goes to it
    await deliverEvents(t);

    const rate = (key: string | null, body: object) =>
      call('POST', `/api/queue/evaluator/${counter('1')}/ratings`, undefined, body, key ? { 'x-device-key': key } : {});
    expect((await rate(null, { ticketId: ticket.id, level: 5 })).statusCode).toBe(403);
    expect((await rate('wrong-key-wrong-key', { ticketId: ticket.id, level: 5 })).statusCode).toBe(403);
    const elsewhere = await call('POST', `/api/queue/evaluator/${counter('2')}/ratings`, undefined, { ticketId: ticket.id, level: 5 }, { 'x-device-key': evaluatorKey });
    expect(elsewhere.statusCode).toBe(403);
    expect((await rate(evaluatorKey, { ticketId: ticket.id, level: 6 })).statusCode).toBe(400);
    expect((await rate(evaluatorKey, { ticketId: ticket.id, level: 4, tags: ['attitude.rude'] })).json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'tags' }] });
    const rated = await rate(evaluatorKey, { ticketId: ticket.id, level: 4, tags: ['efficiency.fast'], comment: '办理很快' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ level: 4 });
    expect((await rate(evaluatorKey, { ticketId: ticket.id, level: 1 })).json().code).toBe('ALREADY_RATED');
    // rating.recorded → the queue notes the visit rated, and the evaluator's stream stops asking
    stream.messages.length = 0;
    await deliverEvents(t);
    expect((await stream.waitFor<EvaluatorSnapshot>((s) => s.current === null)).ratingRequest).toBeNull();
    stream.close();
    expect(((await call('GET', `/api/queue/evaluator/${counter('1')}`)).json() as EvaluatorSnapshot).ratingRequest).toBeNull();
  });

  it('does not take a rating for a visit that is not finished here', async () => {
    const ticket = await serveOne();
    const res = await call('POST', `/api/queue/evaluator/${counter('1')}/ratings`, undefined, { ticketId: ticket.id, level: 5 }, { 'x-device-key': evaluatorKey });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('RATING_CLOSED');
    await act(ticket, 'start');
    await act(ticket, 'finish');
  });
});

describe('the clerk’s photo', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const upload = (staffId: string, cookie: string, content: Buffer, type = 'image/png') =>
    testApi(t).upload(`/api/queue/staff/${staffId}/photo`, cookie, { filename: 'photo', content, type }, 'PUT');

  it('is the clerk’s own to replace (pictures only), and the evaluator shows the new one', async () => {
    const me = (await call('GET', '/api/auth/me', clerk)).json() as { id: string };
    const guide = await t.loginAs('guide');
    const guideId = ((await call('GET', '/api/auth/me', guide)).json() as { id: string }).id;
    expect((await upload(guideId, clerk, PNG)).statusCode).toBe(403);
    const svg = await upload(me.id, clerk, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml');
    expect(svg.statusCode).toBe(415);
    const before = ((await call('GET', `/api/queue/evaluator/${counter('1')}`)).json() as EvaluatorSnapshot).clerk!.photoVersion;
    const saved = await upload(me.id, clerk, PNG);
    expect(saved.statusCode, saved.body).toBe(200);
    const after = ((await call('GET', `/api/queue/evaluator/${counter('1')}`)).json() as EvaluatorSnapshot).clerk!.photoVersion;
    expect(after).not.toBe(before);
    const photo = await call('GET', `/api/queue/evaluator/${counter('1')}/photo`);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
  });
});

describe('figures', () => {
  it('shows managers the center now and the history per day, queue, counter and clerk', async () => {
    const live = await call('GET', `/api/queue/centers/${centerId}/figures/live`, manager);
    expect(live.statusCode, live.body).toBe(200);
    const now = live.json() as LiveFigures;
    expect(now.totals.countersOpen).toBeGreaterThanOrEqual(1);
    expect(now.totals.doneToday).toBeGreaterThanOrEqual(3);
    expect(now.counters.find((c) => c.number === '1')).toMatchObject({ state: 'open', staffName: '李晓彤' });
    expect(now.queues.find((q) => q.prefix === 'A')!.averageServiceMinutes).not.toBeNull();

    const to = now.businessDate;
    const from = new Date(Date.parse(to) - 14 * 86_400_000).toISOString().slice(0, 10);
    for (const by of ['day', 'queue', 'counter', 'clerk'] as const) {
      const res = await call('GET', `/api/queue/centers/${centerId}/figures/history?from=${from}&to=${to}&by=${by}`, manager);
      expect(res.statusCode, res.body).toBe(200);
      const history = res.json() as HistoryFigures;
      expect(history.rows.length, by).toBeGreaterThan(by === 'day' ? 2 : 3);
      expect(history.total.tickets).toBe(history.rows.reduce((n, r) => n + r.tickets, 0));
      expect(history.rows.every((r) => r.label.length > 0)).toBe(true);
    }
    const clerkView = await call('GET', `/api/queue/centers/${centerId}/figures/live`, clerk);
    expect(clerkView.statusCode).toBe(403);
    const backwards = await call('GET', `/api/queue/centers/${centerId}/figures/history?from=${to}&to=${from}`, manager);
    expect(backwards.statusCode).toBe(400);
  });
});
