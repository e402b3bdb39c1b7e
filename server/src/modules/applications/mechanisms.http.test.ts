import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { creditStatusOf } from '../enterprises/credit/service.ts';
import { findEnterpriseByUscc } from '../enterprises/service.ts';
import type { ApplicationDetail, FiguresDto, ProgressDto } from './contract.ts';
import { apiOf, at, foodIntake, pdfText, provideAllBut, type Api } from './testing.ts';
import { findApplication } from './repository.ts';
import { runApplicationTimers } from './timers.ts';

/** A.9 deferred materials, A.4 commitment, special procedures and the 5-day notice rule, with their timers. */

let t: TestApp;
let api: Api;
let clerk: string;
let reviewer: string;
let manager: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [clerk, reviewer, manager] = await Promise.all([t.loginAs('clerk'), t.loginAs('reviewer'), t.loginAs('manager')]);
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const deps = () => ({ db: t.db, config: t.config });
const detail = (id: string, who = clerk) => api.ok('GET', `/api/applications/${id}`, who);
const taskOf = async (id: string) => (await detail(id, reviewer)).tasks[0]!;
const approve = async (id: string, opinion = '符合条件，准予许可') => {
  const task = await taskOf(id);
  return api.call('POST', `/api/review/tasks/${task.id}/approve`, reviewer, { version: task.version, opinion });
};

/** A registered enterprise with no credit record, one per test (the timers write records). */
async function freshEnterprise(skip: number): Promise<string> {
  const rows = (await t.db.execute(
    sql`select e.uscc from enterprises e where not exists (select 1 from credit_records c where c.enterprise_id = e.id) order by e.uscc offset ${skip} limit 1`,
  )) as unknown as { rows: { uscc: string }[] };
  return rows.rows[0]!.uscc;
}

describe('deferred materials (A.9)', () => {
  it('stops an application whose deferred materials are late and puts the applicant on the dishonesty list', async () => {
    vi.setSystemTime(at('2026-11-02', '10:00'));
    const uscc = await freshEnterprise(1);
    let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake({ applicant: { uscc } })), ['rules']);
    app = await api.ok('POST', `/api/applications/${app.id}/accept-with-deferral`, clerk, { version: app.version, materialKeys: ['rules'], isCommitmentSigned: true });
    // The guide allows 5 working days, within the 10 promised.
    expect(app).toMatchObject({ state: 'in_review', deferralState: 'pending', deferredUntil: '2026-11-09', dueDate: '2026-11-16' });
    expect(app.materials.find((m) => m.key === 'rules')!.status).toBe('deferred');
    expect(app.notices.map((n) => n.kind)).toEqual(['acceptance', 'deferral']);

    const early = await approve(app.id);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'DEFERRED_MATERIALS_PENDING' });

    vi.setSystemTime(at('2026-11-09', '16:00'));
    expect((await runApplicationTimers(deps(), new Date())).deferral_deadline).toBe(0);
    vi.setSystemTime(at('2026-11-10', '08:00'));
    const report = await runApplicationTimers(deps(), new Date());
    expect(report.deferral_deadline).toBe(1);
    app = await detail(app.id);
    expect(app).toMatchObject({ state: 'stopped', deferralState: 'expired' });
    expect(app.tasks.every((task) => task.state === 'closed')).toBe(true);
    const termination = app.notices.find((n) => n.kind === 'termination')!;
    const text = await pdfText((await api.call('GET', `/api/applications/${app.id}/notices/${termination.id}/pdf`, clerk)).rawPayload);
    expect(text).toContain('终止办理告知书');
    expect(text).toContain('失信名单');

    const enterprise = (await findEnterpriseByUscc(t.db, uscc))!;
    const credit = await creditStatusOf(t.db, { enterpriseId: enterprise.id });
    expect(credit.records).toEqual([expect.objectContaining({ kind: 'dishonesty_list', sourceReference: app.number, recordedOn: '2026-11-10' })]);
    expect(credit.deferredMaterials.allowed).toBe(false);

    // Both sides are told: the applicant by SMS, the department by the timeline.
    const sms = (await t.db.execute(sql`select template from notification_messages where related_id = ${app.id} order by created_at`)) as unknown as { rows: { template: string }[] };
    expect(sms.rows.map((r) => r.template)).toContain('application_stopped');
    expect(app.events.at(-1)).toMatchObject({ action: 'expire_deferral', actorName: '系统', departmentName: '市场监督管理局' });

    // And the route is closed to the applicant from now on.
    const again = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake({ applicant: { uscc } })), ['rules']);
    const refused = await api.call('POST', `/api/applications/${again.id}/accept-with-deferral`, clerk, { version: again.version, materialKeys: ['rules'], isCommitmentSigned: true });
    expect(refused.json()).toMatchObject({ code: 'CREDIT_BARRED' });
  });

  it('lets the decision through once the deferred materials are in', async () => {
    vi.setSystemTime(at('2026-11-02', '11:00'));
    let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake({ applicant: { uscc: await freshEnterprise(2) } })), ['rules']);
    app = await api.ok('POST', `/api/applications/${app.id}/accept-with-deferral`, clerk, { version: app.version, materialKeys: ['rules'], isCommitmentSigned: true });
    vi.setSystemTime(at('2026-11-05', '11:00'));
    const tooSoon = await api.call('POST', `/api/applications/${app.id}/deferred-supplied`, clerk, { version: app.version });
    expect(tooSoon.json()).toMatchObject({ code: 'MATERIALS_INCOMPLETE' });
    app = await api.ok('PUT', `/api/applications/${app.id}/materials/rules`, clerk, { status: 'paper_seen' });
    app = await api.ok('POST', `/api/applications/${app.id}/deferred-supplied`, clerk, { version: app.version });
    expect(app.deferralState).toBe('supplied');
    expect((await approve(app.id)).statusCode).toBe(204);
    expect((await detail(app.id)).state).toBe('approved');
  });
});

