import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import type { ProviderDto, PublicScenario, ScenarioDto } from './contract.ts';

/**
 * 一类事 (6.3.6) through HTTP, the center's side: a provider registered by staff is pending until the
 * center manager approves it, and only approved ones reach the portal or a scenario; scenarios join
 * published items and bundles with approved providers of the kinds they offer; bad input is refused
 * with the field named and nothing stored.
 */

let t: TestApp;
let api: TestApi;
let manager: string;
let policy: string;
let clerk: string;

const NEW_USCC = '9144060581234567XD';
const providerBody = (over: object = {}) => ({ name: '佛山市南海区博才人力资源有限公司', kind: 'human_resources', uscc: NEW_USCC, contactName: '周敏', servicePhone: '0757-86990011', services: '招聘对接、社保代理', ...over });
const rows = async (table: string) => Number(((await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [manager, policy, clerk] = await Promise.all([t.loginAs('manager'), t.loginAs('policy'), t.loginAs('clerk')]);
});
afterAll(() => t.close());

describe('professional service providers', () => {
  it('come from the demo: four, one pending, with their figures', async () => {
    const all = await api.ok<ProviderDto[]>('GET', '/api/scenario-providers', policy);
    expect(all.filter((p) => p.state === 'approved').length).toBeGreaterThanOrEqual(4);
    expect(all.filter((p) => p.state === 'pending').map((p) => p.name)).toContain('佛山市南海区汇金融资咨询有限公司');
    const lawyer = all.find((p) => p.name === '广东南粤律师事务所')!;
    expect(lawyer.figures).toMatchObject({ referrals: 1, served: 1, ratings: 1, averageRating: 5 });
    const finance = all.find((p) => p.name === '佛山市南海区诚信财税代理有限公司')!;
    expect(finance.figures).toMatchObject({ referrals: 2, served: 1, ratings: 1, averageRating: 4 });
  });

  it('are registered pending, approved by the center manager only, and then shown on the portal', async () => {
    const created = await api.ok<ProviderDto>('POST', '/api/scenario-providers', policy, providerBody());
    expect(created).toMatchObject({ state: 'pending', kind: 'human_resources', uscc: NEW_USCC, figures: { referrals: 0, averageRating: null } });

    const twice = await api.call('POST', '/api/scenario-providers', policy, providerBody({ name: '另一家' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'DUPLICATE', fields: [{ field: 'uscc' }] });

    // pending: nobody on the portal sees it, and it cannot be put in a scenario or referred to
    const shown = async () => (await api.ok<PublicScenario[]>('GET', '/api/public/scenarios')).flatMap((s) => s.providers.map((p) => p.id));
    expect(await shown()).not.toContain(created.id);
    const scenarioWithPending = await api.call('POST', '/api/scenarios', policy, { title: '测试场景甲', description: '说明', entries: [{ kind: 'bundle', code: 'NH-YJS-004' }], serviceKinds: ['human_resources'], providerIds: [created.id] });
    expect(scenarioWithPending.statusCode).toBe(422);
    expect(scenarioWithPending.json()).toMatchObject({ code: 'PROVIDER_NOT_APPROVED', fields: [{ field: 'providerIds.0' }] });

    // the policy officer registers but does not approve
    expect((await api.call('POST', `/api/scenario-providers/${created.id}/decision`, policy, { decision: 'approve', version: created.version })).statusCode).toBe(403);
    expect((await api.call('GET', '/api/scenario-providers', clerk)).statusCode).toBe(403);

    const stale = await api.call('POST', `/api/scenario-providers/${created.id}/decision`, manager, { decision: 'approve', version: created.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const approved = await api.ok<ProviderDto>('POST', `/api/scenario-providers/${created.id}/decision`, manager, { decision: 'approve', version: created.version });
    expect(approved).toMatchObject({ state: 'approved', decidedByName: '陈慧敏' });
    const again = await api.call('POST', `/api/scenario-providers/${created.id}/decision`, manager, { decision: 'approve', version: approved.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');

    const scenario = await api.ok<ScenarioDto>('POST', '/api/scenarios', policy, {
      title: '测试场景乙',
      description: '招聘与人力资源服务',
      entries: [{ kind: 'bundle', code: 'NH-YJS-004' }, { kind: 'item', code: 'NH-RS-002' }],
      serviceKinds: ['human_resources'],
      providerIds: [created.id],
      published: true,
    });
    expect(scenario.entries).toEqual([
      { kind: 'bundle', code: 'NH-YJS-004', name: '员工招聘一件事' },
      { kind: 'item', code: 'NH-RS-002', name: '招用员工就业登记' },
    ]);
    const portal = await api.ok<PublicScenario>('GET', `/api/public/scenarios/${scenario.id}`);
    expect(portal.providers.map((p) => p.name)).toEqual(['佛山市南海区博才人力资源有限公司']);
    expect(await shown()).toContain(created.id);

    // suspended (with a reason): gone from the portal's scenarios
    const noReason = await api.call('POST', `/api/scenario-providers/${created.id}/decision`, manager, { decision: 'suspend', version: approved.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'note' }] });
    await api.ok('POST', `/api/scenario-providers/${created.id}/decision`, manager, { decision: 'suspend', note: '营业执照已吊销', version: approved.version });
    expect((await api.ok<PublicScenario>('GET', `/api/public/scenarios/${scenario.id}`)).providers).toEqual([]);
    // a scenario still lists it for staff, with its state
    expect((await api.ok<ScenarioDto>('GET', `/api/scenarios/${scenario.id}`, policy)).providers).toEqual([expect.objectContaining({ id: created.id, state: 'suspended' })]);
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    const before = await rows('scenario_providers');
    const badCode = await api.call('POST', '/api/scenario-providers', policy, providerBody({ uscc: '914406058123456781' }));
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().fields[0].field).toBe('uscc');
    const badPhone = await api.call('POST', '/api/scenario-providers', policy, providerBody({ uscc: '91440605702134687Q', servicePhone: '12' }));
    expect(badPhone.json().fields[0].field).toBe('servicePhone');
    const noKind = await api.call('POST', '/api/scenario-providers', policy, providerBody({ kind: 'astrology' }));
    expect(noKind.json().fields[0].field).toBe('kind');
    expect(await rows('scenario_providers')).toBe(before);

    const scenariosBefore = await rows('scenarios');
    const approved = (await api.ok<ProviderDto[]>('GET', '/api/scenario-providers?state=approved&kind=legal', policy))[0]!;
    const base = { title: '测试场景丙', description: '说明', entries: [{ kind: 'item', code: 'NH-SCJG-006' }], serviceKinds: ['legal'], providerIds: [approved.id] };
    const unknownItem = await api.call('POST', '/api/scenarios', policy, { ...base, entries: [{ kind: 'item', code: 'NO-SUCH-001' }] });
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.json().fields[0].field).toBe('entries.0.code');
    const wrongKind = await api.call('POST', '/api/scenarios', policy, { ...base, serviceKinds: ['finance'] });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().fields[0].field).toBe('providerIds.0');
    const demoTitle = await api.call('POST', '/api/scenarios', policy, { ...base, title: '开办餐饮店一类事' });
    expect(demoTitle.statusCode).toBe(409);
    expect(await rows('scenarios')).toBe(scenariosBefore);
  });
});

describe('scenarios on the portal', () => {
  it('shows the demo’s three published scenarios with their items and approved providers, and hides an unpublished one', async () => {
    const shown = await api.ok<PublicScenario[]>('GET', '/api/public/scenarios');
    const restaurant = shown.find((s) => s.title === '开办餐饮店一类事')!;
    expect(restaurant.entries).toEqual(expect.arrayContaining([{ kind: 'item', code: 'NH-SCJG-006', name: '食品经营许可' }, { kind: 'bundle', code: 'NH-YJS-002', name: '开办餐饮店一件事' }]));
    expect(restaurant.providers.map((p) => p.kind).sort()).toEqual(['finance', 'legal']);
    expect(shown.map((s) => s.title)).toEqual(expect.arrayContaining(['高新技术企业一类事', '招聘用工一类事']));
    expect(JSON.stringify(shown)).not.toContain('汇金融资');

    const staffView = (await api.ok<ScenarioDto[]>('GET', '/api/scenarios', policy)).find((s) => s.title === '招聘用工一类事')!;
    const { id, version, title, description, entries, serviceKinds, providers } = staffView;
    const hidden = await api.ok<ScenarioDto>('PUT', `/api/scenarios/${id}`, policy, { title, description, entries: entries.map(({ kind, code }) => ({ kind, code })), serviceKinds, providerIds: providers.map((p) => p.id), published: false, version });
    expect(hidden.published).toBe(false);
    expect((await api.call('GET', `/api/public/scenarios/${id}`)).statusCode).toBe(404);
    expect((await api.ok<PublicScenario[]>('GET', '/api/public/scenarios')).map((s) => s.id)).not.toContain(id);
    const staleUpdate = await api.call('PUT', `/api/scenarios/${id}`, policy, { title, description, entries: entries.map(({ kind, code }) => ({ kind, code })), serviceKinds, providerIds: [], published: true, version });
    expect(staleUpdate.statusCode).toBe(409);
    await api.ok('PUT', `/api/scenarios/${id}`, policy, { title, description, entries: entries.map(({ kind, code }) => ({ kind, code })), serviceKinds, providerIds: providers.map((p) => p.id), published: true, version: hidden.version });
  });
});
