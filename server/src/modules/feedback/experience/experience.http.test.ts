import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { ImprovementDto } from '../improvements/contract.ts';
import { experienceOfficers, experienceTasks, improvements } from '../tables.ts';
import type { FindingDto, OfficerDto, TaskDto } from './contract.ts';

/**
 * 体验员 (9.3) through HTTP: the center manager enrols a chamber-of-commerce representative (the
 * phone encrypted, masked, its reads audited), schedules a task on a published item, enters the
 * report with two findings on the officer's behalf; one finding is answered in writing, the other
 * followed by an improvement (source 体验员) that closes it. Bad input changes nothing.
 */

let t: TestApp;
let api: TestApi;
let manager: string;
let clerk: string;
let items: { id: string; name: string }[];
let ownerId: string;
const today = businessToday();

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [manager, clerk] = await Promise.all([t.loginAs('manager'), t.loginAs('clerk')]);
  items = (await api.ok<{ items: { id: string; name: string }[] }>('GET', '/api/experience-options', manager)).items;
  ownerId = (await api.ok<{ id: string; username: string }[]>('GET', '/api/staff', manager)).find((p) => p.username === 'reviewer')!.id;
});
afterAll(async () => {
  await t.close();
});

const officerBody = (extra: object = {}) => ({
  name: '罗建国',
  organisation: '南海区工商业联合会',
  kind: 'chamber',
  phone: '13600001111',
  termStart: addDays(today, -30),
  termEnd: addDays(today, 365),
  ...extra,
});

async function enrol(extra: object = {}) {
  return api.ok<OfficerDto>('POST', '/api/experience-officers', manager, officerBody(extra));
}

async function schedule(officerId: string, extra: object = {}) {
  return api.ok<TaskDto>('POST', '/api/experience-tasks', manager, { officerId, itemId: items[0]!.id, channel: 'counter', scheduledOn: today, brief: '体验窗口一次性告知', ...extra });
}

