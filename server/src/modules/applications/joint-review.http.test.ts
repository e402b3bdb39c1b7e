import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { ApplicationDetail, ProgressDto, QueueEntry } from './contract.ts';
import { apiOf, at, CATERING, enterpriseLogin, MANUFACTURING, pickupCodeOf, provideAllBut, type Api } from './testing.ts';

/** A.8 joint review: parallel tasks per department, the lead department's word on a rejection; bundles with stages and one delivery. */

let t: TestApp;
let api: Api;
let clerk: string;
let samr: string;
let chief: string;
const reviewers: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [clerk, samr, chief] = await Promise.all([t.loginAs('clerk'), t.loginAs('reviewer'), t.loginAs('chief')]);
  const admin = await t.loginAs('admin');
  const centers = await api.ok<{ id: string; name: string }[]>('GET', '/api/centers', admin);
  const centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const departments = await api.ok<{ id: string; name: string }[]>('GET', `/api/centers/${centerId}/departments`, admin);
  for (const [username, department] of [
    ['nr_reviewer', '自然资源局'],
    ['housing_reviewer', '住房和城乡建设局'],
    ['water_reviewer', '水务局'],
  ] as const) {
    const res = await api.call('POST', '/api/staff', admin, {
      username,
      displayName: `${department}审批员`,
      password: 'Review1234!',
      roles: ['back_office_reviewer'],
      centerId,
      departmentId: departments.find((d) => d.name === department)!.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const cookie = await t.loginAs(username, 'Review1234!');
    await api.ok('POST', '/api/auth/password', cookie, { currentPassword: 'Review1234!', newPassword: 'Review5678!' });
    reviewers[department] = await t.loginAs(username, 'Review5678!');
  }
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const detail = (id: string, who = clerk) => api.ok('GET', `/api/applications/${id}`, who);
const taskIn = (app: ApplicationDetail, departmentName: string) => app.tasks.find((x) => x.departmentName === departmentName)!;
async function decide(who: string, app: ApplicationDetail, departmentName: string, verb: 'approve' | 'reject', opinion: string) {
  const task = taskIn(await detail(app.id, who), departmentName);
  return api.call('POST', `/api/review/tasks/${task.id}/${verb}`, who, { version: task.version, opinion });
}

describe('a joint-review item', () => {
  it('needs every department; a rejection goes to the lead department, which can send it back', async () => {
    vi.setSystemTime(at('2026-11-02', '10:00'));
    let app = await api.ok('POST', '/api/applications', clerk, { source: { kind: 'item', code: 'NH-ZR-003' }, applicant: { uscc: MANUFACTURING } });
    app = await provideAllBut(api, clerk, app);
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    expect(app).toMatchObject({ isJoint: true, leadDepartmentName: '住房和城乡建设局' });
    expect(app.tasks.map((x) => [x.departmentName, x.isLead, x.state])).toEqual(
      expect.arrayContaining([
        ['自然资源局', false, 'open'],
        ['住房和城乡建设局', true, 'open'],
      ]),
    );
    // Each department sees its own task in its queue.
    const nrQueue = await api.ok<QueueEntry[]>('GET', '/api/review/queue', reviewers['自然资源局']);
    expect(nrQueue.map((q) => q.application.id)).toContain(app.id);

    vi.setSystemTime(at('2026-11-03', '10:00'));
    expect((await decide(reviewers['住房和城乡建设局']!, app, '住房和城乡建设局', 'approve', '施工图审查合格')).statusCode).toBe(204);
    expect((await detail(app.id)).state).toBe('in_review');
    vi.setSystemTime(at('2026-11-05', '10:00'));
    expect((await decide(reviewers['自然资源局']!, app, '自然资源局', 'reject', '建筑退让不满足规划条件')).statusCode).toBe(204);
    app = await detail(app.id);
    expect(app.state).toBe('lead_decision');
    const waiting = await api.ok<{ id: string }[]>('GET', '/api/review/lead-decisions', reviewers['住房和城乡建设局']);
    expect(waiting.map((w) => w.id)).toContain(app.id);

    // Only the lead department decides.
    const notLead = await api.call('POST', `/api/applications/${app.id}/lead-decision`, reviewers['自然资源局'], { version: app.version, decision: 'uphold', opinion: '维持' });
    expect(notLead.statusCode).toBe(403);
    app = await api.ok('POST', `/api/applications/${app.id}/lead-decision`, reviewers['住房和城乡建设局'], { version: app.version, decision: 'return', opinion: '请结合修改后的方案重新审查' });
    expect(app.state).toBe('in_review');
    vi.setSystemTime(at('2026-11-06', '10:00'));
    expect((await decide(reviewers['自然资源局']!, app, '自然资源局', 'approve', '修改后符合规划条件')).statusCode).toBe(204);
    app = await detail(app.id);
    expect(app.state).toBe('approved');
    expect(app.decisionOpinion).toContain('施工图审查合格');
    // Who held it and for how long.
    expect(taskIn(app, '住房和城乡建设局').heldWorkingDays).toBe(1);
    expect(taskIn(app, '自然资源局').heldWorkingDays).toBe(4);
    expect(app.events.filter((e) => e.action === 'approve').map((e) => e.departmentName)).toEqual(['住房和城乡建设局', '自然资源局']);
  });

  it('ends in a rejection when the lead department upholds it', async () => {
    vi.setSystemTime(at('2026-11-09', '10:00'));
    let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, { source: { kind: 'item', code: 'NH-ZR-003' }, applicant: { uscc: MANUFACTURING } }));
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    expect((await decide(reviewers['自然资源局']!, app, '自然资源局', 'reject', '容积率超出规划条件')).statusCode).toBe(204);
    app = await detail(app.id);
    app = await api.ok('POST', `/api/applications/${app.id}/lead-decision`, reviewers['住房和城乡建设局'], { version: app.version, decision: 'uphold', opinion: '维持自然资源局意见' });
    expect(app).toMatchObject({ state: 'rejected', decision: 'rejected' });
    expect(taskIn(app, '住房和城乡建设局').state).toBe('closed');
    expect(app.notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['decision', 'pickup']));
    expect(app.delivery).toMatchObject({ state: 'awaiting_pickup' });
  });
});

