import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import { apiOf, CATERING, foodIntake, provideAllBut, type Api } from '../../applications/testing.ts';
import type { ApplicationDetail } from '../../applications/contract.ts';
import type { DelegationDto, ItemPlacesDto, PointFiguresDto, ServicePointDto } from './contract.ts';

/** Nearby service points (就近办, 6.3.5): delegation (委托受理), publishing, intake at a point, the portal's lookup, figures, scope. */

let t: TestApp;
let api: Api;
let base: TestApi;
let manager: string;
let dali: string;
let points: ServicePointDto[];
const point = (name: string) => points.find((p) => p.name === name)!;
let items: { id: string; code: string }[];
const itemId = (code: string) => items.find((i) => i.code === code)!.id;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  base = testApi(t);
  manager = await t.loginAs('manager');
  dali = await t.loginAs('dali');
  points = await api.ok<ServicePointDto[]>('GET', '/api/service-points', manager);
  const county = (await api.ok<{ id: string; level: string }[]>('GET', '/api/centers', manager)).find((c) => c.level === 'county')!;
  items = await api.ok('GET', `/api/catalog/items?centerId=${county.id}`, manager);
});
afterAll(() => t.close());

describe('the points of the county', () => {
  it('the county manager sees the towns and villages below the county, with what the demo published at 大沥', () => {
    expect(points.map((p) => p.name).sort()).toEqual(['大沥镇便民服务中心', '桂城街道便民服务中心', '桂城街道平东社区便民服务站', '狮山镇便民服务中心'].sort());
    expect(point('大沥镇便民服务中心')).toMatchObject({ level: 'town', kind: 'government', publishedItemCount: 3 });
    expect(point('桂城街道平东社区便民服务站')).toMatchObject({ level: 'village', publishedItemCount: 1 });
  });

  it('sets a point kind once per version (a stale version is refused)', async () => {
    const shishan = point('狮山镇便民服务中心');
    const set = await base.ok<ServicePointDto>('PATCH', `/api/service-points/${shishan.id}`, manager, { kind: 'industrial_park', version: shishan.kindVersion });
    expect(set).toMatchObject({ kind: 'industrial_park', kindVersion: 1 });
    const stale = await api.call('PATCH', `/api/service-points/${shishan.id}`, manager, { kind: 'bank_branch', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    await base.ok('PATCH', `/api/service-points/${shishan.id}`, manager, { kind: 'government', version: 1 });
  });
});

describe('delegation and publishing', () => {
  it('publishing an item the county has not delegated is refused with ITEM_NOT_DELEGATED, and nothing changes', async () => {
    const shishan = point('狮山镇便民服务中心');
    const item = itemId('NH-SCJG-009');
    const before = await api.ok<DelegationDto[]>('GET', `/api/service-points/${shishan.id}/delegations`, manager);
    const res = await api.call('POST', `/api/service-points/${shishan.id}/published-items`, manager, { itemId: item });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'ITEM_NOT_DELEGATED', fields: [{ field: 'itemId' }] });
    expect(res.json().message).toContain('狮山镇便民服务中心');
    expect(await api.ok('GET', `/api/service-points/${shishan.id}/delegations`, manager)).toEqual(before);
    const places = await api.ok<ItemPlacesDto>('GET', '/api/portal/items/NH-SCJG-009/places');
    expect(places.places.map((p) => p.name)).not.toContain('狮山镇便民服务中心');
  });

  it('the county delegates, the point publishes, the portal then shows it; a second delegation is a duplicate; revoking takes it off', async () => {
    const shishan = point('狮山镇便民服务中心');
    const item = itemId('NH-SCJG-008');
    const delegated = await api.call('POST', `/api/service-points/${shishan.id}/delegations`, manager, { itemId: item });
    expect(delegated.statusCode).toBe(201);
    const d = delegated.json() as DelegationDto;
    expect(d).toMatchObject({ state: 'delegated', itemCode: 'NH-SCJG-008', createdByName: '陈慧敏' });
    // delegated but not yet published: not on the portal
    expect((await api.ok<ItemPlacesDto>('GET', '/api/portal/items/NH-SCJG-008/places')).places.map((p) => p.name)).not.toContain('狮山镇便民服务中心');

    const again = await api.call('POST', `/api/service-points/${shishan.id}/delegations`, manager, { itemId: item });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUPLICATE');

    const published = await api.ok<DelegationDto>('POST', `/api/service-points/${shishan.id}/published-items`, manager, { itemId: item });
    expect(published.state).toBe('published');
    const places = await api.ok<ItemPlacesDto>('GET', '/api/portal/items/NH-SCJG-008/places');
    expect(places.places.find((p) => p.name === '狮山镇便民服务中心')).toMatchObject({ how: 'delegated', townId: shishan.id });

    await api.ok('POST', `/api/item-delegations/${d.id}/revoke`, manager, { version: published.version });
    expect((await api.ok<ItemPlacesDto>('GET', '/api/portal/items/NH-SCJG-008/places')).places.map((p) => p.name)).not.toContain('狮山镇便民服务中心');
    const audit = await api.ok<{ items: { action: string }[] }>('GET', `/api/audit?objectId=${d.id}`, manager);
    expect(audit.items.map((r) => r.action)).toEqual(['item_delegation.revoke', 'item_delegation.create']);
  });

  it('an item of another center is not delegated to a point; a county center is not a point', async () => {
    const county = (await api.ok<{ id: string; level: string }[]>('GET', '/api/centers', manager)).find((c) => c.level === 'county')!;
    const res = await api.call('POST', `/api/service-points/${county.id}/delegations`, manager, { itemId: itemId('NH-SCJG-008') });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('NOT_A_SERVICE_POINT');
  });
});

