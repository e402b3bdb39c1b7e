import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { encryptField, maskPhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import * as demoRepo from '../demo/repository.ts';
import type { FiguresDto } from './contract.ts';
import { finishRectification, RATER_PHONE, seedKnownSet, type KnownSet } from './testing.ts';

/** The 好差评 figures computed on a known small set (figures/testing.ts): every rate, the pending list, exclusion and scope. */

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

async function figures(cookie: string, query = ''): Promise<FiguresDto> {
  const res = await t.app.inject({ method: 'GET', url: `/api/evaluation-figures?${PERIOD}${query}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the rates of a known period', () => {
  it('computes every rate over the center, leaving the excluded review out', async () => {
    const f = await figures(manager, '&groupBy=department');
    expect(f.isCenterWide).toBe(true);
    expect(f.target).toBe(1);
    expect(f.totals).toEqual({
      rated: 9,
      levels: { 5: 3, 4: 1, 3: 1, 2: 2, 1: 2 },
      goodRate: 0.444,
      badRate: 0.444,
      activeGoodRate: 0.5,
      excluded: 1,
      anonymousBad: 1,
      realNameBad: 3,
      calledBack: 2,
      callbackRate: 0.667,
      rectified: 1,
      rectificationRate: 0.333,
      avgCallbackHours: 3,
      finished: 11,
      activelyRated: 8,
      activeRate: 0.727,
      defaulted: 1,
      unratedPastPeriod: 1,
      awaitingRating: 0,
      unratedRate: 0.182,
    });
    const market = f.rows.find((r) => r.key === set.marketId)!;
    expect(market).toMatchObject({ label: '市场监督管理局', rated: 8, finished: 10, activelyRated: 7, activeRate: 0.7, goodRate: 0.375 });
    expect(f.rows.find((r) => r.key === set.taxId)).toMatchObject({ label: '税务局', rated: 1, goodRate: 1, finished: 1, activeRate: 1, realNameBad: 0, callbackRate: null });
  });

  it('lists what keeps the callback and rectification rates below 100 %, with links by id', async () => {
    const f = await figures(manager);
    expect(f.pending.map((p) => [p.ratingId, p.callbackId, p.reason])).toEqual([
      [set.ratingIds.t6, set.callbackIds.t6, 'not_closed'],
      [set.ratingIds.t7, set.callbackIds.t7, 'not_contacted'],
    ]);
    expect(f.pending[1]).toMatchObject({ departmentName: '市场监督管理局', counterNumber: '1', contactDueOn: '2020-06-03', isOverdue: true, level: 1 });
  });

  it('groups by channel (no 主动评价率 there), by clerk and by day', async () => {
    const byChannel = await figures(manager, '&groupBy=channel');
    const channel = (key: string) => byChannel.rows.find((r) => r.key === key);
    expect(channel('evaluator')).toMatchObject({ label: '窗口评价器', rated: 4, activeRate: null, finished: 0 });
    expect(channel('qr')).toMatchObject({ rated: 2, realNameBad: 1, calledBack: 1, rectified: 1 });
    expect(channel('default')).toMatchObject({ rated: 1, levels: { 3: 1 } });
    expect(channel('phone')).toMatchObject({ rated: 0, excluded: 1 });
    const byStaff = await figures(manager, '&groupBy=staff');
    expect(byStaff.rows.map((r) => r.label).sort()).toEqual(['李晓彤（NH0201）', '谢婉婷（NH0212）']);
    const byDay = await figures(manager, '&groupBy=day');
    expect(byDay.rows.map((r) => [r.key, r.rated, r.finished])).toEqual([
      ['2020-06-02', 8, 11],
      ['2020-06-09', 1, 0],
    ]);
  });

  it('moves the rectification rate when the rectification is done', async () => {
    await finishRectification(t.db, set);
    const f = await figures(manager);
    expect(f.totals).toMatchObject({ rectified: 2, rectificationRate: 0.667, callbackRate: 0.667 });
    expect(f.pending.map((p) => p.ratingId)).toEqual([set.ratingIds.t7]);
  });

  it('leaves a review excluded by an upheld appeal out of every rate, and counts it apart', async () => {
    await demoRepo.markExcluded(t.db, [set.ratingIds.t7], new Date());
    const f = await figures(manager);
    expect(f.totals).toMatchObject({ rated: 8, excluded: 2, realNameBad: 2, calledBack: 2, callbackRate: 1, rectified: 2, rectificationRate: 1, activelyRated: 7, badRate: 0.375 });
    expect(f.pending).toEqual([]);
  });
});

describe('who sees what', () => {
  it('shows a chief officer only the departments they lead', async () => {
    const f = await figures(chief, '&groupBy=department');
    expect(f.isCenterWide).toBe(false);
    expect(f.departments.map((d) => d.name)).toEqual(['市场监督管理局']);
    expect(f.rows.map((r) => r.key)).toEqual([set.marketId]);
    expect(f.totals).toMatchObject({ rated: 7, finished: 10 });
    const other = await t.app.inject({ method: 'GET', url: `/api/evaluation-figures?${PERIOD}&departmentId=${set.taxId}`, headers: { cookie: chief } });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses staff without evaluation.figures, and bad periods with the field named', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/evaluation-figures', headers: { cookie: clerk } })).statusCode).toBe(403);
    const reversed = await t.app.inject({ method: 'GET', url: '/api/evaluation-figures?from=2020-06-10&to=2020-06-01', headers: { cookie: manager } });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'from' }] });
    const group = await t.app.inject({ method: 'GET', url: '/api/evaluation-figures?groupBy=weekday', headers: { cookie: manager } });
    expect(group.statusCode).toBe(400);
  });

  it('gives the demo center figures of the last 30 days by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/evaluation-figures', headers: { cookie: manager } });
    expect(res.statusCode).toBe(200);
    const f: FiguresDto = res.json();
    expect(f.totals.rated).toBeGreaterThan(100);
    expect(f.totals.goodRate).toBeGreaterThan(0.7);
  });
});
