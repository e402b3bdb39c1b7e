import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { DEMO_ENTERPRISES, DEMO_PASSWORD } from '../../demo/data.ts';
import { createEnterpriseAccount } from '../../platform/auth/service.ts';
import { instantOf } from '../../platform/calendar/clock.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import { PDF } from '../applications/testing.ts';
import { searchEnterprises } from '../enterprises/service.ts';
import { sendBriefingReminders } from './reminders.ts';

/**
 * 宣讲培训 (6.2.4) through HTTP: the event's workflow, registration within capacity and deadline
 * (also under concurrent requests), check-in by code (another event's code, twice), cancellation,
 * materials and feedback after the event, the figures, and the day-before reminder sent once.
 */

type Event = { id: string; version: number; status: string; registered: number; remaining: number; figures: { registered: number; attended: number; attendanceRate: number | null; satisfaction: number | null; feedbackCount: number }; materials: { fileId: string }[] };
type Own = { id: string; event: { id: string }; attendees: { name: string; phoneMasked: string; checkInCode: string; checkedInAt: string | null }[]; canCancel: boolean; materials: { fileId: string }[]; canGiveFeedback: boolean; feedback: unknown };

let t: TestApp;
let api: TestApi;
let officer: string;
let guide: string;
let clerk: string;
let a: string;
let b: string;
let room: string;
const future = addDays(businessToday(), 10);

async function portalLogin(uscc: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

async function count(table: string): Promise<number> {
  const res = await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

async function published(over: Record<string, unknown> = {}): Promise<Event> {
  const created = await api.ok<Event>('POST', '/api/briefings', officer, {
    kind: 'policy_briefing',
    topic: '2026 年惠企政策宣讲会',
    description: '解读最新惠企政策',
    speakers: ['吴丽娟'],
    date: future,
    startTime: '09:30',
    endTime: '11:30',
    zoneId: room,
    capacity: 10,
    registrationClosesOn: addDays(future, -1),
    ...over,
  });
  return api.ok<Event>('POST', `/api/briefings/${created.id}/publish`, officer, { version: created.version });
}

const attendee = (n: number) => ({ name: `参会人${n}`, phone: `1390000${String(n).padStart(4, '0')}` });
const registerFor = (eventId: string, cookie: string, n = 1) => api.call('POST', `/api/portal/briefings/${eventId}/registrations`, cookie, { attendees: Array.from({ length: n }, (_, i) => attendee(i + 1)) });
const event = (id: string) => api.ok<Event>('GET', `/api/briefings/${id}`, officer);
/** Moves the event `days` back in time (its registration deadline with it). */
const shift = (id: string, days: number) =>
  t.db.execute(sql`update briefing_events set starts_at = starts_at - make_interval(days => ${days}), ends_at = ends_at - make_interval(days => ${days}), registration_closes_at = registration_closes_at - make_interval(days => ${days}) where id = ${id}`);

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [officer, guide, clerk] = await Promise.all([t.loginAs('policy'), t.loginAs('guide'), t.loginAs('clerk')]);
  [a, b] = (await Promise.all(DEMO_ENTERPRISES.map((e) => portalLogin(e.uscc)))) as [string, string];
  room = (await api.ok<{ id: string }[]>('GET', '/api/briefings/rooms', officer))[0]!.id;
});
afterAll(() => t.close());

