import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { appointmentFixture, freshPhone } from '../testing.ts';
import { cancelAppointment } from './changes.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof appointmentFixture>>;
let manager: string;
let guide: string;
let ip = 0;
beforeAll(async () => {
  t = await createTestApp();
  f = await appointmentFixture(t);
  manager = await t.loginAs('manager');
  guide = await t.loginAs('guide');
});
afterAll(() => t.close());

/** Each portal call from its own address, so the per-client limit never interferes. */
const portal = (method: 'GET' | 'POST', url: string, payload?: object, cookie?: string) =>
  t.app.inject({ method, url, payload, remoteAddress: `10.1.${Math.floor(++ip / 250)}.${ip % 250}`, headers: cookie ? { cookie } : {} });
const staff = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });

async function count(sql: string): Promise<number> {
  const res = (await t.db.execute(sql)) as unknown as { rows: { n: number }[] };
  return Number(res.rows[0]!.n);
}

describe('booking on the portal', () => {
  it('a new person books 企业设立登记 for the next working day: code, QR code, masked phone, confirmation in the message log', async () => {
    const phone = freshPhone();
    const date = f.workingDay(1);
    const items = (await portal('GET', '/api/portal/appointments/items')).json() as { id: string; name: string; earliestDate: string | null }[];
    expect(items.find((i) => i.name === '企业设立登记')?.earliestDate).not.toBeNull();
    expect(items.map((i) => i.id)).not.toContain(f.item('NH-SCJG-005').id);
    const free = (await portal('GET', `/api/portal/appointments/availability?itemId=${f.item('NH-SCJG-001').id}&from=${date}&days=1`)).json();
    expect(free.days[0].slots.find((s: { start: string }) => s.start === '10:00').remaining).toBeGreaterThan(0);

    const res = await portal('POST', '/api/portal/appointments', { itemId: f.item('NH-SCJG-001').id, date, start: '10:00', phone });
    expect(res.statusCode).toBe(201);
    const booked = res.json();
    expect(booked).toMatchObject({ itemName: '企业设立登记', date, start: '10:00', end: '10:30', state: 'booked', applicantType: 'person', channel: 'portal', checkInFrom: '09:30', checkInUntil: '10:15', canChange: true });
    expect(booked.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(booked.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(booked.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(JSON.stringify(booked)).not.toContain(phone);
    expect(await count(`select count(*) n from appointments where phone_encrypted like '%${phone}%' or phone_masked = '${phone}'`)).toBe(0);

    await f.deliver();
    const log = (await staff('GET', `/api/notifications?relatedId=${booked.id}`, manager)).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ template: 'appointment_confirmed', status: 'sent', recipient: booked.phone });
    expect(log.items[0].body).toContain(booked.code);
    expect(log.items[0].body).toContain('企业设立登记');
    expect(f.sent.find((m) => m.to === phone)?.body).toBe(log.items[0].body);

    const seen = await portal('POST', '/api/portal/appointments/lookup', { code: booked.code, phone });
    expect(seen.json()).toMatchObject({ id: booked.id, qrCode: booked.qrCode });
    expect((await portal('POST', '/api/portal/appointments/lookup', { code: booked.code, phone: freshPhone() })).json().code).toBe('BOOKING_NOT_FOUND');
  });

  it('refuses bad input with a 4xx naming the reason, and changes nothing', async () => {
    const phone = freshPhone();
    const itemId = f.item('NH-SCJG-001').id;
    const before = await count('select count(*) n from appointments');
    const messages = await count('select count(*) n from notification_messages');
    const cases: [object, number, string][] = [
      [{ date: f.previousWorkingDay(1), start: '10:00' }, 422, 'DATE_IN_PAST'],
      [{ date: f.closedDay(), start: '10:00' }, 422, 'DAY_CLOSED'],
      [{ date: f.workingDay(40), start: '10:00' }, 422, 'BEYOND_HORIZON'],
      [{ date: f.workingDay(1), start: '10:05' }, 422, 'SLOT_NOT_FOUND'],
      [{ date: f.workingDay(1), start: '12:30' }, 422, 'SLOT_NOT_FOUND'],
      [{ date: '2026-02-30', start: '10:00' }, 400, 'VALIDATION_FAILED'],
      [{ date: f.workingDay(1), start: '10:00', phone: '12345' }, 400, 'VALIDATION_FAILED'],
      [{ date: f.workingDay(1), start: '10:00', itemId: f.item('NH-SCJG-005').id }, 422, 'APPOINTMENT_NOT_OFFERED'],
      [{ date: f.workingDay(1), start: '10:00', itemId: '00000000-0000-4000-8000-000000000000' }, 404, 'ITEM_NOT_FOUND'],
    ];
    for (const [change, status, code] of cases) {
      const res = await portal('POST', '/api/portal/appointments', { itemId, phone, ...change });
      expect([res.statusCode, res.json().code], JSON.stringify(change)).toEqual([status, code]);
      expect(res.json().message.length).toBeGreaterThan(4);
    }
    const ok = await portal('POST', '/api/portal/appointments', { itemId, phone, date: f.workingDay(2), start: '09:00' });
    expect(ok.statusCode).toBe(201);
    const second = await portal('POST', '/api/portal/appointments', { itemId, phone, date: f.workingDay(2), start: '15:00' });
    expect([second.statusCode, second.json().code]).toEqual([409, 'ALREADY_BOOKED']);
    expect(second.json().message).toContain('同一事项每天只能预约一次');
    expect(await count('select count(*) n from appointments')).toBe(before + 1);
    expect(await count('select count(*) n from notification_messages')).toBe(messages + 1);
  });

  it('the last places of a slot go to exactly as many concurrent requests as there are places', async () => {
    const date = f.workingDay(2);
    const itemId = f.item('NH-SCJG-001').id;
    const queueId = (await portal('GET', `/api/portal/appointments/availability?itemId=${itemId}`)).json().queueName;
    expect(queueId).toBe('企业开办');
    const day = (await staff('GET', `/api/appointments/capacity?centerId=${f.centerId}&date=${date}`, manager)).json();
    const pool = day.pools.find((p: { name: string }) => p.name === 'A 企业开办');
    const slot = pool.slots.find((s: { start: string }) => s.start === '16:00');
    const cut = slot.capacity - slot.booked - 2;
    const adjusted = await staff('POST', '/api/appointments/capacity/adjustments', manager, { centerId: f.centerId, scope: 'queue', scopeId: pool.scopeId, date, start: '16:00', delta: -cut, reason: '测试' });
    expect(adjusted.statusCode).toBe(201);

    const results = await Promise.all(Array.from({ length: 12 }, () => portal('POST', '/api/portal/appointments', { itemId, phone: freshPhone(), date, start: '16:00' })));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(10).fill('SLOT_FULL'));
    const after = (await staff('GET', `/api/appointments/capacity?centerId=${f.centerId}&date=${date}`, manager)).json();
    const s2 = after.pools.find((p: { name: string }) => p.name === 'A 企业开办').slots.find((s: { start: string }) => s.start === '16:00');
    expect(s2.booked).toBe(s2.capacity);
  });

  it('one applicant booking the same item and day twice at the same moment keeps one booking', async () => {
    const phone = freshPhone();
    const date = f.workingDay(3);
    const results = await Promise.all(
      ['09:00', '09:30', '10:00', '10:30'].map((start) => portal('POST', '/api/portal/appointments', { itemId: f.item('NH-SCJG-002').id, phone, date, start })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'ALREADY_BOOKED')).toBe(true);
  });

  it('the applicant cancels and reschedules with the code and phone; the code stays, places move', async () => {
    const phone = freshPhone();
    const itemId = f.item('NH-SW-001').id;
    const date = f.workingDay(3);
    const booked = (await portal('POST', '/api/portal/appointments', { itemId, phone, date, start: '14:00' })).json();
    const freeAt = async (start: string) =>
      (await portal('GET', `/api/portal/appointments/availability?itemId=${itemId}&from=${date}&days=1`)).json().days[0].slots.find((s: { start: string }) => s.start === start).remaining as number;
    const at1400 = await freeAt('14:00');
    const at1500 = await freeAt('15:00');

    expect((await portal('POST', `/api/portal/appointments/${booked.code}/reschedule`, { phone: freshPhone(), date, start: '15:00' })).statusCode).toBe(404);
    const moved = await portal('POST', `/api/portal/appointments/${booked.code}/reschedule`, { phone, date, start: '15:00' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ code: booked.code, start: '15:00', state: 'booked', rescheduleCount: 1 });
    expect(await freeAt('14:00')).toBe(at1400 + 1);
    expect(await freeAt('15:00')).toBe(at1500 - 1);

    const cancelled = await portal('POST', `/api/portal/appointments/${booked.code}/cancel`, { phone });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelledBy: 'applicant', canChange: false });
    expect(await freeAt('15:00')).toBe(at1500);
    const again = await portal('POST', `/api/portal/appointments/${booked.code}/cancel`, { phone });
    expect([again.statusCode, again.json().code]).toEqual([409, 'INVALID_STATE']);

    await f.deliver();
    const log = (await staff('GET', `/api/notifications?relatedId=${booked.id}`, manager)).json();
    expect(log.items.map((m: { template: string }) => m.template).sort()).toEqual(['appointment_cancelled', 'appointment_confirmed', 'appointment_rescheduled']);
    // the same applicant may book the item that day again once the first is cancelled
    expect((await portal('POST', '/api/portal/appointments', { itemId, phone, date, start: '16:00' })).statusCode).toBe(201);
  });

  it('after the cut-off the applicant cannot cancel online; staff still can', async () => {
    const phone = freshPhone();
    const date = f.workingDay(1);
    const booked = (await portal('POST', '/api/portal/appointments', { itemId: f.item('NH-SCJG-010').id, phone, date, start: '16:00' })).json();
    const late = f.at(date, '15:30');
    await expect(cancelAppointment(t.db, t.config, booked.id, { actor: 'applicant' }, '', late)).rejects.toMatchObject({ code: 'CHANGE_CUTOFF_PASSED' });
    const byStaff = await cancelAppointment(t.db, t.config, booked.id, { actor: 'staff' }, '电话申请取消', late);
    expect(byStaff.state).toBe('cancelled');
  });

  it('an enterprise books under its USCC and sees its bookings; the session proves ownership', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: '91440605MA4W3K7P3K', password: 'Demo1234' } });
    expect(login.statusCode).toBe(200);
    const cookie = cookieOf(login);
    const res = await portal('POST', '/api/portal/appointments', { itemId: f.item('NH-SCJG-006').id, phone: freshPhone(), date: f.workingDay(2), start: '11:00' }, cookie);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ applicantType: 'enterprise', uscc: '91440605MA4W3K7P3K' });
    const mine = (await portal('GET', '/api/portal/appointments/mine', undefined, cookie)).json() as { code: string }[];
    expect(mine.map((m) => m.code)).toContain(res.json().code);
    expect((await portal('POST', '/api/portal/appointments/lookup', { code: res.json().code }, cookie)).statusCode).toBe(200);
    expect((await portal('POST', '/api/portal/appointments/lookup', { code: res.json().code })).statusCode).toBe(404);
    expect((await portal('GET', '/api/portal/appointments/mine')).statusCode).toBe(401);
  });
});

