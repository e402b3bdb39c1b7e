import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import type { ApplicationDetail } from '../contract.ts';
import { CATERING, MANUFACTURING, PDF, provideAllBut, apiOf } from '../testing.ts';
import type { DirectoryEntryDto, HandoverDto } from './contract.ts';
import { signatureOf } from './exchange.ts';

/**
 * 跨域通办 (6.3.2): a matter received in 南海 for 顺德 (another Banshi center) is reviewed and
 * decided there and its result returns; both sides see the hand-over. A matter for a center on
 * another system leaves as a signed package and its signed result is imported. Bad input changes nothing.
 */

const KEY = 'ab'.repeat(32);
let t: TestApp;
let api: TestApi;
let clerk: string;
let sdClerk: string;
let sdReviewer: string;

const food = (over: Record<string, unknown> = {}) => ({
  mode: 'proxy',
  itemCode: 'NH-SCJG-006',
  competentRegionCode: '440606',
  applicant: { uscc: CATERING },
  answers: { prepackaged_only: 'no', online_sales: 'no' },
  identityChecked: true,
  materialsChecked: true,
  returnMethod: 'post',
  postalAddress: '佛山市南海区桂城街道 1 号',
  ...over,
});
const received = async (cookie: string) => api.ok<HandoverDto[]>('GET', '/api/cross-region/handovers?side=received', cookie);

beforeAll(async () => {
  t = await createTestApp({ CROSS_REGION_KEY: KEY });
  api = testApi(t);
  [clerk, sdClerk, sdReviewer] = await Promise.all([t.loginAs('clerk'), t.loginAs('sd_clerk'), t.loginAs('sd_reviewer')]);
});
afterAll(() => t.close());

describe('the published directory', () => {
  it('lists items with their modes and partner regions, without login', async () => {
    const directory = await api.ok<DirectoryEntryDto[]>('GET', '/api/portal/cross-region/directory');
    const food = directory.find((e) => e.centerName === '佛山市南海区政务服务中心' && e.itemCode === 'NH-SCJG-006')!;
    expect(food).toMatchObject({ itemName: '食品经营许可', regionName: '南海区', modes: ['full_online', 'proxy'] });
    expect(food.partnerRegions.map((r) => r.name)).toEqual(['顺德区', '禅城区', '广州市', '深圳市']);
    expect(directory.some((e) => e.centerName === '佛山市顺德区政务服务中心')).toBe(true);
  });
});