describe('events', () => {
  it('are drafted, published to the portal, and refused when their times or place are wrong', async () => {
    const draft = await api.ok<Event>('POST', '/api/briefings', officer, { kind: 'training', topic: '草稿活动', date: future, startTime: '14:00', endTime: '16:00', zoneId: room, capacity: 5, registrationClosesOn: future });
    expect(draft.status).toBe('draft');
    expect((await api.call('GET', `/api/public/briefings/${draft.id}`)).statusCode).toBe(404);
    expect((await registerFor(draft.id, a)).statusCode).toBe(404);
    const before = await count('briefing_events');
    for (const [over, field] of [
      [{ endTime: '13:00' }, 'endTime'],
      [{ registrationClosesOn: addDays(future, 1) }, 'registrationClosesOn'],
      [{ zoneId: null }, 'zoneId'],
      [{ kind: 'live_stream', zoneId: null }, 'liveUrl'],
    ] as const) {
      const body: Record<string, unknown> = { kind: 'training', topic: 'x', date: future, startTime: '14:00', endTime: '16:00', zoneId: room, capacity: 5, registrationClosesOn: future };
      const res = await api.call('POST', '/api/briefings', officer, { ...body, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().fields[0].field).toBe(field);
    }
    expect(await count('briefing_events')).toBe(before);
    const policy = (await api.ok<{ id: string; title: string }[]>('GET', '/api/public/policies'))[0]!;
    const notPolicy = await api.call('POST', '/api/briefings', officer, { kind: 'training', topic: 'x', date: future, startTime: '14:00', endTime: '16:00', zoneId: room, capacity: 5, registrationClosesOn: future, policyIds: [policy.id, room] });
    expect(notPolicy.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'policyIds.1' }] });
    expect(await count('briefing_events')).toBe(before);
    const live = await published({ kind: 'live_stream', zoneId: null, liveUrl: 'https://live.example.cn/nh/2026', policyIds: [policy.id] });
    const shown = await api.ok<{ id: string; liveUrl: string; isRegistrationOpen: boolean }[]>('GET', '/api/public/briefings');
    expect(shown.find((e) => e.id === live.id)).toMatchObject({ liveUrl: 'https://live.example.cn/nh/2026', isRegistrationOpen: true, policies: [{ id: policy.id, title: policy.title }] });
    expect(shown.some((e) => e.id === draft.id)).toBe(false);
    // a guide checks people in but does not organise; a clerk does neither
    expect((await api.call('GET', '/api/briefings', guide)).statusCode).toBe(200);
    expect((await api.call('POST', `/api/briefings/${draft.id}/publish`, guide, { version: draft.version })).statusCode).toBe(403);
    expect((await api.call('GET', '/api/briefings', clerk)).statusCode).toBe(403);
  });
});

describe('registration', () => {
  it('takes attendees within the capacity, once per enterprise, and gives each a check-in code', async () => {
    const e = await published({ capacity: 3 });
    const res = await registerFor(e.id, a, 2);
    expect(res.statusCode, res.body).toBe(201);
    const own = res.json() as Own;
    expect(own.attendees).toHaveLength(2);
    expect(own.attendees[0]).toMatchObject({ phoneMasked: '139****0001', checkedInAt: null });
    expect(own.attendees[0]!.checkInCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(own.canCancel).toBe(true);

    const full = await registerFor(e.id, b, 2);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'BRIEFING_FULL', message: '名额不足：仅剩 1 个名额' });
    const again = await registerFor(e.id, a, 1);
    expect(again.json().code).toBe('ALREADY_REGISTERED');
    expect(await event(e.id)).toMatchObject({ registered: 2, remaining: 1, figures: { registered: 2 } });
    expect(await count(`briefing_attendees where event_id = '${e.id}'`)).toBe(2);

    // another enterprise cannot cancel it; its own can, before the start, and the places return
    expect((await api.call('POST', `/api/portal/briefing-registrations/${own.id}/cancel`, b)).statusCode).toBe(404);
    const cancelled = await api.ok<Own>('POST', `/api/portal/briefing-registrations/${own.id}/cancel`, a);
    expect(cancelled.canCancel).toBe(false);
    expect((await event(e.id)).registered).toBe(0);
    expect((await registerFor(e.id, b, 3)).statusCode).toBe(201);
    expect((await registerFor(e.id, a, 1)).json().code).toBe('BRIEFING_FULL');
  });

  it('is closed after the deadline and after the start', async () => {
    const e = await published();
    await t.db.execute(sql`update briefing_events set registration_closes_at = now() - interval '1 minute' where id = ${e.id}`);
    const res = await registerFor(e.id, a);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('REGISTRATION_CLOSED');
    const started = await published();
    await shift(started.id, 10);
    expect((await registerFor(started.id, a)).json().code).toBe('REGISTRATION_CLOSED');
    expect(await count(`briefing_registrations where event_id in ('${e.id}', '${started.id}')`)).toBe(0);
  });

  it('never overbooks under concurrent registrations', async () => {
    const e = await published({ capacity: 3 });
    const { items } = await searchEnterprises(t.db, { page: 1, pageSize: 20 });
    const others = items.filter((x) => !DEMO_ENTERPRISES.some((d) => d.uscc === x.uscc)).slice(0, 6);
    for (const x of others) await createEnterpriseAccount(t.db, { uscc: x.uscc, name: x.name, password: DEMO_PASSWORD });
    const cookies = await Promise.all(others.map((x) => portalLogin(x.uscc)));
    const answers = await Promise.all(cookies.map((c) => registerFor(e.id, c, 1)));
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(answers.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(['BRIEFING_FULL', 'BRIEFING_FULL', 'BRIEFING_FULL']);
    expect((await registerFor(e.id, a)).json().code).toBe('BRIEFING_FULL');
    expect(await event(e.id)).toMatchObject({ registered: 3, remaining: 0 });
    expect(await count(`briefing_attendees where event_id = '${e.id}'`)).toBe(3);
  });

  it('of one enterprise twice at once counts once', async () => {
    const e = await published({ capacity: 10 });
    const answers = await Promise.all([registerFor(e.id, b, 2), registerFor(e.id, b, 2), registerFor(e.id, b, 2)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'ALREADY_REGISTERED')).toBe(true);
    expect((await event(e.id)).registered).toBe(2);
  });
});

