import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const dueDate = async (from: string, workingDays: number) => {
  const res = await get(`/api/calendar/due-date?from=${from}&workingDays=${workingDays}`);
  expect(res.statusCode).toBe(200);
  return res.json().dueDate as string;
};

describe('public calendar queries', () => {
  it('gives the due date across 国庆 2026 (10/1–10/7 off, Sat 10/10 worked)', async () => {
    expect(await dueDate('2026-09-30', 3)).toBe('2026-10-10');
    expect(await dueDate('2026-09-30', 0)).toBe('2026-09-30');
  });

  it('names the field of a bad query', async () => {
    const cases: [string, string][] = [
      ['from=2026-02-30&workingDays=3', 'from'],
      ['from=2026/02/03&workingDays=3', 'from'],
      ['from=2026-02-03&workingDays=1001', 'workingDays'],
      ['from=2026-02-03&workingDays=-1', 'workingDays'],
      ['from=2026-02-03&workingDays=', 'workingDays'],
      ['from=2026-02-03&workingDays=2.5', 'workingDays'],
      ['from=2026-02-03', 'workingDays'],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/calendar/due-date?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().fields[0].field, query).toBe(field);
    }
  });

  it('counts working days between two dates', async () => {
    const res = await get('/api/calendar/working-days?from=2026-02-01&to=2026-02-28');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ count: 16 });
    const tooLong = await get('/api/calendar/working-days?from=1900-01-01&to=2199-12-31');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields[0].field).toBe('to');
  });

  it('shows a month day by day', async () => {
    const res = await get('/api/calendar/month?month=2026-02');
    expect(res.statusCode).toBe(200);
    const { month, days } = res.json();
    expect(month).toBe('2026-02');
    expect(days).toHaveLength(28);
    expect(days[16]).toEqual({ date: '2026-02-17', isWorkingDay: false, kind: 'holiday', name: '春节', override: null });
    expect(days[13]).toMatchObject({ date: '2026-02-14', isWorkingDay: true, kind: 'adjusted_workday' });
    expect(days[6]).toMatchObject({ date: '2026-02-07', isWorkingDay: false, kind: 'weekend' });
    const bad = await get('/api/calendar/month?month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('month');
  });
});

describe('overrides', () => {
  const url = '/api/calendar/overrides/2026-10-08';
  const body = { kind: 'holiday', note: '延长国庆假期' };

  it('may be set only by a calendar manager', async () => {
    const anonymous = await t.app.inject({ method: 'PUT', url, payload: body });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');

    const clerk = await t.loginAs('clerk');
    const denied = await t.app.inject({ method: 'PUT', url, payload: body, headers: { cookie: clerk } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN');
    const removeDenied = await t.app.inject({ method: 'DELETE', url, headers: { cookie: clerk } });
    expect(removeDenied.statusCode).toBe(403);

    expect(await dueDate('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('change due dates, are listed, audited, and can be removed', async () => {
    const admin = await t.loginAs('admin');
    const set = await t.app.inject({ method: 'PUT', url, payload: body, headers: { cookie: admin } });
    expect(set.statusCode).toBe(200);
    const saved = set.json();
    expect(saved).toMatchObject({ date: '2026-10-08', kind: 'holiday', note: '延长国庆假期', updatedBy: 'admin' });
    expect(new Date(saved.updatedAt).toISOString()).toBe(saved.updatedAt);

    // 10/8 is off now: 10/9, Sat 10/10, then Monday 10/12
    expect(await dueDate('2026-09-30', 3)).toBe('2026-10-12');

    const clerk = await t.loginAs('clerk');
    const list = await get('/api/calendar/overrides', clerk);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([saved]);
    expect((await get('/api/calendar/overrides')).statusCode).toBe(401);

    const month = (await get('/api/calendar/month?month=2026-10')).json();
    expect(month.days[7]).toEqual({
      date: '2026-10-08',
      isWorkingDay: false,
      kind: 'holiday',
      name: null,
      override: { kind: 'holiday', note: '延长国庆假期' },
    });

    const audit = await get('/api/audit?action=calendar.override_set', admin);
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items).toContainEqual(
      expect.objectContaining({
        action: 'calendar.override_set',
        objectType: 'calendar_override',
        objectId: '2026-10-08',
        outcome: 'success',
        actorName: expect.stringContaining('admin'),
      }),
    );

    const removed = await t.app.inject({ method: 'DELETE', url, headers: { cookie: admin } });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ ok: true });
    expect(await dueDate('2026-09-30', 3)).toBe('2026-10-10');
    expect((await get('/api/calendar/overrides', clerk)).json()).toEqual([]);

    const again = await t.app.inject({ method: 'DELETE', url, headers: { cookie: admin } });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('NOT_FOUND');
  });

  it('replaces an earlier override of the same date', async () => {
    const admin = await t.loginAs('admin');
    const put = (payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2027-02-20', payload, headers: { cookie: admin } });
    expect((await put({ kind: 'holiday' })).json()).toMatchObject({ kind: 'holiday', note: '' });
    expect((await put({ kind: 'workday', note: '春节调休上班' })).json()).toMatchObject({ kind: 'workday', note: '春节调休上班' });
    expect(await dueDate('2027-02-19', 1)).toBe('2027-02-20');
    const clerk = await t.loginAs('clerk');
    expect((await get('/api/calendar/overrides', clerk)).json()).toHaveLength(1);
    await t.app.inject({ method: 'DELETE', url: '/api/calendar/overrides/2027-02-20', headers: { cookie: admin } });
    expect(await dueDate('2027-02-19', 1)).toBe('2027-02-22');
  });

  it('rejects a bad date or kind and changes nothing', async () => {
    const admin = await t.loginAs('admin');
    const badDate = await t.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2026-02-30', payload: body, headers: { cookie: admin } });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].field).toBe('date');
    const badKind = await t.app.inject({ method: 'PUT', url, payload: { kind: 'vacation' }, headers: { cookie: admin } });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().fields[0].field).toBe('kind');
    const clerk = await t.loginAs('clerk');
    expect((await get('/api/calendar/overrides', clerk)).json()).toEqual([]);
  });
});
