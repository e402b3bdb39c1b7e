import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestApp, type TestApp } from '../../../../test/harness.ts';

let t: TestApp;
let holder: string;
let other: string;
let clerk: string;
let agent: string;
let types: { id: string; code: string }[];

async function enterpriseLogin(uscc: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc, password: 'Demo1234' } });
  expect(res.statusCode).toBe(200);
  return cookieOf(res);
}

beforeAll(async () => {
  t = await createTestApp();
  holder = await enterpriseLogin('91440605MA51XQ2D77');
  other = await enterpriseLogin('91440605MA4W3K7P3K');
  clerk = await t.loginAs('clerk');
  agent = await t.loginAs('agent');
  types = (await t.app.inject({ method: 'GET', url: '/api/license-types', headers: { cookie: holder } })).json();
});
afterAll(() => t.close());

const typeId = (code: string) => types.find((x) => x.code === code)!.id;
const createGrant = (typeIds: string[], cookie = holder) => t.app.inject({ method: 'POST', url: '/api/portal/license-grants', headers: { cookie }, payload: { typeIds } });
const redeem = (code: string, cookie = clerk, applicationRef = 'NH-2026-000777') =>
  t.app.inject({ method: 'POST', url: '/api/license-grants/redeem', headers: { cookie }, payload: { code, applicationRef } });