describe('异地代收代办 between two Banshi centers', () => {
  it('is received in 南海, reviewed and decided in 顺德, and its result returns to 南海', async () => {
    const app = apiOf(t);
    let h = await api.ok<HandoverDto>('POST', '/api/cross-region/handovers', clerk, food());
    expect(h).toMatchObject({ state: 'sent', receivingCenterName: '佛山市南海区政务服务中心', competentCenterName: '佛山市顺德区政务服务中心', competentRegionName: '顺德区', receivedByName: '李晓彤' });
    expect(h.application!.number).toMatch(/^440606-\d{4}-\d{6}$/);

    // The scanned material goes with it; a text file is refused and nothing is attached.
    const bad = await api.upload(`/api/cross-region/handovers/${h.id}/files`, clerk, { filename: 'a.pdf', content: Buffer.from('not a pdf at all') });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    const scanned = await api.upload(`/api/cross-region/handovers/${h.id}/files`, clerk, { filename: '申请书.pdf', content: PDF });
    expect(scanned.statusCode, scanned.body).toBe(200);
    h = scanned.json();
    expect(h.files.map((f) => f.name)).toEqual(['申请书.pdf']);

    // 顺德 sees where it was received, and the scan; the application is in 顺德's own records, not 南海's.
    const theirs = await api.ok<HandoverDto[]>('GET', '/api/cross-region/handovers?side=competent', sdClerk);
    expect(theirs.find((x) => x.id === h.id)).toMatchObject({ receivingCenterName: '佛山市南海区政务服务中心', itemName: '食品经营许可' });
    expect((await api.call('GET', `/api/cross-region/handovers/${h.id}/files/${h.files[0]!.id}`, sdClerk)).statusCode).toBe(200);
    expect([403, 404]).toContain((await api.call('GET', `/api/applications/${h.application!.id}`, clerk)).statusCode);
    let detail = await app.ok<ApplicationDetail>('GET', `/api/applications/${h.application!.id}`, sdClerk);
    expect(detail).toMatchObject({ channel: 'cross_region', state: 'received', firstHandlerName: '李晓彤' });

    // The result cannot go back before 顺德 decides.
    const early = await api.call('POST', `/api/cross-region/handovers/${h.id}/return`, sdClerk, { version: h.version, trackingNumber: 'SF1' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'HANDOVER_STATE' });

    // 顺德 accepts and its reviewer approves; 南海 follows the progress.
    detail = await provideAllBut(app, sdClerk, detail);
    detail = await app.ok('POST', `/api/applications/${detail.id}/accept`, sdClerk, { version: detail.version });
    expect(detail.state).toBe('in_review');
    const mid = (await received(clerk)).find((x) => x.id === h.id)!;
    expect(mid.application).toMatchObject({ state: 'in_review', dueDate: detail.dueDate });
    const task = detail.tasks[0]!;
    await app.ok('POST', `/api/review/tasks/${task.id}/take`, sdReviewer, { version: task.version });
    detail = await app.ok('GET', `/api/applications/${detail.id}`, sdReviewer);
    await app.ok('POST', `/api/review/tasks/${detail.tasks[0]!.id}/approve`, sdReviewer, { version: detail.tasks[0]!.version, opinion: '准予许可。' });

    // Only 顺德 sends the result back; 南海 cannot.
    h = await api.ok<HandoverDto>('GET', `/api/cross-region/handovers/${h.id}`, clerk);
    expect(h.decision).toBe('approved');
    const byReceiver = await api.call('POST', `/api/cross-region/handovers/${h.id}/return`, clerk, { version: h.version, trackingNumber: 'SF1' });
    expect(byReceiver.statusCode).toBe(403);
    const noTracking = await api.call('POST', `/api/cross-region/handovers/${h.id}/return`, sdClerk, { version: h.version });
    expect(noTracking.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'trackingNumber' }] });
    await api.ok('POST', `/api/cross-region/handovers/${h.id}/return`, sdClerk, { version: h.version, trackingNumber: 'SF123456789' });
    const stale = await api.call('POST', `/api/cross-region/handovers/${h.id}/return`, sdClerk, { version: h.version, trackingNumber: 'SF123456789' });
    expect(stale.statusCode).toBe(409);
    const back = (await received(clerk)).find((x) => x.id === h.id)!;
    expect(back).toMatchObject({ state: 'returned', decision: 'approved', trackingNumber: 'SF123456789', returnedByName: '陈嘉怡' });
  });

  it('refuses a hand-over to a region without the item in its directory, and changes nothing', async () => {
    const before = (await received(clerk)).length;
    const shenzhen = await api.call('POST', '/api/cross-region/handovers', clerk, food({ itemCode: 'NH-SCJG-007', competentRegionCode: '440300' }));
    expect(shenzhen.statusCode).toBe(422);
    expect(shenzhen.json()).toMatchObject({ code: 'ITEM_NOT_IN_REGION_DIRECTORY', fields: [{ field: 'competentRegionCode' }] });
    // 顺德's own directory does not list this item for 南海.
    const notAtShunde = await api.call('POST', '/api/cross-region/handovers', clerk, food({ itemCode: 'NH-WJ-001', competentRegionCode: '440606' }));
    expect(notAtShunde.json()).toMatchObject({ code: 'ITEM_NOT_IN_REGION_DIRECTORY' });
    const unchecked = await api.call('POST', '/api/cross-region/handovers', clerk, food({ identityChecked: false }));
    expect(unchecked.statusCode).toBe(400);
    expect((await received(clerk)).length).toBe(before);
  });
});

