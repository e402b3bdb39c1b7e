import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';

let t: TestApp;
let admin: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('clerk');
});
afterAll(() => t.close());

const newEnterprise = {
  uscc: '914403001922038216',
  name: '示例精密机械有限公司',
  type: 'limited_liability',
  legalRepresentative: '张三',
  registeredAddress: '深圳市福田区示例路 1 号',
  districtCode: '440304',
  industryCode: 'C3484',
  employees: 250,
  revenue: 5000,
  assets: 3000,
  tags: ['高新技术企业'],
};

const post = (payload: object, cookie = admin) => t.app.inject({ method: 'POST', url: '/api/enterprises', headers: { cookie }, payload });
const search = (qs: string, cookie = clerk) => t.app.inject({ method: 'GET', url: `/api/enterprises?${qs}`, headers: { cookie } });

describe('registering an enterprise', () => {
  it('registers 914403001922038216 and shows its size class with the reason', async () => {
    const res = await post(newEnterprise);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ uscc: '914403001922038216', sizeClass: 'small', industry: { code: 'C3484', name: '机械零部件加工' } });
    expect(created.sizeReason).toBe(
      '工业：从业人员 250 人（20 ≤ 250 < 300，小型），营业收入 5000 万元（2000 ≤ 5000 < 40000，中型）；须同时达到各项指标的下限，划为小型',
    );
    const detail = await t.app.inject({ method: 'GET', url: `/api/enterprises/${created.id}`, headers: { cookie: clerk } });
    expect(detail.json()).toMatchObject({ sizeClass: 'small', contacts: [], credit: { commitment: { allowed: true } } });
  });

  it('refuses a mistyped code with the position of the problem, and creates nothing', async () => {
    const before = (await search('q=示例精密')).json().total;
    const cases: [string, string][] = [
      ['914403001922038217', '第 18 位'],
      ['914403001922038226', '第 17 位'],
      ['9144O3001922038216', '第 5 位'],
      ['91440300192203821', '18 位'],
    ];
    for (const [uscc, position] of cases) {
      const res = await post({ ...newEnterprise, uscc, name: '示例精密机械二厂' });
      expect(res.statusCode, uscc).toBe(422);
      expect(res.json()).toMatchObject({ code: 'USCC_INVALID', fields: [{ field: 'uscc' }] });
      expect(res.json().message).toContain(position);
    }
    expect((await search('q=示例精密')).json().total).toBe(before);
  });

  it('refuses unknown or 2011-edition industry codes, negative numbers and impossible dates with 422 naming the field', async () => {
    const cases: [object, string, string][] = [
      [{ industryCode: 'C99' }, 'INDUSTRY_UNKNOWN', 'industryCode'],
      [{ industryCode: 'O79' }, 'INDUSTRY_UNKNOWN', 'industryCode'],
      [{ revenue: 12.345 }, 'INDICATOR_INVALID', 'revenue'],
      [{ districtCode: '999999' }, 'DISTRICT_INVALID', 'districtCode'],
      [{ registrationDate: '2199-01-01' }, 'DATE_INVALID', 'registrationDate'],
    ];
    for (const [change, code, field] of cases) {
      const res = await post({ ...newEnterprise, uscc: '91440300708461136T', ...change });
      expect(res.statusCode, code).toBe(422);
      expect(res.json()).toMatchObject({ code, fields: [{ field }] });
    }
    // a negative head count is refused by the request's own schema (whole numbers ≥ 0), naming the field
    const negative = await post({ ...newEnterprise, uscc: '91440300708461136T', employees: -3 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'employees' }] });
    expect((await search('q=91440300708461136T')).json().total).toBe(0);
  });

  it('refuses a code registered already', async () => {
    const res = await post(newEnterprise);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE');
  });

  it('recomputes the size class when the inputs change, with optimistic versions', async () => {
    const found = (await search('q=914403001922038216')).json().items[0];
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/enterprises/${found.id}`,
      headers: { cookie: admin },
      payload: { version: found.version, employees: 400 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ sizeClass: 'medium', version: found.version + 1 });
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/enterprises/${found.id}`, headers: { cookie: admin }, payload: { version: found.version, employees: 5 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const broad = await t.app.inject({ method: 'PATCH', url: `/api/enterprises/${found.id}`, headers: { cookie: admin }, payload: { version: found.version + 1, industryCode: 'F' } });
    expect(broad.json()).toMatchObject({ sizeClass: null });
    expect(broad.json().sizeReason).toContain('请填写到大类');
  });

  it('lets readers search but only managers register; a guide may not read the registry', async () => {
    expect((await post({ ...newEnterprise, uscc: '91440300708461136T' }, clerk)).statusCode).toBe(403);
    const guide = await t.loginAs('guide');
    expect((await search('q=示例', guide)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/enterprises?q=示例' })).statusCode).toBe(401);
  });
});

describe('searching the registry', () => {
  it('finds the demo registry by code, name, district, town, industry, size and tag', async () => {
    const all = (await search('pageSize=1')).json();
    expect(all.total).toBeGreaterThanOrEqual(5000);
    expect((await search('q=91440605MA51XQ2D77')).json().items[0]).toMatchObject({ name: '佛山市南海区示例餐饮管理有限公司', districtName: '南海区' });
    expect((await search('q=示例智造')).json().items[0]).toMatchObject({ uscc: '91440605MA4W3K7P3K', town: '狮山镇' });
    const manufacturing = (await search('industry=C&districtCode=440605&pageSize=200')).json();
    expect(manufacturing.total).toBeGreaterThan(1000);
    expect(manufacturing.items.every((e: { industry: { code: string } }) => e.industry.code.startsWith('C'))).toBe(true);
    const small = (await search('industry=H62&sizeClass=small&town=桂城街道&pageSize=200')).json();
    expect(small.items.every((e: { sizeClass: string; town: string }) => e.sizeClass === 'small' && e.town === '桂城街道')).toBe(true);
    const tagged = (await search(`tag=${encodeURIComponent('专精特新')}&pageSize=200`)).json();
    expect(tagged.total).toBeGreaterThan(0);
    expect(tagged.items.every((e: { tags: string[] }) => e.tags.includes('专精特新'))).toBe(true);
    expect((await search('industry=Q99')).json()).toMatchObject({ code: 'INDUSTRY_UNKNOWN' });
  });
});