describe('the portal: where an item can be done, by town', () => {
  it('食品经营许可 can be done at 大沥 (delegated) and at the county center; the town picker narrows it', async () => {
    const all = await api.ok<ItemPlacesDto>('GET', '/api/portal/items/NH-SCJG-006/places');
    expect(all.name).toBe('食品经营许可');
    expect(all.towns.map((x) => x.name)).toContain('大沥镇便民服务中心');
    expect(all.places.map((p) => `${p.name}:${p.how}`)).toEqual(['大沥镇便民服务中心:delegated', '佛山市南海区政务服务中心:competent']);
    const dl = point('大沥镇便民服务中心');
    expect(all.places[0]).toMatchObject({ address: dl.address, openingHours: dl.openingHours });
    const atShishan = await api.ok<ItemPlacesDto>('GET', `/api/portal/items/NH-SCJG-006/places?townId=${point('狮山镇便民服务中心').id}`);
    expect(atShishan.places.map((p) => p.how)).toEqual(['competent']);
    const pingdong = await api.ok<ItemPlacesDto>('GET', `/api/portal/items/NH-SCJG-005/places?townId=${point('桂城街道便民服务中心').id}`);
    expect(pingdong.places.map((p) => p.name)).toEqual(['桂城街道平东社区便民服务站', '佛山市南海区政务服务中心']);
    const missing = await api.call('GET', '/api/portal/items/NO-SUCH-ITEM/places');
    expect(missing.statusCode).toBe(404);
  });
});

describe('intake at a point', () => {
  it('大沥 receives and accepts 食品经营许可; it belongs to the county (channel nearby) and reaches the county department’s back office; the figures count it', async () => {
    const before = await api.ok<PointFiguresDto>('GET', `/api/service-points/${point('大沥镇便民服务中心').id}/figures`, manager);
    let app = (await api.call('POST', '/api/applications', dali, foodIntake())).json() as ApplicationDetail;
    expect(app).toMatchObject({ channel: 'nearby', state: 'received' });
    app = await provideAllBut(api, dali, app);
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, dali, { version: app.version });
    expect(app.state).toBe('in_review');

    const reviewer = await t.loginAs('reviewer');
    const queue = await api.ok<{ application: { id: string } }[]>('GET', '/api/review/queue', reviewer);
    expect(queue.map((q) => q.application.id)).toContain(app.id);
    const countyList = await api.ok<{ items: { id: string }[] }>('GET', `/api/applications?q=${app.number}`, manager);
    expect(countyList.items.map((a) => a.id)).toEqual([app.id]);

    const after = await api.ok<PointFiguresDto>('GET', `/api/service-points/${point('大沥镇便民服务中心').id}/figures`, manager);
    expect(after.applications).toBe(before.applications + 1);
    expect(after.byItem.find((r) => r.code === 'NH-SCJG-006')!.applications).toBe((before.byItem.find((r) => r.code === 'NH-SCJG-006')?.applications ?? 0) + 1);
  });

  it('an item not delegated to the point is refused at its counter with ITEM_NOT_DELEGATED, and no application is made', async () => {
    const before = await api.ok<PointFiguresDto>('GET', `/api/service-points/${point('大沥镇便民服务中心').id}/figures`, manager);
    const res = await api.call('POST', '/api/applications', dali, { source: { kind: 'item', code: 'NH-SCJG-009' }, applicant: { uscc: CATERING } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'ITEM_NOT_DELEGATED', fields: [{ field: 'source.code' }] });
    const after = await api.ok<PointFiguresDto>('GET', `/api/service-points/${point('大沥镇便民服务中心').id}/figures`, manager);
    expect({ ...after, from: '' }).toEqual({ ...before, from: '' });
  });
});

