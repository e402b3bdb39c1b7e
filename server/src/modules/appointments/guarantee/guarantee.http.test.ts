import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { bookAppointment } from '../booking/service.ts';
import { appointmentFixture, freshPhone } from '../testing.ts';
import { runGuaranteeCheck } from './service.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof appointmentFixture>>;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await appointmentFixture(t);
  manager = await t.loginAs('manager');
});
afterAll(() => t.close());

type View = {
  deadline: string;
  share: number;
  meeting: number;
  total: number;
  openAlerts: number;
  items: { code: string; meetsGuarantee: boolean; earliestDate: string | null; isOverflow: boolean; workingDaysAway: number | null }[];
  alerts: { itemName: string; kind: string; resolvedAt: string | null; raisedBy: string; businessDate: string }[];
};
const view = async (): Promise<View> => (await t.app.inject({ method: 'GET', url: `/api/appointments/guarantee/${f.centerId}`, headers: { cookie: manager } })).json();
const put = (payload: object) => t.app.inject({ method: 'PUT', url: '/api/appointments/capacity/rules', payload, headers: { cookie: manager } });
const adjust = (payload: object) => t.app.inject({ method: 'POST', url: '/api/appointments/capacity/adjustments', payload, headers: { cookie: manager } });

describe('the 3-working-day guarantee (A.6)', () => {
  it('the manager sees each appointment-only item with its earliest slot and the share that meets the guarantee; the demo item failing it has an alert', async () => {
    const v = await view();
    expect(v.deadline).toBe(f.workingDay(3));
    expect(v.items.map((i) => i.code)).toEqual(['NH-ZR-004', 'NH-ZR-005', 'NH-ZR-006']);
    const failing = v.items.find((i) => i.code === 'NH-ZR-004')!;
    expect(failing.meetsGuarantee).toBe(false);
    expect(failing.earliestDate! > v.deadline).toBe(true);
    expect(v.meeting).toBe(2);
    expect(v.share).toBeCloseTo(2 / 3);
    expect(v.alerts.some((a) => a.itemName === '不动产首次登记' && a.kind === 'guarantee_failed' && a.resolvedAt === null)).toBe(true);
    expect(v.openAlerts).toBe(1);
    const guide = await t.loginAs('guide');
    expect((await t.app.inject({ method: 'GET', url: `/api/appointments/guarantee/${f.centerId}`, headers: { cookie: guide } })).statusCode).toBe(200);
    const auditor = await t.loginAs('auditor');
    expect((await t.app.inject({ method: 'GET', url: `/api/appointments/guarantee/${f.centerId}`, headers: { cookie: auditor } })).statusCode).toBe(403);
  });

  it('removing capacity raises the alert at once (live check); giving it back resolves it', async () => {
    const item = f.item('NH-ZR-005');
    const own = await put({ centerId: f.centerId, scope: 'item', scopeId: item.id, capacityPerSlot: 1, overflowPerSlot: null, version: 0 });
    expect(own.statusCode).toBe(200);
    const ids: string[] = [];
    for (let n = 0; n <= 3; n++) {
      const res = await adjust({ centerId: f.centerId, scope: 'item', scopeId: item.id, date: f.workingDay(n), start: null, delta: -1, reason: '窗口人员请假' });
      if (res.statusCode === 201) {
        const day = res.json();
        ids.push(...day.pools.find((p: { scopeId: string }) => p.scopeId === item.id).adjustments.map((a: { id: string }) => a.id));
      } else {
        expect(res.json().code).toBe('DAY_CLOSED'); // today, when it is not a working day
      }
    }
    let v = await view();
    expect(v.items.find((i) => i.code === 'NH-ZR-005')!.meetsGuarantee).toBe(false);
    expect(v.alerts.find((a) => a.itemName === '不动产转移登记')).toMatchObject({ kind: 'guarantee_failed', raisedBy: 'live', resolvedAt: null });

    for (const id of ids) expect((await t.app.inject({ method: 'DELETE', url: `/api/appointments/capacity/adjustments/${id}`, headers: { cookie: manager } })).statusCode).toBe(200);
    v = await view();
    expect(v.items.find((i) => i.code === 'NH-ZR-005')!.meetsGuarantee).toBe(true);
    expect(v.alerts.find((a) => a.itemName === '不动产转移登记')!.resolvedAt).not.toBeNull();
  });

  it('overflow places open by themselves when the guarantee would fail, and the booking takes one', async () => {
    const item = f.item('NH-ZR-004');
    const day = (await t.app.inject({ method: 'GET', url: `/api/appointments/capacity?centerId=${f.centerId}&date=${f.workingDay(1)}`, headers: { cookie: manager } })).json();
    const pool = day.pools.find((p: { scopeId: string }) => p.scopeId === item.id);
    expect(pool.rule).toMatchObject({ capacityPerSlot: 1, overflowPerSlot: null });
    expect(pool.slots.every((s: { capacity: number }) => s.capacity === 0)).toBe(true);

    const saved = await put({ centerId: f.centerId, scope: 'item', scopeId: item.id, capacityPerSlot: 1, overflowPerSlot: 2, version: pool.rule.version });
    expect(saved.statusCode).toBe(200);
    const stale = await put({ centerId: f.centerId, scope: 'item', scopeId: item.id, capacityPerSlot: 1, overflowPerSlot: 3, version: pool.rule.version });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'STALE_VERSION']);

    const v = await view();
    const row = v.items.find((i) => i.code === 'NH-ZR-004')!;
    expect(row).toMatchObject({ meetsGuarantee: true, isOverflow: true });
    const free = (await t.app.inject({ method: 'GET', url: `/api/portal/appointments/availability?itemId=${item.id}&from=${f.workingDay(1)}&days=1` })).json();
    const slot = free.days[0].slots.find((s: { start: string }) => s.start === '09:00');
    expect(slot).toMatchObject({ remaining: 2, isOverflow: true });
    const booked = await bookAppointment(t.db, t.config, { centerId: f.centerId, itemId: item.id, date: f.workingDay(1), start: '09:00', channel: 'phone', applicant: { uscc: null, phone: freshPhone() } });
    expect(booked.slotScope).toBe('overflow');
    expect((await view()).alerts.some((a) => a.itemName === '不动产首次登记' && a.kind === 'overflow_opened')).toBe(true);
  });

  it('the daily job checks every center and keeps one alert per item and day', async () => {
    const before = (await view()).alerts.length;
    const first = await runGuaranteeCheck(t.db);
    const second = await runGuaranteeCheck(t.db);
    expect(first.find((r) => r.centerId === f.centerId)).toEqual(second.find((r) => r.centerId === f.centerId));
    expect((await view()).alerts.length).toBe(before);
  });
});
