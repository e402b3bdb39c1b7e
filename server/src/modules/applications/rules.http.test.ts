import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { ApplicationDetail, FiguresDto } from './contract.ts';
import { apiOf, CATERING, foodIntake, MANUFACTURING, PDF, provideAllBut, type Api } from './testing.ts';
import { recordCreditEntry } from '../enterprises/service.ts';

/** Bad input and races: a clear 4xx with a stable code, and nothing changes. */

let t: TestApp;
let api: Api;
let clerk: string;
let reviewer: string;
let chief: string;
let manager: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [clerk, reviewer, chief, manager] = await Promise.all([t.loginAs('clerk'), t.loginAs('reviewer'), t.loginAs('chief'), t.loginAs('manager')]);
});
afterAll(() => t.close());

const receive = (body: object = foodIntake()) => api.ok('POST', '/api/applications', clerk, body);
const detail = (id: string, who = clerk) => api.ok('GET', `/api/applications/${id}`, who);

/** An accepted application whose task is waiting in 市场监督管理局. */
async function accepted(): Promise<ApplicationDetail> {
  const app = await provideAllBut(api, clerk, await receive());
  return api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
}

async function expectUnchanged(before: ApplicationDetail) {
  const after = await detail(before.id);
  expect(after.version).toBe(before.version);
  expect(after.state).toBe(before.state);
  expect(after.events.length).toBe(before.events.length);
}

