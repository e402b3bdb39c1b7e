import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import { enterprisesForMatching } from '../enterprises/service.ts';
import { validLicenseCodesByEnterprise } from '../licenses/service.ts';
import { evaluateRule } from './rules/evaluate.ts';
import type { Rule } from './rules/rule.ts';
import { toAttributes } from './runtime.ts';

const PORTAL = '91440605MA4W3K7P3K';
const SMALL = { field: 'sizeClass', op: 'in', value: ['small', 'micro'] };
const FIVE = { field: 'employees', op: 'gte', value: 5 };
const NO_BAD_CREDIT = { field: 'seriousBadCredit', op: 'eq', value: false };
const STORY: Rule = { all: [SMALL, FIVE, NO_BAD_CREDIT] } as Rule;

let t: TestApp;
let api: TestApi;
let officer: string;
let chief: string;

/** The plain reading of a rule over the registry of 南海区 (440605), read straight from the database. */
async function expectedMatches(rule: Rule): Promise<string[]> {
  const today = businessToday();
  const rows = await enterprisesForMatching(t.db);
  const licenses = await validLicenseCodesByEnterprise(t.db, today);
  return rows
    .map((r) => toAttributes(r, licenses.get(r.id) ?? []))
    .filter((e) => e.districtCode.startsWith('440605') && evaluateRule(rule, e, today))
    .map((e) => e.uscc)
    .sort();
}

async function allMatches(id: string): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const res = await api.ok<{ total: number; items: { uscc: string }[] }>('GET', `/api/policies/${id}/matches?page=${page}&pageSize=500`, officer);
    out.push(...res.items.map((i) => i.uscc));
    if (out.length >= res.total || res.items.length === 0) return out.sort();
  }
}

async function portalLogin(uscc: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc, password: 'Demo1234' } });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

const draft = (over: Record<string, unknown> = {}) => ({
  title: '小微企业稳岗补贴（测试）',
  issuingDepartment: '佛山市南海区人力资源和社会保障局',
  kind: 'subsidy',
  mode: 'apply',
  amountRule: { kind: 'per_employee', perEmployee: 300, cap: 30000 },
  rule: STORY,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  officer = await t.loginAs('policy');
  chief = await t.loginAs('chief');
});
afterAll(() => t.close());

describe('the rule builder’s live count', () => {
  it('counts the caller region’s enterprises as conditions are added, exactly as a plain reading of the rule', async () => {
    const counts: number[] = [];
    for (const rule of [{ all: [SMALL] }, { all: [SMALL, FIVE] }, STORY]) {
      const res = await api.ok<{ count: number; sample: { uscc: string }[] }>('POST', '/api/policies/preview', officer, { rule });
      expect(res.count).toBe((await expectedMatches(rule as Rule)).length);
      expect(res.sample.length).toBe(Math.min(10, res.count));
      counts.push(res.count);
    }
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(counts[1]).toBeGreaterThanOrEqual(counts[2]!);
    expect(counts[2]).toBeGreaterThan(0);
  });

  it.each([
    [{ all: [SMALL, { field: 'colour', op: 'eq', value: 'red' }] }, 'RULE_INVALID', 'rule.all[1].field'],
    [{ all: [{ field: 'employees', op: 'contains', value: 5 }] }, 'RULE_INVALID', 'rule.all[0].op'],
    [{ any: [{ field: 'revenue', op: 'between', value: [500, 100] }] }, 'RULE_INVALID', 'rule.any[0].value'],
    [{ all: [{ field: 'industry', op: 'prefix', value: 'C99' }] }, 'INDUSTRY_UNKNOWN', 'rule.all[0].value'],
    [{ all: [SMALL, { any: [] }] }, 'RULE_INVALID', 'rule.all[1].any'],
  ])('refuses a bad rule naming the node: %j', async (rule, code, path) => {
    for (const [url, body] of [['/api/policies/preview', { rule }], ['/api/policies', draft({ rule })]] as const) {
      const res = await api.call('POST', url, officer, body);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code, fields: [{ field: path }] });
      expect(res.json().message).toContain(path);
    }
  });
});