describe('a bundle (开办餐饮店一件事)', () => {
  it('opens stages in turn, takes the lead department for a rejection, and delivers every result through one counter', async () => {
    vi.setSystemTime(at('2026-11-02', '11:00'));
    const answers = { outdoor_sign: 'no', large_venue: 'no', foreign_investment: 'no', premises_owned: 'no', prepackaged_only: 'no', online_sales: 'no' };
    let app = await api.ok('POST', '/api/applications', clerk, { source: { kind: 'bundle', code: 'NH-YJS-002' }, answers, applicant: { uscc: CATERING }, contactPhone: '13900139000' });
    expect(app.kind).toBe('bundle');
    expect(app.children.map((c) => [c.code, c.state])).toEqual([
      ['NH-SCJG-001', 'received'],
      ['NH-SCJG-006', 'received'],
      ['NH-SWU-001', 'received'],
    ]);
    // Materials several members ask for appear once.
    expect(app.materials.filter((m) => m.name === '法定代表人（负责人）身份证件')).toHaveLength(1);
    // Stage 1 takes 1 working day, stage 2 the longest of 10 and 7.
    expect(app.promisedDays).toBe(11);

    app = await provideAllBut(api, clerk, app);
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    expect(app).toMatchObject({ state: 'in_review', dueDate: '2026-11-17', isJoint: true });
    expect(app.children.map((c) => [c.code, c.dueDate])).toEqual([
      ['NH-SCJG-001', '2026-11-03'],
      ['NH-SCJG-006', '2026-11-17'],
      ['NH-SWU-001', '2026-11-12'],
    ]);
    expect(app.tasks.map((x) => x.state).sort()).toEqual(['open', 'waiting', 'waiting']);

    const [registration, food, drainage] = app.children;
    expect((await decide(samr, await detail(registration!.id, samr), '市场监督管理局', 'approve', '准予设立登记')).statusCode).toBe(204);
    app = await detail(app.id);
    expect(app.tasks.filter((x) => x.state === 'open')).toHaveLength(2);

    vi.setSystemTime(at('2026-11-05', '11:00'));
    expect((await decide(reviewers['水务局']!, await detail(drainage!.id, reviewers['水务局']), '水务局', 'reject', '未设置隔油池')).statusCode).toBe(204);
    app = await detail(app.id);
    expect(app.state).toBe('lead_decision');
    const child = await detail(drainage!.id, chief);
    // The bundle's lead department (市场监督管理局) decides; its chief officer upholds.
    await api.ok('POST', `/api/applications/${child.id}/lead-decision`, chief, { version: child.version, decision: 'uphold', opinion: '维持水务局意见，其余事项继续办理' });
    app = await detail(app.id);
    expect(app.state).toBe('in_review');

    vi.setSystemTime(at('2026-11-06', '11:00'));
    expect((await decide(samr, await detail(food!.id, samr), '市场监督管理局', 'approve', '准予食品经营许可')).statusCode).toBe(204);
    app = await detail(app.id);
    expect(app).toMatchObject({ state: 'approved', decision: 'approved' });
    expect(app.notices.filter((n) => n.kind === 'pickup')).toHaveLength(1);
    expect(app.delivery).toMatchObject({ state: 'awaiting_pickup', pickupCode: null });
    const pickupCode = await pickupCodeOf(api, await enterpriseLogin(t, CATERING), app.id);

    // Several results of the bundle through one counter.
    app = await api.ok('POST', `/api/applications/${app.id}/delivery/hand-over`, clerk, { version: app.version, pickupCode });
    expect(app.state).toBe('delivered');
    // The refusal goes out with the grants: its decision document is part of the bundle's results.
    expect(app.children.map((c) => [c.state, c.due.status])).toEqual([
      ['delivered', 'done_on_time'],
      ['delivered', 'done_on_time'],
      ['delivered', 'done_on_time'],
    ]);

    const progress = await api.ok<ProgressDto>('GET', `/api/portal/progress?number=${app.number}&phone=13900139000`);
    expect(progress.children.map((c) => c.stateLabel)).toEqual(['已办结送达', '已办结送达', '已办结送达']);
    expect(progress.steps.map((s) => s.title)).toEqual(
      expect.arrayContaining(['收件', '受理', '企业设立登记：准予许可', '城镇污水排入排水管网许可：审查意见', '一件事办结', '已领取']),
    );
  });
});

