import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { PDF, PNG } from '../applications/testing.ts';

/**
 * The portal's and the departments' side of clause 6.2.2: public policy pages, the enterprise's
 * inbox (read counts), opt-out, grants and explanation; online applications for an apply-mode
 * policy (pre-filled, uploads, refused when bad, reviewed through the applications workflow,
 * counted as `applied`); grants verified only by the department a policy names.
 */

const MANUFACTURING = '91440605MA4W3K7P3K';
const CATERING = '91440605MA51XQ2D77';
/** a few dozen demo enterprises: auto-grant policies publish quickly */
const SPECIALISED = { all: [{ field: 'tags', op: 'contains', value: '专精特新' }, { field: 'seriousBadCredit', op: 'eq', value: false }] };
const SMALL_FIVE = { all: [{ field: 'sizeClass', op: 'in', value: ['small', 'micro'] }, { field: 'employees', op: 'gte', value: 5 }, { field: 'seriousBadCredit', op: 'eq', value: false }] };

let t: TestApp;
let api: TestApi;
let officer: string;
let chief: string;
let clerk: string;
let reviewer: string;
let manufacturing: string;
let catering: string;
let options: { departments: { id: string; name: string }[]; items: { id: string; code: string; departmentId: string; isOnline: boolean }[] };

async function portalLogin(uscc: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc, password: 'Demo1234' } });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

const departmentId = (name: string) => options.departments.find((d) => d.name === name)!.id;
const itemId = (code: string) => options.items.find((i) => i.code === code)!.id;

async function publishedPolicy(over: Record<string, unknown>): Promise<string> {
  const created = await api.ok<{ id: string }>('POST', '/api/policies', officer, {
    title: '测试政策',
    issuingDepartment: '佛山市南海区市场监督管理局',
    kind: 'subsidy',
    mode: 'apply',
    amountRule: { kind: 'fixed', amount: 50000 },
    validFrom: '2026-01-01',
    validTo: '2099-12-31',
    rule: SMALL_FIVE,
    ...over,
  });
  await api.ok('POST', `/api/policies/${created.id}/publish`, officer);
  return created.id;
}

async function upload(cookie: string, filename: string, content: Buffer): Promise<string> {
  const res = await api.upload('/api/portal/application-uploads', cookie, { filename, content });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function count(table: string): Promise<number> {
  const res = await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [officer, chief, clerk, reviewer] = await Promise.all([t.loginAs('policy'), t.loginAs('chief'), t.loginAs('clerk'), t.loginAs('reviewer')]);
  [manufacturing, catering] = await Promise.all([portalLogin(MANUFACTURING), portalLogin(CATERING)]);
  options = await api.ok('GET', '/api/policies/options', officer);
});
afterAll(() => t.close());

describe('policy references', () => {
  it('offers the center’s departments and published items, the 惠企政策 items online', () => {
    expect(options.departments.map((d) => d.name)).toContain('市场监督管理局');
    expect(options.items.find((i) => i.code === 'NH-SJ-HQ01')).toMatchObject({ departmentId: departmentId('市场监督管理局'), isOnline: true });
  });

  it.each([
    [{ mode: 'auto', itemId: 'NH-SJ-HQ01' }, 'itemId'],
    [{ departmentId: '00000000-0000-4000-8000-000000000000' }, 'departmentId'],
    [{ itemId: '00000000-0000-4000-8000-000000000000' }, 'itemId'],
  ] as [Record<string, string>, string][])('refuses a policy naming what it cannot (%j), creating nothing', async (over, field) => {
    const before = await count('policies');
    const body = { title: '引用有误', rule: SMALL_FIVE, ...over, ...(over.itemId === 'NH-SJ-HQ01' ? { itemId: itemId('NH-SJ-HQ01') } : {}) };
    const res = await api.call('POST', '/api/policies', officer, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field }] });
    expect(await count('policies')).toBe(before);
  });
});

