import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { issueTicket } from '../../queue/service.ts';
import { callNext } from '../../queue/tickets/actions.ts';
import { changeSession } from '../../queue/counters/service.ts';
import { listCounters } from '../../venue/service.ts';
import { appointmentFixture, freshPhone } from '../testing.ts';
import { checkIn } from './service.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof appointmentFixture>>;
let manager: string;
let ip = 0;
beforeAll(async () => {
  t = await createTestApp();
  f = await appointmentFixture(t);
  manager = await t.loginAs('manager');
});
afterAll(() => t.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, remoteAddress: `10.2.0.${++ip}` });
const book = async (code: string, date: string, start: string, phone = freshPhone()) => {
  const res = await post('/api/portal/appointments', { itemId: f.item(code).id, date, start, phone });
  expect(res.statusCode).toBe(201);
  return { ...(res.json() as { id: string; code: string }), phone };
};

describe('the done-when flow (A.6)', () => {
  it('a new user books 企业设立登记 for tomorrow, gets the confirmation, checks in with the code and is called before walk-ins', async () => {
    const day = f.workingDay(1);
    const booking = await book('NH-SCJG-001', day, '10:00');
    await f.deliver();
    const log = (await t.app.inject({ method: 'GET', url: `/api/notifications?relatedType=appointment&relatedId=${booking.id}`, headers: { cookie: manager } })).json();
    expect(log.items[0]).toMatchObject({ template: 'appointment_confirmed', status: 'sent' });
    expect(log.items[0].body).toContain(booking.code);

    // On the day: two walk-ins take ordinary tickets of the same queue first.
    const walkIns = [];
    for (const at of ['09:40', '09:45']) {
      walkIns.push(await issueTicket(t.db, { centerId: f.centerId, itemId: f.item('NH-SCJG-002').id, channel: 'kiosk', priorityClass: 'ordinary', now: f.at(day, at) }));
    }
    const checked = await checkIn(t.db, t.config, { centerId: f.centerId, code: booking.code.toLowerCase(), actor: 'kiosk', now: f.at(day, '09:50') });
    expect(checked).toMatchObject({ isLate: false, otherBookingsToday: 0, appointment: { state: 'checked_in', code: booking.code } });
    expect(checked.ticket).toMatchObject({ priorityClass: 'appointment', queueName: '企业开办', state: 'waiting' });
    expect(checked.ticket.displayNumber.startsWith('A')).toBe(true);
    expect(checked.message).toContain(checked.ticket.displayNumber);

    const clerk = await f.staffPrincipal('clerk');
    const counter = (await listCounters(t.db, f.centerId)).find((c) => c.number === '1')!;
    await changeSession(t.db, counter.id, 'open', clerk, f.at(day, '09:55'));
    const first = await callNext(t.db, counter.id, clerk, f.at(day, '09:56'));
    expect(first?.displayNumber).toBe(checked.ticket.displayNumber);
    expect(first?.appointmentId).toBe(booking.id);
    expect(walkIns.map((w) => w.ticket.displayNumber)).not.toContain(first?.displayNumber);

    const desk = (await t.app.inject({ method: 'GET', url: `/api/appointments/${booking.id}`, headers: { cookie: manager } })).json();
    expect(desk.events.map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`)).toEqual(['book:applicant', 'check_in:kiosk']);
  });
});

describe('check-in at the kiosk', () => {
  it('refuses an unknown code, a booking of another day, and a phone with no booking today, naming why', async () => {
    const unknown = await post(`/api/appointments/kiosk/${f.centerId}/check-in`, { code: 'ABCDEFGH' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'BOOKING_NOT_FOUND']);
    expect(unknown.json().message).toContain('ABCDEFGH');
    const booking = await book('NH-SCJG-002', f.workingDay(2), '14:00');
    const early = await post(`/api/appointments/kiosk/${f.centerId}/check-in`, { code: booking.code });
    expect([early.statusCode, early.json().code]).toEqual([409, 'CHECK_IN_TOO_EARLY']);
    expect(early.json().message).toContain('13:30 后签到');
    const byPhone = await post(`/api/appointments/kiosk/${f.centerId}/check-in`, { phone: booking.phone });
    expect([byPhone.statusCode, byPhone.json().code]).toEqual([404, 'BOOKING_NOT_FOUND']);
    const neither = await post(`/api/appointments/kiosk/${f.centerId}/check-in`, {});
    expect([neither.statusCode, neither.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const state = (await t.app.inject({ method: 'GET', url: `/api/appointments/${booking.id}`, headers: { cookie: manager } })).json();
    expect(state.state).toBe('booked');
  });

  it('by phone number; before the window it says when; late arrivals get an ordinary ticket and are told why', async () => {
    const day = f.workingDay(2);
    const phone = freshPhone();
    const morning = await book('NH-SW-001', day, '09:00', phone);
    const afternoon = await book('NH-SCJG-006', day, '14:00', phone);
    await expect(checkIn(t.db, t.config, { centerId: f.centerId, phone, actor: 'kiosk', now: f.at(day, '08:00') })).rejects.toMatchObject({
      code: 'CHECK_IN_TOO_EARLY',
      userMessage: expect.stringContaining('08:30 后签到'),
    });
    const late = await checkIn(t.db, t.config, { centerId: f.centerId, phone, actor: 'kiosk', now: f.at(day, '09:20') });
    expect(late).toMatchObject({ isLate: true, otherBookingsToday: 1, appointment: { id: morning.id, state: 'arrived_late' } });
    expect(late.ticket.priorityClass).toBe('ordinary');
    expect(late.message).toContain('超过签到时间（09:15 前）');
    const onTime = await checkIn(t.db, t.config, { centerId: f.centerId, phone: phone.replace(/^(\d{3})(\d{4})/, '$1 $2 '), actor: 'kiosk', now: f.at(day, '13:45') });
    expect(onTime).toMatchObject({ isLate: false, appointment: { id: afternoon.id, state: 'checked_in' } });
    await expect(checkIn(t.db, t.config, { centerId: f.centerId, code: afternoon.code, actor: 'kiosk', now: f.at(day, '13:50') })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(checkIn(t.db, t.config, { centerId: f.centerId, code: afternoon.code, actor: 'kiosk', now: f.at(f.workingDay(3), '09:00') })).rejects.toMatchObject({ code: 'BOOKING_EXPIRED' });
  });

  it('staff check a booking in at the guidance desk; only their own center', async () => {
    const guide = await t.loginAs('guide');
    const booking = await book('NH-SCJG-001', f.workingDay(3), '15:00');
    const early = await t.app.inject({ method: 'POST', url: `/api/appointments/${booking.id}/check-in`, headers: { cookie: guide } });
    expect([early.statusCode, early.json().code]).toEqual([409, 'CHECK_IN_TOO_EARLY']);
    const result = await checkIn(t.db, t.config, { centerId: f.centerId, appointmentId: booking.id, actor: 'staff', staffId: (await f.staffPrincipal('guide')).id, now: f.at(f.workingDay(3), '14:40') });
    expect(result.appointment.state).toBe('checked_in');
  });
});
