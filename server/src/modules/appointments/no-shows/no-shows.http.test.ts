import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { bookAppointment } from '../booking/service.ts';
import { checkIn } from '../check-in/service.ts';
import { appointmentFixture, freshPhone } from '../testing.ts';
import { markNoShows } from './service.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof appointmentFixture>>;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await appointmentFixture(t);
  manager = await t.loginAs('manager');
});
afterAll(() => t.close());

const ITEMS = ['NH-SCJG-001', 'NH-SCJG-002', 'NH-SW-001'];

describe('no-shows', () => {
  it('a booking not checked in is marked no-show after its window, not before', async () => {
    const day = f.workingDay(1);
    const b = await bookAppointment(t.db, t.config, { centerId: f.centerId, itemId: f.item('NH-SCJG-001').id, date: day, start: '09:00', channel: 'portal', applicant: { uscc: null, phone: freshPhone() } });
    await markNoShows(t.db, t.config, f.at(day, '09:15'));
    expect((await get(b.id)).state).toBe('booked');
    expect(await markNoShows(t.db, t.config, f.at(day, '09:16'))).toBeGreaterThanOrEqual(1);
    expect((await get(b.id)).state).toBe('no_show');
    // Arriving later the same day still gets an ordinary ticket.
    const late = await checkIn(t.db, t.config, { centerId: f.centerId, code: b.code, actor: 'kiosk', now: f.at(day, '10:30') });
    expect(late).toMatchObject({ isLate: true, appointment: { state: 'arrived_late' } });
  });

  it('three no-shows in 30 days block the applicant for 7 days, who is told so (SMS and a 403 naming the date)', async () => {
    const phone = freshPhone();
    const days = [f.previousWorkingDay(3), f.previousWorkingDay(2), f.previousWorkingDay(1)];
    for (const [i, day] of days.entries()) {
      await bookAppointment(t.db, t.config, { centerId: f.centerId, itemId: f.item(ITEMS[i]!).id, date: day, start: '10:00', channel: 'portal', applicant: { uscc: null, phone }, now: f.at(day, '08:00') });
    }
    await markNoShows(t.db, t.config);
    const blocks = (await t.app.inject({ method: 'GET', url: `/api/appointments/blocks/${f.centerId}`, headers: { cookie: manager } })).json() as { id: string; applicant: string; startsOn: string; endsOn: string; noShows: number }[];
    const mine = blocks.find((b) => b.applicant === `${phone.slice(0, 3)}****${phone.slice(-4)}`)!;
    expect(mine).toMatchObject({ startsOn: f.today, noShows: 3 });
    const res = await t.app.inject({ method: 'POST', url: '/api/portal/appointments', payload: { itemId: f.item('NH-SCJG-001').id, date: f.workingDay(1), start: '14:00', phone }, remoteAddress: '10.3.0.1' });
    expect([res.statusCode, res.json().code]).toEqual([403, 'APPLICANT_BLOCKED']);
    const [, month, date] = mine.endsOn.split('-').map(Number);
    expect(res.json().message).toContain(`${month}月${date}日`);
    await f.deliver();
    expect(f.sent.filter((m) => m.to === phone).map((m) => m.body).join()).toContain('3 次预约未按时签到');

    // Lifted early by the center manager: the applicant may book again.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/appointments/blocks/${mine.id}`, headers: { cookie: manager } })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/portal/appointments', payload: { itemId: f.item('NH-SCJG-001').id, date: f.workingDay(1), start: '14:00', phone }, remoteAddress: '10.3.0.2' });
    expect(again.statusCode).toBe(201);
  });

  it('the staff view shows a day per queue with check-in status and no-shows', async () => {
    const day = f.workingDay(4);
    const a = await bookAppointment(t.db, t.config, { centerId: f.centerId, itemId: f.item('NH-SCJG-001').id, date: day, start: '09:00', channel: 'desk', applicant: { uscc: null, phone: freshPhone() } });
    const b = await bookAppointment(t.db, t.config, { centerId: f.centerId, itemId: f.item('NH-SCJG-002').id, date: day, start: '09:30', channel: 'phone', applicant: { uscc: null, phone: freshPhone() } });
    await checkIn(t.db, t.config, { centerId: f.centerId, code: a.code, actor: 'kiosk', now: f.at(day, '08:50') });
    await markNoShows(t.db, t.config, f.at(day, '10:00'));
    const guide = await t.loginAs('guide');
    const view = (await t.app.inject({ method: 'GET', url: `/api/appointments/day?centerId=${f.centerId}&date=${day}`, headers: { cookie: guide } })).json();
    const queueA = view.queues.find((q: { queueName: string }) => q.queueName === 'A 企业开办');
    expect(queueA.appointments.find((x: { id: string }) => x.id === a.id).state).toBe('checked_in');
    expect(queueA.appointments.find((x: { id: string }) => x.id === b.id).state).toBe('no_show');
    expect(queueA.counts.checked_in).toBeGreaterThanOrEqual(1);
    expect(queueA.counts.no_show).toBeGreaterThanOrEqual(1);
    expect(view.queues.map((q: { queueName: string }) => q.queueName)).toContain('E 不动产登记');
    expect(JSON.stringify(view)).not.toMatch(/139\d{8}/);
  });
});

async function get(id: string) {
  return (await t.app.inject({ method: 'GET', url: `/api/appointments/${id}`, headers: { cookie: manager } })).json() as { state: string };
}
