import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { encryptField, maskPhone, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { finishRectification, PUBLIC_SUMMARY, RATER_NAME, RATER_PHONE, RATER_USCC, seedKnownSet, type KnownSet } from '../figures/testing.ts';
import type { DisclosureDto } from './contract.ts';

/** The portal's 评价公示: public, read-only, the month's figures and rectified bad reviews — and no personal data. */

let t: TestApp;
let set: KnownSet;

beforeAll(async () => {
  t = await createTestApp();
  const keys = personalDataKeys(t.config);
  set = await seedKnownSet(t.db, { cipher: encryptField(keys, 'phone', RATER_PHONE), masked: maskPhone(RATER_PHONE) });
  await finishRectification(t.db, set);
});
afterAll(() => t.close());

describe('评价公示', () => {
  it('shows a month by department and counter, and the rectified bad review with its tags and public summary, without login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/portal/evaluation-disclosure?month=2020-06' });
    expect(res.statusCode, res.body).toBe(200);
    const d: DisclosureDto = res.json();
    expect(d.month).toBe('2020-06');
    expect(d.months).toHaveLength(24);
    expect(d.totals).toEqual({ rated: 9, levels: { 5: 3, 4: 1, 3: 1, 2: 2, 1: 2 }, goodRate: 0.444 });
    expect(d.departments).toEqual([
      { name: '市场监督管理局', rated: 8, levels: { 5: 2, 4: 1, 3: 1, 2: 2, 1: 2 }, goodRate: 0.375 },
      { name: '税务局', rated: 1, levels: { 5: 1, 4: 0, 3: 0, 2: 0, 1: 0 }, goodRate: 1 },
    ]);
    expect(d.counters.map((c) => [c.number, c.rated])).toEqual([
      ['1', 8],
      ['12', 1],
    ]);
    expect(d.rectified).toEqual([
      { ratedOn: '2020-06-02', rectifiedOn: '2020-06-02', departmentName: '市场监督管理局', itemName: expect.any(String), level: 1, tags: ['告知不清、反复补材料', '态度生硬'], measures: PUBLIC_SUMMARY },
    ]);
    expect(d.rectified[0]!.itemName).toContain('食品经营许可');
  });

  it('carries no personal data: no rater name, phone, credit code, comment or staff name', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/portal/evaluation-disclosure?month=2020-06' })).body;
    for (const secret of [RATER_NAME, RATER_PHONE, maskPhone(RATER_PHONE), RATER_USCC, '材料说不清楚', '李晓彤', '黄国栋', '约谈', set.ratingIds.t6, set.callbackIds.t6]) {
      expect(body, secret).not.toContain(secret);
    }
    expect(body).not.toMatch(/1[3-9]\d{9}/);
    expect(body).not.toMatch(/[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/);
  });

  it('shows the demo month and refuses a malformed month; it is GET only', async () => {
    const current = await t.app.inject({ method: 'GET', url: '/api/portal/evaluation-disclosure' });
    expect(current.statusCode).toBe(200);
    const demo: DisclosureDto = current.json();
    expect(demo.center.name).toBe('佛山市南海区政务服务中心');
    const previous = (await t.app.inject({ method: 'GET', url: `/api/portal/evaluation-disclosure?month=${demo.months[1]}` })).json() as DisclosureDto;
    expect(previous.totals.rated).toBeGreaterThan(50);
    expect(previous.rectified.length).toBeGreaterThan(0);
    const bad = await t.app.inject({ method: 'GET', url: '/api/portal/evaluation-disclosure?month=2020-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await t.app.inject({ method: 'POST', url: '/api/portal/evaluation-disclosure', payload: {} })).statusCode).toBe(404);
  });
});