describe('publishing, matches, explanation and push', () => {
  let policyId: string;
  let expected: string[];

  it('refuses to publish without a validity period or past its end, then publishes', async () => {
    const created = await api.ok<{ id: string; status: string; version: number }>('POST', '/api/policies', officer, draft());
    expect(created.status).toBe('draft');
    policyId = created.id;
    let res = await api.call('POST', `/api/policies/${policyId}/publish`, officer);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'POLICY_NOT_PUBLISHABLE', fields: [{ field: 'validFrom' }] });
    const past = await api.ok<{ version: number }>('PATCH', `/api/policies/${policyId}`, officer, { version: created.version, validFrom: '2020-01-01', validTo: '2021-12-31' });
    res = await api.call('POST', `/api/policies/${policyId}/publish`, officer);
    expect(res.json()).toMatchObject({ code: 'POLICY_NOT_PUBLISHABLE', fields: [{ field: 'validTo' }] });
    expect((await api.ok<{ status: string }>('GET', `/api/policies/${policyId}`, officer)).status).toBe('draft');
    await api.ok('PATCH', `/api/policies/${policyId}`, officer, { version: past.version, validFrom: '2026-01-01', validTo: '2099-12-31' });
    const published = await api.ok<{ status: string; matchCount: number }>('POST', `/api/policies/${policyId}/publish`, officer);
    expect(published.status).toBe('published');
    expect((await api.call('POST', `/api/policies/${policyId}/publish`, officer)).statusCode).toBe(409);
    expected = await expectedMatches(STORY);
    expect(published.matchCount).toBe(expected.length);
  });

  it('lists exactly the matching enterprises and explains each condition with the value seen', async () => {
    expect(await allMatches(policyId)).toEqual(expected);
    const yes = await api.ok<{ met: boolean; conditions: { path: string; met: boolean; seen: unknown }[] }>('GET', `/api/policies/${policyId}/explain/${expected[0]}`, officer);
    expect(yes.met).toBe(true);
    expect(yes.conditions.map((c) => [c.path, c.met])).toEqual([['rule.all[0]', true], ['rule.all[1]', true], ['rule.all[2]', true]]);
    expect(typeof yes.conditions[1]!.seen).toBe('number');
    const all = (await enterprisesForMatching(t.db)).map((e) => e.uscc);
    const outsider = all.find((u) => !expected.includes(u))!;
    expect((await api.ok<{ met: boolean }>('GET', `/api/policies/${policyId}/explain/${outsider}`, officer)).met).toBe(false);
    expect((await api.call('GET', `/api/policies/${policyId}/explain/91440605MA00000000`, officer)).statusCode).toBe(404);
  });

  it('puts it in the matched enterprises’ inbox with the reasons, and an SMS in the outbox, once', async () => {
    const portal = await portalLogin(PORTAL);
    const inbox = await api.ok<{ policyId: string; reasons: string[] }[]>('GET', '/api/portal/policy-inbox', portal);
    const entry = inbox.find((i) => i.policyId === policyId);
    expect(Boolean(entry)).toBe(expected.includes(PORTAL));
    if (entry) expect(entry.reasons.join('；')).toContain('从业人员 ≥ 5 人');
    const sms = await t.db.execute(sql`select count(*)::int as n from notification_messages m join policy_pushes p on p.id::text = m.related_id where p.policy_id = ${policyId}`);
    const pushes = await t.db.execute(sql`select count(*)::int as n, count(*) filter (where is_sms_queued)::int as texted from policy_pushes where policy_id = ${policyId}`);
    const p = (pushes as unknown as { rows: { n: number; texted: number }[] }).rows[0]!;
    expect(p.n).toBe(expected.length);
    expect(p.texted).toBeGreaterThan(0);
    expect((sms as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(p.texted);
    const figures = await api.ok<{ matched: number; sent: number }>('GET', `/api/policies/${policyId}/figures`, officer);
    expect(figures).toMatchObject({ matched: expected.length, sent: expected.length });
  });

  it('refuses a push to an enterprise that opted out, and changes nothing', async () => {
    const portal = await portalLogin('91440605MA51XQ2D77');
    await api.ok('PUT', '/api/portal/policy-opt-out', portal, { optedOut: true });
    const before = await api.ok<{ sent: number }>('GET', `/api/policies/${policyId}/figures`, officer);
    const res = await api.call('POST', `/api/policies/${policyId}/push/91440605MA51XQ2D77`, officer);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PUSH_OPTED_OUT');
    expect(await api.ok('GET', `/api/policies/${policyId}/figures`, officer)).toEqual(before);
  });
});

