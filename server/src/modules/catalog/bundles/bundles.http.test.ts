import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import type { BundleMember } from '../contract.ts';
import { sampleBundleGuide, sampleItemGuide } from '../testing.ts';

let t: TestApp;
let manager: string;
let centerId: string;
let departmentId: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('manager');
  centerId = (await call('GET', '/api/centers', manager)).json()[0].id;
  departmentId = (await call('GET', `/api/centers/${centerId}/departments`, manager)).json()[0].id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
const item = (code: string, stage = 1) => ({ kind: 'item' as const, code, stage });
const bundle = (code: string, stage = 1) => ({ kind: 'bundle' as const, code, stage });

async function createBundle(code: string, members: BundleMember[], overrides = {}) {
  return call('POST', '/api/catalog/bundles', manager, { centerId, code, guide: sampleBundleGuide(departmentId, members, overrides) });
}

describe('bundles', () => {
  it('a bundle with no items is refused', async () => {
    const res = await createBundle('NH-YJS-T01', []);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'guide.members', message: '一件事至少要包含一个事项' }]);
  });

  it('members must exist in the center and be of the kind named', async () => {
    const res = await createBundle('NH-YJS-T02', [item('NH-NOPE-001'), bundle('NH-SCJG-001')]);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['guide.members.0.code', 'guide.members.1.kind']);
  });

  it('a bundle cannot contain itself, directly or through other bundles', async () => {
    const a = (await createBundle('NH-YJS-T03', [item('NH-SCJG-001')])).json();
    expect((await createBundle('NH-YJS-T04', [bundle('NH-YJS-T03'), item('NH-GA-001')])).statusCode).toBe(201);
    const cycle = await call('PUT', `/api/catalog/bundles/${a.id}/draft`, manager, {
      version: a.version,
      guide: sampleBundleGuide(departmentId, [item('NH-SCJG-001'), bundle('NH-YJS-T04')]),
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json()).toMatchObject({ code: 'BUNDLE_CYCLE', message: '一件事不能循环包含：NH-YJS-T03 → NH-YJS-T04 → NH-YJS-T03' });
    const self = await createBundle('NH-YJS-T05', [bundle('NH-YJS-T05')]);
    expect(self.statusCode).toBe(400);
  });

  it('publishing needs every member published; a member of a published bundle cannot be withdrawn', async () => {
    const draftItem = (await call('POST', '/api/catalog/items', manager, { centerId, code: 'NH-TEST-B01', guide: sampleItemGuide(departmentId) })).json();
    const b = (await createBundle('NH-YJS-T06', [item('NH-SCJG-001'), item('NH-TEST-B01', 2)])).json();
    const refused = await call('POST', `/api/catalog/bundles/${b.id}/publish`, manager, { version: b.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('NH-TEST-B01');
    const published = (await call('POST', `/api/catalog/items/${draftItem.id}/publish`, manager, { version: draftItem.version })).json();
    expect((await call('POST', `/api/catalog/bundles/${b.id}/publish`, manager, { version: b.version })).statusCode).toBe(200);
    const withdraw = await call('POST', `/api/catalog/items/${draftItem.id}/withdraw`, manager, { version: published.version, reason: '测试' });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().message).toContain('测试一件事');
  });

  it('the promised time follows from the members: parallel within a stage, stages in sequence', async () => {
    // 开办餐饮店一件事: 企业设立登记 (1 day), then in parallel 食品经营许可 10, 排水 7, 招牌 5, 消防 5
    const notice = (await call('GET', '/api/portal/bundles/NH-YJS-002')).json();
    expect(notice.promisedLimitDays).toBe(11);
    // a 3-day stage after the 10-day stage makes it 14
    const b = (await createBundle('NH-YJS-T07', [item('NH-SCJG-001'), item('NH-SCJG-006', 2), item('NH-ZJ-001', 3)])).json();
    await call('POST', `/api/catalog/bundles/${b.id}/publish`, manager, { version: b.version });
    expect((await call('GET', '/api/portal/bundles/NH-YJS-T07')).json().promisedLimitDays).toBe(14);
    const cards = (await call('GET', '/api/portal/bundles?lifeStage=operation')).json();
    expect(cards.find((c: { code: string }) => c.code === 'NH-YJS-T07').promisedLimitDays).toBe(14);
  });

  it('bundle history shows who changed the members', async () => {
    const b = (await createBundle('NH-YJS-T08', [item('NH-SCJG-001')])).json();
    const published = (await call('POST', `/api/catalog/bundles/${b.id}/publish`, manager, { version: b.version })).json();
    const edited = (await call('PUT', `/api/catalog/bundles/${b.id}/draft`, manager, { version: published.version, guide: sampleBundleGuide(departmentId, [item('NH-SCJG-001'), item('NH-GA-001', 2)]) })).json();
    await call('POST', `/api/catalog/bundles/${b.id}/publish`, manager, { version: edited.version });
    const history = (await call('GET', `/api/catalog/bundles/${b.id}/history`, manager)).json();
    expect(history[0].changes).toEqual([{ field: 'members', kind: 'added', entry: 'NH-GA-001' }]);
    expect(history[0].meta.created.name).toContain('陈慧敏');
    const old = await call('GET', `/api/catalog/bundle-versions/${history[1].meta.id}`, manager);
    expect(old.json().guide.members).toHaveLength(1);
    expect((await call('GET', '/api/portal/bundles/NH-NOPE-001')).json().code).toBe('BUNDLE_NOT_FOUND');
  });
});