describe('commitment (A.4)', () => {
  it('replaces the named certificates, sets a verification task, and on a false promise revokes and records it', async () => {
    vi.setSystemTime(at('2026-11-03', '10:00'));
    const uscc = await freshEnterprise(3);
    let app = await api.ok('POST', '/api/applications', clerk, foodIntake({ applicant: { uscc }, isCommitment: true }));
    expect(app.isCommitment).toBe(true);
    expect(app.materials.find((m) => m.key === 'commitment_letter')).toMatchObject({ status: 'committed', isReplaceableByCommitment: true });
    const letter = app.notices.find((n) => n.kind === 'commitment_letter')!;
    const letterText = await pdfText((await api.call('GET', `/api/applications/${app.id}/notices/${letter.id}/pdf`, clerk)).rawPayload);
    expect(letterText).toContain('告知承诺书');
    expect(letterText).toContain('经营场所现场核查');

    app = await provideAllBut(api, clerk, app);
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    expect((await approve(app.id)).statusCode).toBe(204);
    app = await detail(app.id, reviewer);
    // 20 working days after 3 November 2026.
    expect(app.verification).toMatchObject({ state: 'pending', dueDate: '2026-12-01', isOverdue: false });
    const list = await api.ok<{ application: { id: string } }[]>('GET', '/api/review/verifications', reviewer);
    expect(list.map((v) => v.application.id)).toContain(app.id);

    // The timer, run for a day after the due date (a session would not survive a jump into the future).
    await runApplicationTimers(deps(), at('2026-12-01', '18:00'));
    vi.setSystemTime(at('2026-11-20', '09:00'));
    expect((await detail(app.id, reviewer)).verification!.isOverdue).toBe(false);
    expect((await runApplicationTimers(deps(), at('2026-12-02', '09:00'))).verification_due).toBeGreaterThanOrEqual(1);
    app = await detail(app.id, reviewer);
    expect(app.verification!.isOverdue).toBe(true);
    app = await api.ok('POST', `/api/applications/${app.id}/commitment-verification`, reviewer, { version: app.version, isTrue: false, note: '现场核查发现无专用食品贮存场所' });
    expect(app).toMatchObject({ state: 'revoked', verification: { state: 'false' } });
    const licenses = await api.ok<{ items: { id: string; status: string }[] }>('GET', `/api/licenses?q=${uscc}`, await t.loginAs('chief'));
    expect(licenses.items.find((l) => l.id === app.licenseId)!.status).toBe('revoked');
    const enterprise = (await findEnterpriseByUscc(t.db, uscc))!;
    expect((await creditStatusOf(t.db, { enterpriseId: enterprise.id })).commitment.allowed).toBe(false);

    const barred = await api.call('POST', '/api/applications', clerk, foodIntake({ applicant: { uscc }, isCommitment: true }));
    expect(barred.statusCode).toBe(422);
    expect(barred.json()).toMatchObject({ code: 'CREDIT_BARRED' });
  });
});

