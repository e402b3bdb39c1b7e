import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import { outbox } from '../../platform/outbox/tables.ts';
import { getDepartment, updateDepartment } from '../staff/service.ts';
import type { CaseDetail, PublicCase } from './cases/contract.ts';
import type { ImprovementDto } from './improvements/contract.ts';
import { feedbackCases } from './tables.ts';
import { runFeedbackOverdueCheck } from './service.ts';

/**
 * The rest of the loop through HTTP: a 办不成事 matter with two departments from intake to solved
 * with the enterprise's confirmation; the response rate of a department; an overdue case alerting
 * once; an improvement re-checked by someone other than its owner and shown publicly.
 */

let t: TestApp;
let api: TestApi;
let desk: string;
let chief: string;
let manager: string;
let complaints: string;
let clerk: string;
let departments: { id: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [desk, chief, manager, complaints, clerk] = await Promise.all([t.loginAs('clerk17'), t.loginAs('chief'), t.loginAs('manager'), t.loginAs('complaints'), t.loginAs('clerk')]);
  departments = (await api.ok<{ departments: { id: string; name: string }[] }>('GET', '/api/feedback-options')).departments;
});
afterAll(async () => {
  await t.close();
});

const dept = (name: string) => departments.find((d) => d.name === name)!.id;
const today = () => businessToday();

describe('the 办不成事 desk', () => {
  it('takes a matter to two departments and closes it as solved when the enterprise confirms', async () => {
    const filed = await api.ok<{ id: string; number: string }>('POST', '/api/feedback', desk, {
      kind: 'unresolved',
      channel: 'on_site',
      cause: 'departments_disagree',
      content: '迁址后环评与许可先后顺序两部门意见不一',
      isConfidential: false,
      contact: { phone: '13800138000', uscc: '91440605MA4W3K7P3K' },
    });
    // only the desk sends coordination tasks
    const notDesk = await api.call('POST', `/api/feedback/${filed.id}/tasks`, clerk, { version: 1, tasks: [{ departmentId: dept('税务局'), request: 'x', dueOn: today() }] });
    expect(notDesk.statusCode).toBe(403);
    let c = await api.ok<CaseDetail>('POST', `/api/feedback/${filed.id}/tasks`, desk, {
      version: 1,
      tasks: [
        { departmentId: dept('市场监督管理局'), request: '请研究并行办理', dueOn: today() },
        { departmentId: dept('生态环境局'), request: '请研究并行办理', dueOn: today() },
      ],
    });
    expect(c.tasks.map((x) => x.departmentName).sort()).toEqual(['市场监督管理局', '生态环境局'].sort());
    // the market department's chief officer sees the matter through its task and answers it
    const marketTask = c.tasks.find((x) => x.departmentName === '市场监督管理局')!;
    c = await api.ok<CaseDetail>('POST', `/api/feedback/${filed.id}/task-answers`, chief, { version: c.version, taskId: marketTask.id, answer: '可先行受理' });
    const twice = await api.call('POST', `/api/feedback/${filed.id}/task-answers`, chief, { version: c.version, taskId: marketTask.id, answer: '再答一次' });
    expect(twice.json().code).toBe('DUPLICATE');
    const otherTask = c.tasks.find((x) => x.departmentName === '生态环境局')!;
    const wrongDepartment = await api.call('POST', `/api/feedback/${filed.id}/task-answers`, chief, { version: c.version, taskId: otherTask.id, answer: '越权' });
    expect(wrongDepartment.statusCode).toBe(403);
    c = await api.ok<CaseDetail>('POST', `/api/feedback/${filed.id}/task-answers`, manager, { version: c.version, taskId: otherTask.id, answer: '同意并行' });

    const noOutcome = await api.call('POST', `/api/feedback/${filed.id}/reply`, desk, { version: c.version, reply: '已解决' });
    expect(noOutcome.statusCode).toBe(400);
    c = await api.ok<CaseDetail>('POST', `/api/feedback/${filed.id}/reply`, desk, { version: c.version, reply: '两部门同意并行办理', outcome: 'solved' });
    expect(c).toMatchObject({ state: 'replied', outcome: 'solved', isConfirmedByEnterprise: false });

    const confirmed = await api.ok<PublicCase>('POST', '/api/feedback/follow/rating', undefined, { number: filed.number, uscc: '91440605MA4W3K7P3K', satisfaction: 'satisfied' });
    expect(confirmed).toMatchObject({ state: 'closed', outcome: 'solved' });
    c = await api.ok<CaseDetail>('GET', `/api/feedback/${filed.id}`, desk);
    expect(c).toMatchObject({ state: 'closed', isConfirmedByEnterprise: true });

    const ledger = await api.ok<{ items: { id: string }[]; figures: { total: { matters: number; solved: number }; byDepartment: { label: string; solved: number }[] } }>(
      'GET',
      `/api/feedback-unresolved?from=${today()}&to=${today()}`,
      desk,
    );
    expect(ledger.items.map((i) => i.id)).toContain(filed.id);
    expect(ledger.figures.byDepartment.find((g) => g.label === '生态环境局')).toMatchObject({ solved: 1 });
  });

  it('needs a recorded reason to close a solved matter the enterprise did not confirm', async () => {
    const filed = await api.ok<{ id: string }>('POST', '/api/feedback', desk, { kind: 'unresolved', channel: 'phone', content: '系统提示证书号不存在', isConfidential: false });
    let c = await api.ok<CaseDetail>('POST', `/api/feedback/${filed.id}/reply`, desk, { version: 1, reply: '系统已修复', outcome: 'solved' });
    const bare = await api.call('POST', `/api/feedback/${filed.id}/close`, desk, { version: c.version });
    expect(bare.statusCode).toBe(400);
    c = await api.ok<CaseDetail>('POST', `/api/feedback/${filed.id}/close`, desk, { version: c.version, note: '企业电话三次未接通，系统日志显示已成功提交' });
    expect(c).toMatchObject({ state: 'closed', isConfirmedByEnterprise: false });
  });
});