describe('auto-grant (免申即享)', () => {
  const RULE = { all: [{ field: 'employees', op: 'gte', value: 100 }, NO_BAD_CREDIT] };
  let policyId: string;

  it('creates a grant with the computed amount for each match; the department verifies once', async () => {
    const created = await api.ok<{ id: string }>('POST', '/api/policies', officer, draft({ title: '规上企业稳岗奖励（测试）', mode: 'auto', rule: RULE, validFrom: '2026-01-01', validTo: '2099-12-31' }));
    policyId = created.id;
    await api.ok('POST', `/api/policies/${policyId}/publish`, officer);
    const expected = await expectedMatches(RULE as Rule);
    const grants = await api.ok<{ total: number; items: { id: string; amount: number; amountBasis: string; status: string }[] }>('GET', `/api/policy-grants?policyId=${policyId}&pageSize=200`, chief);
    expect(grants.total).toBe(expected.length);
    for (const g of grants.items) expect(g.amount).toBeLessThanOrEqual(30000);
    const [first, second, third] = grants.items;
    const confirmed = await api.ok<{ status: string }>('POST', `/api/policy-grants/${first!.id}/verify`, chief, { decision: 'confirm' });
    expect(confirmed.status).toBe('confirmed');
    const again = await api.call('POST', `/api/policy-grants/${first!.id}/verify`, chief, { decision: 'reject', reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_VERIFIED');
    const mixed = await api.call('POST', '/api/policy-grants/verify', chief, { ids: [second!.id, first!.id], decision: 'reject', reason: '材料不符' });
    expect(mixed.statusCode).toBe(409);
    const bulk = await api.ok<{ status: string }[]>('POST', '/api/policy-grants/verify', chief, { ids: [second!.id, third!.id], decision: 'reject', reason: '经核查从业人员数不实' });
    expect(bulk.map((g) => g.status)).toEqual(['rejected', 'rejected']);
    expect((await api.call('POST', `/api/policy-grants/${second!.id}/disbursement`, chief, { disbursement: 'disbursed' })).statusCode).toBe(409);
    expect((await api.ok<{ disbursement: string }>('POST', `/api/policy-grants/${first!.id}/disbursement`, chief, { disbursement: 'disbursed' })).disbursement).toBe('disbursed');
    expect((await api.call('POST', `/api/policy-grants/${first!.id}/verify`, officer, { decision: 'confirm' })).statusCode).toBe(403);
  });

  it('re-matches an enterprise when its data change, granting the newly matched', async () => {
    const admin = await t.loginAs('admin');
    const rows = await enterprisesForMatching(t.db);
    const target = rows.find((r) => r.districtCode === '440605' && !r.seriousBadCredit && (r.employees ?? 0) < 100 && (r.employees ?? 0) > 0)!;
    const detail = await api.ok<{ version: number }>('GET', `/api/enterprises/${target.id}`, admin);
    await api.ok('PATCH', `/api/enterprises/${target.id}`, admin, { version: detail.version, employees: 150 });
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      found = (await allMatches(policyId)).includes(target.uscc);
      if (!found) await new Promise((r) => setTimeout(r, 50));
    }
    expect(found).toBe(true);
    const grants = await api.ok<{ items: { uscc: string; status: string }[] }>('GET', `/api/policy-grants?policyId=${policyId}&pageSize=200`, chief);
    expect(grants.items.filter((g) => g.uscc === target.uscc)).toHaveLength(1);
  });
});

describe('the calculator', () => {
  it('shows anyone the one condition a near miss lacks', async () => {
    const res = await api.ok<{ nearMisses: { title: string; missing: string }[] }>('POST', '/api/public/policy-calculator', undefined, { sizeClass: 'small', employees: 3, districtCode: '440605' });
    expect(res.nearMisses.find((n) => n.title === '小微企业稳岗补贴（测试）')?.missing).toContain('从业人员 ≥ 5 人');
  });

  it('shows a logged-in enterprise what it qualifies for', async () => {
    const portal = await portalLogin(PORTAL);
    const res = await api.ok<{ qualifying: { title: string }[] }>('GET', '/api/portal/policy-calculator', portal);
    const expected = await expectedMatches(STORY);
    expect(res.qualifying.some((q) => q.title === '小微企业稳岗补贴（测试）')).toBe(expected.includes(PORTAL));
  });
});