describe('special procedures', () => {
  it('stands the clock still for the days they take, up to their maximum', async () => {
    vi.setSystemTime(at('2026-11-02', '14:00'));
    let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake()));
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    expect(app.dueDate).toBe('2026-11-16');

    vi.setSystemTime(at('2026-11-04', '10:00'));
    app = await api.ok('POST', `/api/applications/${app.id}/special-procedures`, reviewer, { version: app.version, kind: 'inspection', reason: '需现场核查经营场所', maxDays: 3 });
    expect(app.state).toBe('special_procedure');
    expect(app.due.status).toBe('paused');

    vi.setSystemTime(at('2026-11-06', '16:00'));
    app = await api.ok('POST', `/api/applications/${app.id}/special-procedures/end`, reviewer, { version: app.version, outcome: '现场核查合格' });
    // Paused on the 5th and 6th: the due date moves two working days.
    expect(app).toMatchObject({ state: 'in_review', pausedDays: 2, dueDate: '2026-11-18' });

    app = await api.ok('POST', `/api/applications/${app.id}/special-procedures`, reviewer, { version: app.version, kind: 'expert_review', reason: '工艺复杂，组织专家评审', maxDays: 2 });
    vi.setSystemTime(at('2026-11-12', '08:00'));
    expect((await runApplicationTimers(deps(), new Date())).special_procedure_max).toBe(1);
    app = await detail(app.id);
    expect(app).toMatchObject({ state: 'in_review', pausedDays: 4, dueDate: '2026-11-20' });
    expect(app.specialProcedures.map((p) => p.pausedDays)).toEqual([2, 2]);
  });
});

describe('the 5-day notice rule', () => {
  it('counts an application without a written notice within 5 working days as accepted from receipt', async () => {
    vi.setSystemTime(at('2026-11-02', '15:00'));
    let app = await api.ok('POST', '/api/applications', clerk, foodIntake());
    expect(app.noticeDeadline).toBe('2026-11-09');
    vi.setSystemTime(at('2026-11-09', '17:00'));
    await runApplicationTimers(deps(), new Date());
    expect((await detail(app.id)).isDeemedAccepted).toBe(false);
    vi.setSystemTime(at('2026-11-10', '09:00'));
    expect((await runApplicationTimers(deps(), new Date())).notice_deadline).toBeGreaterThanOrEqual(1);
    app = await provideAllBut(api, clerk, await detail(app.id));
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    // The clock started on the day of receipt.
    expect(app).toMatchObject({ isDeemedAccepted: true, clockStartOn: '2026-11-02', dueDate: '2026-11-16' });
    const { checkCode } = (await findApplication(t.db, app.id))!;
    const progress = await api.ok<ProgressDto>('GET', `/api/portal/progress?number=${app.number}&checkCode=${checkCode}`);
    expect(progress.steps.map((s) => s.title)).toContain('视为受理');
    const figures = await api.ok<FiguresDto>('GET', '/api/application-figures?from=2026-11-01&to=2026-11-30', manager);
    expect(figures.deemedAccepted).toBeGreaterThanOrEqual(1);
  });
});

describe('figures', () => {
  it('counts on-time decisions, acceptance without supplement, states and overdue items', async () => {
    vi.setSystemTime(at('2026-11-20', '10:00'));
    const figures = await api.ok<FiguresDto>('GET', '/api/application-figures?from=2026-11-01&to=2026-11-30', manager);
    expect(figures.accepted).toBeGreaterThanOrEqual(5);
    expect(figures.acceptedWithoutSupplement).toBeGreaterThanOrEqual(5);
    expect(figures.acceptedWithoutSupplementRate).toBeCloseTo(figures.acceptedWithoutSupplement / figures.accepted, 3);
    expect(figures.decided).toBeGreaterThanOrEqual(2);
    expect(figures.onTimeRate).toBeCloseTo(figures.decidedOnTime / figures.decided, 3);
    expect(figures.overdue.every((a) => a.due.status === 'overdue')).toBe(true);
    expect(figures.byState.find((s) => s.state === 'stopped')!.count).toBeGreaterThanOrEqual(1);
    const samr = figures.byDepartment.find((d) => d.departmentName === '市场监督管理局')!;
    expect(samr.open).toBeGreaterThanOrEqual(1);
    const bad = await api.call('GET', '/api/application-figures?from=2026-12-01&to=2026-11-01', manager);
    expect(bad.statusCode).toBe(400);
    expect((await api.call('GET', '/api/application-figures', clerk)).statusCode).toBe(403);
  });
});

