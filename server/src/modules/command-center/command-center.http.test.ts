import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { encryptField, maskPhone, personalDataKeys } from '../../platform/personal-data/personal-data.ts';
import { RATER_PHONE, seedKnownSet, type KnownSet } from '../evaluations/figures/testing.ts';
import type { CommandCenterDto, TargetDto } from './contract.ts';

/** 指挥中心 on the known set of ratings (evaluations/figures/testing.ts) and the demo: every target against its source, scope, refusals. */

let t: TestApp;
let set: KnownSet;
let manager: string;
let chief: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  const keys = personalDataKeys(t.config);
  set = await seedKnownSet(t.db, { cipher: encryptField(keys, 'phone', RATER_PHONE), masked: maskPhone(RATER_PHONE) });
  [manager, chief, clerk] = await Promise.all([t.loginAs('manager'), t.loginAs('chief'), t.loginAs('clerk')]);
});
afterAll(() => t.close());

const PERIOD = 'from=2020-06-01&to=2020-06-10';

async function get<T>(cookie: string, url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const target = (c: CommandCenterDto, key: TargetDto['key']) => c.targets.find((x) => x.key === key)!;

describe('the targets of a known period', () => {
  it('gives the callback and rectification rates of the known ratings, not met', async () => {
    const c = await get<CommandCenterDto>(manager, `/api/command-center?${PERIOD}`);
    expect(c.scope).toBe('center');
    expect(c.targets.map((x) => x.key)).toEqual([
      'callback_rate',
      'rectification_rate',
      'feedback_response_rate',
      'slot_within_3_days',
      'on_time_rate',
      'one_time_acceptance_rate',
      'deferred_overdue',
      'commitments_awaiting',
      'wait_today',
      'service_today',
    ]);
    expect(target(c, 'callback_rate')).toEqual({ key: 'callback_rate', unit: 'rate', value: 0.667, target: 1, isMet: false, numerator: 2, denominator: 3 });
    expect(target(c, 'rectification_rate')).toEqual({ key: 'rectification_rate', unit: 'rate', value: 0.333, target: 1, isMet: false, numerator: 1, denominator: 3 });
    const market = c.breakdowns.department.find((b) => b.key === set.marketId)!;
    expect(market).toMatchObject({ label: '市场监督管理局', count: 8, value: 0.375 });
  });

  it('takes every other target from the module that owns it', async () => {
    const c = await get<CommandCenterDto>(manager, `/api/command-center?${PERIOD}`);
    const feedback = await get<{ center: { answeredInTime: number; answeredLate: number; overdue: number } }>(manager, `/api/feedback-figures?${PERIOD}`);
    const counted = feedback.center.answeredInTime + feedback.center.answeredLate + feedback.center.overdue;
    expect(target(c, 'feedback_response_rate')).toMatchObject({ numerator: feedback.center.answeredInTime, denominator: counted });
    const apps = await get<{ decided: number; decidedOnTime: number; accepted: number; acceptedWithoutSupplement: number; acceptedWithoutSupplementRate: number | null }>(
      manager,
      `/api/application-figures?${PERIOD}`,
    );
    expect(target(c, 'on_time_rate')).toMatchObject({ numerator: apps.decidedOnTime, denominator: apps.decided });
    expect(target(c, 'one_time_acceptance_rate')).toMatchObject({ value: apps.acceptedWithoutSupplementRate, numerator: apps.acceptedWithoutSupplement, denominator: apps.accepted });
    const guarantee = await get<{ meeting: number; total: number }>(manager, `/api/appointments/guarantee/${set.centerId}`);
    expect(target(c, 'slot_within_3_days')).toMatchObject({ numerator: guarantee.meeting, denominator: guarantee.total, isMet: guarantee.meeting === guarantee.total });
    const live = await get<{ totals: { waiting: number; countersOpen: number; averageWaitMinutes: number | null } }>(manager, `/api/queue/centers/${set.centerId}/figures/live`);
    expect(c.now).toMatchObject({ waiting: live.totals.waiting, countersOpen: live.totals.countersOpen });
    expect(target(c, 'wait_today').value).toBe(live.totals.averageWaitMinutes);
    expect(c.trends.days).toHaveLength(30);
    expect(c.trends.months.length).toBeGreaterThan(0);
    expect(c.breakdowns.channel.length).toBeGreaterThan(0);
    for (const x of c.targets) expect(typeof x.isMet).toBe('boolean');
  });
});

describe('who sees what', () => {
  it('shows a chief officer only their department', async () => {
    const c = await get<CommandCenterDto>(chief, `/api/command-center?${PERIOD}`);
    expect(c.scope).toBe('department');
    expect(c.departments.map((d) => d.name)).toEqual(['市场监督管理局']);
    expect(c.breakdowns.department.map((b) => b.key)).toEqual([set.marketId]);
    const own = await get<{ totals: { calledBack: number; realNameBad: number } }>(chief, `/api/evaluation-figures?${PERIOD}`);
    expect(target(c, 'callback_rate')).toMatchObject({ numerator: own.totals.calledBack, denominator: own.totals.realNameBad });
    expect(c.region).toEqual([]);
    const other = await t.app.inject({ method: 'GET', url: `/api/command-center?${PERIOD}&departmentId=${set.taxId}`, headers: { cookie: chief } });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('puts the centers of the region side by side for the county manager', async () => {
    const c = await get<CommandCenterDto>(manager, `/api/command-center?${PERIOD}`);
    const centers = await get<{ id: string; level: string; parentId: string | null }[]>(manager, '/api/centers');
    const town = centers.find((x) => x.level === 'town' && x.parentId === c.centerId)!;
    expect(c.region.map((r) => r.centerId)).toEqual(expect.arrayContaining([c.centerId, town.id]));
    expect(c.region.find((r) => r.centerId === c.centerId)!.targets).toEqual(c.targets);
    const townRow = c.region.find((r) => r.centerId === town.id)!;
    expect(townRow.targets.map((x) => x.key)).toEqual(c.targets.map((x) => x.key));
    // the known ratings are the county's: the town has no real-name bad review in the period
    expect(townRow.targets.find((x) => x.key === 'callback_rate')).toMatchObject({ value: null, isMet: true, denominator: 0 });
  });

  it('lets a manager narrow to one department', async () => {
    const c = await get<CommandCenterDto>(manager, `/api/command-center?${PERIOD}&departmentId=${set.taxId}`);
    expect(c.scope).toBe('department');
    expect(c.breakdowns.department.map((b) => b.key)).toEqual([set.taxId]);
  });

  it('refuses a clerk, and bad input with the field named', async () => {
    for (const url of ['/api/command-center', `/api/command-center/centers/${set.centerId}/stream`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: clerk } });
      expect(res.statusCode).toBe(403);
    }
    const elsewhere = await t.app.inject({ method: 'GET', url: '/api/command-center/centers/00000000-0000-4000-8000-000000000000/stream', headers: { cookie: manager } });
    expect(elsewhere.statusCode).toBe(404);
    const reversed = await t.app.inject({ method: 'GET', url: '/api/command-center?from=2020-06-10&to=2020-06-01', headers: { cookie: manager } });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'from' }] });
    const badDepartment = await t.app.inject({ method: 'GET', url: '/api/command-center?departmentId=x', headers: { cookie: manager } });
    expect(badDepartment.statusCode).toBe(400);
    expect(badDepartment.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'departmentId' }] });
  });
});
