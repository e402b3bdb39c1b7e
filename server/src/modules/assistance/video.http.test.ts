import { count, eq } from 'drizzle-orm';
import { openEventStream } from '../../../test/event-stream.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { DEMO_ENTERPRISES } from '../../demo/data.ts';
import { instantOf } from '../../platform/calendar/clock.ts';
import type { CallDto, RecordDto, SessionDto } from './contract.ts';
import { videoSessions, videoSignals } from './tables.ts';

/**
 * 视频辅导 (6.1.2.2) through HTTP: an enterprise books a free half-hour slot; a slot is booked
 * once, never in the past or outside working hours; the assistant starts the session; the two
 * sides exchange offer, answer and candidates through the session's signals and streams, which
 * nobody else may open or write to (404); the assistant ends it with its outcome and the ledger
 * shows it with its length.
 */

let t: TestApp;
let api: TestApi;
let base: string;
let assistant: string;
let manager: string;
let clerk: string;
let owner: string;
let stranger: string;

async function portalLogin(uscc: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc, password: 'Demo1234' } });
  expect(res.statusCode).toBe(200);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [assistant, manager, clerk] = await Promise.all([t.loginAs('assistant'), t.loginAs('manager'), t.loginAs('clerk')]);
  owner = await portalLogin(DEMO_ENTERPRISES[1]!.uscc);
  stranger = await portalLogin(DEMO_ENTERPRISES[0]!.uscc);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

type Slots = { days: { date: string; slots: { startsAt: string; time: string; free: boolean }[] }[]; items: { id: string; name: string }[] };
const sessionRows = async () => (await t.db.select({ n: count() }).from(videoSessions))[0]!.n;

/** Reads a server-sent event stream with a cookie, keeping every message. */
function openStream(path: string, cookie: string) {
  return openEventStream<CallDto>(`${base}${path}`, { headers: { cookie }, timeoutMs: 5000, check: (res) => expect(res.status).toBe(200) });
}

let session: SessionDto;

