import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { appointmentFixture, freshPhone } from '../testing.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof appointmentFixture>>;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await appointmentFixture(t);
  manager = await t.loginAs('manager');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });
type Pool = { name: string; scope: string; scopeId: string; base: number; baseSource: string; counters: number; slots: { start: string; capacity: number; booked: number }[]; adjustments: { id: string }[]; rule: { version: number } | null };
const dayOf = async (date: string) => (await call('GET', `/api/appointments/capacity?centerId=${f.centerId}&date=${date}`, manager)).json() as { isWorkingDay: boolean; slotMinutes: number; pools: Pool[] };

describe('settings', () => {
  it('the demo center runs 30-minute slots 09:00–12:00 and 14:00–17:30; a manager edits them, with the version checked', async () => {
    const current = (await call('GET', `/api/appointments/settings/${f.centerId}`, manager)).json();
    expect(current).toMatchObject({ slotMinutes: 30, checkInBeforeMinutes: 30, checkInAfterMinutes: 15, noShowLimit: 3, noShowWindowDays: 30, blockDays: 7, version: 1 });
    expect(current.effectivePeriods).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:30' },
    ]);
    const { centerId: _c, effectivePeriods: _e, ...input } = current;
    const bad = await call('PUT', `/api/appointments/settings/${f.centerId}`, manager, { ...input, periods: [{ start: '12:00', end: '09:00' }] });
    expect([bad.statusCode, bad.json().fields[0].field]).toEqual([400, 'periods']);
    const tooShort = await call('PUT', `/api/appointments/settings/${f.centerId}`, manager, { ...input, horizonDays: 1 });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().message).toContain('可预约天数');
    const saved = await call('PUT', `/api/appointments/settings/${f.centerId}`, manager, { ...input, changeCutoffMinutes: 120 });
    expect(saved.json()).toMatchObject({ changeCutoffMinutes: 120, version: 2 });
    const stale = await call('PUT', `/api/appointments/settings/${f.centerId}`, manager, { ...input, changeCutoffMinutes: 30 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'STALE_VERSION']);
    const guide = await t.loginAs('guide');
    expect((await call('PUT', `/api/appointments/settings/${f.centerId}`, guide, { ...input, version: 2 })).statusCode).toBe(403);
  });
});