describe('return for supplement during review', () => {
  it('pauses the clock until the supplement is received, and a second request waits for approval', async () => {
    vi.setSystemTime(at('2026-11-02', '16:00'));
    let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake()));
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    vi.setSystemTime(at('2026-11-04', '10:00'));
    const task = await taskOf(app.id);
    const returned = await api.call('POST', `/api/review/tasks/${task.id}/return`, reviewer, {
      version: task.version,
      items: [{ key: 'layout', problem: '布局图未标明冷藏区', requirement: '标明冷藏、加工区域' }],
      deadlineDays: 3,
    });
    expect(returned.statusCode, returned.body).toBe(204);
    app = await detail(app.id);
    // The first supplement request of this application: issued at once.
    expect(app).toMatchObject({ state: 'review_supplement', due: { status: 'paused' } });
    expect(app.materials.find((m) => m.key === 'layout')).toMatchObject({ status: 'defective', problem: '布局图未标明冷藏区' });
    const early = await api.call('POST', `/api/applications/${app.id}/supplement-received`, clerk, { version: app.version });
    expect(early.json()).toMatchObject({ code: 'MATERIALS_INCOMPLETE' });

    vi.setSystemTime(at('2026-11-06', '10:00'));
    app = await api.ok('PUT', `/api/applications/${app.id}/materials/layout`, clerk, { status: 'paper_seen' });
    app = await api.ok('POST', `/api/applications/${app.id}/supplement-received`, clerk, { version: app.version });
    // Paused 4 → 6 November: two working days added to the due date.
    expect(app).toMatchObject({ state: 'in_review', pausedDays: 2, dueDate: '2026-11-18' });

    const again = await taskOf(app.id);
    await api.ok('POST', `/api/review/tasks/${again.id}/return`, reviewer, { version: again.version, items: [{ key: 'rules', problem: '制度缺少进货查验内容' }] });
    app = await detail(app.id);
    expect(app.state).toBe('supplement_approval');
    const pending = app.supplements.find((s) => s.state === 'pending_approval')!;
    app = await api.ok('POST', `/api/applications/${app.id}/supplements/${pending.id}/refuse`, manager, { version: app.version, reason: '可在现场核查时一并处理' });
    expect(app).toMatchObject({ state: 'in_review', pausedDays: 2 });
  });
});

describe('delivery', () => {
  async function decided(): Promise<ApplicationDetail> {
    vi.setSystemTime(at('2026-11-09', '10:00'));
    let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake()));
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    expect((await approve(app.id)).statusCode).toBe(204);
    return detail(app.id);
  }

  it('mails the result with carrier and tracking number, then confirms it', async () => {
    let app = await decided();
    const bad = await api.call('POST', `/api/applications/${app.id}/delivery/mail`, clerk, {
      version: app.version, address: '佛山市南海区桂城街道南海大道 1 号', recipientName: '陈先生', recipientPhone: '12', carrier: '中国邮政 EMS', trackingNumber: 'EMS1234567890',
    });
    expect(bad.json()).toMatchObject({ code: 'PHONE_INVALID' });
    app = await api.ok('POST', `/api/applications/${app.id}/delivery/mail`, clerk, {
      version: app.version, address: '佛山市南海区桂城街道南海大道 1 号', recipientName: '陈先生', recipientPhone: '13700137000', carrier: '中国邮政 EMS', trackingNumber: 'EMS1234567890',
    });
    expect(app).toMatchObject({ state: 'delivering', delivery: { method: 'mail', state: 'mailed', recipientPhoneMasked: '137****7000', trackingNumber: 'EMS1234567890' } });
    expect(JSON.stringify(app)).not.toContain('13700137000');
    const list = await api.ok<{ application: { id: string } }[]>('GET', '/api/deliveries?state=mailed', clerk);
    expect(list.map((d) => d.application.id)).toContain(app.id);
    app = await api.ok('POST', `/api/applications/${app.id}/delivery/confirm`, clerk, { version: app.version });
    expect(app).toMatchObject({ state: 'delivered', delivery: { state: 'delivered' } });
  });

  it('delivers electronically', async () => {
    let app = await decided();
    app = await api.ok('POST', `/api/applications/${app.id}/delivery/electronic`, clerk, { version: app.version });
    expect(app).toMatchObject({ state: 'delivered', delivery: { method: 'electronic', state: 'delivered' } });
    const twice = await api.call('POST', `/api/applications/${app.id}/delivery/electronic`, clerk, { version: app.version });
    expect(twice.statusCode).toBe(409);
  });
});