describe('experience officers', () => {
  it('are enrolled with the phone encrypted and masked; reading it is audited; only managers may', async () => {
    const officer = await enrol();
    expect(officer).toMatchObject({ name: '罗建国', kind: 'chamber', phoneMasked: '136****1111', isServing: true, tasks: 0 });
    const [row] = await t.db.select().from(experienceOfficers).where(eq(experienceOfficers.id, officer.id));
    expect(row!.phoneCipher).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('13600001111');
    expect((await api.ok<{ phone: string }>('GET', `/api/experience-officers/${officer.id}/contact`, manager)).phone).toBe('13600001111');
    const audit = await api.ok<{ items: { action: string }[] }>('GET', `/api/audit?objectId=${officer.id}`, manager);
    expect(audit.items.map((a) => a.action)).toContain('experience.officer_contact_read');
    expect((await api.call('GET', '/api/experience-officers', clerk)).statusCode).toBe(403);
    expect((await api.call('POST', '/api/experience-officers', clerk, officerBody())).statusCode).toBe(403);

    const ended = await api.ok<OfficerDto>('PATCH', `/api/experience-officers/${officer.id}`, manager, { version: officer.version, isActive: false });
    expect(ended).toMatchObject({ isActive: false, isServing: false });
    const refused = await api.call('POST', '/api/experience-tasks', manager, { officerId: officer.id, itemId: items[0]!.id, channel: 'portal', scheduledOn: today });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('officerId');
  });

  it('refuses bad input with the field named, and stores nothing', async () => {
    const before = await t.db.$count(experienceOfficers);
    const cases: [object, string, RegExp][] = [
      [officerBody({ name: '' }), 'name', /体验员姓名/],
      [officerBody({ kind: 'friend' }), 'kind', /体验员类别/],
      [officerBody({ phone: '123' }), 'phone', /电话/],
      [officerBody({ termEnd: addDays(today, -31) }), 'termEnd', /聘期结束日期/],
      [officerBody({ termStart: '2026-02-30' }), 'termStart', /日期/],
      [officerBody({ extra: true }), 'extra', /extra/],
    ];
    for (const [body, field, message] of cases) {
      const res = await api.call('POST', '/api/experience-officers', manager, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(res.json().message).toMatch(message);
    }
    expect(await t.db.$count(experienceOfficers)).toBe(before);

    const officer = await enrol({ name: '吴敏', kind: 'research', organisation: '佛山科学技术学院' });
    const tasksBefore = await t.db.$count(experienceTasks);
    const taskCases: [object, string][] = [
      [{ scheduledOn: addDays(today, 400) }, 'scheduledOn'],
      [{ scheduledOn: addDays(today, -1) }, 'scheduledOn'],
      [{ itemId: '00000000-0000-4000-8000-000000000000' }, 'itemId'],
      [{ channel: 'letter' }, 'channel'],
      [{ officerId: 'x' }, 'officerId'],
    ];
    for (const [extra, field] of taskCases) {
      const res = await api.call('POST', '/api/experience-tasks', manager, { officerId: officer.id, itemId: items[0]!.id, channel: 'counter', scheduledOn: today, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().fields[0].field).toBe(field);
    }
    expect(await t.db.$count(experienceTasks)).toBe(tasksBefore);
  });
});

describe('an experience task', () => {
  it('gets its report with findings once; one finding is answered, the other closed by an improvement', async () => {
    const officer = await enrol({ name: '陈志强', kind: 'enterprise', organisation: '佛山市南海区示例智造科技有限公司' });
    const task = await schedule(officer.id);
    expect(task).toMatchObject({ state: 'scheduled', officerName: '陈志强', itemName: items[0]!.name, report: null });

    const future = await api.call('POST', `/api/experience-tasks/${task.id}/report`, manager, { version: task.version, experiencedOn: addDays(today, 1), summary: '体验顺利' });
    expect(future.statusCode).toBe(400);
    const noSummary = await api.call('POST', `/api/experience-tasks/${task.id}/report`, manager, { version: task.version, experiencedOn: today, findings: [] });
    expect(noSummary.statusCode).toBe(400);
    expect(noSummary.json().message).toMatch(/体验情况/);
    const badFinding = await api.call('POST', `/api/experience-tasks/${task.id}/report`, manager, { version: task.version, experiencedOn: today, summary: '一般', findings: [{ category: 'mood', description: '' }] });
    expect(badFinding.statusCode).toBe(400);
    const untouched = (await api.ok<TaskDto[]>('GET', `/api/experience-tasks?officerId=${officer.id}`, manager))[0];
    expect(untouched).toMatchObject({ state: 'scheduled', report: null, findings: [], version: task.version });

    const reported = await api.ok<TaskDto>('POST', `/api/experience-tasks/${task.id}/report`, manager, {
      version: task.version,
      experiencedOn: today,
      summary: '窗口受理规范，但告知单缺少办理时限，自助区打印机故障。',
      satisfaction: 'basically',
      findings: [
        { category: 'guide', description: '一次性告知单没有写明承诺办结时限', suggestion: '告知单模板增加时限一栏' },
        { category: 'facility', description: '自助区 2 号打印机卡纸无人处理' },
      ],
    });
    expect(reported).toMatchObject({ state: 'reported', report: { satisfaction: 'basically', enteredByName: '陈慧敏' } });
    expect(reported.findings.map((f) => [f.ordinal, f.state])).toEqual([
      [1, 'open'],
      [2, 'open'],
    ]);
    const twice = await api.call('POST', `/api/experience-tasks/${task.id}/report`, manager, { version: reported.version, experiencedOn: today, summary: '再报一次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INVALID_STATE');

    const [guide, printer] = reported.findings as [FindingDto, FindingDto];
    const answered = await api.ok<FindingDto>('POST', `/api/experience-findings/${printer.id}/reply`, manager, { version: printer.version, reply: '已更换打印机并安排专人每日巡检。' });
    expect(answered).toMatchObject({ state: 'answered', repliedByName: '陈慧敏' });
    expect(answered.closedAt).not.toBeNull();
    const again = await api.call('POST', `/api/experience-findings/${printer.id}/reply`, manager, { version: answered.version, reply: '再答' });
    expect(again.json().code).toBe('INVALID_STATE');

    const improvementsBefore = await t.db.$count(improvements);
    const body = { sourceType: 'experience_officer', findingId: guide.id, target: '告知单写明承诺时限', measures: '修订一次性告知单模板并培训窗口人员', ownerId, dueOn: addDays(today, 20) };
    const wrongSource = await api.call('POST', '/api/improvements', manager, { ...body, sourceType: 'inspection' });
    expect(wrongSource.statusCode).toBe(400);
    expect(wrongSource.json().fields[0].field).toBe('sourceType');
    const created = await api.ok<ImprovementDto>('POST', '/api/improvements', manager, body);
    expect(created).toMatchObject({ sourceType: 'experience_officer', findingId: guide.id, ownerName: '梁俊杰', state: 'open' });
    expect(created.sourceNote).toContain('一次性告知单没有写明承诺办结时限');
    const second = await api.call('POST', '/api/improvements', manager, body);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('INVALID_STATE');
    expect(await t.db.$count(improvements)).toBe(improvementsBefore + 1);

    const followed = (await api.ok<FindingDto[]>('GET', '/api/experience-findings', manager)).find((f) => f.id === guide.id)!;
    expect(followed).toMatchObject({ state: 'improvement', improvement: { id: created.id, state: 'open', ownerName: '梁俊杰' } });
    const open = await api.ok<FindingDto[]>('GET', '/api/experience-findings?state=open', manager);
    expect(open.map((f) => f.id)).not.toContain(guide.id);
    const listed = (await api.ok<OfficerDto[]>('GET', '/api/experience-officers', manager)).find((o) => o.id === officer.id)!;
    expect(listed).toMatchObject({ tasks: 1, reported: 1 });
  });

  it('may be cancelled while scheduled, then takes no report', async () => {
    const officer = await enrol({ name: '郭晓', kind: 'other', organisation: '南海区律师协会' });
    const task = await schedule(officer.id, { channel: 'phone' });
    const cancelled = await api.ok<TaskDto>('POST', `/api/experience-tasks/${task.id}/cancel`, manager, { version: task.version });
    expect(cancelled.state).toBe('cancelled');
    const report = await api.call('POST', `/api/experience-tasks/${task.id}/report`, manager, { version: cancelled.version, experiencedOn: today, summary: '未体验' });
    expect(report.json().code).toBe('INVALID_STATE');
    const tasks = await api.ok<TaskDto[]>('GET', `/api/experience-tasks?officerId=${officer.id}`, manager);
    expect(tasks.map((x) => x.state)).toEqual(['cancelled']);
  });
});