describe('license grants (亮码 / 一键授权)', () => {
  it('the holder sees its own licenses', async () => {
    const own = (await t.app.inject({ method: 'GET', url: '/api/portal/licenses', headers: { cookie: holder } })).json();
    expect(own.map((l: { type: { code: string } }) => l.type.code).sort()).toEqual(['business_license', 'food_business', 'food_business']);
    const doc = await t.app.inject({ method: 'GET', url: `/api/portal/licenses/${own[0].id}/document`, headers: { cookie: holder } });
    expect(doc.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/licenses/${own[0].id}/document`, headers: { cookie: other } })).statusCode).toBe(404);
  });

  it('creates a code for chosen types: 6 digits, a QR code, ten minutes', async () => {
    const res = await createGrant([typeId('business_license')]);
    expect(res.statusCode, res.body).toBe(201);
    const grant = res.json();
    expect(grant).toMatchObject({ status: 'active', types: [{ name: '营业执照' }], use: null });
    expect(grant.code).toMatch(/^\d{6}$/);
    expect(grant.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(grant.secondsLeft).toBeGreaterThan(590);
    expect(grant.secondsLeft).toBeLessThanOrEqual(600);
    expect(new Date(grant.expiresAt).getTime() - new Date(grant.createdAt).getTime()).toBe(10 * 60 * 1000);
  });

  it('refuses types the holder holds no valid license of', async () => {
    const res = await createGrant([typeId('pollutant_discharge')]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LICENSE_NOT_HELD', fields: [{ field: 'typeIds' }] });
    expect((await createGrant([typeId('business_license')], clerk)).statusCode).toBe(403);
  });

  it('a clerk redeems it once and sees the valid licenses; the use is listed for the holder and audited', async () => {
    const grant = (await createGrant([typeId('business_license'), typeId('food_business')])).json();
    const res = await redeem(grant.code);
    expect(res.statusCode, res.body).toBe(200);
    const redemption = res.json();
    expect(redemption.holder).toMatchObject({ uscc: '91440605MA51XQ2D77', name: '佛山市南海区示例餐饮管理有限公司' });
    // the expired food license is not handed over
    expect(redemption.licenses.map((l: { type: { code: string }; status: string }) => [l.type.code, l.status]).sort()).toEqual([
      ['business_license', 'valid'],
      ['food_business', 'valid'],
    ]);
    const businessLicense = redemption.licenses.find((l: { type: { code: string } }) => l.type.code === 'business_license');
    const doc = await t.app.inject({ method: 'GET', url: `/api/license-grants/${grant.id}/licenses/${businessLicense.id}/document`, headers: { cookie: clerk } });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('营业执照');
    expect((await t.app.inject({ method: 'GET', url: `/api/license-grants/${grant.id}/licenses/${businessLicense.id}/document`, headers: { cookie: agent } })).statusCode).toBe(403);

    const again = await redeem(grant.code);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('GRANT_USED');
    expect(again.json().message).toContain('使用过');

    const list = (await t.app.inject({ method: 'GET', url: '/api/portal/license-grants', headers: { cookie: holder } })).json();
    const used = list.find((g: { id: string }) => g.id === grant.id);
    expect(used).toMatchObject({ status: 'used', code: null, qrDataUrl: null, use: { usedByName: '李晓彤', usedAtCenter: '佛山市南海区政务服务中心', applicationRef: 'NH-2026-000777' } });
    expect(used.use.licenses).toHaveLength(2);

    const audit = (await t.app.inject({ method: 'GET', url: `/api/audit?action=license_grant.redeem&objectId=${grant.id}`, headers: { cookie: await t.loginAs('admin') } })).json();
    expect(audit.items[0]).toMatchObject({ outcome: 'success', objectType: 'license_grant', detail: { uscc: '91440605MA51XQ2D77', applicationRef: 'NH-2026-000777' } });
    const mine = (await t.app.inject({ method: 'GET', url: '/api/license-grants/redeemed', headers: { cookie: clerk } })).json();
    expect(mine[0].grantId).toBe(grant.id);
  });

  it('redeems by the scanned QR text too; a wrong token is not accepted', async () => {
    const grant = (await createGrant([typeId('business_license')])).json();
    const payload = Buffer.from(grant.qrDataUrl.split(',')[1], 'base64').toString();
    expect(payload).toContain('<svg');
    const row = (await t.db.execute(sql`select token from license_grants where id = ${grant.id}`)) as unknown as { rows: { token: string }[] };
    const wrong = await redeem(`BANSHI-GRANT:${grant.code}:${'A'.repeat(43)}`);
    expect(wrong.statusCode).toBe(404);
    const res = await redeem(`BANSHI-GRANT:${grant.code}:${row.rows[0]!.token}`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('an expired or withdrawn code is refused saying which, and nothing changes', async () => {
    const expired = (await createGrant([typeId('business_license')])).json();
    await t.db.execute(sql`update license_grants set expires_at = now() - interval '1 minute' where id = ${expired.id}`);
    const res = await redeem(expired.code);
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('GRANT_EXPIRED');
    expect(res.json().message).toContain('过期');
    const after = (await t.app.inject({ method: 'GET', url: `/api/portal/license-grants/${expired.id}`, headers: { cookie: holder } })).json();
    expect(after).toMatchObject({ status: 'expired', use: null, code: null });

    const withdrawn = (await createGrant([typeId('business_license')])).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/portal/license-grants/${withdrawn.id}/cancel`, headers: { cookie: other } })).statusCode).toBe(404);
    const cancelled = await t.app.inject({ method: 'POST', url: `/api/portal/license-grants/${withdrawn.id}/cancel`, headers: { cookie: holder } });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await redeem(withdrawn.code)).json().code).toBe('GRANT_CANCELLED');
  });

  it('of two clerks redeeming the same code at once, exactly one wins', async () => {
    const grant = (await createGrant([typeId('business_license')])).json();
    const results = await Promise.all([redeem(grant.code, clerk, '甲'), redeem(grant.code, agent, '乙')]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const used = (await t.app.inject({ method: 'GET', url: `/api/portal/license-grants/${grant.id}`, headers: { cookie: holder } })).json();
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect(used.use.applicationRef).toBe(winner.applicationRef);
  });

  it('stops a staff member who keeps entering wrong codes', async () => {
    const live = new Set(
      ((await t.db.execute(sql`select code from license_grants where not is_code_released`)) as unknown as { rows: { code: string }[] }).rows.map((r) => r.code),
    );
    const wrongCodes = Array.from({ length: 1000 }, (_, i) => String(100000 + i * 7)).filter((c) => !live.has(c)).slice(0, 11);
    const statuses: number[] = [];
    for (const code of wrongCodes) statuses.push((await redeem(code, agent)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await redeem('12ab56', clerk)).statusCode).toBe(400);
    expect((await redeem('123456', holder)).statusCode).toBe(403);
  });
});