describe('capacity', () => {
  it('derives a queue’s places per slot from its counters, or takes an explicit number', async () => {
    const day = await dayOf(f.workingDay(5));
    expect(day).toMatchObject({ isWorkingDay: true, slotMinutes: 30 });
    const a = day.pools.find((p) => p.name === 'A 企业开办')!;
    expect(a).toMatchObject({ scope: 'queue', base: 6, counters: 6, baseSource: 'counters', rule: null });
    expect(a.slots).toHaveLength(13);
    expect(a.slots.every((s) => s.capacity === 6)).toBe(true);
    expect(day.pools.find((p) => p.name === '不动产首次登记')).toMatchObject({ scope: 'item', base: 1, baseSource: 'explicit' });

    const set = await call('PUT', '/api/appointments/capacity/rules', manager, { centerId: f.centerId, scope: 'queue', scopeId: a.scopeId, capacityPerSlot: 3, overflowPerSlot: null, version: 0 });
    expect(set.statusCode).toBe(200);
    expect((await dayOf(f.workingDay(5))).pools.find((p) => p.name === 'A 企业开办')).toMatchObject({ base: 3, baseSource: 'explicit', rule: { version: 1 } });
    const overflowOnQueue = await call('PUT', '/api/appointments/capacity/rules', manager, { centerId: f.centerId, scope: 'queue', scopeId: a.scopeId, capacityPerSlot: 3, overflowPerSlot: 2, version: 1 });
    expect([overflowOnQueue.statusCode, overflowOnQueue.json().fields[0].field]).toEqual([400, 'overflowPerSlot']);
    const back = await call('PUT', '/api/appointments/capacity/rules', manager, { centerId: f.centerId, scope: 'queue', scopeId: a.scopeId, capacityPerSlot: null, overflowPerSlot: null, version: 1 });
    expect(back.statusCode).toBe(200);
    expect((await dayOf(f.workingDay(5))).pools.find((p) => p.name === 'A 企业开办')).toMatchObject({ base: 6, rule: null });
  });

  it('a manager adds places to one slot and removes a whole day; bookings follow; undo restores', async () => {
    const date = f.workingDay(6);
    const pool = (await dayOf(date)).pools.find((p) => p.name === 'C 涉税业务')!;
    expect(pool.base).toBe(2);
    const add = await call('POST', '/api/appointments/capacity/adjustments', manager, { centerId: f.centerId, scope: 'queue', scopeId: pool.scopeId, date, start: '10:00', delta: 3, reason: '增开临时窗口' });
    expect(add.statusCode).toBe(201);
    const added = add.json().pools.find((p: Pool) => p.scopeId === pool.scopeId) as Pool;
    expect(added.slots.find((s) => s.start === '10:00')!.capacity).toBe(5);
    expect(added.slots.find((s) => s.start === '10:30')!.capacity).toBe(2);

    const close = await call('POST', '/api/appointments/capacity/adjustments', manager, { centerId: f.centerId, scope: 'queue', scopeId: pool.scopeId, date, start: null, delta: -10, reason: '系统升级停办' });
    const closed = close.json().pools.find((p: Pool) => p.scopeId === pool.scopeId) as Pool;
    expect(closed.slots.every((s) => s.capacity === 0)).toBe(true);
    const refused = await t.app.inject({ method: 'POST', url: '/api/portal/appointments', payload: { itemId: f.item('NH-SW-001').id, date, start: '10:00', phone: freshPhone() }, remoteAddress: '10.4.0.1' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'SLOT_FULL']);

    const undo = await call('DELETE', `/api/appointments/capacity/adjustments/${closed.adjustments.at(-1)!.id}`, manager);
    expect(undo.statusCode).toBe(200);
    const ok = await t.app.inject({ method: 'POST', url: '/api/portal/appointments', payload: { itemId: f.item('NH-SW-001').id, date, start: '10:00', phone: freshPhone() }, remoteAddress: '10.4.0.2' });
    expect(ok.statusCode).toBe(201);
    expect((await dayOf(date)).pools.find((p) => p.scopeId === pool.scopeId)!.slots.find((s) => s.start === '10:00')).toMatchObject({ capacity: 5, booked: 1 });
  });

  it('refuses a past date, a closed day, an unknown slot, a zero change; guides may look but not change', async () => {
    const pool = (await dayOf(f.workingDay(1))).pools.find((p) => p.name === 'C 涉税业务')!;
    const base = { centerId: f.centerId, scope: 'queue', scopeId: pool.scopeId, start: null, delta: 1, reason: '' };
    const cases: [object, number, string][] = [
      [{ date: f.previousWorkingDay(1) }, 422, 'DATE_IN_PAST'],
      [{ date: f.closedDay() }, 422, 'DAY_CLOSED'],
      [{ date: f.workingDay(1), start: '12:00' }, 422, 'SLOT_NOT_FOUND'],
      [{ date: f.workingDay(1), delta: 0 }, 400, 'VALIDATION_FAILED'],
      [{ date: f.workingDay(1), scopeId: f.item('NH-SW-001').id }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [change, status, code] of cases) {
      const res = await call('POST', '/api/appointments/capacity/adjustments', manager, { ...base, ...change });
      expect([res.statusCode, res.json().code], JSON.stringify(change)).toEqual([status, code]);
    }
    const guide = await t.loginAs('guide');
    expect((await call('GET', `/api/appointments/capacity?centerId=${f.centerId}&date=${f.workingDay(1)}`, guide)).statusCode).toBe(200);
    expect((await call('POST', '/api/appointments/capacity/adjustments', guide, { ...base, date: f.workingDay(1) })).statusCode).toBe(403);
    expect((await dayOf(f.workingDay(1))).pools.find((p) => p.scopeId === pool.scopeId)!.adjustments).toHaveLength(0);
  });
});
