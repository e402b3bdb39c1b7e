import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { CertificateDto, ConductDto, ConductSummary, CourseDetail, CourseSummary, RuleDto } from './contract.ts';

/**
 * Training and qualification (5.2) through HTTP: a clerk whose certificate lapsed cannot open a
 * counter whose purpose demands it (the message names what is missing) and can once the manager
 * records a new one; exams issue certificates to those who pass; bad input is refused with nothing
 * stored; the expiring list; conduct findings and their monthly summary per department and staff.
 */

let t: TestApp;
let api: TestApi;
let manager: string;
let clerk: string;
let chief: string;
const staffIds = new Map<string, string>();
const counterIds = new Map<string, string>();
const today = businessToday();

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [manager, clerk, chief] = await Promise.all([t.loginAs('manager'), t.loginAs('clerk'), t.loginAs('chief')]);
  for (const s of await api.ok<{ id: string; username: string; centerId: string }[]>('GET', '/api/staff', manager)) staffIds.set(s.username, s.id);
  const center = (await api.ok<{ id: string; name: string }[]>('GET', '/api/centers', manager)).find((c) => c.name === '佛山市南海区政务服务中心')!;
  for (const c of await api.ok<{ id: string; number: string }[]>('GET', `/api/centers/${center.id}/counters`, manager)) counterIds.set(c.number, c.id);
});
afterAll(() => t.close());

const open = (counter: string, cookie: string) => api.call('POST', `/api/queue/counters/${counterIds.get(counter)}/open`, cookie);
const certificatesOf = (username: string) => api.ok<CertificateDto[]>('GET', `/api/training/certificates?staffId=${staffIds.get(username)}`, manager);

describe('the qualification a counter demands', () => {
  it('refuses the clerk whose certificate lapsed, naming it, and lets them open once the manager records a new one', async () => {
    const clerk11 = await t.loginAs('clerk11');
    const refused = await open('11', clerk11);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'QUALIFICATION_MISSING' });
    expect(refused.json().message).toContain(`缺少有效的「综合出件上岗证」（已于 ${addDays(today, -7)} 过期）`);
    expect(refused.json().message).toContain('11 号窗口');
    const bench = await api.ok<{ session: unknown }>('GET', `/api/queue/counters/${counterIds.get('11')}/workbench`, clerk11);
    expect(bench.session).toBeNull();

    const renewed = await api.call('POST', '/api/training/certificates', manager, { staffId: staffIds.get('clerk11'), kind: '综合出件上岗证', number: 'CJ-TEST-0001', issuedOn: today, expiresOn: addDays(today, 730) });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(renewed.json()).toMatchObject({ staffName: '林思远', source: 'manager', status: 'valid' });
    expect((await open('11', clerk11)).statusCode).toBe(200);
    const expiring = await api.ok<CertificateDto[]>('GET', '/api/training/certificates/expiring', manager);
    expect(expiring.some((c) => c.staffId === staffIds.get('clerk11'))).toBe(false);
  });

  it('lets a clerk who passed the exam open the counter, refuses one who failed, and not once the rule is removed', async () => {
    const [clerk10, clerk3] = await Promise.all([t.loginAs('clerk10'), t.loginAs('clerk3')]);
    expect((await open('10', clerk10)).statusCode).toBe(200);
    const refused = await open('27', clerk3);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('缺少有效的「综合出件上岗证」（未取得）');
    const rule = (await api.ok<RuleDto[]>('GET', '/api/training/rules', manager)).find((r) => r.purpose === 'delivery')!;
    expect(rule).toMatchObject({ role: 'counter_clerk', kind: '综合出件上岗证' });
    const again = await api.call('POST', '/api/training/rules', manager, { purpose: 'delivery', role: 'counter_clerk', kind: '综合出件上岗证' });
    expect(again.statusCode).toBe(409);
    expect((await api.call('DELETE', `/api/training/rules/${rule.id}`, clerk)).statusCode).toBe(403);
    expect((await api.call('DELETE', `/api/training/rules/${rule.id}`, manager)).statusCode).toBe(204);
    expect((await open('27', clerk3)).statusCode).toBe(200);
    expect((await api.call('POST', '/api/training/rules', manager, { purpose: 'delivery', role: 'counter_clerk', kind: '综合出件上岗证' })).statusCode).toBe(201);
  });

  it('keeps other counters open to fresh clerks: the rules name only the delivery purpose', async () => {
    const clerk2 = await t.loginAs('clerk2');
    expect((await open('2', clerk2)).statusCode).toBe(200);
  });
});