describe('the points’ own front desk', () => {
  it('大沥 and 平东 each have their own intake counter in their own zone, the clerk at it, and a queue of their own serving the delegated items’ themes', async () => {
    const mine = await api.ok<{ id: string; number: string; zoneName: string; purpose: string; queueIds: string[]; isHome: boolean }[]>('GET', '/api/queue/my-counters', dali);
    expect(mine).toEqual([expect.objectContaining({ number: '1', zoneName: '综合受理区', purpose: 'intake', isHome: true })]);
    const queues = await api.ok<{ id: string; prefix: string; themes: string[]; counterIds: string[] }[]>('GET', `/api/queue/centers/${point('大沥镇便民服务中心').id}/queues`, dali);
    expect(queues).toEqual([expect.objectContaining({ prefix: 'A', counterIds: [mine[0]!.id] })]);
    expect(queues[0]!.themes.sort()).toEqual(['operating_permits', 'start_up']);
    expect(mine[0]!.queueIds).toEqual([queues[0]!.id]);
    const pingdong = await api.ok<{ zoneName: string; isHome: boolean; queueIds: string[] }[]>('GET', '/api/queue/my-counters', await t.loginAs('pingdong'));
    expect(pingdong).toEqual([expect.objectContaining({ zoneName: '综合受理区', isHome: true })]);
    expect(pingdong[0]!.queueIds).toHaveLength(1);
  });
});

describe('scope', () => {
  it('a point clerk manages no points, sees none of the county’s applications but those the point received', async () => {
    expect((await api.call('GET', '/api/service-points', dali)).statusCode).toBe(403);
    expect((await api.call('GET', '/api/portal/items/NH-SCJG-006/places')).statusCode).toBe(200);
    const countyApp = (await api.ok<{ items: { id: string; channel: string }[] }>('GET', '/api/applications?pageSize=50', manager)).items.find((a) => a.channel !== 'nearby')!;
    expect((await api.call('GET', `/api/applications/${countyApp.id}`, dali)).statusCode).toBe(403);
    // the point's list holds its own center's records and what it received for the county (委托受理), nothing else of the county
    const own = await api.ok<{ items: { id: string; channel: string }[] }>('GET', '/api/applications?pageSize=50', dali);
    expect(own.items.map((a) => a.id)).not.toContain(countyApp.id);
    expect(own.items.length).toBeGreaterThanOrEqual(2);
    expect(own.items.every((a) => a.channel === 'nearby')).toBe(true);
    for (const a of own.items) expect((await api.call('GET', `/api/applications/${a.id}`, dali)).statusCode).toBe(200);
    // 平东 received none: its list is empty, 大沥's receipts stay at 大沥
    const pingdong = await api.ok<{ items: { id: string }[] }>('GET', '/api/applications?pageSize=50', await t.loginAs('pingdong'));
    expect(pingdong.items).toEqual([]);
  });

  it('a town manager manages only their own point', async () => {
    const admin = await t.loginAs('admin');
    const shishan = point('狮山镇便民服务中心');
    await api.ok('POST', '/api/staff', admin, { username: 'shishan.mgr', displayName: '狮山主任', password: 'First2026pass', roles: ['center_manager'], centerId: shishan.id });
    const first = await t.loginAs('shishan.mgr', 'First2026pass');
    await api.ok('POST', '/api/auth/password', first, { currentPassword: 'First2026pass', newPassword: 'Town2026pass' });
    const cookie = await t.loginAs('shishan.mgr', 'Town2026pass');
    const own = await api.call('GET', '/api/service-points', cookie);
    expect((own.json() as ServicePointDto[]).map((p) => p.name)).toEqual(['狮山镇便民服务中心']);
    const other = await api.call('GET', `/api/service-points/${point('大沥镇便民服务中心').id}/figures`, cookie);
    expect(other.statusCode).toBe(403);
    const delegate = await api.call('POST', `/api/service-points/${point('大沥镇便民服务中心').id}/delegations`, cookie, { itemId: itemId('NH-SCJG-010') });
    expect(delegate.statusCode).toBe(403);
  });
});
