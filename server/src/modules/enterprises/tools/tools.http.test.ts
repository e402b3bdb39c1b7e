import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/uscc/:code/check (public)', () => {
  it('accepts a valid code, also in lower case, without logging in', async () => {
    const res = await get('/api/uscc/91440300708461136t/check');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, code: '91440300708461136T', position: null });
  });

  it('names the failing position or check character', async () => {
    expect((await get('/api/uscc/914403001922038217/check')).json()).toMatchObject({ valid: false, position: 18 });
    expect((await get('/api/uscc/914403001922038217/check')).json().reason).toContain('第 18 位');
    expect((await get('/api/uscc/914403001922038226/check')).json()).toMatchObject({ valid: false, position: 17 });
    const letter = (await get('/api/uscc/9144030019220382O6/check')).json();
    expect(letter).toMatchObject({ valid: false, position: 17 });
    expect(letter.reason).toContain('“O”');
    const short = (await get('/api/uscc/91440300192203821/check')).json();
    expect(short).toMatchObject({ valid: false, position: null });
    expect(short.reason).toContain('18 位');
  });
});

describe('GET /api/enterprise-size (public)', () => {
  it('classifies with the reason', async () => {
    const res = await get('/api/enterprise-size?industry=C&employees=250&revenue=5000');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sizeClass: 'small', rule: { id: 'industry' } });
    expect(res.json().reason).toContain('从业人员 250 人（20 ≤ 250 < 300，小型）');
    expect((await get('/api/enterprise-size?industry=F52&employees=60&revenue=600')).json()).toMatchObject({ sizeClass: 'medium' });
    expect((await get('/api/enterprise-size?industry=G5920&employees=150&revenue=2000')).json()).toMatchObject({ sizeClass: 'medium', rule: { id: 'warehousing' } });
    expect((await get('/api/enterprise-size?industry=k7010&revenue=250000&assets=12000')).json()).toMatchObject({ sizeClass: 'large' });
    expect((await get('/api/enterprise-size?industry=C13&employees=5&revenue=9000')).json()).toMatchObject({ sizeClass: 'micro' });
  });

  it('422 naming the indicator the industry needs but the request lacks', async () => {
    const res = await get('/api/enterprise-size?industry=C13&employees=250');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'INDICATOR_MISSING', fields: [{ field: 'revenue' }] });
    expect(res.json().message).toContain('营业收入');
    const construction = await get('/api/enterprise-size?industry=E&employees=10');
    expect(construction.json().fields.map((f: { field: string }) => f.field)).toEqual(['revenue', 'assets']);
  });

  it('422 for an unknown, too broad or unclassified industry, and for negative or non-numeric indicators', async () => {
    expect((await get('/api/enterprise-size?industry=C99&employees=1&revenue=1')).json()).toMatchObject({ code: 'INDUSTRY_UNKNOWN', fields: [{ field: 'industry' }] });
    expect((await get('/api/enterprise-size?industry=O79&employees=1')).json()).toMatchObject({ code: 'INDUSTRY_UNKNOWN' });
    expect((await get('/api/enterprise-size?industry=F&employees=1&revenue=1')).json()).toMatchObject({ code: 'INDUSTRY_TOO_BROAD' });
    expect((await get('/api/enterprise-size?industry=J66&employees=1')).json()).toMatchObject({ code: 'SIZE_NOT_APPLICABLE' });
    const negative = await get('/api/enterprise-size?industry=C&employees=-1&revenue=100');
    expect(negative.statusCode).toBe(422);
    expect(negative.json()).toMatchObject({ code: 'INDICATOR_INVALID', fields: [{ field: 'employees' }] });
    expect((await get('/api/enterprise-size?industry=C&employees=ten&revenue=100')).json()).toMatchObject({ code: 'INDICATOR_INVALID' });
    expect((await get('/api/enterprise-size?industry=C&employees=2.5&revenue=100')).json()).toMatchObject({ code: 'INDICATOR_INVALID' });
  });
});

describe('GET /api/industries (public)', () => {
  it('lists the 20 sections with their divisions, and reads one code', async () => {
    const tree = (await get('/api/industries')).json();
    expect(tree).toHaveLength(20);
    expect(tree[2]).toMatchObject({ code: 'C', name: '制造业' });
    expect(tree[2].children).toHaveLength(31);
    expect((await get('/api/industries/5920')).json()).toEqual({ code: 'G5920', name: '通用仓储', path: ['交通运输、仓储和邮政业', '装卸搬运和仓储业', '通用仓储'] });
    expect((await get('/api/industries/Z1')).statusCode).toBe(422);
  });
});
