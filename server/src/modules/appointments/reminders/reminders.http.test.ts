import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { callNext } from '../../queue/tickets/actions.ts';
import { changeSession } from '../../queue/counters/service.ts';
import { listCounters } from '../../venue/service.ts';
import { bookAppointment } from '../booking/service.ts';
import { checkIn } from '../check-in/service.ts';
import { appointmentFixture, freshPhone } from '../testing.ts';
import { sendAlmostCalledReminders, sendDayBeforeReminders } from './service.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof appointmentFixture>>;
beforeAll(async () => {
  t = await createTestApp();
  f = await appointmentFixture(t);
});
afterAll(() => t.close());

describe('reminders through the outbox', () => {
  it('the day before (from the reminder time of the last working day before), once per booking and date', async () => {
    const day = f.workingDay(3);
    const eve = f.workingDay(2);
    const phone = freshPhone();
    const b = await bookAppointment(t.db, t.config, { centerId: f.centerId, itemId: f.item('NH-SCJG-006').id, date: day, start: '10:30', channel: 'portal', applicant: { uscc: null, phone } });
    expect(await sendDayBeforeReminders(t.db, t.config, f.at(eve, '15:59'))).toBe(0);
    expect(await sendDayBeforeReminders(t.db, t.config, f.at(eve, '16:00'))).toBeGreaterThanOrEqual(1);
    expect(await sendDayBeforeReminders(t.db, t.config, f.at(eve, '16:10'))).toBe(0);
    await f.deliver();
    const mine = f.sent.filter((m) => m.to === phone).map((m) => m.body);
    expect(mine).toHaveLength(2);
    expect(mine[1]).toContain('提醒');
    expect(mine[1]).toContain(b.code);
    expect(mine[1]).toContain('10:30–11:00');
    expect(mine[1]).toContain('10:00–10:45');
  });

  it('“almost your turn”: an SMS when the appointment ticket is three places from being called, once', async () => {
    const day = f.workingDay(4);
    const phones = Array.from({ length: 5 }, () => freshPhone());
    for (const [i, phone] of phones.entries()) {
      const start = i < 3 ? '09:00' : '09:30';
      const b = await bookAppointment(t.db, t.config, { centerId: f.centerId, itemId: f.item('NH-RS-004').id, date: day, start, channel: 'portal', applicant: { uscc: null, phone } });
      await checkIn(t.db, t.config, { centerId: f.centerId, code: b.code, actor: 'kiosk', now: f.at(day, `09:0${i}`) });
    }
    const now = f.at(day, '09:05');
    expect(await sendAlmostCalledReminders(t.db, t.config, now)).toBe(4);
    expect(await sendAlmostCalledReminders(t.db, t.config, now)).toBe(0);
    await f.deliver();
    expect(phones.map((p) => f.sent.filter((m) => m.to === p && m.body.includes('前面还有')).length)).toEqual([1, 1, 1, 1, 0]);
    expect(f.sent.find((m) => m.to === phones[3] && m.body.includes('前面还有'))!.body).toContain('前面还有 3 位');

    const clerk = await f.staffPrincipal('clerk7');
    const counter = (await listCounters(t.db, f.centerId)).find((c) => c.number === '7')!;
    await changeSession(t.db, counter.id, 'open', clerk, f.at(day, '09:06'));
    await callNext(t.db, counter.id, clerk, f.at(day, '09:07'));
    expect(await sendAlmostCalledReminders(t.db, t.config, f.at(day, '09:08'))).toBe(1);
    await f.deliver();
    expect(f.sent.filter((m) => m.to === phones[4]).map((m) => m.body).join()).toContain('前面还有 3 位');
  });
});