describe('who may act, and when', () => {
  it('refuses an action the role does not hold', async () => {
    const res = await api.call('POST', '/api/applications', reviewer, foodIntake());
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    const app = await accepted();
    const task = app.tasks[0]!;
    const byClerk = await api.call('POST', `/api/review/tasks/${task.id}/approve`, clerk, { version: task.version, opinion: '同意' });
    expect(byClerk.statusCode).toBe(403);
    await expectUnchanged(app);
  });

  it('refuses an action the state does not allow, naming the state', async () => {
    const app = await accepted();
    const res = await api.call('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE' });
    expect(res.json().message).toContain('审查中');
    const declined = await api.call('POST', `/api/applications/${app.id}/decline`, clerk, { version: app.version, reason: '不符合' });
    expect(declined.statusCode).toBe(409);
    await expectUnchanged(app);
  });

  it('refuses a decision made on an old version', async () => {
    const app = await provideAllBut(api, clerk, await receive());
    const stale = await api.call('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', fields: [{ field: 'version' }] });
    await expectUnchanged(app);
  });

  it('lets one of two reviewers deciding at once win; the other gets 409', async () => {
    const app = await accepted();
    const task = app.tasks[0]!;
    const [a, b] = await Promise.all([
      api.call('POST', `/api/review/tasks/${task.id}/approve`, reviewer, { version: task.version, opinion: '符合条件，准予许可' }),
      api.call('POST', `/api/review/tasks/${task.id}/reject`, chief, { version: task.version, opinion: '不符合条件' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
    expect((a.statusCode === 409 ? a : b).json()).toMatchObject({ code: 'STALE_VERSION' });
    const after = await detail(app.id);
    expect(after.state).toBe(a.statusCode === 204 ? 'approved' : 'rejected');
    expect(after.notices.filter((n) => n.kind === 'decision')).toHaveLength(1);
    expect(after.events.filter((e) => e.action === 'approve' || e.action === 'reject')).toHaveLength(1);
  });

  it('keeps a task to its department', async () => {
    const app = await accepted();
    const admin = await t.loginAs('admin');
    const departments = await api.ok<{ id: string; name: string }[]>('GET', `/api/centers/${app.centerId}/departments`, admin);
    const water = departments.find((d) => d.name === '水务局')!;
    const created = await api.call('POST', '/api/staff', admin, {
      username: 'water_reviewer',
      displayName: '水务审批员',
      password: 'Demo1234!x',
      roles: ['back_office_reviewer'],
      centerId: app.centerId,
      departmentId: water.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const first = await t.loginAs('water_reviewer', 'Demo1234!x');
    await api.ok('POST', '/api/auth/password', first, { currentPassword: 'Demo1234!x', newPassword: 'Water5678!x' });
    const other = await t.loginAs('water_reviewer', 'Water5678!x');
    const res = await api.call('POST', `/api/review/tasks/${app.tasks[0]!.id}/take`, other, { version: app.tasks[0]!.version });
    expect(res.statusCode).toBe(403);
    await expectUnchanged(app);
  });
});

describe('uploads', () => {
  it('refuses a file that is not what its name says', async () => {
    const app = await receive();
    const res = await api.upload(clerk, app.id, 'application', { filename: '申请书.pdf', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'application/pdf' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expectUnchanged(app);
  });

  it('refuses an oversized upload', async () => {
    const app = await receive();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await api.upload(clerk, app.id, 'application', { filename: '申请书.pdf', content: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expectUnchanged(app);
  });

  it('refuses a material the checklist does not have', async () => {
    const app = await receive();
    const res = await api.call('PUT', `/api/applications/${app.id}/materials/no_such_thing`, clerk, { status: 'paper_seen' });
    expect(res.statusCode).toBe(404);
    await expectUnchanged(app);
  });
});

describe('intake rules', () => {
  it('needs every situation answered', async () => {
    const res = await api.call('POST', '/api/applications', clerk, foodIntake({ answers: { prepackaged_only: 'no' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'answers.online_sales', message: '请回答：是否通过网络经营？' }]);
  });

  it('refuses deferred materials for a core material, and outside the catalog list', async () => {
    const app = await provideAllBut(api, clerk, await receive(), ['layout', 'safety_staff']);
    const core = await api.call('POST', `/api/applications/${app.id}/accept-with-deferral`, clerk, { version: app.version, materialKeys: ['layout'], isCommitmentSigned: true });
    expect(core.statusCode).toBe(422);
    expect(core.json()).toMatchObject({ code: 'DEFERRAL_NOT_ALLOWED' });
    expect(core.json().message).toContain('主件');
    const unlisted = await api.call('POST', `/api/applications/${app.id}/accept-with-deferral`, clerk, { version: app.version, materialKeys: ['safety_staff'], isCommitmentSigned: true });
    expect(unlisted.json()).toMatchObject({ code: 'DEFERRAL_NOT_ALLOWED' });
    expect(unlisted.json().message).toContain('不在本事项的容缺材料目录内');
    await expectUnchanged(app);
  });

  it('refuses the commitment route where the item does not allow it, and for a barred applicant', async () => {
    const notAllowed = await api.call('POST', '/api/applications', clerk, {
      source: { kind: 'item', code: 'NH-SCJG-007' },
      answers: {},
      applicant: { uscc: CATERING },
      isCommitment: true,
    });
    expect(notAllowed.statusCode).toBe(422);
    expect(notAllowed.json()).toMatchObject({ code: 'COMMITMENT_NOT_ALLOWED' });

    await recordCreditEntry(t.db, { uscc: MANUFACTURING }, { kind: 'serious_bad_credit', source: '信用中国（广东）', recordedOn: '2026-01-05' });
    const before = await api.ok<{ total: number }>('GET', '/api/applications?pageSize=1', clerk);
    const barred = await api.call('POST', '/api/applications', clerk, foodIntake({ applicant: { uscc: MANUFACTURING }, isCommitment: true }));
    expect(barred.statusCode).toBe(422);
    expect(barred.json()).toMatchObject({ code: 'CREDIT_BARRED' });
    expect(barred.json().message).toContain('信用修复前不适用告知承诺制');
    expect((await api.ok<{ total: number }>('GET', '/api/applications?pageSize=1', clerk)).total).toBe(before.total);
  });
});

describe('one-time notice', () => {
  it('needs a manager to approve a second supplement request, and counts it', async () => {
    let app = await provideAllBut(api, clerk, await receive(), ['rules']);
    app = await api.ok('POST', `/api/applications/${app.id}/supplement`, clerk, { version: app.version });
    app = await api.ok('POST', `/api/applications/${app.id}/resubmit`, clerk, { version: app.version });
    app = await api.ok('PUT', `/api/applications/${app.id}/materials/equipment_list`, clerk, { status: 'defective', problem: '清单未盖章' });
    app = await api.ok('POST', `/api/applications/${app.id}/supplement`, clerk, { version: app.version });
    expect(app.state).toBe('supplement_approval');
    expect(app.notices.filter((n) => n.kind === 'supplement')).toHaveLength(1);
    const second = app.supplements.find((s) => s.ordinal === 2)!;
    expect(second).toMatchObject({ state: 'pending_approval', items: [{ key: 'equipment_list', problem: '清单未盖章' }, { key: 'rules', problem: '未提交' }] });

    const byClerk = await api.call('POST', `/api/applications/${app.id}/supplements/${second.id}/approve`, clerk, { version: app.version });
    expect(byClerk.statusCode).toBe(403);
    app = await api.ok('POST', `/api/applications/${app.id}/supplements/${second.id}/approve`, manager, { version: app.version });
    expect(app.state).toBe('awaiting_supplement');
    expect(app.notices.filter((n) => n.kind === 'supplement')).toHaveLength(2);

    const figures = await api.ok<FiguresDto>('GET', '/api/application-figures', manager);
    expect(figures.secondSupplements).toBeGreaterThanOrEqual(1);
  });

  it('refuses a supplement notice when nothing is missing', async () => {
    const app = await provideAllBut(api, clerk, await receive());
    const res = await api.call('POST', `/api/applications/${app.id}/supplement`, clerk, { version: app.version });
    expect(res.statusCode).toBe(409);
    await expectUnchanged(app);
  });
});
