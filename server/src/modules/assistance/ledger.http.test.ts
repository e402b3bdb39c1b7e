import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { DEMO_ENTERPRISES } from '../../demo/data.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { FiguresDto, RecordDto } from './contract.ts';
import { assistanceRecords } from './tables.ts';

/**
 * 申报辅导台账 (6.1.2) through HTTP: the filing assistant records an assistance on site with what
 * was helped with, the items and the result; 尚未申报 gets a follow-up two working days later,
 * recorded once; the figures count by mode and result; the demo's ledger has every result and
 * mode. Bad input is refused with the field named, and nothing is written.
 */

let t: TestApp;
let api: TestApi;
let assistant: string;
let manager: string;
let clerk: string;
let enterprise: string;
let food: string;

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [assistant, manager, clerk] = await Promise.all([t.loginAs('assistant'), t.loginAs('manager'), t.loginAs('clerk')]);
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: DEMO_ENTERPRISES[1]!.uscc, password: 'Demo1234' } });
  enterprise = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const items = await api.ok<{ items: { id: string; name: string }[] }>('GET', '/api/portal/assistance/slots', enterprise);
  food = items.items.find((i) => i.name.includes('食品经营许可'))!.id;
});
afterAll(() => t.close());

const rows = async () => (await t.db.select({ n: count() }).from(assistanceRecords))[0]!.n;
const record = (body: object, cookie = assistant) => api.call('POST', '/api/assistance/records', cookie, body);

describe('the assistance ledger', () => {
  it('records an assistance on site, lists it and counts it in the figures', async () => {
    const before = await api.ok<FiguresDto>('GET', '/api/assistance/figures', assistant);
    const res = await record({
      uscc: DEMO_ENTERPRISES[1]!.uscc,
      enterpriseName: DEMO_ENTERPRISES[1]!.name,
      personName: '周先生',
      helpedWith: ['fill_forms', 'check_completeness'],
      itemIds: [food],
      result: 'filed',
      applicationNumber: 'NH-TEST-0001',
      note: '现场指导填写申请表',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<RecordDto>();
    expect(created).toMatchObject({ mode: 'on_site', assistantName: '罗文静', result: 'filed', applicationNumber: 'NH-TEST-0001', followUpDueOn: null, helpedWith: ['fill_forms', 'check_completeness'] });
    expect(created.items[0]!.name).toContain('食品经营许可');
    const list = await api.ok<RecordDto[]>('GET', '/api/assistance/records?mode=on_site&result=filed', assistant);
    expect(list.map((r) => r.id)).toContain(created.id);
    const after = await api.ok<FiguresDto>('GET', '/api/assistance/figures', manager);
    expect(after.total).toBe(before.total + 1);
    expect(after.byMode.on_site).toBe(before.byMode.on_site + 1);
    expect(after.byResult.filed).toBe(before.byResult.filed + 1);
  });

  it('gives 尚未申报 a follow-up two working days later, recorded once', async () => {
    const created = (await record({ personName: '吴女士', helpedWith: ['prepare_materials'], result: 'not_yet' })).json<RecordDto>();
    const calendar = await loadCalendar(t.db);
    expect(created.followUpDueOn).toBe(calendar.addWorkingDays(businessToday(), 2));
    const due = await api.ok<RecordDto[]>('GET', '/api/assistance/records?followUp=due', assistant);
    expect(due.map((r) => r.id)).toContain(created.id);

    const stale = await api.call('POST', `/api/assistance/records/${created.id}/follow-up`, assistant, { version: created.version + 1, result: '已申报' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const done = await api.ok<RecordDto>('POST', `/api/assistance/records/${created.id}/follow-up`, assistant, { version: created.version, result: '材料已补齐，已网上申报' });
    expect(done.followUpDoneAt).not.toBeNull();
    expect(done.followUpResult).toBe('材料已补齐，已网上申报');
    const again = await api.call('POST', `/api/assistance/records/${created.id}/follow-up`, assistant, { version: done.version, result: '再次回访' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect((await api.ok<RecordDto>('GET', `/api/assistance/records/${created.id}`, assistant)).followUpResult).toBe('材料已补齐，已网上申报');
  });

  it('refuses a follow-up on a record that has none', async () => {
    const created = (await record({ personName: '郑先生', helpedWith: ['fill_forms'], result: 'filed' })).json<RecordDto>();
    const res = await api.call('POST', `/api/assistance/records/${created.id}/follow-up`, assistant, { version: created.version, result: '回访' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE', message: '该辅导记录没有安排回访' });
    const [row] = await t.db.select().from(assistanceRecords).where(eq(assistanceRecords.id, created.id));
    expect(row!.followUpDoneAt).toBeNull();
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = await rows();
    const cases: [object, string][] = [
      [{ personName: '甲', helpedWith: ['fill_forms'], result: 'referred' }, 'referredTo'],
      [{ personName: '甲', helpedWith: ['fill_forms'], result: 'not_yet', applicationNumber: 'X1' }, 'applicationNumber'],
      [{ personName: '甲', helpedWith: ['fill_forms'], result: 'filed', referredTo: '税务' }, 'referredTo'],
      [{ personName: '甲', helpedWith: ['fill_forms'], result: 'not_yet', followUpDueOn: '2020-01-02' }, 'followUpDueOn'],
      [{ personName: '甲', helpedWith: ['fill_forms'], result: 'filed', itemIds: ['00000000-0000-4000-8000-000000000000'] }, 'itemIds'],
      [{ personName: '甲', helpedWith: [], result: 'filed' }, 'helpedWith'],
      [{ personName: '', helpedWith: ['fill_forms'], result: 'filed' }, 'personName'],
      [{ personName: '甲', helpedWith: ['fill_forms'], result: 'filed', ticketId: '00000000-0000-4000-8000-000000000000' }, 'ticketId'],
    ];
    for (const [body, field] of cases) {
      const res = await record(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await rows()).toBe(before);
  });

  it('is the filing assistant\'s and the manager\'s: a clerk and an enterprise are refused', async () => {
    expect((await record({ personName: '甲', helpedWith: ['fill_forms'], result: 'filed' }, clerk)).statusCode).toBe(403);
    expect((await api.call('GET', '/api/assistance/records', enterprise)).statusCode).toBe(403);
    expect((await api.call('GET', '/api/assistance/records', manager)).statusCode).toBe(200);
  });

  it('holds the demo: every result and mode, a follow-up due today and one overdue', async () => {
    const all = await api.ok<RecordDto[]>('GET', '/api/assistance/records', assistant);
    expect(new Set(all.map((r) => r.result))).toEqual(new Set(['filed', 'not_yet', 'referred']));
    expect(new Set(all.map((r) => r.mode))).toEqual(new Set(['on_site', 'video']));
    const video = all.find((r) => r.mode === 'video')!;
    expect(video.durationSeconds).toBe(18 * 60);
    const overdue = await api.ok<RecordDto[]>('GET', '/api/assistance/records?followUp=overdue', assistant);
    expect(overdue.map((r) => r.personName)).toContain('梁国栋');
    const due = await api.ok<RecordDto[]>('GET', '/api/assistance/records?followUp=due', assistant);
    expect(due.map((r) => r.personName)).toContain('陈佳怡');
    const figures = await api.ok<FiguresDto>('GET', `/api/assistance/figures?from=2000-01-01&to=${businessToday()}`, manager);
    expect(figures.followUpsOverdue).toBeGreaterThanOrEqual(1);
    expect(figures.videoMinutes).toBeGreaterThanOrEqual(18);
  });
});
