import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { sampleItemGuide } from '../testing.ts';
import type { BundleNotice, ItemNotice } from './contract.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('the portal (no login)', () => {
  it('shows the demo center with its catalog by theme, department and life-cycle stage', async () => {
    const res = await get('/api/portal/catalog');
    expect(res.statusCode).toBe(200);
    const overview = res.json();
    expect(overview.center.name).toBe('佛山市南海区政务服务中心');
    // the 61 items and the two reissue items (营业执照补领、换领, 食品经营许可证补办, issue 16)
    expect(overview.themes.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(61 + 2);
    expect(overview.themes.find((x: { theme: string }) => x.theme === 'real_estate').count).toBe(3);
    expect(overview.departments[0]).toMatchObject({ name: '市场监督管理局', count: 11 + 2 });
    expect(overview.lifeStages).toContainEqual({ lifeStage: 'exit', count: 1 });
    const byTheme = (await get('/api/portal/items?theme=utilities')).json();
    expect(byTheme.map((i: { name: string }) => i.name).sort()).toEqual(['城镇污水排入排水管网许可', '宽带及有线电视报装', '燃气报装', '用水报装', '用电报装'].sort());
    const tax = overview.departments.find((d: { name: string }) => d.name === '税务局');
    expect((await get(`/api/portal/items?departmentId=${tax.id}`)).json()).toHaveLength(5);
    expect((await get('/api/portal/bundles?lifeStage=start')).json().map((b: { name: string }) => b.name)).toEqual(
      expect.arrayContaining(['开办企业一件事', '开办餐饮店一件事', '开办运输企业一件事']),
    );
  });

  it('"我想开一家奶茶店": search lands on the bundle; two answers give the list to bring', async () => {
    const search = await get(`/api/guidance/search?q=${encodeURIComponent('我想开一家奶茶店')}`);
    expect(search.statusCode).toBe(200);
    const top = search.json().results[0];
    expect(top).toMatchObject({ kind: 'bundle', code: 'NH-YJS-002', name: '开办餐饮店一件事' });
    expect(top.score).toBeGreaterThan(0);

    const open = (await get('/api/portal/bundles/NH-YJS-002')).json() as BundleNotice;
    expect(open.isComplete).toBe(false);
    expect(open.questions.map((q) => q.key)).toEqual(['outdoor_sign', 'large_venue', 'foreign_investment', 'premises_owned', 'prepackaged_only', 'online_sales']);
    // unanswered: a conditional material is listed with the answer it depends on
    expect(open.materials.find((m) => m.name === '住所（经营场所）租赁合同及出租方产权证明')?.onlyIf).toEqual(['经营场所是否自有：租赁']);

    const answered = (await get('/api/portal/bundles/NH-YJS-002?answers=outdoor_sign:no,premises_owned:no')).json() as BundleNotice;
    const skipped = answered.members.filter((m) => m.isSkipped).map((m) => m.code);
    expect(skipped).toEqual(['NH-CG-001']);
    expect(answered.members.find((m) => m.code === 'NH-CG-001')?.skippedBecause).toBe('是否设置户外招牌或广告：否');
    const names = answered.materials.map((m) => m.name);
    expect(names).toContain('住所（经营场所）租赁合同及出租方产权证明');
    expect(names).not.toContain('住所（经营场所）不动产权证书');
    expect(names).not.toContain('户外广告设施设置申请表');
    // one business licence for every item that asks for it
    const licence = answered.materials.filter((m) => m.licenseType === 'business_license');
    expect(licence).toHaveLength(1);
    expect(licence[0]!.usedBy.map((u) => u.code)).toEqual(['NH-SCJG-006', 'NH-SWU-001', 'NH-XF-001']);
    expect(answered.materials.find((m) => m.name === '公司登记（备案）申请书')?.templateFile?.filename).toBe('公司登记（备案）申请书（空白）.xlsx');
    expect(answered.promisedLimitDays).toBe(11);
  });

  it("an item's one-time notice applies its situations and lists the deferrable materials", async () => {
    const notice = (await get('/api/portal/items/NH-SCJG-006?answers=prepackaged_only:yes')).json() as ItemNotice;
    expect(notice.guide.commitment.isAllowed).toBe(true);
    expect(notice.departmentName).toBe('市场监督管理局');
    const keys = notice.materials.map((m) => m.name);
    expect(keys).not.toContain('经营场所和设备布局、操作流程等文件');
    expect(notice.conditions.map((c) => c.text)).toContain('仅销售预包装食品的，按规定向市场监督管理部门办理备案即可，无需取得食品经营许可');
    expect(notice.materials.find((m) => m.name === '食品安全管理制度')?.isDeferrable).toBe(true);
    expect(notice.bundles.map((b) => b.code)).toEqual(['NH-YJS-002']);
    const construction = (await get('/api/portal/items/NH-ZJ-001')).json() as ItemNotice;
    expect(construction.jointReviewLeadName).toBe('住房和城乡建设局');
    expect(construction.jointReviewPeers.length).toBeGreaterThanOrEqual(7);
  });

  it('answers must name an option of the question; malformed answers are refused', async () => {
    const wrong = await get('/api/portal/items/NH-SCJG-006?answers=prepackaged_only:maybe');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].field).toBe('answers');
    expect((await get('/api/portal/items/NH-SCJG-006?answers=' + encodeURIComponent('是否:是'))).statusCode).toBe(400);
  });

  it('template files download without login', async () => {
    const notice = (await get('/api/portal/items/NH-SCJG-001')).json() as ItemNotice;
    const file = notice.materials.find((m) => m.templateFile)!.templateFile!;
    const res = await get(`/api/catalog/files/${file.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
  });
});

describe('smart guidance search', () => {
  it('understands colloquial questions', async () => {
    const top = async (q: string) => (await get(`/api/guidance/search?q=${encodeURIComponent(q)}&limit=3`)).json().results[0].code;
    expect(await top('开个饭店要办什么证')).toBe('NH-YJS-002');
    expect(['NH-YJS-010', 'NH-SCJG-003']).toContain(await top('公司不干了怎么注销'));
    expect(await top('卖香烟要办什么证')).toBe('NH-YC-001');
    const limited = (await get(`/api/guidance/search?q=${encodeURIComponent('许可')}&limit=2`)).json().results;
    expect(limited).toHaveLength(2);
    expect(limited[0].score).toBeGreaterThanOrEqual(limited[1].score);
  });

  it('says when nothing matches well, and finds the reissue items (issue 16, item 4)', async () => {
    const search = async (q: string) => (await get(`/api/guidance/search?q=${encodeURIComponent(q)}&limit=3`)).json();
    const lost = await search('营业执照丢了怎么办');
    expect(lost.isGoodMatch).toBe(true);
    expect(lost.results[0]).toMatchObject({ code: 'NH-SCJG-011', name: '营业执照补领、换领' });
    const lostPermit = await search('食品经营许可证丢了');
    expect(lostPermit.isGoodMatch).toBe(true);
    expect(lostPermit.results[0]).toMatchObject({ code: 'NH-SCJG-012', name: '食品经营许可证补办' });
    expect(await search('明天天气怎么样')).toEqual({ results: [], isGoodMatch: false });
    // a bare word finds something, but nothing that can be called the match
    const vague = await search('许可');
    expect(vague.results.length).toBeGreaterThan(0);
    expect(vague.isGoodMatch).toBe(false);
    expect((await search('开个饭店要办什么证')).isGoodMatch).toBe(true);
  });

  it('refuses an empty or overlong query, naming the problem', async () => {
    const empty = await get('/api/guidance/search?q=%20%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe('q');
    const long = await get(`/api/guidance/search?q=${encodeURIComponent('开'.repeat(500))}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0].field).toBe('q');
    expect((await get('/api/guidance/search?q=a&limit=0')).statusCode).toBe(400);
  });

  it('finds what is published at once and forgets what is withdrawn', async () => {
    const manager = await t.loginAs('manager');
    const centerId = (await get('/api/centers', manager)).json()[0].id;
    const departmentId = (await get(`/api/centers/${centerId}/departments`, manager)).json()[0].id;
    const search = async () => (await get(`/api/guidance/search?q=${encodeURIComponent('无人机飞行')}`)).json().results.map((r: { code: string }) => r.code);
    expect(await search()).not.toContain('NH-TEST-900');
    const created = (
      await t.app.inject({ method: 'POST', url: '/api/catalog/items', headers: { cookie: manager }, payload: { centerId, code: 'NH-TEST-900', guide: sampleItemGuide(departmentId, { name: '无人机飞行活动申请' }) } })
    ).json();
    expect(await search()).not.toContain('NH-TEST-900'); // a draft is not public
    const published = (await t.app.inject({ method: 'POST', url: `/api/catalog/items/${created.id}/publish`, headers: { cookie: manager }, payload: { version: created.version } })).json();
    expect((await search())[0]).toBe('NH-TEST-900');
    await t.app.inject({ method: 'POST', url: `/api/catalog/items/${created.id}/withdraw`, headers: { cookie: manager }, payload: { version: published.version, reason: '测试' } });
    expect(await search()).not.toContain('NH-TEST-900');
  });
});