describe('booking a video session', () => {
  it('books a free slot once; the past, hours outside the desk\'s and a taken slot are refused and change nothing', async () => {
    const slots = await api.ok<Slots>('GET', '/api/portal/assistance/slots', owner);
    expect(slots.days.length).toBeGreaterThan(0);
    const free = slots.days.flatMap((d) => d.slots).filter((s) => s.free);
    const slot = free[free.length - 1]!;
    const date = slots.days.at(-1)!.date;
    const before = await sessionRows();
    const refusals: [object, number, string][] = [
      [{ startsAt: new Date(Date.now() - 3600_000).toISOString() }, 422, 'DATE_IN_PAST'],
      [{ startsAt: instantOf(date, 750).toISOString() }, 409, 'OUTSIDE_HOURS'],
      [{ startsAt: instantOf(date, 550).toISOString() }, 409, 'OUTSIDE_HOURS'],
      [{ startsAt: instantOf('2199-01-05', 600).toISOString() }, 422, 'BEYOND_HORIZON'],
      [{ startsAt: slot.startsAt, topic: '' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of refusals) {
      const res = await api.call('POST', '/api/portal/assistance/video-sessions', owner, { startsAt: slot.startsAt, topic: '填报申请表', personName: '周先生', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect(await sessionRows()).toBe(before);

    const booked = await api.call('POST', '/api/portal/assistance/video-sessions', owner, { startsAt: slot.startsAt, topic: '食品经营许可网上填报', itemId: slots.items.find((i) => i.name.includes('食品经营许可'))!.id, personName: '周先生' });
    expect(booked.statusCode, booked.body).toBe(201);
    session = booked.json<SessionDto>();
    expect(session).toMatchObject({ state: 'booked', uscc: DEMO_ENTERPRISES[1]!.uscc, startsAt: slot.startsAt });
    expect(session.itemName).toContain('食品经营许可');
    const taken = await api.call('POST', '/api/portal/assistance/video-sessions', stranger, { startsAt: slot.startsAt, topic: '同一时段', personName: '李女士' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SLOT_FULL');
    const after = await api.ok<Slots>('GET', '/api/portal/assistance/slots', stranger);
    expect(after.days.flatMap((d) => d.slots).find((s) => s.startsAt === slot.startsAt)!.free).toBe(false);
    expect(await sessionRows()).toBe(before + 1);
  });

  it('is the owner\'s: another enterprise neither sees nor cancels it', async () => {
    expect((await api.ok<SessionDto[]>('GET', '/api/portal/assistance/video-sessions', owner)).map((s) => s.id)).toContain(session.id);
    expect((await api.ok<SessionDto[]>('GET', '/api/portal/assistance/video-sessions', stranger)).map((s) => s.id)).not.toContain(session.id);
    expect((await api.call('POST', `/api/portal/assistance/video-sessions/${session.id}/cancel`, stranger, { version: session.version })).statusCode).toBe(404);
  });
});

describe('the call', () => {
  it('lets only the owner and the assistant who started it join; others get 404', async () => {
    // not started: the enterprise may wait on the stream but not signal yet
    const early = await api.call('POST', `/api/assistance/video-sessions/${session.id}/signals`, owner, { kind: 'candidate', payload: { candidate: '' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_STATE');
    const upcoming = await api.ok<SessionDto[]>('GET', '/api/assistance/video-sessions', assistant);
    expect(upcoming.map((s) => s.id)).toContain(session.id);
    expect((await api.call('GET', '/api/assistance/video-sessions', clerk)).statusCode).toBe(403);
    session = await api.ok<SessionDto>('POST', `/api/assistance/video-sessions/${session.id}/start`, assistant, { version: session.version });
    expect(session).toMatchObject({ state: 'live', assistantName: '罗文静' });
    expect((await api.call('POST', `/api/assistance/video-sessions/${session.id}/start`, manager, { version: session.version })).json().code).toBe('INVALID_STATE');

    for (const cookie of [stranger, manager, clerk]) {
      const signal = await api.call('POST', `/api/assistance/video-sessions/${session.id}/signals`, cookie, { kind: 'candidate', payload: { candidate: 'x' } });
      expect(signal.statusCode).toBe(404);
      expect((await api.call('GET', `/api/assistance/video-sessions/${session.id}/stream`, cookie)).statusCode).toBe(404);
      expect((await api.call('POST', `/api/assistance/video-sessions/${session.id}/connected`, cookie)).statusCode).toBe(404);
    }
    expect(await t.db.select().from(videoSignals).where(eq(videoSignals.sessionId, session.id))).toEqual([]);
  });

  it('relays the offer, the answer and the candidates to the other side, the backlog first', async () => {
    const offer = await api.call('POST', `/api/assistance/video-sessions/${session.id}/signals`, assistant, { kind: 'offer', payload: { type: 'offer', sdp: 'v=0 offer' } });
    expect(offer.statusCode, offer.body).toBe(201);
    // the enterprise joins after the offer: its snapshot carries it
    const enterpriseSide = openStream(`/api/assistance/video-sessions/${session.id}/stream`, owner);
    const staffSide = openStream(`/api/assistance/video-sessions/${session.id}/stream`, assistant);
    await Promise.all([enterpriseSide.ready, staffSide.ready]);
    try {
      const snapshot = await enterpriseSide.waitFor((d) => d.signals.some((s) => s.kind === 'offer'));
      expect(snapshot).toMatchObject({ side: 'enterprise', iceServers: [], session: { state: 'live' } });
      expect(snapshot.signals[0]!.payload).toEqual({ type: 'offer', sdp: 'v=0 offer' });
      // the enterprise may not offer; it answers
      expect((await api.call('POST', `/api/assistance/video-sessions/${session.id}/signals`, owner, { kind: 'offer', payload: { type: 'offer', sdp: 'x' } })).statusCode).toBe(400);
      await api.ok('POST', `/api/assistance/video-sessions/${session.id}/signals`, owner, { kind: 'answer', payload: { type: 'answer', sdp: 'v=0 answer' } });
      await api.ok('POST', `/api/assistance/video-sessions/${session.id}/signals`, owner, { kind: 'candidate', payload: { candidate: 'candidate:1 1 udp 1 192.168.1.2 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } });
      await staffSide.waitFor((d) => d.signals.some((s) => s.kind === 'answer'));
      const candidate = await staffSide.waitFor((d) => d.signals.some((s) => s.kind === 'candidate'));
      expect(candidate.signals[0]!.payload).toMatchObject({ sdpMLineIndex: 0 });
      // each side hears only the other
      expect(staffSide.messages.flatMap((m) => m.data.signals).every((s) => s.side === 'enterprise')).toBe(true);
      expect(enterpriseSide.messages.flatMap((m) => m.data.signals).every((s) => s.side === 'staff')).toBe(true);

      const connected = await api.ok<{ connectedAt: string }>('POST', `/api/assistance/video-sessions/${session.id}/connected`, owner);
      const again = await api.ok<{ connectedAt: string }>('POST', `/api/assistance/video-sessions/${session.id}/connected`, assistant);
      expect(again.connectedAt).toBe(connected.connectedAt);
      await enterpriseSide.waitFor((d) => d.session.connectedAt !== null);
    } finally {
      enterpriseSide.close();
      staffSide.close();
    }
  });

  it('is ended by its assistant with the outcome and becomes a ledger record with its length', async () => {
    // five minutes on the line
    await t.db.update(videoSessions).set({ connectedAt: new Date(Date.now() - 300_000) }).where(eq(videoSessions.id, session.id));
    const live = (await api.ok<SessionDto[]>('GET', '/api/assistance/video-sessions', assistant)).find((s) => s.id === session.id)!;
    const bad = await api.call('POST', `/api/assistance/video-sessions/${session.id}/end`, assistant, { version: live.version, helpedWith: ['fill_forms'], result: 'referred' });
    expect(bad.statusCode).toBe(400);
    expect((await api.call('POST', `/api/assistance/video-sessions/${session.id}/end`, manager, { version: live.version, helpedWith: ['fill_forms'], result: 'filed' })).statusCode).toBe(404);
    const ended = await api.ok<SessionDto>('POST', `/api/assistance/video-sessions/${session.id}/end`, assistant, { version: live.version, helpedWith: ['fill_forms', 'check_completeness'], result: 'filed', applicationNumber: 'NH-VIDEO-0001', note: '视频指导完成网上填报' });
    expect(ended.state).toBe('ended');
    expect(ended.durationSeconds).toBeGreaterThanOrEqual(299);
    expect(ended.durationSeconds).toBeLessThan(360);
    const record = await api.ok<RecordDto>('GET', `/api/assistance/records/${ended.recordId}`, assistant);
    expect(record).toMatchObject({ mode: 'video', videoSessionId: session.id, uscc: DEMO_ENTERPRISES[1]!.uscc, result: 'filed', applicationNumber: 'NH-VIDEO-0001', durationSeconds: ended.durationSeconds });

    const twice = await api.call('POST', `/api/assistance/video-sessions/${session.id}/end`, assistant, { version: ended.version, helpedWith: ['fill_forms'], result: 'filed' });
    expect(twice.json().code).toBe('INVALID_STATE');
    expect((await api.call('POST', `/api/assistance/video-sessions/${session.id}/signals`, owner, { kind: 'candidate', payload: { candidate: '' } })).statusCode).toBe(409);
    expect((await api.call('GET', `/api/assistance/video-sessions/${session.id}/stream`, owner)).statusCode).toBe(409);
    const mine = await api.ok<SessionDto[]>('GET', '/api/portal/assistance/video-sessions', owner);
    expect(mine.find((s) => s.id === session.id)).toMatchObject({ state: 'ended', durationSeconds: ended.durationSeconds });
  });

  it('lets the owner cancel a booking not yet started, freeing its slot', async () => {
    const slots = await api.ok<Slots>('GET', '/api/portal/assistance/slots', owner);
    const slot = slots.days.flatMap((d) => d.slots).filter((s) => s.free)[0]!;
    const booked = await api.ok<SessionDto>('POST', '/api/portal/assistance/video-sessions', owner, { startsAt: slot.startsAt, topic: '咨询材料', personName: '周先生' });
    const cancelled = await api.ok<SessionDto>('POST', `/api/portal/assistance/video-sessions/${booked.id}/cancel`, owner, { version: booked.version });
    expect(cancelled.state).toBe('cancelled');
    expect((await api.call('POST', `/api/assistance/video-sessions/${booked.id}/start`, assistant, { version: cancelled.version })).json().code).toBe('INVALID_STATE');
    const rebooked = await api.call('POST', '/api/portal/assistance/video-sessions', stranger, { startsAt: slot.startsAt, topic: '咨询材料', personName: '李女士' });
    expect(rebooked.statusCode).toBe(201);
  });
});
