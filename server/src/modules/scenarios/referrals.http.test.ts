import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { DEMO_ENTERPRISES, DEMO_PASSWORD } from '../../demo/data.ts';
import type { OwnReferral, ProviderDto, PublicScenario, ReferralDto } from './contract.ts';

/**
 * 对接 (6.3.6) through HTTP: an enterprise asks for a referral on the portal (我要对接), staff record
 * the outcome, and the enterprise rates the provider once, only after 已服务; staff refer on an
 * enterprise's behalf. Someone else's referral answers 404; a referral to a provider not approved,
 * a rating before the service or a second one are refused, and nothing changes.
 */

let t: TestApp;
let api: TestApi;
let policy: string;
let manager: string;
let restaurant: string;
let factory: string;
let scenario: PublicScenario;

const [FACTORY, RESTAURANT] = DEMO_ENTERPRISES.map((e) => e.uscc) as [string, string];
const rows = async () => Number(((await t.db.execute(sql`select count(*)::int as n from scenario_referrals`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

async function portalLogin(uscc: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [policy, manager, restaurant, factory] = await Promise.all([t.loginAs('policy'), t.loginAs('manager'), portalLogin(RESTAURANT), portalLogin(FACTORY)]);
  scenario = (await api.ok<PublicScenario[]>('GET', '/api/public/scenarios')).find((s) => s.title === '开办餐饮店一类事')!;
});
afterAll(() => t.close());

describe('referrals', () => {
  it('go from 我要对接 to the outcome and the one rating, and count in the provider’s figures', async () => {
    const lawyer = scenario.providers.find((p) => p.kind === 'legal')!;
    const created = await api.ok<OwnReferral>('POST', '/api/portal/scenario-referrals', restaurant, { providerId: lawyer.id, scenarioId: scenario.id, need: '需要审查新店装修合同' });
    expect(created).toMatchObject({ outcome: 'in_progress', channel: 'portal', providerName: '广东南粤律师事务所', scenarioTitle: '开办餐饮店一类事', canRate: false });
    expect((await api.ok<OwnReferral[]>('GET', '/api/portal/scenario-referrals', restaurant)).map((r) => r.id)).toContain(created.id);

    // another enterprise: 404 for its reads and changes, and its list does not show it
    expect((await api.ok<OwnReferral[]>('GET', '/api/portal/scenario-referrals', factory)).map((r) => r.id)).not.toContain(created.id);
    const foreign = await api.call('POST', `/api/portal/scenario-referrals/${created.id}/rating`, factory, { rating: 1 });
    expect(foreign.statusCode).toBe(404);

    // not before the service
    const early = await api.call('POST', `/api/portal/scenario-referrals/${created.id}/rating`, restaurant, { rating: 5, comment: '很好' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SERVICE_NOT_FINISHED');

    const staffSide = (await api.ok<ReferralDto[]>('GET', '/api/scenario-referrals?outcome=in_progress', policy)).find((r) => r.id === created.id)!;
    expect(staffSide.enterpriseName).toBe('佛山市南海区示例餐饮管理有限公司');
    const served = await api.ok<ReferralDto>('POST', `/api/scenario-referrals/${created.id}/outcome`, policy, { outcome: 'served', source: 'provider', note: '律师已出具审查意见', version: staffSide.version });
    expect(served).toMatchObject({ outcome: 'served', outcomeSource: 'provider' });
    const twice = await api.call('POST', `/api/scenario-referrals/${created.id}/outcome`, policy, { outcome: 'not_reached', source: 'staff', note: '改口', version: served.version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INVALID_STATE');

    expect((await api.ok<OwnReferral[]>('GET', '/api/portal/scenario-referrals', restaurant)).find((r) => r.id === created.id)!.canRate).toBe(true);
    const badScore = await api.call('POST', `/api/portal/scenario-referrals/${created.id}/rating`, restaurant, { rating: 6 });
    expect(badScore.statusCode).toBe(400);
    expect(badScore.json().fields[0].field).toBe('rating');
    const rated = await api.ok<OwnReferral>('POST', `/api/portal/scenario-referrals/${created.id}/rating`, restaurant, { rating: 3, comment: '回复稍慢' });
    expect(rated).toMatchObject({ rating: 3, ratingComment: '回复稍慢', canRate: false });
    const again = await api.call('POST', `/api/portal/scenario-referrals/${created.id}/rating`, restaurant, { rating: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');
    expect((await api.ok<OwnReferral[]>('GET', '/api/portal/scenario-referrals', restaurant)).find((r) => r.id === created.id)!.rating).toBe(3);

    // the demo's one rated referral (5) and this one (3)
    const figures = (await api.ok<ProviderDto>('GET', `/api/scenario-providers/${lawyer.id}`, manager)).figures;
    expect(figures).toMatchObject({ referrals: 2, served: 2, ratings: 2, averageRating: 4 });
  });

  it('are recorded by staff on an enterprise’s behalf, and 未达成 says why', async () => {
    const hr = (await api.ok<ProviderDto[]>('GET', '/api/scenario-providers?kind=human_resources&state=approved', policy))[0]!;
    const created = await api.ok<ReferralDto>('POST', '/api/scenario-referrals', policy, { uscc: FACTORY, providerId: hr.id, scenarioId: null, need: '电话咨询：招聘 5 名电工' });
    expect(created).toMatchObject({ channel: 'staff', enterpriseName: '佛山市南海区示例智造科技有限公司', outcome: 'in_progress' });
    expect((await api.ok<OwnReferral[]>('GET', '/api/portal/scenario-referrals', factory)).map((r) => r.id)).toContain(created.id);
    const noReason = await api.call('POST', `/api/scenario-referrals/${created.id}/outcome`, policy, { outcome: 'not_reached', source: 'staff', version: created.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].field).toBe('note');
    const failed = await api.ok<ReferralDto>('POST', `/api/scenario-referrals/${created.id}/outcome`, policy, { outcome: 'not_reached', source: 'staff', note: '企业已自行招满', version: created.version });
    expect(failed.outcome).toBe('not_reached');
    const rate = await api.call('POST', `/api/portal/scenario-referrals/${created.id}/rating`, factory, { rating: 4 });
    expect(rate.statusCode).toBe(409);
  });

  it('refuses a provider not approved, an unknown scenario or enterprise, and stores nothing', async () => {
    const pending = (await api.ok<ProviderDto[]>('GET', '/api/scenario-providers?state=pending', policy)).find((p) => p.name === '佛山市南海区汇金融资咨询有限公司')!;
    const before = await rows();
    const own = await api.call('POST', '/api/portal/scenario-referrals', restaurant, { providerId: pending.id, need: '融资咨询' });
    expect(own.statusCode).toBe(422);
    expect(own.json()).toMatchObject({ code: 'PROVIDER_NOT_APPROVED', fields: [{ field: 'providerId' }] });
    const forThem = await api.call('POST', '/api/scenario-referrals', policy, { uscc: RESTAURANT, providerId: pending.id, need: '融资咨询' });
    expect(forThem.statusCode).toBe(422);
    const lawyer = scenario.providers[0]!;
    const unknownScenario = await api.call('POST', '/api/portal/scenario-referrals', restaurant, { providerId: lawyer.id, scenarioId: '00000000-0000-4000-8000-000000000000', need: '咨询' });
    expect(unknownScenario.statusCode).toBe(404);
    expect(unknownScenario.json().fields[0].field).toBe('scenarioId');
    const unknownEnterprise = await api.call('POST', '/api/scenario-referrals', policy, { uscc: '9144060581234567XD', providerId: lawyer.id, need: '咨询' });
    expect(unknownEnterprise.statusCode).toBe(422);
    expect(unknownEnterprise.json().fields[0].field).toBe('uscc');
    const staffOnPortal = await api.call('POST', '/api/portal/scenario-referrals', policy, { providerId: lawyer.id, need: '咨询' });
    expect(staffOnPortal.statusCode).toBe(403);
    expect(await rows()).toBe(before);
  });
});
