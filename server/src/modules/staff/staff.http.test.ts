import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin: string;
let centerId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  centerId = (await call('GET', '/api/centers', admin)).json()[0].id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

describe('departments', () => {
  it('the demo center has at least ten settled departments, 市场监督管理局 with its chief officer', async () => {
    const res = await call('GET', `/api/centers/${centerId}/departments`, admin);
    const departments = res.json() as { name: string; chiefOfficerName: string | null; settlement: string }[];
    expect(departments.length).toBeGreaterThanOrEqual(10);
    for (const name of ['市场监督管理局', '税务局', '住房和城乡建设局', '人力资源和社会保障局', '自然资源局', '卫生健康局', '生态环境局', '公安局', '医疗保障局', '供水公司', '供电局', '燃气公司']) {
      expect(departments.map((d) => d.name)).toContain(name);
    }
    expect(departments.find((d) => d.name === '市场监督管理局')?.chiefOfficerName).toBe('黄国栋');
    expect(new Set(departments.map((d) => d.settlement))).toEqual(new Set(['staff', 'items']));
  });

  it('a chief officer must hold the chief officer role', async () => {
    const created = await call('POST', `/api/centers/${centerId}/departments`, admin, {
      name: '商务局',
      settlement: 'items',
      uscc: '914403001922038216',
    });
    expect(created.statusCode).toBe(201);
    const clerk = (await call('GET', '/api/staff?q=clerk', admin)).json()[0];
    const refused = await call('PATCH', `/api/departments/${created.json().id}`, admin, { version: 1, chiefOfficerId: clerk.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('chiefOfficerId');
    const badCode = await call('POST', `/api/centers/${centerId}/departments`, admin, { name: '外事局', settlement: 'items', uscc: '914403001922038217' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().fields[0].field).toBe('uscc');
  });
});

describe('staff accounts', () => {
  it('one demo account per role of clause 5.1', async () => {
    const staff = (await call('GET', '/api/staff', admin)).json() as { roles: string[]; isDemo: boolean }[];
    const roles = new Set(staff.filter((s) => s.isDemo).flatMap((s) => s.roles));
    expect(roles.size).toBe(12); // the eleven posts of clause 5.1 and the complaint handler (A.10)
  });

  it('creates an account with several roles and places it in a department and at a counter', async () => {
    const departments = (await call('GET', `/api/centers/${centerId}/departments`, admin)).json();
    const counters = (await call('GET', `/api/centers/${centerId}/counters`, admin)).json();
    const res = await call('POST', '/api/staff', admin, {
      username: 'wang.fang',
      displayName: '王芳',
      staffNumber: 'NH0999',
      password: 'Start2026x',
      roles: ['counter_clerk', 'filing_assistant'],
      centerId,
      departmentId: departments[0].id,
      counterId: counters[0].id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ roles: ['counter_clerk', 'filing_assistant'], mustChangePassword: true });
    expect(JSON.stringify(res.json())).not.toContain('Start2026x');
    expect(res.json()).not.toHaveProperty('passwordHash');
    const dup = await call('POST', '/api/staff', admin, { username: 'WANG.FANG', displayName: '重名', password: 'Start2026x', roles: ['guide'] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0].field).toBe('username');
  });

  it('role changes take effect on the next request', async () => {
    const guideCookie = await t.loginAs('guide');
    expect((await call('GET', '/api/audit', guideCookie)).statusCode).toBe(403);
    const guide = (await call('GET', '/api/staff?q=guide', admin)).json()[0];
    // giving the auditor role waits for a second administrator (approvals.http.test.ts)
    const asked = await call('PATCH', `/api/staff/${guide.id}`, admin, { version: guide.version, roles: ['guide', 'auditor'] });
    expect(asked.statusCode).toBe(202);
    expect((await call('GET', '/api/audit', guideCookie)).statusCode).toBe(403);
    expect((await call('POST', `/api/staff-approvals/${asked.json().id}/approve`, await t.loginAs('admin2'))).statusCode).toBe(200);
    expect((await call('GET', '/api/audit', guideCookie)).statusCode).toBe(200);
  });

  it('deactivating an account ends its sessions; the last administrator cannot be removed', async () => {
    const agentCookie = await t.loginAs('agent');
    const agent = (await call('GET', '/api/staff?q=agent', admin)).json()[0];
    await call('PATCH', `/api/staff/${agent.id}`, admin, { version: agent.version, isActive: false });
    expect((await call('GET', '/api/auth/me', agentCookie)).statusCode).toBe(401);
    const other = (await call('GET', '/api/staff?q=admin2', admin)).json()[0];
    expect((await call('PATCH', `/api/staff/${other.id}`, admin, { version: other.version, isActive: false })).statusCode).toBe(200);
    const me = (await call('GET', '/api/staff?q=admin', admin)).json().find((s: { username: string }) => s.username === 'admin');
    const refused = await call('PATCH', `/api/staff/${me.id}`, admin, { version: me.version, roles: ['auditor'] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INVALID_STATE');
  });

  it('a password reset ends sessions and forces a change; the password never reaches the audit log', async () => {
    const reviewerCookie = await t.loginAs('reviewer');
    const reviewer = (await call('GET', '/api/staff?q=reviewer', admin)).json()[0];
    const reset = await call('POST', `/api/staff/${reviewer.id}/reset-password`, admin, { password: 'Temp2026pass' });
    expect(reset.statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me', reviewerCookie)).statusCode).toBe(401);
    const audit = await call('GET', `/api/audit?objectId=${reviewer.id}`, admin);
    expect(JSON.stringify(audit.json())).not.toContain('Temp2026pass');
    expect(audit.json().items[0].action).toBe('staff.reset_password');
  });

  it('shows which accounts are locked out', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'auditor', password: `wrong-${i}-pw` } });
    }
    const [auditor] = (await call('GET', '/api/staff?q=auditor', admin)).json();
    expect(auditor.isLocked).toBe(true);
    await call('POST', `/api/staff/${auditor.id}/unlock`, admin);
    expect((await call('GET', '/api/staff?q=auditor', admin)).json()[0].isLocked).toBe(false);
  });

  it('only staff managers may create accounts', async () => {
    const manager = await t.loginAs('manager');
    expect((await call('GET', '/api/staff', manager)).statusCode).toBe(200);
    const res = await call('POST', '/api/staff', manager, { username: 'x.y', displayName: '某', password: 'Abcdefg123', roles: ['guide'] });
    expect(res.statusCode).toBe(403);
  });
});