describe('a center on another system', () => {
  it('exports a signed package and imports only a correctly signed result', async () => {
    let h = await api.ok<HandoverDto>('POST', '/api/cross-region/handovers', clerk, food({ competentRegionCode: '440100', applicant: { uscc: MANUFACTURING } }));
    expect(h).toMatchObject({ competentCenterId: null, application: null, competentRegionName: '广州市' });
    h = (await api.upload(`/api/cross-region/handovers/${h.id}/files`, clerk, { filename: '申请书.pdf', content: PDF })).json();

    const res = await api.call('POST', `/api/cross-region/handovers/${h.id}/export`, clerk);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const pkg = res.json();
    expect(pkg).toMatchObject({ format: 'banshi-cross-region/1', matter: { itemName: '食品经营许可', uscc: MANUFACTURING } });
    expect(Buffer.from(pkg.files[0].base64, 'base64').equals(PDF)).toBe(true);
    expect(pkg.signature).toBe(signatureOf(Buffer.from(KEY, 'hex'), pkg));
    h = await api.ok<HandoverDto>('GET', `/api/cross-region/handovers/${h.id}`, clerk);
    expect(h.state).toBe('exported');

    const unsigned = { format: 'banshi-cross-region-result/1', packageId: pkg.packageId, decision: 'approved', opinion: '准予许可', decidedOn: '2026-10-09', licenseNumber: 'JY14401000000001' };
    const result = { ...unsigned, signature: signatureOf(Buffer.from(KEY, 'hex'), unsigned) };
    const tampered = await api.call('POST', `/api/cross-region/handovers/${h.id}/result`, clerk, { version: h.version, result: { ...result, decision: 'rejected' } });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json()).toMatchObject({ code: 'BAD_SIGNATURE' });
    const otherKey = { ...unsigned, signature: signatureOf(Buffer.from('cd'.repeat(32), 'hex'), unsigned) };
    expect((await api.call('POST', `/api/cross-region/handovers/${h.id}/result`, clerk, { version: h.version, result: otherKey })).json()).toMatchObject({ code: 'BAD_SIGNATURE' });
    expect((await api.ok<HandoverDto>('GET', `/api/cross-region/handovers/${h.id}`, clerk)).state).toBe('exported');

    h = await api.ok<HandoverDto>('POST', `/api/cross-region/handovers/${h.id}/result`, clerk, { version: h.version, result });
    expect(h).toMatchObject({ state: 'result_imported', decision: 'approved', licenseNumber: 'JY14401000000001', decidedOn: '2026-10-09' });
    const again = await api.call('POST', `/api/cross-region/handovers/${h.id}/result`, clerk, { version: h.version, result });
    expect(again.json()).toMatchObject({ code: 'HANDOVER_STATE' });
  });
});

describe('多地联办', () => {
  it('records the parts and where each is handled, each marked done once', async () => {
    let h = await api.ok<HandoverDto>('POST', '/api/cross-region/handovers', clerk, {
      mode: 'multi_site',
      itemCode: 'NH-SCJG-001',
      competentRegionCode: '440606',
      applicant: { uscc: CATERING },
      identityChecked: true,
      materialsChecked: true,
      returnMethod: 'e_license',
      parts: [{ name: '总公司变更登记', regionCode: '440605' }, { name: '分公司变更登记', regionCode: '440606' }],
    });
    expect(h.parts.map((p) => [p.name, p.regionName, p.doneAt])).toEqual([['总公司变更登记', '南海区', null], ['分公司变更登记', '顺德区', null]]);
    const [first, second] = h.parts;
    h = await api.ok('POST', `/api/cross-region/handovers/${h.id}/parts/${first!.id}/done`, clerk, { version: first!.version });
    const twice = await api.call('POST', `/api/cross-region/handovers/${h.id}/parts/${first!.id}/done`, clerk, { version: first!.version });
    expect(twice.statusCode).toBe(409);
    expect(h.state).toBe('sent');
    h = await api.ok('POST', `/api/cross-region/handovers/${h.id}/parts/${second!.id}/done`, clerk, { version: second!.version });
    expect(h.state).toBe('done');
    expect(h.parts.every((p) => p.doneByName === '李晓彤')).toBe(true);
  });
});
