import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { CallbackDetail } from '../callbacks/contract.ts';
import { apiOf, callbackIdOf, insertRating, type Api } from '../callbacks/testing.ts';
import type { DisclosureDto } from '../disclosure/contract.ts';
import type { FiguresDto } from './contract.ts';

/**
 * The issue's "done when", from the dashboard's side: a real-name bad review written the way the
 * ratings part writes one opens a callback; as the department's chief officer records the call,
 * the verdict, the rectification, its completion and the re-rating through the callbacks' HTTP
 * routes, the callback and rectification rates of the day move, the review leaves the pending
 * list, and the month's disclosure lists the rectification with its public summary.
 */

let t: TestApp;
let api: Api;
let chief: string;
let manager: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [chief, manager] = await Promise.all([t.loginAs('chief'), t.loginAs('manager')]);
});
afterAll(() => t.close());

const today = businessToday();
const figures = () => api.ok<FiguresDto>('GET', `/api/evaluation-figures?from=${today}&to=${today}`, manager);
const url = (id: string, path = '') => `/api/evaluations/callbacks/${id}${path}`;

describe('a bad review through its callback, seen on the dashboard', () => {
  it('moves the callback and rectification rates as the department works, and publishes the rectification', async () => {
    const before = (await figures()).totals;
    const ratingId = await insertRating(t, { level: 1, ratedAt: new Date(Date.now() - 60_000) });
    const id = (await callbackIdOf(t, ratingId))!;

    let f = await figures();
    expect(f.totals).toMatchObject({ realNameBad: before.realNameBad + 1, calledBack: before.calledBack, rectified: before.rectified });
    expect(f.pending.find((p) => p.ratingId === ratingId)).toMatchObject({ callbackId: id, reason: 'not_contacted' });

    let d = await api.ok<CallbackDetail>('GET', url(id), chief);
    d = await api.ok<CallbackDetail>('POST', url(id, '/contacts'), chief, { version: d.version, method: 'phone', isReached: true, note: '已联系评价人并致歉' });
    f = await figures();
    expect(f.totals).toMatchObject({ calledBack: before.calledBack + 1, rectified: before.rectified });
    expect(f.pending.find((p) => p.ratingId === ratingId)?.reason).toBe('not_closed');
    expect(f.totals.avgCallbackHours).not.toBeNull();

    d = await api.ok<CallbackDetail>('POST', url(id, '/verify'), chief, { version: d.version, verdict: 'founded', note: '经核查属实' });
    d = await api.ok<CallbackDetail>('POST', url(id, '/rectification'), chief, {
      version: d.version,
      measures: '对窗口人员开展服务规范培训',
      ownerId: d.owners.find((o) => o.displayName === '黄国栋')!.id,
      dueOn: '2099-01-01',
      publicSummary: '已开展窗口服务规范培训',
    });
    expect((await figures()).totals.rectified).toBe(before.rectified);
    d = await api.ok<CallbackDetail>('POST', url(id, '/rectification/done'), chief, { version: d.version, result: '培训已完成' });
    f = await figures();
    expect(f.totals.rectified).toBe(before.rectified + 1);
    expect(f.pending.some((p) => p.ratingId === ratingId)).toBe(false);
    d = await api.ok<CallbackDetail>('POST', url(id, '/re-rating'), chief, { version: d.version, level: 5, comment: '满意' });
    await api.ok<CallbackDetail>('POST', url(id, '/close'), chief, { version: d.version });
    expect((await figures()).totals.rectified).toBe(before.rectified + 1);

    const disclosure = await api.ok<DisclosureDto>('GET', `/api/portal/evaluation-disclosure?month=${today.slice(0, 7)}`);
    expect(disclosure.rectified).toContainEqual(expect.objectContaining({ ratedOn: today, rectifiedOn: today, departmentName: '市场监督管理局', measures: '已开展窗口服务规范培训', level: 1 }));
  });
});