describe('at the door and after', () => {
  it('checks an attendee in once by the code of this event; materials and feedback after the event', async () => {
    const e = await published();
    const other = await published();
    const own = (await registerFor(e.id, a, 2)).json() as Own;
    const stranger = (await registerFor(other.id, b, 1)).json() as Own;
    const [first, second] = own.attendees.map((x) => x.checkInCode) as [string, string];

    const wrong = await api.call('POST', `/api/briefings/${e.id}/check-ins`, guide, { code: stranger.attendees[0]!.checkInCode });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe('CHECK_IN_WRONG_EVENT');
    expect((await api.call('POST', `/api/briefings/${e.id}/check-ins`, guide, { code: 'ZZZZZZZZ' })).json().code).toBe('CHECK_IN_CODE_NOT_FOUND');
    const done = await api.ok<{ name: string; enterpriseName: string; figures: Event['figures'] }>('POST', `/api/briefings/${e.id}/check-ins`, guide, { code: first.toLowerCase() });
    expect(done).toMatchObject({ name: '参会人1', enterpriseName: DEMO_ENTERPRISES[0]!.name, figures: { registered: 2, attended: 1, attendanceRate: 50 } });
    const twice = await api.call('POST', `/api/briefings/${e.id}/check-ins`, guide, { code: first });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ALREADY_CHECKED_IN');
    expect(await count(`briefing_attendees where event_id = '${e.id}' and checked_in_at is not null`)).toBe(1);
    expect(second).not.toBe(first);

    // before the end: no feedback, no materials on the portal
    const early = await api.call('POST', `/api/portal/briefing-registrations/${own.id}/feedback`, a, { satisfaction: 5, comment: '' });
    expect(early.json().code).toBe('FEEDBACK_NOT_OPEN');
    const upload = await api.upload(`/api/briefings/${e.id}/materials`, officer, { filename: '政策解读.pdf', content: PDF, type: 'application/pdf' });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = (upload.json() as Event).materials[0]!.fileId;
    const mine = () => api.ok<Own[]>('GET', '/api/portal/briefing-registrations', a).then((rs) => rs.find((r) => r.id === own.id)!);
    expect((await mine()).materials).toEqual([]);
    expect((await api.call('GET', `/api/portal/briefing-registrations/${own.id}/materials/${fileId}`, a)).statusCode).toBe(404);

    await shift(e.id, 11);
    await api.ok('POST', `/api/briefings/${e.id}/hold`, officer, { version: (await event(e.id)).version });
    expect((await mine())).toMatchObject({ canGiveFeedback: true, materials: [{ fileId }] });
    const download = await api.call('GET', `/api/portal/briefing-registrations/${own.id}/materials/${fileId}`, a);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await api.call('GET', `/api/portal/briefing-registrations/${own.id}/materials/${fileId}`, b)).statusCode).toBe(404);

    const given = await api.ok<Own>('POST', `/api/portal/briefing-registrations/${own.id}/feedback`, a, { satisfaction: 4, comment: '讲解清楚' });
    expect(given).toMatchObject({ canGiveFeedback: false, feedback: { satisfaction: 4, comment: '讲解清楚' } });
    const again = await api.call('POST', `/api/portal/briefing-registrations/${own.id}/feedback`, a, { satisfaction: 1, comment: '' });
    expect(again.json().code).toBe('FEEDBACK_ALREADY_GIVEN');
    expect((await api.call('POST', `/api/portal/briefing-registrations/${own.id}/feedback`, a, { satisfaction: 6 })).statusCode).toBe(400);
    expect((await event(e.id)).figures).toEqual({ registered: 2, attended: 1, attendanceRate: 50, feedbackCount: 1, satisfaction: 4 });

    // an enterprise none of whose attendees came gives no feedback
    await shift(other.id, 11);
    expect((await api.call('POST', `/api/portal/briefing-registrations/${stranger.id}/feedback`, b, { satisfaction: 5 })).json().code).toBe('NOT_ATTENDED');
    // a held event takes no more check-ins
    expect((await api.call('POST', `/api/briefings/${e.id}/check-ins`, guide, { code: second })).json().code).toBe('INVALID_STATE');

    const figures = await api.ok<{ registered: number; attended: number; satisfaction: number | null }>('GET', '/api/briefings/figures', officer);
    expect(figures.attended).toBeGreaterThanOrEqual(1);
    expect(figures.registered).toBeGreaterThanOrEqual(figures.attended);
  });
});