describe('the chief officer', () => {
  it('sees the whole department, reassigns, and gets the warnings and overdue items', async () => {
    vi.setSystemTime(at('2026-11-02', '15:00'));
    let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, { source: { kind: 'item', code: 'NH-SCJG-006' }, answers: { prepackaged_only: 'no', online_sales: 'no' }, applicant: { uscc: CATERING } }));
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    const reviewersList = await api.ok<{ id: string; displayName: string }[]>('GET', '/api/review/reviewers', chief);
    const liang = reviewersList.find((r) => r.displayName === '梁俊杰')!;
    await api.ok('POST', `/api/review/tasks/${app.tasks[0]!.id}/reassign`, chief, { version: app.tasks[0]!.version, assigneeId: liang.id });
    const byReviewer = await api.call('GET', '/api/review/queue?scope=department', samr);
    expect(byReviewer.statusCode).toBe(403);
    const mine = await api.ok<QueueEntry[]>('GET', '/api/review/queue?scope=mine', samr);
    expect(mine.map((q) => q.application.id)).toContain(app.id);

    // Eight of ten working days used on 12 November: a warning; after 16 November: overdue.
    vi.setSystemTime(at('2026-11-12', '09:00'));
    let warnings = await api.ok<QueueEntry[]>('GET', '/api/review/queue?scope=department&due=warning', chief);
    expect(warnings.map((q) => q.application.id)).toContain(app.id);
    vi.setSystemTime(at('2026-11-17', '09:00'));
    warnings = await api.ok<QueueEntry[]>('GET', '/api/review/queue?scope=department&due=overdue', chief);
    expect(warnings.find((q) => q.application.id === app.id)!.application.due).toMatchObject({ status: 'overdue', usedDays: 11 });
    const list = await api.ok<{ items: { id: string }[] }>('GET', '/api/applications?due=overdue', chief);
    expect(list.items.map((i) => i.id)).toContain(app.id);
  });
});
