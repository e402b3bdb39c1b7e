import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { pdfText } from '../../applications/testing.ts';

/**
 * Clause 7, 24-hour self-service: the holder makes a grant code on the portal; at the kiosk it
 * types the code and its credit code, sees the licenses the grant covers and prints a copy
 * (复印件) of one as a PDF. The use is recorded on the grant with the kiosk as the redeemer.
 * A wrong code, another enterprise's credit code, or a used code is refused and changes nothing.
 */

const HOLDER = '91440605MA51XQ2D77';
const OTHER = '91440605MA4W3K7P3K';
let t: TestApp;
let holder: string;
let centerId: string;
let businessLicense: string;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: HOLDER, password: 'Demo1234' } });
  holder = cookieOf(res);
  const types = (await t.app.inject({ method: 'GET', url: '/api/license-types', headers: { cookie: holder } })).json() as { id: string; code: string }[];
  businessLicense = types.find((x) => x.code === 'business_license')!.id;
  const centers = (await t.app.inject({ method: 'GET', url: '/api/centers', headers: { cookie: await t.loginAs('manager') } })).json() as { id: string; name: string }[];
  centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
});
afterAll(() => t.close());

const createGrant = async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/portal/license-grants', headers: { cookie: holder }, payload: { typeIds: [businessLicense] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
};
const redeem = (code: string, uscc: string, center = centerId) =>
  t.app.inject({ method: 'POST', url: `/api/self-service/centers/${center}/license-grants/redeem`, payload: { code, uscc } });
const print = (grantId: string, licenseId: string, uscc: string) =>
  t.app.inject({ method: 'POST', url: `/api/self-service/license-grants/${grantId}/licenses/${licenseId}/pdf`, payload: { uscc } });
const grantRow = async (id: string) =>
  ((await t.db.execute(sql`select used_at, used_by_staff_id, used_by_name, used_at_center from license_grants where id = ${id}`)) as unknown as { rows: Record<string, unknown>[] }).rows[0]!;

describe('printing an e-license copy at the kiosk after a grant code', () => {
  it('redeems the code with the credit code, lists the licenses and prints a PDF marked 复印件; the use is recorded', async () => {
    const grant = await createGrant();
    // another enterprise's credit code: refused, the code stays usable
    const wrongHolder = await redeem(grant.code, OTHER);
    expect(wrongHolder.statusCode).toBe(404);
    expect(wrongHolder.json().code).toBe('NOT_FOUND');
    expect(await grantRow(grant.id)).toMatchObject({ used_at: null });

    const res = await redeem(` ${grant.code} `, HOLDER.toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json() as { grantId: string; holderName: string; licenses: { id: string; typeName: string; number: string }[] };
    expect(found).toMatchObject({ grantId: grant.id, holderName: '佛山市南海区示例餐饮管理有限公司' });
    expect(found.licenses.map((l) => l.typeName)).toEqual(['营业执照']);
    expect(await grantRow(grant.id)).toMatchObject({ used_by_staff_id: null, used_by_name: '24小时自助终端', used_at_center: '佛山市南海区政务服务中心' });
    const own = (await t.app.inject({ method: 'GET', url: `/api/portal/license-grants/${grant.id}`, headers: { cookie: holder } })).json();
    expect(own).toMatchObject({ status: 'used', use: { usedByName: '24小时自助终端', usedAtCenter: '佛山市南海区政务服务中心' } });

    const pdf = await print(grant.id, found.licenses[0]!.id, HOLDER);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('复印件');
    expect(text).toContain(found.licenses[0]!.number);
    expect(text).toContain(HOLDER);

    // the print needs the holder's credit code and a license the grant covered
    expect((await print(grant.id, found.licenses[0]!.id, OTHER)).statusCode).toBe(404);
    const foodLicense = ((await t.app.inject({ method: 'GET', url: '/api/portal/licenses', headers: { cookie: holder } })).json() as { id: string; type: { code: string } }[]).find(
      (l) => l.type.code === 'food_business',
    )!;
    expect((await print(grant.id, foodLicense.id, HOLDER)).statusCode).toBe(404);

    // used once: a second try is refused
    const again = await redeem(grant.code, HOLDER);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('GRANT_USED');

    const audit = (await t.app.inject({ method: 'GET', url: `/api/audit?action=license_grant.kiosk_redeem&objectId=${grant.id}`, headers: { cookie: await t.loginAs('admin') } })).json();
    expect(audit.items[0]).toMatchObject({ outcome: 'success', objectType: 'license_grant' });
  });

  it('refuses a wrong, malformed or expired code and a bad credit code, changing nothing', async () => {
    const live = new Set(((await t.db.execute(sql`select code from license_grants where not is_code_released`)) as unknown as { rows: { code: string }[] }).rows.map((r) => r.code));
    const wrong = Array.from({ length: 100 }, (_, i) => String(200000 + i * 13)).find((c) => !live.has(c))!;
    const res = await redeem(wrong, HOLDER);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'code' }] });
    expect((await redeem('12ab56', HOLDER)).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const badUscc = await redeem('123456', '123');
    expect(badUscc.statusCode).toBe(400);
    expect(badUscc.json().fields[0].field).toBe('uscc');

    const expired = await createGrant();
    await t.db.execute(sql`update license_grants set expires_at = now() - interval '1 minute' where id = ${expired.id}`);
    const late = await redeem(expired.code, HOLDER);
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('GRANT_EXPIRED');
    expect(await grantRow(expired.id)).toMatchObject({ used_at: null, used_by_name: '' });
    // an unknown center
    expect((await redeem(expired.code, HOLDER, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
