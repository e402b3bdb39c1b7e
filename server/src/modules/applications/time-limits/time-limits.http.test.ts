import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { setOverride } from '../../../platform/calendar/service.ts';
import { getDepartment, updateDepartment } from '../../staff/service.ts';
import type { ApplicationDetail } from '../contract.ts';
import { apiOf, at, foodIntake, provideAllBut, type Api } from '../testing.ts';
import type { SupervisionDto, TimeLimitFigures, TimeLimitHistory, TimeLimitSettingsDto } from './contract.ts';
import { raiseTimeLimitAlerts } from './raise.ts';

/** A.7: warnings at the center's share, overdue, escalation by working days, 督办 and the figures. */

let t: TestApp;
let api: Api;
let clerk: string;
let reviewer: string;
let chief: string;
let manager: string;
const DEPARTMENT_PHONE = '13900139000';

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [clerk, reviewer, chief, manager] = await Promise.all([t.loginAs('clerk'), t.loginAs('reviewer'), t.loginAs('chief'), t.loginAs('manager')]);
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const deps = () => ({ db: t.db, config: t.config });
const raiseOn = (day: string) => raiseTimeLimitAlerts(deps(), at(day, '09:00'));
const history = (id: string, who = manager) => api.ok<TimeLimitHistory>('GET', `/api/time-limits/applications/${id}`, who);
const kinds = async (id: string) => (await history(id)).alerts.map((a) => `${a.kind}${a.level || ''}`);

/** A 食品经营许可 (10 promised working days) accepted on `day`; the reviewer takes its task. */
async function accepted(day: string): Promise<ApplicationDetail> {
  vi.setSystemTime(at(day, '10:00'));
  let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake()));
  app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
  expect(app.state).toBe('in_review');
  const task = app.tasks[0]!;
  await api.ok('POST', `/api/review/tasks/${task.id}/take`, reviewer, { version: task.version });
  return api.ok('GET', `/api/applications/${app.id}`, clerk);
}

async function smsCount(alertId: string): Promise<number> {
  const rows = (await t.db.execute(sql`select count(*)::int as n from notification_messages where related_type = 'time_limit_alert' and related_id = ${alertId}`)) as unknown as { rows: { n: number }[] };
  return rows.rows[0]!.n;
}

let first: ApplicationDetail;
/** The figures of November before this file's applications (the demo raises its own on the days before it was seeded). */
let before: TimeLimitFigures['departments'][number] | undefined;
const NOVEMBER = '/api/time-limits/figures?from=2026-11-01&to=2026-11-30';
const MARKET = '市场监督管理局';

