import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, type TestApp } from '../../../test/harness.ts';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { moveLicenseDocumentsIntoStore } from './documents-on-disk.ts';
import { issueLicense } from './service.ts';
import { licenses } from './tables.ts';

let t: TestApp;
let admin: string;
let chief: string;
let clerk: string;
let types: { id: string; code: string; name: string }[];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-licenses-'));
const USCC = '91440605MA4W3K7P3K';

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: dataDir });
  admin = await t.loginAs('admin');
  chief = await t.loginAs('chief');
  clerk = await t.loginAs('clerk');
  types = (await t.app.inject({ method: 'GET', url: '/api/license-types', headers: { cookie: admin } })).json();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const typeId = (code: string) => types.find((x) => x.code === code)!.id;
const issue = (payload: object, cookie = admin) => t.app.inject({ method: 'POST', url: '/api/licenses', headers: { cookie }, payload });

const multipart = (filename: string, content: Buffer) => multipartFile({ filename, content });
/** The smallest valid PNG: one transparent pixel. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('the e-license library', () => {
  it('has the demo license types and the demo holders’ licenses', async () => {
    expect(types.map((x) => x.name)).toEqual(expect.arrayContaining(['营业执照', '食品经营许可证', '公共场所卫生许可证', '排污许可证']));
    const page = (await t.app.inject({ method: 'GET', url: `/api/licenses?q=91440605MA51XQ2D77`, headers: { cookie: chief } })).json();
    expect(page.items.map((l: { type: { name: string }; status: string }) => [l.type.name, l.status]).sort()).toEqual(
      [['营业执照', 'valid'], ['食品经营许可证', 'superseded'], ['食品经营许可证', 'valid']].sort(),
    );
    // the renewal replaced the license that ran out, and the old one says by which
    const food = page.items.filter((l: { type: { code: string } }) => l.type.code === 'food_business');
    const renewal = food.find((l: { status: string }) => l.status === 'valid');
    expect(food.find((l: { status: string }) => l.status === 'superseded').supersededBy).toMatchObject({ id: renewal.id, number: renewal.number });
  });

  it('issues manually with the type’s usual issuer and validity; refuses a future start or a reused number', async () => {
    const res = await issue({ typeId: typeId('public_health'), uscc: USCC, validFrom: '2026-03-01', site: '狮山镇科技大道 18 号' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'valid', issuer: '佛山市南海区卫生健康局', validTo: '2030-02-28', holder: { uscc: USCC } });
    expect(res.json().number).toMatch(/^20260301\d{6}$/);
    const future = await issue({ typeId: typeId('public_health'), uscc: USCC, validFrom: '2199-01-01' });
    expect(future.json()).toMatchObject({ code: 'DATE_INVALID', fields: [{ field: 'validFrom' }] });
    const reused = await issue({ typeId: typeId('public_health'), uscc: USCC, validFrom: '2026-03-01', site: '狮山镇科技大道 20 号', licenseNumber: res.json().number });
    expect(reused.statusCode).toBe(409);
    expect((await issue({ typeId: typeId('public_health'), uscc: '914403001922038216', validFrom: '2026-03-01', site: '某地' })).statusCode).toBe(404);
  });

  it('issues a per-site type only with its site, and the others without one; a new license of a held type replaces the current one', async () => {
    const noSite = await issue({ typeId: typeId('public_health'), uscc: USCC, validFrom: '2026-03-01' });
    expect(noSite.statusCode).toBe(400);
    expect(noSite.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'site' }] });
    const siteOnSingle = await issue({ typeId: typeId('pollutant_discharge'), uscc: USCC, validFrom: '2026-03-01', site: '狮山镇' });
    expect(siteOnSingle.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'site' }] });

    const held = (await t.app.inject({ method: 'GET', url: `/api/licenses?q=${USCC}&typeId=${typeId('pollutant_discharge')}`, headers: { cookie: chief } })).json().items;
    expect(held.map((l: { status: string }) => l.status)).toEqual(['valid']);
    const renewed = await issue({ typeId: typeId('pollutant_discharge'), uscc: USCC, validFrom: '2026-03-01' });
    expect(renewed.json()).toMatchObject({ status: 'valid', site: '', supersededBy: null });
    const old = (await t.app.inject({ method: 'GET', url: `/api/licenses?q=${held[0].number}`, headers: { cookie: chief } })).json().items[0];
    expect(old).toMatchObject({ id: held[0].id, status: 'superseded', supersededBy: { id: renewed.json().id, number: renewed.json().number } });
  });

  it('creates a type issued per site; the flag is set only at creation', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/license-types', headers: { cookie: admin }, payload: { code: 'outdoor_ads', name: '户外广告设置许可', isPerSite: true } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ isPerSite: true });
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/license-types/${created.json().id}`, headers: { cookie: admin }, payload: { isPerSite: false, version: 1 } });
    expect(patch.statusCode).toBe(400);
  });

  it('computes expiry from the dates: a license past its end date is expired', async () => {
    const res = await issue({ typeId: typeId('road_transport'), uscc: USCC, validFrom: '2020-01-01', validTo: '2023-12-31' });
    expect(res.json()).toMatchObject({ status: 'expired' });
  });

  it('is what the applications module calls to deliver a result as an e-license', async () => {
    const issued = await issueLicense(t.db, { type: { code: 'industrial_product' }, holder: { uscc: USCC }, validFrom: '2026-05-01', applicationRef: 'NH-2026-000001' });
    expect(issued).toMatchObject({ status: 'valid', applicationRef: 'NH-2026-000001', type: { code: 'industrial_product' }, validTo: '2031-04-30' });
  });

  it('revokes once, with a reason and the optimistic version', async () => {
    const created = (await issue({ typeId: typeId('human_resources_service'), uscc: USCC, validFrom: '2025-01-01' })).json();
    const revoked = await t.app.inject({ method: 'POST', url: `/api/licenses/${created.id}/revoke`, headers: { cookie: chief }, payload: { reason: '以欺骗手段取得许可', version: created.version } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedReason: '以欺骗手段取得许可' });
    const again = await t.app.inject({ method: 'POST', url: `/api/licenses/${created.id}/revoke`, headers: { cookie: chief }, payload: { reason: '再次', version: created.version + 1 } });
    expect(again.statusCode).toBe(409);
  });

  it('renders the document from the record, or serves an uploaded file from the file store', async () => {
    const created = (await issue({ typeId: typeId('food_business'), uscc: USCC, validFrom: '2026-01-05' })).json();
    const rendered = await t.app.inject({ method: 'GET', url: `/api/licenses/${created.id}/document`, headers: { cookie: admin } });
    expect(rendered.statusCode).toBe(200);
    expect(rendered.headers['content-type']).toContain('image/svg+xml');
    expect(rendered.headers['content-security-policy']).toContain('sandbox');
    expect(rendered.body).toContain(created.number);
    expect(rendered.body).toContain('佛山市南海区示例智造科技有限公司');

    const text = multipart('note.txt', Buffer.from('not a license'));
    const refused = await t.app.inject({ method: 'PUT', url: `/api/licenses/${created.id}/document`, headers: { ...text.headers, cookie: admin }, payload: text.payload });
    expect(refused.statusCode).toBe(415);
    const form = multipart('许可证.png', PNG);
    const uploaded = await t.app.inject({ method: 'PUT', url: `/api/licenses/${created.id}/document`, headers: { ...form.headers, cookie: admin }, payload: form.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json().document).toEqual({ isUploaded: true, name: '许可证.png', mediaType: 'image/png' });
    expect(fs.existsSync(path.join(dataDir, 'files'))).toBe(false);
    const served = await t.app.inject({ method: 'GET', url: `/api/licenses/${created.id}/document`, headers: { cookie: admin } });
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('private, no-store');
    expect(served.rawPayload.equals(PNG)).toBe(true);

    const pdf = multipart('换发.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'));
    const replaced = await t.app.inject({ method: 'PUT', url: `/api/licenses/${created.id}/document`, headers: { ...pdf.headers, cookie: admin }, payload: pdf.payload });
    expect(replaced.json().document).toEqual({ isUploaded: true, name: '换发.pdf', mediaType: 'application/pdf' });
    expect(replaced.json().version).toBe(uploaded.json().version + 1);
    const big = multipart('大.pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 0x25));
    const tooBig = await t.app.inject({ method: 'PUT', url: `/api/licenses/${created.id}/document`, headers: { ...big.headers, cookie: admin }, payload: big.payload });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '证照文件不能超过 10 MB' });
  });

  it('moves documents left under DATA_DIR/files by earlier versions into the file store, once', async () => {
    const log = pino({ level: 'silent' });
    const onDisk = (await issue({ typeId: typeId('food_business'), uscc: USCC, validFrom: '2026-02-01' })).json();
    // another type: a second food license would replace the first (and change its version)
    const lost = (await issue({ typeId: typeId('construction_qualification'), uscc: USCC, validFrom: '2026-02-02' })).json();
    fs.mkdirSync(path.join(dataDir, 'files', 'licenses'), { recursive: true });
    const relative = path.join('licenses', `${onDisk.id}-0123456789abcdef.png`);
    fs.writeFileSync(path.join(dataDir, 'files', relative), PNG);
    await t.db.update(licenses).set({ documentPath: relative, documentName: '旧许可证.png' }).where(eq(licenses.id, onDisk.id));
    await t.db.update(licenses).set({ documentPath: 'licenses/gone.png', documentName: '丢失.png' }).where(eq(licenses.id, lost.id));

    expect(await moveLicenseDocumentsIntoStore(t.db, dataDir, log)).toEqual({ moved: 1, missing: 1 });
    expect(fs.existsSync(path.join(dataDir, 'files', relative))).toBe(false);
    const served = await t.app.inject({ method: 'GET', url: `/api/licenses/${onDisk.id}/document`, headers: { cookie: admin } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    const held = (await t.app.inject({ method: 'GET', url: `/api/enterprises/${onDisk.holder.enterpriseId}/licenses`, headers: { cookie: admin } })).json();
    const listed = held.find((l: { id: string }) => l.id === onDisk.id);
    expect(listed).toMatchObject({ document: { isUploaded: true, name: '旧许可证.png', mediaType: 'image/png' }, version: onDisk.version });
    const missing = await t.app.inject({ method: 'GET', url: `/api/licenses/${lost.id}/document`, headers: { cookie: admin } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('请重新上传');

    expect(await moveLicenseDocumentsIntoStore(t.db, dataDir, log)).toEqual({ moved: 0, missing: 1 });
  });

  it('is not open to counter staff, who reach licenses only through a holder’s grant', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/licenses', headers: { cookie: clerk } })).statusCode).toBe(403);
    expect((await issue({ typeId: typeId('food_business'), uscc: USCC, validFrom: '2026-01-05' }, clerk)).statusCode).toBe(403);
  });
});