describe('the public policy page', () => {
  it('shows the amount rule in words, the conditions, the interpretation and how to apply online', async () => {
    const list = await api.ok<{ id: string; title: string }[]>('GET', '/api/public/policies');
    const demo = list.find((p) => p.title === '小微企业稳岗补贴')!;
    const page = await api.ok<Record<string, unknown>>('GET', `/api/public/policies/${demo.id}`);
    expect(page).toMatchObject({
      issuingDepartment: '佛山市南海区人力资源和社会保障局',
      kind: 'subsidy',
      mode: 'apply',
      amountText: expect.stringContaining('按从业人员每人'),
      application: { itemCode: 'NH-RS-HQ01', departmentName: '人力资源和社会保障局', promisedLimitDays: 10 },
    });
    expect(String(page.interpretation).length).toBeGreaterThan(10);
    expect(page.conditions).toContain('从业人员 ≥ 5 人');
    expect(page).not.toHaveProperty('rule');
    expect((await api.call('GET', '/api/public/policies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('the enterprise’s inbox, explanation, opt-out and grants', () => {
  it('marks a push read when opened, and the policy’s figures count it', async () => {
    const inbox = await api.ok<{ id: string; policyId: string; readAt: string | null; reasons: string[] }[]>('GET', '/api/portal/policy-inbox', manufacturing);
    const entry = inbox.find((i) => i.readAt === null)!;
    expect(entry.reasons.length).toBeGreaterThan(0);
    const before = await api.ok<{ read: number }>('GET', `/api/policies/${entry.policyId}/figures`, officer);
    expect((await api.call('POST', `/api/portal/policy-inbox/${entry.id}/read`, manufacturing)).statusCode).toBe(204);
    expect((await api.call('POST', `/api/portal/policy-inbox/${entry.id}/read`, manufacturing)).statusCode).toBe(204);
    expect((await api.ok<{ read: number }>('GET', `/api/policies/${entry.policyId}/figures`, officer)).read).toBe(before.read + 1);
    // another enterprise cannot mark it
    expect((await api.call('POST', `/api/portal/policy-inbox/${entry.id}/read`, catering)).statusCode).toBe(404);
    const why = await api.ok<{ met: boolean; conditions: { text: string; met: boolean }[] }>('GET', `/api/portal/policies/${entry.policyId}/explanation`, manufacturing);
    expect(why.met).toBe(true);
    expect(why.conditions.length).toBeGreaterThan(0);
  });

  it('reads and sets the opt-out; staff and strangers cannot', async () => {
    expect(await api.ok('GET', '/api/portal/policy-opt-out', catering)).toEqual({ optedOut: false });
    expect(await api.ok('PUT', '/api/portal/policy-opt-out', catering, { optedOut: true })).toEqual({ optedOut: true });
    expect(await api.ok('GET', '/api/portal/policy-opt-out', catering)).toEqual({ optedOut: true });
    await api.ok('PUT', '/api/portal/policy-opt-out', catering, { optedOut: false });
    expect((await api.call('GET', '/api/portal/policy-opt-out', officer)).statusCode).toBe(403);
    expect((await api.call('GET', '/api/portal/policy-opt-out')).statusCode).toBe(401);
    const bad = await api.call('PUT', '/api/portal/policy-opt-out', catering, { optedOut: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('optedOut');
  });

  it('lists the enterprise’s own grants only', async () => {
    const grants = await api.ok<{ uscc: string; status: string }[]>('GET', '/api/portal/policy-grants', manufacturing);
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g) => g.uscc === MANUFACTURING)).toBe(true);
  });
});

describe('grants are verified by the department the policy names', () => {
  it('refuses another department’s chief officer and leaves the grant pending', async () => {
    const id = await publishedPolicy({ title: '人社免申即享（测试）', mode: 'auto', rule: SPECIALISED, issuingDepartment: '佛山市南海区人力资源和社会保障局', departmentId: departmentId('人力资源和社会保障局') });
    const grants = await api.ok<{ items: { id: string; status: string }[] }>('GET', `/api/policy-grants?policyId=${id}&pageSize=5`, chief);
    const [first] = grants.items;
    const res = await api.call('POST', `/api/policy-grants/${first!.id}/verify`, chief, { decision: 'confirm' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('人力资源和社会保障局');
    expect((await api.ok<{ items: { status: string }[] }>('GET', `/api/policy-grants?policyId=${id}&pageSize=5`, chief)).items[0]!.status).toBe('pending');
    const mine = await api.ok<{ items: { policyId: string }[] }>('GET', `/api/policy-grants?scope=mine&status=pending&pageSize=200`, chief);
    expect(mine.items.some((g) => g.policyId === id)).toBe(false);
    const other = await publishedPolicy({ title: '市场监管免申即享（测试）', mode: 'auto', rule: SPECIALISED, departmentId: departmentId('市场监督管理局') });
    const own = await api.ok<{ items: { id: string; policyId: string }[] }>('GET', `/api/policy-grants?scope=mine&policyId=${other}&pageSize=5`, chief);
    expect(own.items.length).toBeGreaterThan(0);
    expect((await api.ok<{ status: string }>('POST', `/api/policy-grants/${own.items[0]!.id}/verify`, chief, { decision: 'confirm' })).status).toBe('confirmed');
    expect((await api.ok<{ granted: number }>('GET', `/api/policies/${other}/figures`, chief)).granted).toBe(1);
  });
});

describe('an online application for an apply-mode policy', () => {
  let policyId: string;
  let applicationId: string;

  it('pre-fills the form from the registry and the enterprise’s e-licenses', async () => {
    policyId = await publishedPolicy({ title: '市场主体规范化提升补助（测试）', departmentId: departmentId('市场监督管理局'), itemId: itemId('NH-SJ-HQ01') });
    const form = await api.ok<{
      applicant: { uscc: string; name: string; employees: number };
      item: { code: string; departmentName: string };
      materials: { key: string; importance: string; license: { id: string } | null }[];
      existing: unknown;
    }>('GET', `/api/portal/policies/${policyId}/application-form`, manufacturing);
    expect(form.applicant).toMatchObject({ uscc: MANUFACTURING, name: '佛山市南海区示例智造科技有限公司', employees: 180 });
    expect(form.item).toMatchObject({ code: 'NH-SJ-HQ01', departmentName: '市场监督管理局' });
    // before the situation question is answered, everything the item may ask for
    expect(form.materials.map((m) => m.key)).toEqual(['application', 'business_license', 'food_business', 'bank_account']);
    const answered = await api.ok<{ materials: { key: string }[]; questions: { key: string }[] }>('GET', `/api/portal/policies/${policyId}/application-form?answers=food:no`, manufacturing);
    expect(answered.materials.map((m) => m.key)).toEqual(['application', 'business_license', 'bank_account']);
    expect(answered.questions.map((q) => q.key)).toEqual(['food']);
    expect(form.materials.find((m) => m.key === 'business_license')!.license).not.toBeNull();
    expect(form.existing).toBeNull();
    const bad = await api.call('GET', `/api/portal/policies/${policyId}/application-form?answers=x`, manufacturing);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses bad submissions naming the field, and changes nothing', async () => {
    const form = await api.ok<{ materials: { key: string; license: { id: string } | null }[] }>('GET', `/api/portal/policies/${policyId}/application-form`, manufacturing);
    const license = form.materials.find((m) => m.key === 'business_license')!.license!.id;
    const own = await upload(manufacturing, '申请表.pdf', PDF);
    const others = await upload(catering, '申请表.pdf', PDF);
    const before = { applications: await count('applications'), links: await count('policy_applications') };
    const cases: [object, number, string, string][] = [
      [{ answers: { food: 'no' }, materials: [{ key: 'business_license', licenseId: license }] }, 400, 'VALIDATION_FAILED', 'materials.application'],
      [{ answers: { food: 'no' }, materials: [{ key: 'application', fileId: others }, { key: 'business_license', licenseId: license }, { key: 'bank_account', fileId: own }] }, 400, 'VALIDATION_FAILED', 'materials.0.fileId'],
      [{ answers: { food: 'no' }, materials: [{ key: 'application', fileId: own }, { key: 'business_license', fileId: own, licenseId: license }, { key: 'bank_account', fileId: own }] }, 400, 'VALIDATION_FAILED', 'materials.1.fileId'],
      [{ answers: { food: 'no' }, materials: [{ key: 'nonsense', fileId: own }] }, 400, 'VALIDATION_FAILED', 'materials.0.key'],
      [{ answers: { food: 'no' }, materials: [{ key: 'application', fileId: own }, { key: 'business_license', licenseId: license }, { key: 'bank_account', fileId: own }], contactPhone: '12' }, 422, 'PHONE_INVALID', 'contactPhone'],
      [{ answers: { food: 'yes' }, materials: [{ key: 'application', fileId: own }, { key: 'food_business', licenseId: license }, { key: 'business_license', licenseId: license }, { key: 'bank_account', fileId: own }] }, 400, 'VALIDATION_FAILED', 'materials.1.licenseId'],
      [{ materials: [{ key: 'application', fileId: own }, { key: 'business_license', licenseId: license }, { key: 'bank_account', fileId: own }] }, 400, 'VALIDATION_FAILED', 'answers.food'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await api.call('POST', `/api/portal/policies/${policyId}/applications`, manufacturing, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    // a policy the enterprise does not qualify for, an auto-grant policy, an unknown one
    const unfit = await publishedPolicy({ title: '大型企业补助（测试）', itemId: itemId('NH-SJ-HQ01'), rule: { field: 'sizeClass', op: 'in', value: ['large'] } });
    const res = await api.call('POST', `/api/portal/policies/${unfit}/applications`, manufacturing, { materials: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'NOT_MATCHED' });
    expect(res.json().message).toContain('企业规模为大型');
    const demoAuto = (await api.ok<{ id: string; mode: string }[]>('GET', '/api/public/policies')).find((p) => p.mode === 'auto')!;
    expect((await api.call('POST', `/api/portal/policies/${demoAuto.id}/applications`, manufacturing, { materials: [] })).json().code).toBe('ONLINE_NOT_OFFERED');
    expect((await api.call('POST', '/api/portal/policies/00000000-0000-4000-8000-000000000000/applications', manufacturing, { materials: [] })).statusCode).toBe(404);
    expect((await api.call('POST', `/api/portal/policies/${policyId}/applications`, officer, { materials: [] })).statusCode).toBe(403);
    expect({ applications: await count('applications'), links: await count('policy_applications') }).toEqual(before);
  });

  it('is received online, once, counted as applied, and listed for the enterprise and the policy', async () => {
    const form = await api.ok<{ materials: { key: string; license: { id: string } | null }[] }>('GET', `/api/portal/policies/${policyId}/application-form`, manufacturing);
    const body = {
      answers: { food: 'no' },
      contactPhone: '13800138001',
      materials: [
        { key: 'application', fileId: await upload(manufacturing, '惠企政策资金申请表.pdf', PDF) },
        { key: 'business_license', licenseId: form.materials.find((m) => m.key === 'business_license')!.license!.id },
        { key: 'bank_account', fileId: await upload(manufacturing, '开户许可证.png', PNG) },
      ],
    };
    const created = await api.ok<{ applicationId: string; number: string }>('POST', `/api/portal/policies/${policyId}/applications`, manufacturing, body);
    applicationId = created.applicationId;
    expect(created.number).toMatch(/^440605-\d{4}-\d{6}$/);
    const again = await api.call('POST', `/api/portal/policies/${policyId}/applications`, manufacturing, body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_APPLIED' });
    expect(again.json().message).toContain(created.number);

    expect((await api.ok<{ applied: number }>('GET', `/api/policies/${policyId}/figures`, officer)).applied).toBe(1);
    const mine = await api.ok<{ applicationId?: string; id: string; policyId: string; state: string; stateLabel: string }[]>('GET', '/api/portal/policy-applications', manufacturing);
    expect(mine.find((a) => a.id === applicationId)).toMatchObject({ policyId, state: 'received', stateLabel: '已收件' });
    expect((await api.ok<unknown[]>('GET', '/api/portal/policy-applications', catering)).some((a) => (a as { id: string }).id === applicationId)).toBe(false);
    const listed = await api.ok<{ id: string; enterpriseName: string }[]>('GET', `/api/policies/${policyId}/applications`, officer);
    expect(listed).toEqual([expect.objectContaining({ id: applicationId, enterpriseName: '佛山市南海区示例智造科技有限公司' })]);

    // the clerk sees an online application with its materials provided
    const detail = await api.ok<{ channel: string; name: string; firstHandlerName: string; materials: { key: string; status: string }[] }>('GET', `/api/applications/${applicationId}`, clerk);
    expect(detail).toMatchObject({ channel: 'online', name: '市场监管类惠企政策资金申领：市场主体规范化提升补助（测试）', firstHandlerName: '' });
    expect(Object.fromEntries(detail.materials.map((m) => [m.key, m.status]))).toEqual({ application: 'uploaded', business_license: 'license', bank_account: 'uploaded' });
  });

  it('goes through the applications workflow, and the enterprise follows it on the portal', async () => {
    let app = await api.ok<{ version: number; state: string; tasks: { id: string; version: number }[] }>('POST', `/api/applications/${applicationId}/accept`, clerk, {
      version: (await api.ok<{ version: number }>('GET', `/api/applications/${applicationId}`, clerk)).version,
    });
    expect(app.state).toBe('in_review');
    await api.ok('POST', `/api/review/tasks/${app.tasks[0]!.id}/take`, reviewer, { version: app.tasks[0]!.version });
    app = await api.ok('GET', `/api/applications/${applicationId}`, reviewer);
    await api.ok('POST', `/api/review/tasks/${app.tasks[0]!.id}/approve`, reviewer, { version: app.tasks[0]!.version, opinion: '符合政策条件，同意兑现 5 万元。', licenseTypeCode: null });
    const progress = await api.ok<{ state: string; steps: { title: string }[]; materials: { key: string }[] }>('GET', `/api/portal/applications/${applicationId}/progress`, manufacturing);
    expect(progress.state).toBe('approved');
    expect(progress.steps.map((s) => s.title)).toEqual(['网上申报', '受理', '准予许可']);
    expect(progress.materials).toHaveLength(3);
    expect((await api.call('GET', `/api/portal/applications/${applicationId}/progress`, catering)).statusCode).toBe(404);
    const mine = await api.ok<{ id: string; stateLabel: string }[]>('GET', '/api/portal/policy-applications', manufacturing);
    expect(mine.find((a) => a.id === applicationId)!.stateLabel).toBe('准予许可（待出件）');
  });

  it('lets an online applicant supply what a supplement notice asks for', async () => {
    const id = await publishedPolicy({ title: '补正测试补助（测试）', itemId: itemId('NH-SJ-HQ01') });
    const form = await api.ok<{ materials: { key: string; license: { id: string } | null }[] }>('GET', `/api/portal/policies/${id}/application-form`, manufacturing);
    const pdf = await upload(manufacturing, 'a.pdf', PDF);
    const created = await api.ok<{ applicationId: string }>('POST', `/api/portal/policies/${id}/applications`, manufacturing, {
      answers: { food: 'no' },
      materials: [
        { key: 'application', fileId: pdf },
        { key: 'business_license', licenseId: form.materials.find((m) => m.key === 'business_license')!.license!.id },
        { key: 'bank_account', fileId: pdf },
      ],
    });
    let app = await api.ok<{ version: number; state: string }>('PUT', `/api/applications/${created.applicationId}/materials/bank_account`, clerk, { status: 'defective', problem: '账户信息不清晰' });
    app = await api.ok('POST', `/api/applications/${created.applicationId}/supplement`, clerk, { version: app.version, deadlineDays: 5 });
    expect(app.state).toBe('awaiting_supplement');
    const already = await api.call('PUT', `/api/portal/applications/${created.applicationId}/materials/application`, manufacturing, { fileId: await upload(manufacturing, 'b.pdf', PDF) });
    expect(already.statusCode).toBe(409);
    const supplied = await api.ok<{ materials: { key: string; status: string }[]; steps: { title: string }[] }>('PUT', `/api/portal/applications/${created.applicationId}/materials/bank_account`, manufacturing, {
      fileId: await upload(manufacturing, '开户许可证（清晰）.pdf', PDF),
    });
    expect(supplied.materials.find((m) => m.key === 'bank_account')!.status).toBe('uploaded');
    expect(supplied.steps.map((s) => s.title)).toContain('补交材料');
    const foreign = await api.call('PUT', `/api/portal/applications/${created.applicationId}/materials/bank_account`, catering, { fileId: await upload(catering, 'c.pdf', PDF) });
    expect(foreign.statusCode).toBe(404);
  });
});