describe('warning, overdue and escalation', () => {
  it('warns at 80 % of the promised working days, once, to the reviewer, the chief officer and the manager, and by SMS', async () => {
    const row = (await t.db.execute(sql`select department_id from staff where username = 'chief'`)) as unknown as { rows: { department_id: string }[] };
    const department = await getDepartment(t.db, row.rows[0]!.department_id);
    await updateDepartment(t.db, department.id, { version: department.version, phone: DEPARTMENT_PHONE });
    before = (await api.ok<TimeLimitFigures>('GET', NOVEMBER, manager)).departments.find((d) => d.departmentName === MARKET);
    first = await accepted('2026-11-02');
    expect(first.dueDate).toBe('2026-11-16');

    await raiseOn('2026-11-11'); // 7 of 10 working days used
    expect(await kinds(first.id)).toEqual([]);
    await raiseOn('2026-11-12'); // 8 of 10
    await raiseOn('2026-11-12'); // the job runs again: nothing twice
    await Promise.all([raiseOn('2026-11-12'), raiseOn('2026-11-12')]);
    const h = await history(first.id);
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatchObject({ kind: 'warning', level: 0, dueDate: '2026-11-16', usedShare: 0.8, raisedOn: '2026-11-12' });
    expect(h.alerts[0]!.recipients.map((r) => `${r.role}:${r.name}`).sort()).toEqual(['center_manager:陈慧敏', 'chief_officer:黄国栋', 'reviewer:梁俊杰']);
    expect(await smsCount(h.alerts[0]!.id)).toBe(1);

    for (const who of [reviewer, chief, manager]) {
      const notices = await api.ok<{ application: { id: string }; alert: { kind: string } }[]>('GET', '/api/time-limits/notices', who);
      expect(notices.filter((n) => n.application.id === first.id).map((n) => n.alert.kind)).toEqual(['warning']);
      expect((await api.ok<{ open: number }>('GET', '/api/time-limits/notices/count', who)).open).toBeGreaterThan(0);
    }
  });

  it('raises overdue the day after the due date, then escalates one level per 2 further working days of the calendar', async () => {
    await raiseOn('2026-11-16'); // the due date itself: not yet overdue
    expect(await kinds(first.id)).toEqual(['warning']);
    await raiseOn('2026-11-17');
    expect(await kinds(first.id)).toEqual(['warning', 'overdue']);
    // Overdue on the 17th; a holiday on the 18th: two further working days are the 19th and the 20th.
    await setOverride(t.db, '2026-11-18', { kind: 'holiday', note: '测试假日' }, 'test');
    await raiseOn('2026-11-19');
    expect(await kinds(first.id)).toEqual(['warning', 'overdue']);
    await raiseOn('2026-11-20');
    await raiseOn('2026-11-20');
    expect(await kinds(first.id)).toEqual(['warning', 'overdue', 'escalation1']);
    await raiseOn('2026-11-23'); // level 1 on the 20th, two further working days: the 23rd and the 24th
    expect(await kinds(first.id)).toEqual(['warning', 'overdue', 'escalation1']);
    await raiseOn('2026-11-24');
    const h = await history(first.id);
    expect(h.alerts.map((a) => `${a.kind}${a.level || ''}`)).toEqual(['warning', 'overdue', 'escalation1', 'escalation2']);
    expect(h.alerts[2]!.recipients.map((r) => r.role)).toEqual(['chief_officer']);
    expect(h.alerts[3]!.recipients.map((r) => r.role)).toEqual(['center_manager']);
    // The demo county has no region center above it: no level 3, however late.
    await raiseOn('2026-12-04');
    expect(await kinds(first.id)).toHaveLength(4);
  });

  it('follows the center setting: warning at 90 % once the manager sets it; only a manager may change it', async () => {
    const current = await api.ok<TimeLimitSettingsDto>('GET', '/api/time-limits/settings', manager);
    expect(current).toEqual({ warningPercent: 80, escalationDays: 2, version: 0 });
    const refused = await api.call('PUT', '/api/time-limits/settings', reviewer, { warningPercent: 90, escalationDays: 3, version: 0 });
    expect(refused.statusCode).toBe(403);
    const bad = await api.call('PUT', '/api/time-limits/settings', manager, { warningPercent: 120, escalationDays: 3, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(await api.ok<TimeLimitSettingsDto>('PUT', '/api/time-limits/settings', manager, { warningPercent: 90, escalationDays: 3, version: 0 })).toEqual({ warningPercent: 90, escalationDays: 3, version: 1 });
    const stale = await api.call('PUT', '/api/time-limits/settings', manager, { warningPercent: 85, escalationDays: 3, version: 0 });
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION' });

    const second = await accepted('2026-11-02');
    await raiseOn('2026-11-12'); // 80 %: below the setting
    expect(await kinds(second.id)).toEqual([]);
    // the back office's colour follows the same setting
    const dueOn = async (day: string) => {
      vi.setSystemTime(at(day, '10:00'));
      return (await api.ok<ApplicationDetail>('GET', `/api/applications/${second.id}`, reviewer)).due.status;
    };
    expect(await dueOn('2026-11-12')).toBe('normal');
    expect(await dueOn('2026-11-13')).toBe('warning');
    await raiseOn('2026-11-13'); // 90 %
    expect(await kinds(second.id)).toEqual(['warning']);
  });
});

describe('supervision (督办)', () => {
  it('the manager opens one on an undecided application; only the addressee (the chief officer) replies, once', async () => {
    vi.setSystemTime(at('2026-11-26', '10:00'));
    const url = `/api/time-limits/applications/${first.id}/supervisions`;
    expect((await api.call('POST', url, chief, { deadline: '2026-11-30', request: '请尽快办结' })).statusCode).toBe(403);
    const past = await api.call('POST', url, manager, { deadline: '2026-11-25', request: '请尽快办结' });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields).toEqual([expect.objectContaining({ field: 'deadline' })]);
    const opened = await api.call('POST', url, manager, { deadline: '2026-11-30', request: '该件已超期，请于期限内办结并说明原因' });
    expect(opened.statusCode, opened.body).toBe(201);
    const s = opened.json<SupervisionDto>();
    expect(s).toMatchObject({ addresseeName: '黄国栋', openedByName: '陈慧敏', reply: null, isOverdue: false, canReply: false });
    expect((await api.call('POST', url, manager, { deadline: '2026-11-30', request: '再次督办' })).json()).toMatchObject({ code: 'SUPERVISION_OPEN' });

    const mine = await api.ok<SupervisionDto[]>('GET', '/api/time-limits/supervisions', chief);
    expect(mine.find((x) => x.id === s.id)).toMatchObject({ canReply: true });

    const byManager = await api.call('POST', `/api/time-limits/supervisions/${s.id}/reply`, manager, { reply: '代为答复', version: s.version });
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json()).toMatchObject({ code: 'SUPERVISION_NOT_ADDRESSEE' });
    expect((await api.call('POST', `/api/time-limits/supervisions/${s.id}/reply`, reviewer, { reply: '代为答复', version: s.version })).statusCode).toBe(403);
    expect((await history(first.id)).supervisions[0]).toMatchObject({ reply: null, version: s.version });

    const replied = await api.ok<SupervisionDto>('POST', `/api/time-limits/supervisions/${s.id}/reply`, chief, { reply: '已督促审查人员，明日办结', version: s.version });
    expect(replied).toMatchObject({ reply: '已督促审查人员，明日办结', repliedByName: '黄国栋', isOverdue: false, canReply: false });
    expect((await api.call('POST', `/api/time-limits/supervisions/${s.id}/reply`, chief, { reply: '再答复', version: replied.version })).json()).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('flags a supervision not replied by its deadline', async () => {
    vi.setSystemTime(at('2026-11-26', '10:00'));
    const opened = await api.ok<SupervisionDto>('POST', `/api/time-limits/applications/${first.id}/supervisions`, manager, { deadline: '2026-11-26', request: '今日内答复' });
    expect(opened.isOverdue).toBe(false);
    vi.setSystemTime(at('2026-11-27', '10:00'));
    expect((await history(first.id)).supervisions.find((x) => x.id === opened.id)).toMatchObject({ isOverdue: true, reply: null });
  });

  it('refuses a supervision on a decided application', async () => {
    vi.setSystemTime(at('2026-11-27', '10:00'));
    const decided = (await t.db.execute(sql`select id from applications where state = 'delivered' and kind = 'item' limit 1`)) as unknown as { rows: { id: string }[] };
    const res = await api.call('POST', `/api/time-limits/applications/${decided.rows[0]!.id}/supervisions`, manager, { deadline: '2026-11-30', request: '督办' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('figures', () => {
  it('counts warnings, overdue, escalated and supervised applications per department for a period', async () => {
    const figures = await api.ok<TimeLimitFigures>('GET', NOVEMBER, manager);
    const after = figures.departments.find((d) => d.departmentName === MARKET)!;
    const was = (k: keyof NonNullable<typeof before>) => Number(before?.[k] ?? 0);
    // this file's two applications warned, one overdue and escalated, one supervision replied and one open
    expect(after).toMatchObject({
      warnings: was('warnings') + 2,
      overdue: was('overdue') + 1,
      escalated: was('escalated') + 1,
      supervisedOpen: was('supervisedOpen') + 1,
      supervisedReplied: was('supervisedReplied') + 1,
    });
    expect((await api.call('GET', '/api/time-limits/figures?from=2026-11-30&to=2026-11-01', manager)).statusCode).toBe(400);
  });
});
