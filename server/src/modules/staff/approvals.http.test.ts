import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

/**
 * Separation of duties (issue 18, 13): one administrator cannot give themselves roles, make
 * someone an administrator or auditor, or take over the auditor's account; a second one approves.
 */

let t: TestApp;
let admin: string;
let admin2: string;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });
type Staff = { id: string; username: string; roles: string[]; version: number; mustChangePassword: boolean };
const find = async (username: string) => ((await call('GET', `/api/staff?q=${username}`, admin)).json() as Staff[]).find((s) => s.username === username)!;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  admin2 = await t.loginAs('admin2');
});
afterAll(() => t.close());

describe('two administrators', () => {
  it('an administrator giving themselves a role waits for the other, who approves; then it is made, audited', async () => {
    const me = await find('admin');
    const asked = await call('PATCH', `/api/staff/${me.id}`, admin, { version: me.version, roles: ['administrator', 'auditor'] });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toMatchObject({ kind: 'update', reason: 'own_roles', state: 'pending', roles: ['administrator', 'auditor'] });
    expect((await find('admin')).roles).toEqual(['administrator']);

    const own = await call('POST', `/api/staff-approvals/${asked.json().id}/approve`, admin);
    expect(own.statusCode).toBe(403);
    expect((await find('admin')).roles).toEqual(['administrator']);

    const approved = await call('POST', `/api/staff-approvals/${asked.json().id}/approve`, admin2);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', decidedByName: '郭海峰（admin2）' });
    expect((await find('admin')).roles.sort()).toEqual(['administrator', 'auditor']);
    expect((await call('POST', `/api/staff-approvals/${asked.json().id}/approve`, admin2)).json().code).toBe('INVALID_STATE');
    const audit = (await call('GET', '/api/audit?action=staff.approve_change', admin)).json() as { items: { actorName: string }[] };
    expect(audit.items[0]?.actorName).toBe('郭海峰（admin2）');
  });

  it('resetting the auditor’s password waits, and a rejection leaves the password as it was', async () => {
    const auditor = await find('auditor');
    const asked = await call('POST', `/api/staff/${auditor.id}/reset-password`, admin, { password: 'Takeover2026' });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ kind: 'reset_password', reason: 'privileged_account' });
    await expect(t.loginAs('auditor', 'Takeover2026')).rejects.toThrow();
    const rejected = await call('POST', `/api/staff-approvals/${asked.json().id}/reject`, admin2);
    expect(rejected.json()).toMatchObject({ state: 'rejected' });
    expect(await t.loginAs('auditor')).toBeTruthy();
    // the request keeps only the hash of the password asked for
    const stored = (await t.db.execute(`select password_hash from staff_approvals where id = '${asked.json().id}'`)) as unknown as { rows: { password_hash: string }[] };
    expect(stored.rows[0]!.password_hash).not.toContain('Takeover2026');
  });

  it('an approved reset of the auditor’s password takes effect; a clerk’s reset needs no second administrator', async () => {
    const auditor = await find('auditor');
    const asked = await call('POST', `/api/staff/${auditor.id}/reset-password`, admin2, { password: 'Reset2026aud' });
    expect((await call('POST', `/api/staff-approvals/${asked.json().id}/approve`, admin)).statusCode).toBe(200);
    expect(await t.loginAs('auditor', 'Reset2026aud')).toBeTruthy();
    const clerk = await find('clerk');
    const reset = await call('POST', `/api/staff/${clerk.id}/reset-password`, admin, { password: 'Clerk2026new' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ username: 'clerk', mustChangePassword: true });
  });

  it('making someone an administrator waits; other role changes of others do not', async () => {
    const guide = await find('guide');
    const promoted = await call('PATCH', `/api/staff/${guide.id}`, admin, { version: guide.version, roles: ['guide', 'administrator'] });
    expect(promoted.statusCode).toBe(202);
    expect(promoted.json().reason).toBe('privileged_role');
    const list = (await call('GET', '/api/staff-approvals', admin2)).json() as { id: string; state: string }[];
    expect(list[0]).toMatchObject({ id: promoted.json().id, state: 'pending' });
    // withdrawn by the one who asked
    expect((await call('POST', `/api/staff-approvals/${promoted.json().id}/reject`, admin)).json()).toMatchObject({ state: 'rejected', decidedByName: null });
    const changed = await call('PATCH', `/api/staff/${guide.id}`, admin, { version: guide.version, roles: ['guide', 'filing_assistant'] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().roles).toEqual(['guide', 'filing_assistant']);
  });

  it('is for administrators only', async () => {
    const manager = await t.loginAs('manager');
    expect((await call('GET', '/api/staff-approvals', manager)).statusCode).toBe(403);
  });
});