describe('the day-before reminder', () => {
  it('goes to each attendee once, from 09:00 the day before', async () => {
    const day = addDays(businessToday(), 30);
    const e = await published({ date: day, registrationClosesOn: addDays(day, -2), capacity: 5 });
    await registerFor(e.id, a, 2);
    const own = (await registerFor(e.id, b, 1)).json() as Own;
    await api.ok('POST', `/api/portal/briefing-registrations/${own.id}/cancel`, b);
    const sms = () => count(`notification_messages where template = 'briefing_reminder'`);
    const before = await sms();
    expect(await sendBriefingReminders(t.db, t.config, instantOf(addDays(day, -1), 8 * 60 + 59))).toBe(0);
    expect(await sendBriefingReminders(t.db, t.config, instantOf(addDays(day, -1), 9 * 60 + 5))).toBe(2);
    expect(await sendBriefingReminders(t.db, t.config, instantOf(addDays(day, -1), 9 * 60 + 15))).toBe(0);
    expect(await sms()).toBe(before + 2);
    const res = await t.db.execute(sql`select body from notification_messages where template = 'briefing_reminder' order by created_at desc limit 1`);
    expect((res as unknown as { rows: { body: string }[] }).rows[0]!.body).toContain('2026 年惠企政策宣讲会');
  });
});

describe('cancelling an event', () => {
  it('tells each attendee still registered by SMS, once', async () => {
    const day = addDays(businessToday(), 31);
    const e = await published({ date: day, registrationClosesOn: addDays(day, -2), capacity: 5 });
    await registerFor(e.id, a, 2);
    const gone = (await registerFor(e.id, b, 1)).json() as Own;
    await api.ok('POST', `/api/portal/briefing-registrations/${gone.id}/cancel`, b);
    const sms = () => count(`notification_messages where template = 'briefing_cancelled'`);
    const before = await sms();
    await api.ok('POST', `/api/briefings/${e.id}/cancel`, officer, { version: (await event(e.id)).version });
    expect(await sms()).toBe(before + 2);
    const res = await t.db.execute(sql`select body from notification_messages where template = 'briefing_cancelled' order by created_at desc limit 1`);
    expect((res as unknown as { rows: { body: string }[] }).rows[0]!.body).toContain('已取消');
    // a cancelled event cannot be cancelled again, and nobody is told twice
    expect((await api.call('POST', `/api/briefings/${e.id}/cancel`, officer, { version: (await event(e.id)).version })).statusCode).toBe(409);
    expect(await sms()).toBe(before + 2);
  });
});

describe('the demo', () => {
  it('has a held briefing with attendance, materials and feedback, and a training open for registration', async () => {
    const events = await api.ok<(Event & { topic: string; isRegistrationOpen: boolean; hasEnded: boolean; policies: { title: string }[] })[]>('GET', '/api/briefings', officer);
    const held = events.find((e) => e.topic === '2026 年南海区惠企政策宣讲会')!;
    expect(held).toMatchObject({ status: 'held', hasEnded: true, figures: { feedbackCount: 4, satisfaction: 4.25 } });
    expect(held.policies.map((p) => p.title)).toContain('小微企业稳岗补贴');
    expect(held.figures.attended).toBeGreaterThan(0);
    expect(held.figures.attended).toBeLessThan(held.figures.registered);
    expect((await event(held.id)).materials).toHaveLength(1);
    const open = events.find((e) => e.topic === '企业开办“一网通办”操作培训')!;
    expect(open).toMatchObject({ status: 'published', isRegistrationOpen: true, registered: 3 });
    // the first demo enterprise attended the held one: its slides and the feedback form wait for it
    const mine = (await api.ok<Own[]>('GET', '/api/portal/briefing-registrations', a)).find((r) => r.event.id === held.id)!;
    expect(mine).toMatchObject({ canGiveFeedback: true, feedback: null });
    expect(mine.materials).toHaveLength(1);
  });
});
