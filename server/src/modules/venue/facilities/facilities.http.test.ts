import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';

/** Clause 4.2.2: the register of devices and facilities, their faults and repairs, and the portal's accessibility list. */

let t: TestApp;
let manager: string;
let clerk: string;
let guide: string;
let centerId: string;
let zones: { id: string; name: string }[];
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('manager');
  clerk = await t.loginAs('clerk');
  guide = await t.loginAs('guide');
  const centers = (await call('GET', '/api/centers', manager)).json() as { id: string; level: string }[];
  centerId = centers.find((c) => c.level === 'county')!.id;
  zones = (await call('GET', `/api/centers/${centerId}/zones`, manager)).json();
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

type Facility = { id: string; status: string; version: number; isAccessibility: boolean; openFault: { id: string; reports: number } | null; faults: { reports: { reportedByName: string; description: string }[]; repairer: string; repairResult: string; closedAs: string | null }[] };

async function register(body: object = {}): Promise<Facility> {
  const res = await call('POST', '/api/facilities', manager, { zoneId: zones[0]!.id, kind: 'printer', name: '测试打印机', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the register', () => {
  it('the manager registers a facility; accessibility follows the kind unless given; a clerk may not register', async () => {
    const printer = await register({ assetNumber: 'T-001', locationNote: '导办台旁' });
    expect(printer).toMatchObject({ status: 'in_service', isAccessibility: false, assetNumber: 'T-001', locationNote: '导办台旁', version: 1, openFault: null, faults: [] });
    const loop = await register({ kind: 'hearing_loop', name: '测试助听环路' });
    expect(loop.isAccessibility).toBe(true);

    const refused = await call('POST', '/api/facilities', clerk, { zoneId: zones[0]!.id, kind: 'printer', name: '越权登记' });
    expect(refused.statusCode).toBe(403);

    const list = (await call('GET', '/api/facilities', clerk)).json() as { id: string; zoneName: string }[];
    expect(list.map((f) => f.id)).toEqual(expect.arrayContaining([printer.id, loop.id]));
    expect(list.length).toBeGreaterThan(20);

    const edited = await call('PATCH', `/api/facilities/${printer.id}`, manager, { version: 1, name: '导办台打印机', zoneId: zones[1]!.id });
    expect(edited.json()).toMatchObject({ name: '导办台打印机', zoneId: zones[1]!.id, version: 2 });
    const stale = await call('PATCH', `/api/facilities/${printer.id}`, manager, { version: 1, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
  });

  it('refuses bad input with a code naming the field, and changes nothing', async () => {
    const before = ((await call('GET', '/api/facilities', manager)).json() as unknown[]).length;
    const noName = await call('POST', '/api/facilities', manager, { zoneId: zones[0]!.id, kind: 'printer', name: ' ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().fields[0].field).toBe('name');
    const badKind = await call('POST', '/api/facilities', manager, { zoneId: zones[0]!.id, kind: 'spaceship', name: '飞船' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain('设施类型');
    const unknownZone = await call('POST', '/api/facilities', manager, { zoneId: '00000000-0000-4000-8000-000000000000', kind: 'printer', name: '无区域' });
    expect(unknownZone.statusCode).toBe(400);
    expect(unknownZone.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'zoneId' }] });
    await register({ assetNumber: 'T-DUP' });
    const dup = await call('POST', '/api/facilities', manager, { zoneId: zones[0]!.id, kind: 'printer', name: '重复编号', assetNumber: 'T-DUP' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', fields: [{ field: 'assetNumber' }] });
    expect(((await call('GET', '/api/facilities', manager)).json() as unknown[]).length).toBe(before + 1);
  });
});

describe('faults and repairs', () => {
  it('a fault makes the facility faulty; a second report joins the open fault; the repair puts it back in service', async () => {
    const f = await register({ kind: 'id_card_reader', name: '测试读卡器' });
    const first = await call('POST', `/api/facilities/${f.id}/faults`, clerk, { description: '读卡无反应' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'faulty', openFault: { reports: 1 } });
    const second = (await call('POST', `/api/facilities/${f.id}/faults`, guide, { description: '群众反映刷证失败' })).json() as Facility;
    expect(second.faults).toHaveLength(1);
    expect(second.faults[0]!.reports.map((r) => r.reportedByName)).toEqual(['李晓彤', '何嘉欣']);
    expect(second.openFault!.reports).toBe(2);

    const notStarted = await call('POST', `/api/facilities/${f.id}/repair-finish`, manager, { version: second.version, repairResult: '修好了' });
    expect(notStarted.statusCode).toBe(409);
    expect(notStarted.json().code).toBe('INVALID_STATE');
    expect(notStarted.json().message).toContain('尚未开始维修');

    const clerkRepair = await call('POST', `/api/facilities/${f.id}/repair-start`, clerk, { version: second.version, repairer: '厂家' });
    expect(clerkRepair.statusCode).toBe(403);

    const started = await call('POST', `/api/facilities/${f.id}/repair-start`, manager, { version: second.version, repairer: '某读卡器厂家' });
    expect(started.json()).toMatchObject({ status: 'under_repair', openFault: { repairer: '某读卡器厂家' } });
    const figures = (await call('GET', '/api/facility-figures', clerk)).json() as { byStatus: Record<string, number>; openFaults: { facilityId: string; ageDays: number; reports: number }[] };
    expect(figures.openFaults.find((o) => o.facilityId === f.id)).toMatchObject({ ageDays: 0, reports: 2 });
    expect(figures.byStatus.under_repair).toBeGreaterThanOrEqual(1);

    const finished = await call('POST', `/api/facilities/${f.id}/repair-finish`, manager, { version: started.json().version, repairResult: '更换读卡模块' });
    expect(finished.statusCode).toBe(200);
    expect(finished.json()).toMatchObject({ status: 'in_service', openFault: null, faults: [{ repairer: '某读卡器厂家', repairResult: '更换读卡模块', closedAs: 'repaired' }] });

    const again = (await call('POST', `/api/facilities/${f.id}/faults`, guide, { description: '再次故障' })).json() as Facility;
    expect(again.faults).toHaveLength(2);
    expect(again.status).toBe('faulty');

    const audit = (await call('GET', `/api/audit?objectId=${f.id}`, manager)).json().items as { action: string; outcome: string }[];
    expect(audit.map((r) => `${r.action}:${r.outcome}`)).toEqual(expect.arrayContaining(['facility.fault_report:success', 'facility.repair_finish:failure', 'facility.repair_finish:success']));
  });

  it('a report without a description, or on a retired facility, is refused', async () => {
    const f = await register({ name: '待停用打印机' });
    const empty = await call('POST', `/api/facilities/${f.id}/faults`, clerk, { description: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe('description');
    const retired = await call('POST', `/api/facilities/${f.id}/retire`, manager, { version: 1 });
    expect(retired.json().status).toBe('retired');
    const onRetired = await call('POST', `/api/facilities/${f.id}/faults`, clerk, { description: '坏了' });
    expect(onRetired.statusCode).toBe(409);
    expect(onRetired.json().code).toBe('INVALID_STATE');
    expect((await call('GET', `/api/facilities/${f.id}`, clerk)).json()).toMatchObject({ status: 'retired', faults: [] });
    const back = await call('POST', `/api/facilities/${f.id}/reinstate`, manager, { version: 2 });
    expect(back.json()).toMatchObject({ status: 'in_service', version: 3 });
  });

  it('concurrent reports on a facility in service open one fault', async () => {
    const f = await register({ name: '并发打印机' });
    const results = await Promise.all([clerk, guide, manager].map((c, i) => call('POST', `/api/facilities/${f.id}/faults`, c, { description: `报告 ${i}` })));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const detail = (await call('GET', `/api/facilities/${f.id}`, manager)).json() as Facility;
    expect(detail.faults).toHaveLength(1);
    expect(detail.faults[0]!.reports).toHaveLength(3);
  });
});

describe('the demo, other centers and the portal', () => {
  it('the demo has a faulty device with an open report and a repaired one', async () => {
    const faulty = (await call('GET', '/api/facilities?status=faulty', manager)).json() as { name: string; openFault: { reports: number } }[];
    expect(faulty.find((f) => f.name === '2 号窗口高拍仪')).toMatchObject({ openFault: { reports: 2 } });
    const list = (await call('GET', '/api/facilities', manager)).json() as { id: string; name: string; zoneId: string }[];
    expect(new Set(list.map((f) => f.zoneId)).size).toBe(zones.length);
    const terminal = list.find((f) => f.name === '自助终端 2 号')!;
    expect((await call('GET', `/api/facilities/${terminal.id}`, manager)).json()).toMatchObject({ status: 'in_service', faults: [{ closedAs: 'repaired', repairStartedByName: '陈慧敏' }] });
  });

  it('a staff member of another center gets 404 for this center’s facilities and sees none in their list', async () => {
    const admin = await t.loginAs('admin');
    const centers = (await call('GET', '/api/centers', admin)).json() as { id: string; level: string; parentId: string | null }[];
    const town = centers.find((c) => c.level === 'town' && c.parentId === centerId)!;
    const created = await call('POST', '/api/staff', admin, { username: 'town.facilities', displayName: '镇中心主任', password: 'First2026pass', roles: ['center_manager'], centerId: town.id });
    expect(created.statusCode, created.body).toBe(201);
    const first = await t.loginAs('town.facilities', 'First2026pass');
    await call('POST', '/api/auth/password', first, { currentPassword: 'First2026pass', newPassword: 'Town2026pass' });
    const other = await t.loginAs('town.facilities', 'Town2026pass');

    const f = await register({ name: '县中心打印机' });
    expect((await call('GET', `/api/facilities/${f.id}`, other)).statusCode).toBe(404);
    const report = await call('POST', `/api/facilities/${f.id}/faults`, other, { description: '越权报告' });
    expect(report.statusCode).toBe(404);
    expect((await call('POST', `/api/facilities/${f.id}/retire`, other, { version: 1 })).statusCode).toBe(404);
    expect((await call('GET', '/api/facilities', other)).json()).toEqual([]);
    expect((await call('GET', `/api/facilities/${f.id}`, manager)).json()).toMatchObject({ status: 'in_service', version: 1 });
    // and a zone of another center is refused when registering
    const townZone = await call('POST', `/api/centers/${town.id}/zones`, admin, { kind: 'guidance', name: '镇导办区' });
    const wrongZone = await call('POST', '/api/facilities', manager, { zoneId: townZone.json().id, kind: 'printer', name: '别处区域' });
    expect(wrongZone.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'zoneId' }] });
  });

  it('the portal lists only the accessibility facilities in service, by zone, without a login', async () => {
    const res = await call('GET', `/api/portal/centers/${centerId}/accessibility`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { zones: { zoneName: string; facilities: { id: string; name: string; kind: string }[] }[] };
    const names = body.zones.flatMap((z) => z.facilities.map((f) => f.name));
    expect(names).toEqual(expect.arrayContaining(['正门无障碍坡道', '母婴室', '1 号无障碍窗口']));
    expect(names).not.toContain('自助终端 1 号');
    expect(body.zones.find((z) => z.zoneName === '咨询导办区')!.facilities.length).toBeGreaterThan(1);

    // an accessibility facility that breaks leaves the list; back in service, it returns
    const ramp = body.zones.flatMap((z) => z.facilities).find((f) => f.name === '正门无障碍坡道')!;
    await call('POST', `/api/facilities/${ramp.id}/faults`, guide, { description: '坡道扶手松动' });
    const after = (await call('GET', `/api/portal/centers/${centerId}/accessibility`)).json() as typeof body;
    expect(after.zones.flatMap((z) => z.facilities.map((f) => f.name))).not.toContain('正门无障碍坡道');
    expect((await call('GET', '/api/portal/centers/00000000-0000-4000-8000-000000000000/accessibility')).statusCode).toBe(404);
  });
});