describe('certificates', () => {
  it('refuses an expiry on or before the issue date, and a number already recorded, storing nothing', async () => {
    const before = await certificatesOf('clerk2');
    const base = { staffId: staffIds.get('clerk2'), kind: '服务礼仪合格证', number: 'LY-TEST-1', issuedOn: '2026-06-01' };
    for (const expiresOn of ['2026-05-31', '2026-06-01']) {
      const res = await api.call('POST', '/api/training/certificates', manager, { ...base, expiresOn });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'expiresOn' }] });
    }
    expect((await api.call('POST', '/api/training/certificates', manager, { ...base, expiresOn: '2027-05-31' })).statusCode).toBe(201);
    const twice = await api.call('POST', '/api/training/certificates', manager, { ...base, expiresOn: '2027-05-31' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().fields).toEqual([{ field: 'number', message: '证书编号已登记' }]);
    expect((await certificatesOf('clerk2')).length).toBe(before.length + 1);
    expect((await api.call('POST', '/api/training/certificates', clerk, { ...base, number: 'LY-TEST-2', expiresOn: '2027-05-31' })).statusCode).toBe(403);
  });

  it('lists the lapsed and the soon lapsing, the latest of each qualification only', async () => {
    const expiring = await api.ok<CertificateDto[]>('GET', '/api/training/certificates/expiring', manager);
    const etiquette = expiring.filter((c) => c.kind === '服务礼仪合格证');
    expect(etiquette.map((c) => c.status)).toEqual(etiquette.map(() => 'expiring'));
    expect(etiquette.every((c) => c.daysLeft >= 0 && c.daysLeft <= 30)).toBe(true);
    // clerk2's renewal above replaces the etiquette certificate about to lapse
    expect(etiquette.some((c) => c.staffId === staffIds.get('clerk2'))).toBe(false);
    expect(etiquette.some((c) => c.staffId === staffIds.get('clerk'))).toBe(true);
    expect(expiring.some((c) => c.kind === '综合出件上岗证' && c.staffId === staffIds.get('clerk10'))).toBe(false);
    const lapsedOnly = await api.ok<CertificateDto[]>('GET', '/api/training/certificates/expiring?days=0', manager);
    expect(lapsedOnly.every((c) => c.expiresOn <= today)).toBe(true);
    expect((await api.call('GET', '/api/training/certificates/expiring?days=-1', manager)).statusCode).toBe(400);
  });
});

describe('courses, sessions and exams', () => {
  it('issues a certificate to each who passes an exam that names a qualification', async () => {
    const created = await api.call('POST', '/api/training/courses', manager, { title: '惠企政策解读（2026）', category: 'policy' });
    expect(created.statusCode, created.body).toBe(201);
    const course = created.json() as CourseDetail;
    const withSession = await api.ok<CourseDetail>('POST', `/api/training/courses/${course.id}/sessions`, manager, { heldOn: today, trainer: '吴丽娟', place: '三楼培训室', staffIds: [staffIds.get('clerk4'), staffIds.get('clerk7')] });
    expect(withSession.sessions[0]!.attendees.map((a) => a.staffName).sort()).toHaveLength(2);
    const exam = { heldOn: today, passMark: 60, qualificationKind: '政策兑现上岗证', validityMonths: 12, scores: [{ staffId: staffIds.get('clerk4'), score: 75 }, { staffId: staffIds.get('clerk7'), score: 40 }] };
    const bad = [
      { ...exam, passMark: 120 },
      { ...exam, scores: [{ staffId: staffIds.get('clerk4'), score: 101 }] },
      { ...exam, validityMonths: null },
      { ...exam, scores: [{ staffId: staffIds.get('clerk4'), score: 70 }, { staffId: staffIds.get('clerk4'), score: 71 }] },
    ];
    for (const body of bad) expect((await api.call('POST', `/api/training/courses/${course.id}/exams`, manager, body)).statusCode).toBe(400);
    const detail = await api.ok<CourseDetail>('POST', `/api/training/courses/${course.id}/exams`, manager, exam);
    expect(detail.exams).toHaveLength(1);
    expect(detail.exams[0]!.scores.map((s) => s.passed)).toEqual([true, false]);
    expect((await certificatesOf('clerk4')).filter((c) => c.kind === '政策兑现上岗证')).toMatchObject([{ source: 'exam', issuedOn: today, status: 'valid' }]);
    expect((await certificatesOf('clerk7')).filter((c) => c.kind === '政策兑现上岗证')).toEqual([]);
    const list = await api.ok<CourseSummary[]>('GET', '/api/training/courses', manager);
    expect(list.find((c) => c.id === course.id)).toMatchObject({ sessionCount: 1, examCount: 1 });
    expect(list.some((c) => c.category === 'etiquette')).toBe(true);
    expect((await api.call('GET', '/api/training/courses', clerk)).statusCode).toBe(403);
  });
});

describe('conduct records', () => {
  it('records findings and sums them per department and per staff member for the month', async () => {
    const month = today.slice(0, 7);
    const before = await api.ok<ConductSummary>('GET', `/api/training/conduct/summary?month=${month}`, manager);
    const market = before.departments.find((d) => d.departmentName === '市场监督管理局');
    expect(market).toMatchObject({ discipline: 3 });
    const body = { staffId: staffIds.get('reviewer'), inspectedOn: today, aspect: 'language', finding: '电话答复时未使用礼貌用语', pointsDeducted: 2 };
    for (const wrong of [{ ...body, inspectedOn: addDays(today, 1) }, { ...body, pointsDeducted: 101 }, { ...body, aspect: 'mood' }]) {
      expect((await api.call('POST', '/api/training/conduct', manager, wrong)).statusCode).toBe(400);
    }
    expect((await api.call('POST', '/api/training/conduct', clerk, body)).statusCode).toBe(403);
    const created = await api.call('POST', '/api/training/conduct', manager, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json() as ConductDto).toMatchObject({ staffName: '梁俊杰', departmentName: '市场监督管理局', inspectorName: '陈慧敏' });
    const after = await api.ok<ConductSummary>('GET', `/api/training/conduct/summary?month=${month}`, chief);
    expect(after.departments.find((d) => d.departmentName === '市场监督管理局')).toMatchObject({ records: market!.records + 1, points: market!.points + 2, language: market!.language + 2, staffCount: market!.staffCount + 1 });
    expect(after.staff.find((s) => s.staffId === staffIds.get('reviewer'))).toMatchObject({ records: 1, points: 2, language: 2 });
    const list = await api.ok<ConductDto[]>('GET', `/api/training/conduct?month=${month}`, manager);
    expect(list.length).toBe(before.staff.reduce((n, s) => n + s.records, 0) + 1);
  });
});
