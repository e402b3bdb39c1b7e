import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo policies', () => {
  it('has 40 policies in every status, matched, pushed and granted in every state', async () => {
    const api = testApi(t);
    const officer = await t.loginAs('policy');
    const list = await api.ok<{ total: number; items: { status: string; matchCount: number }[] }>('GET', '/api/policies?pageSize=100', officer);
    expect(list.total).toBe(40);
    const statuses = new Set(list.items.map((p) => p.status));
    expect([...statuses].sort()).toEqual(['draft', 'expired', 'published', 'withdrawn']);
    expect(list.items.filter((p) => p.status === 'published' && p.matchCount > 0).length).toBeGreaterThanOrEqual(30);
    const rows = await t.db.execute(sql`select status, disbursement, count(*)::int as n from policy_grants group by 1, 2`);
    const states = new Set((rows as unknown as { rows: { status: string; disbursement: string }[] }).rows.map((r) => `${r.status}/${r.disbursement}`));
    for (const s of ['pending/not_started', 'confirmed/disbursed', 'confirmed/in_progress', 'rejected/not_started']) expect(states).toContain(s);
    const texted = await t.db.execute(sql`select count(*)::int as n from policy_pushes where is_sms_queued`);
    expect((texted as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);
    const pub = await api.ok<unknown[]>('GET', '/api/public/policies');
    expect(pub.length).toBe(list.items.filter((p) => p.status === 'published').length);
  });

  it('has online applications for an apply-mode policy in every state, counted as applied', async () => {
    const api = testApi(t);
    const officer = await t.loginAs('policy');
    const list = await api.ok<{ items: { id: string; title: string; departmentId: string | null; itemId: string | null }[] }>('GET', '/api/policies?pageSize=100', officer);
    const food = list.items.find((p) => p.title === '食品经营企业规范化提升补助')!;
    expect(food.departmentId).not.toBeNull();
    expect(food.itemId).not.toBeNull();
    const applications = await api.ok<{ state: string }[]>('GET', `/api/policies/${food.id}/applications`, officer);
    expect(applications.map((a) => a.state).sort()).toEqual(['approved', 'awaiting_supplement', 'declined', 'in_review', 'received']);
    expect((await api.ok<{ applied: number }>('GET', `/api/policies/${food.id}/figures`, officer)).applied).toBe(5);
  });
});