describe('booking by staff', () => {
  it('the guidance desk books for an enterprise, finds it, and reschedules it; permissions are checked', async () => {
    const body = { centerId: f.centerId, itemId: f.item('NH-SCJG-001').id, date: f.workingDay(4), start: '14:30', phone: freshPhone(), uscc: '91440605MA51XQ2D77', channel: 'desk' };
    const res = await staff('POST', '/api/appointments', guide, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'desk', applicantType: 'enterprise', uscc: '91440605MA51XQ2D77' });
    const found = (await staff('GET', `/api/appointments/lookup?centerId=${f.centerId}&uscc=91440605MA51XQ2D77`, guide)).json() as { id: string }[];
    expect(found.map((a) => a.id)).toContain(res.json().id);
    const moved = await staff('POST', `/api/appointments/${res.json().id}/reschedule`, guide, { date: f.workingDay(4), start: '15:00' });
    expect(moved.json()).toMatchObject({ start: '15:00', rescheduleCount: 1 });
    const detail = (await staff('GET', `/api/appointments/${res.json().id}`, guide)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['book', 'reschedule']);
    expect(detail.events[0].staffName).toBe('何嘉欣');

    const chief = await t.loginAs('chief');
    expect((await staff('POST', '/api/appointments', chief, { ...body, start: '16:00' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/appointments', payload: body })).statusCode).toBe(401);
    const audit = (await staff('GET', `/api/audit?objectId=${res.json().id}`, manager)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['appointment.reschedule', 'appointment.book']);
  });
});
