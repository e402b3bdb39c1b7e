import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import { DEMO_CENTER } from '../../demo/data.ts';
import { listCenters } from '../venue/service.ts';
import { callbackStageCounts } from './demo/repository.ts';
import type { FiguresDto } from './figures/contract.ts';

/** The demo center's 好差评 history: months of ratings, callbacks in every stage, an upheld and a pending appeal. */

let t: TestApp;
let manager: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('manager');
});
afterAll(() => t.close());

describe('evaluations demo', () => {
  it('has at least one callback in each stage, one upheld appeal and one pending', async () => {
    const center = (await listCenters(t.db)).find((c) => c.name === DEMO_CENTER.name)!;
    const stages = await callbackStageCounts(t.db, center.id, businessToday());
    for (const stage of ['open', 'open_overdue', 'contacted', 'unfounded_closed', 'founded_verified', 'rectifying', 'rectified_awaiting', 'closed_re_rated', 'closed_by_appeal']) {
      expect(stages[stage], stage).toBeGreaterThanOrEqual(1);
    }
    expect(stages.appeal_upheld).toBe(1);
    expect(stages.appeal_pending).toBe(1);
  });

  it('gives months of ratings on every channel, defaults among them, and a dashboard below 100 % with its reasons', async () => {
    const get = async (query: string): Promise<FiguresDto> => (await t.app.inject({ method: 'GET', url: `/api/evaluation-figures?${query}`, headers: { cookie: manager } })).json();
    const today = businessToday();
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 85 * 86_400_000).toISOString().slice(0, 10);
    const byMonth = await get(`from=${from}&to=${today}&groupBy=month`);
    expect(byMonth.rows.filter((r) => r.rated > 50).length).toBeGreaterThanOrEqual(3);
    expect(byMonth.totals.excluded).toBe(1);
    expect(byMonth.totals.defaulted).toBeGreaterThan(0);
    expect(byMonth.totals.activeRate).toBeGreaterThan(0.5);
    const byChannel = await get(`from=${from}&to=${today}&groupBy=channel`);
    expect(byChannel.rows.map((r) => r.key).sort()).toEqual(['default', 'evaluator', 'kiosk', 'phone', 'portal', 'qr', 'sms']);
    const recent = await get('');
    expect(recent.totals.realNameBad).toBeGreaterThan(0);
    expect(recent.totals.rectificationRate).toBeLessThan(1);
    expect(recent.pending.map((p) => p.reason)).toEqual(expect.arrayContaining(['not_contacted', 'not_closed']));
    expect(recent.pending.some((p) => p.isOverdue)).toBe(true);
  });
});
