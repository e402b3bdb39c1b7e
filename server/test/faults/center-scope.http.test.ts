import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';

/**
 * Center scope (issue 18, item 14) with two centers of the demo: the county center and a town
 * center below it. Staff of the town read the town's staff and audit log only, and see no full ID
 * number of a person the county recorded; the county's manager (a region's role) reads both, and
 * opens a record of the town that no other county account can.
 */

let t: TestApp;
let admin: string;
let county: { id: string };
let town: { id: string; name: string };
const PASSWORD = 'Town2026pass';

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });

/** A new account of the town center, signed in with its first password changed. */
async function townStaff(username: string, roles: string[]): Promise<string> {
  const created = await call('POST', '/api/staff', admin, { username, displayName: username, password: 'First2026pass', roles, centerId: town.id });
  expect(created.statusCode, created.body).toBe(201);
  const cookie = await t.loginAs(username, 'First2026pass');
  const changed = await call('POST', '/api/auth/password', cookie, { currentPassword: 'First2026pass', newPassword: PASSWORD });
  expect(changed.statusCode, changed.body).toBeLessThan(300);
  return t.loginAs(username, PASSWORD);
}

let townManager: string;
let townChief: string;
let countyManager: string;
let countyChief: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  const centers = (await call('GET', '/api/centers', admin)).json() as { id: string; name: string; level: string; parentId: string | null }[];
  county = centers.find((c) => c.level === 'county')!;
  town = centers.find((c) => c.level === 'town' && c.parentId === county.id)!;
  expect(town).toBeDefined();
  townManager = await townStaff('town.manager', ['center_manager']);
  townChief = await townStaff('town.chief', ['chief_officer']);
  countyManager = await t.loginAs('manager');
  countyChief = await t.loginAs('chief');
});
afterAll(() => t.close());

type StaffRow = { username: string; centerId: string | null };
type AuditRow = { actorName: string };
/** the audit log names an actor as 显示名（用户名） */
const isTownStaff = (actorName: string) => /（town\.(manager|chief)）$/.test(actorName);

describe('staff lists', () => {
  it('show the town manager the town’s staff only, and refuse the county’s', async () => {
    const list = (await call('GET', '/api/staff', townManager)).json() as StaffRow[];
    // the town's own staff: the two accounts made here and the demo's clerk of a nearby point (issue 14)
    expect(list.map((s) => s.username)).toEqual(expect.arrayContaining(['town.chief', 'town.manager']));
    expect(list.filter((s) => s.centerId !== town.id)).toEqual([]);
    expect(list.map((s) => s.username)).not.toContain('clerk');
    const county_ = await call('GET', `/api/staff?centerId=${county.id}`, townManager);
    expect(county_.statusCode).toBe(403);
    expect(county_.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('show the county manager the county’s and the town’s', async () => {
    const list = (await call('GET', '/api/staff', countyManager)).json() as StaffRow[];
    expect(list.some((s) => s.username === 'clerk')).toBe(true);
    expect(list.some((s) => s.username === 'town.manager')).toBe(true);
    expect((await call('GET', `/api/staff?centerId=${town.id}`, countyManager)).statusCode).toBe(200);
  });
});

describe('the audit log', () => {
  it('shows the town manager what the town’s staff did, nothing of the county’s', async () => {
    const page = (await call('GET', '/api/audit?pageSize=200', townManager)).json() as { items: AuditRow[]; total: number };
    expect(page.total).toBeGreaterThan(0);
    for (const row of page.items) expect(isTownStaff(row.actorName), row.actorName).toBe(true);
    // the administrator of the county created the town's accounts: not the town's to read
    const byAdmin = (await call('GET', `/api/audit?actor=${encodeURIComponent('林志远')}&pageSize=50`, townManager)).json() as { total: number };
    expect(byAdmin.total).toBe(0);
    expect(((await call('GET', `/api/audit?actor=${encodeURIComponent('林志远')}&pageSize=50`, countyManager)).json() as { total: number }).total).toBeGreaterThan(0);
  });

  it('shows the county manager both centers', async () => {
    const page = (await call('GET', '/api/audit?pageSize=200', countyManager)).json() as { items: AuditRow[] };
    const actors = new Set(page.items.map((r) => r.actorName));
    expect([...actors].some(isTownStaff)).toBe(true);
    expect([...actors].some((a) => !isTownStaff(a))).toBe(true);
  });
});

describe('unmasking a person', () => {
  it('is refused to the town’s chief officer for a person the county recorded, allowed to the county’s', async () => {
    const created = await call('POST', '/api/people', admin, { name: '跨中心', idNumber: '110101199003074477', phone: '13912345678' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const refused = await call('POST', `/api/people/${id}/unmask`, townChief, { reason: '核对身份' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('本中心');
    expect(refused.body).not.toContain('110101199003074477');
    const allowed = await call('POST', `/api/people/${id}/unmask`, countyChief, { reason: '核对身份' });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().idNumber).toBe('110101199003074477');
  });
});

describe('a record of the town', () => {
  it('is open to the county’s manager (a region’s role) and to nobody else of the county', async () => {
    const filed = await call('POST', '/api/feedback', townManager, { kind: 'suggestion', channel: 'on_site', content: '镇中心建议增加自助复印机', isConfidential: false, contact: { name: '王先生', phone: '13912345678' } });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as string;
    expect((await call('GET', `/api/feedback/${id}`, townManager)).statusCode).toBe(200);
    expect((await call('GET', `/api/feedback/${id}`, countyManager)).statusCode).toBe(200);
    const countyHandler = await t.loginAs('complaints');
    expect((await call('GET', `/api/feedback/${id}`, countyHandler)).statusCode).toBe(404);
    // and the town's list does not show it to the county's handler
    const list = (await call('GET', '/api/feedback', countyHandler)).json() as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).not.toContain(id);
  });
});