describe('response rate and the overdue alert', () => {
  it('counts a department case answered in time and alerts the chief officer once for an overdue one', async () => {
    const market = dept('市场监督管理局');
    const before = await api.ok<{ center: { received: number; answeredInTime: number; overdue: number }; scope: string; target: number }>('GET', `/api/feedback-figures?from=${today()}&to=${today()}`, chief);
    expect(before).toMatchObject({ scope: 'department', target: 100 });

    const answered = await api.ok<{ id: string }>('POST', '/api/feedback', clerk, { kind: 'consultation', channel: 'phone', content: '咨询', isConfidential: false, departmentId: market });
    await api.ok('POST', `/api/feedback/${answered.id}/reply`, chief, { version: 1, reply: '答复' });
    const late = await api.ok<{ id: string }>('POST', '/api/feedback', clerk, { kind: 'consultation', channel: 'phone', content: '咨询二', isConfidential: false, departmentId: market });
    // its limit passed yesterday
    await t.db.update(feedbackCases).set({ dueOn: '2026-01-05' }).where(eq(feedbackCases.id, late.id));

    const after = await api.ok<{ center: { received: number; answeredInTime: number; overdue: number; rate: number | null }; below: { id: string; why: string }[]; departments: { departmentName: string }[] }>(
      'GET',
      `/api/feedback-figures?from=${today()}&to=${today()}`,
      chief,
    );
    expect(after.center.received - before.center.received).toBe(2);
    expect(after.center.answeredInTime - before.center.answeredInTime).toBe(1);
    expect(after.center.overdue - before.center.overdue).toBe(1);
    expect(after.center.rate).toBeLessThan(100);
    expect(after.below).toContainEqual(expect.objectContaining({ id: late.id, why: 'overdue' }));
    expect(after.departments.map((d) => d.departmentName)).toEqual(['市场监督管理局']);

    const department = await getDepartment(t.db, market);
    await updateDepartment(t.db, market, { version: department.version, phone: '13700137000' });
    const first = await runFeedbackOverdueCheck({ db: t.db, config: t.config });
    expect(first.alerted).toBeGreaterThanOrEqual(1);
    const again = await runFeedbackOverdueCheck({ db: t.db, config: t.config });
    expect(again.alerted).toBe(0);
    const sms = await t.db.select().from(outbox).where(and(eq(outbox.dedupeKey, `sms:feedback:${late.id}:overdue`)));
    expect(sms).toHaveLength(1);
    const detail = await api.ok<CaseDetail>('GET', `/api/feedback/${late.id}`, chief);
    expect(detail).toMatchObject({ isOverdue: true, isOverdueAlerted: true });
    expect(detail.timeline.map((e) => e.action)).toContain('overdue_alert');
  });
});

describe('improvements', () => {
  it('are re-checked by someone other than the owner, sent back or passed, and listed publicly without names', async () => {
    const people = await api.ok<{ id: string; username: string }[]>('GET', '/api/staff', manager);
    const managerId = people.find((p) => p.username === 'manager')!.id;
    const created = await api.ok<ImprovementDto>('POST', '/api/improvements', complaints, {
      sourceType: 'complaint',
      target: '窗口一次性告知到位',
      measures: '组织培训并抽查告知单',
      ownerId: managerId,
      dueOn: today(),
    });
    const early = await api.call('POST', `/api/improvements/${created.id}/recheck`, chief, { version: created.version, outcome: 'passed', note: '通过' });
    expect(early.json().code).toBe('INVALID_STATE');
    const submitted = await api.ok<ImprovementDto>('POST', `/api/improvements/${created.id}/submission`, manager, { version: created.version, result: '已完成培训' });
    const own = await api.call('POST', `/api/improvements/${created.id}/recheck`, manager, { version: submitted.version, outcome: 'passed', note: '自己通过' });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SELF_DECISION');
    const back = await api.ok<ImprovementDto>('POST', `/api/improvements/${created.id}/recheck`, chief, { version: submitted.version, outcome: 'sent_back', note: '缺抽查记录' });
    expect(back).toMatchObject({ state: 'open', sentBackCount: 1 });
    const resubmitted = await api.ok<ImprovementDto>('POST', `/api/improvements/${created.id}/submission`, manager, { version: back.version, result: '补充抽查记录' });
    const passed = await api.ok<ImprovementDto>('POST', `/api/improvements/${created.id}/recheck`, chief, { version: resubmitted.version, outcome: 'passed', note: '通过' });
    expect(passed.state).toBe('passed');
    expect(passed.rechecks.map((r) => r.outcome)).toEqual(['sent_back', 'passed']);

    const res = await api.call('GET', '/api/public/improvements');
    expect(res.statusCode).toBe(200);
    const shown = (res.json() as { id: string; state: string }[]).find((i) => i.id === created.id);
    expect(shown).toMatchObject({ state: 'passed', target: '窗口一次性告知到位' });
    expect(JSON.stringify(res.json())).not.toMatch(/陈慧敏|ownerName|caseNumber|SQ\d{8}/);
  });
});
