import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import { outbox } from '../../../platform/outbox/tables.ts';
import { getDepartment, updateDepartment } from '../../staff/service.ts';
import { inquiries, inquiryViolations } from '../tables.ts';
import type { InquiryDto, ViolationDto, ViolationLedger } from './contract.ts';
import { runInquiryViolationCheck } from './violations.ts';
import { sealPlainPhoneColumn } from '../../../platform/personal-data/plain-phone-columns.ts';
import { decryptField, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';

/**
 * 首问、首办 (A.1, A.2) through HTTP: a back-office reviewer and a counter clerk record what they
 * were asked first; the asker's phone is stored encrypted and shown masked; a transfer is received
 * by the department it went to and answered there; the check flags an answer past its limit and a
 * transfer nobody received — once, with the manager's notice and one SMS through the outbox — and
 * the manager records the handling (never of their own). Bad input changes nothing.
 */

let t: TestApp;
let api: TestApi;
let clerk: string;
let reviewer: string;
let chief: string;
let manager: string;
let policy: string;
let market: string;
let people: { id: string; username: string }[];

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [clerk, reviewer, chief, manager, policy] = await Promise.all([t.loginAs('clerk'), t.loginAs('reviewer'), t.loginAs('chief'), t.loginAs('manager'), t.loginAs('policy')]);
  const options = await api.ok<{ departments: { id: string; name: string }[] }>('GET', '/api/feedback-options');
  market = options.departments.find((d) => d.name === '市场监督管理局')!.id;
  people = await api.ok<{ id: string; username: string }[]>('GET', '/api/staff', manager);
});
afterAll(async () => {
  await t.close();
});

const idOf = (username: string) => people.find((p) => p.username === username)!.id;
const PAST = '2026-01-05';

async function record(cookie: string, body: object) {
  return (await api.ok<{ inquiry: InquiryDto }>('POST', '/api/inquiries', cookie, body)).inquiry;
}

async function pastDue(id: string, patch: { replyDueOn?: string; transferDueOn?: string }) {
  await t.db.update(inquiries).set(patch).where(eq(inquiries.id, id));
}

async function violationsOf(inquiryId: string) {
  return t.db.select().from(inquiryViolations).where(eq(inquiryViolations.inquiryId, inquiryId));
}

describe('recording a first inquiry', () => {
  it('is open to any staff member; the phone is stored encrypted and shown masked, its reads audited', async () => {
    const asked = await record(reviewer, {
      mode: 'phone',
      subject: '食品经营许可证延续需提前多久申请',
      personName: '陈女士',
      phone: '13922223333',
      outcome: 'answered',
      reply: '应在有效期届满 30 个工作日前提出延续申请。',
    });
    expect(asked).toMatchObject({ firstResponderName: '梁俊杰', outcome: 'answered', phoneMasked: '139****3333', replyDueOn: null, canReply: false });
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, asked.id));
    expect(row!.phoneCipher).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('13922223333');
    const mine = await api.ok<InquiryDto[]>('GET', '/api/inquiries?box=mine', reviewer);
    expect(mine.map((i) => i.id)).toContain(asked.id);

    const contact = await api.ok<{ phone: string }>('GET', `/api/inquiries/${asked.id}/contact`, reviewer);
    expect(contact.phone).toBe('13922223333');
    // a colleague it does not involve does not even see it
    expect((await api.call('GET', `/api/inquiries/${asked.id}/contact`, policy)).statusCode).toBe(404);
    expect((await api.call('GET', '/api/inquiries?box=center', clerk)).statusCode).toBe(403);
    const audit = await api.ok<{ items: { outcome: string }[] }>('GET', `/api/audit?action=inquiry.contact_read&objectId=${asked.id}`, manager);
    expect(audit.items.map((a) => a.outcome).sort()).toEqual(['failure', 'success']);
  });

  it('goes to the department it is transferred to, whose member receives and answers it', async () => {
    const options = await api.ok<{ departments: { name: string }[]; staff: { id: string; name: string; departmentName: string }[] }>('GET', '/api/inquiry-options', clerk);
    expect(options.departments.map((d) => d.name)).toContain('市场监督管理局');
    expect(options.staff).toContainEqual(expect.objectContaining({ name: '梁俊杰', departmentName: '市场监督管理局' }));
    expect(options.staff.map((p) => p.id)).not.toContain(idOf('clerk'));
    expect(options.staff.map((p) => p.name)).not.toContain('林志远');
    const asked = await record(clerk, { mode: 'in_person', purpose: 'apply', subject: '申请食品生产许可，窗口不受理此事项', uscc: '91440605MA51XQ2D77', outcome: 'transferred', transferDepartmentId: market });
    expect(asked).toMatchObject({ outcome: 'transferred', transferDepartmentName: '市场监督管理局', canReceive: false, canReply: true });
    expect(asked.transferDueOn).not.toBeNull();
    expect(asked.replyDueOn! >= asked.transferDueOn!).toBe(true);

    const incoming = await api.ok<InquiryDto[]>('GET', '/api/inquiries?box=incoming', chief);
    const waiting = incoming.find((i) => i.id === asked.id)!;
    expect(waiting).toMatchObject({ canReceive: true, canReply: false });
    const received = await api.ok<InquiryDto>('POST', `/api/inquiries/${asked.id}/receive`, chief, { version: waiting.version });
    expect(received).toMatchObject({ outcome: 'pending', receivedByName: '黄国栋', canReply: true });
    // the first responder no longer holds it; a second receipt is refused
    const byClerk = await api.call('POST', `/api/inquiries/${asked.id}/reply`, clerk, { version: received.version, reply: '已处理' });
    expect(byClerk.statusCode).toBe(403);
    const again = await api.call('POST', `/api/inquiries/${asked.id}/receive`, reviewer, { version: received.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const stale = await api.call('POST', `/api/inquiries/${asked.id}/reply`, chief, { version: waiting.version, reply: '答复' });
    expect(stale.json().code).toBe('STALE_VERSION');
    const answered = await api.ok<InquiryDto>('POST', `/api/inquiries/${asked.id}/reply`, chief, { version: received.version, reply: '食品生产许可请到 7–9 号经营许可窗口申请，已电话告知。' });
    expect(answered).toMatchObject({ outcome: 'answered', repliedByName: '黄国栋', isOverdue: false });
  });
});

describe('the upgrade', () => {
  it('encrypts the phone numbers the guidance desk used to keep in clear, once, and drops the plain column', async () => {
    const asked = await record(clerk, { subject: '旧版导办台登记', outcome: 'answered', reply: '已答复' });
    await t.asOwner((db) => db.execute(sql`alter table inquiries add column phone varchar(20)`));
    await t.db.execute(sql`update inquiries set phone = '0757-86261234', phone_cipher = null, phone_masked = null, phone_hash = null where id = ${asked.id}`);
    const keys = personalDataKeys(t.config);
    expect(await t.asOwner((db) => sealPlainPhoneColumn(db, keys, 'inquiries'))).toBe(1);
    expect(await t.asOwner((db) => sealPlainPhoneColumn(db, keys, 'inquiries'))).toBe(0);
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, asked.id));
    expect(row).toMatchObject({ phoneMasked: '075****1234' });
    expect(decryptField(keys, 'phone', row!.phoneCipher!)).toBe('075786261234');
    const column = (await t.db.execute(sql`select 1 from information_schema.columns where table_name = 'inquiries' and column_name = 'phone'`)) as unknown as { rows: unknown[] };
    expect(column.rows).toHaveLength(0);
  });
});

describe('bad input', () => {
  it('is refused with the field named in Chinese, and nothing is stored', async () => {
    const before = await t.db.$count(inquiries);
    const cases: [object, string, RegExp][] = [
      [{ outcome: 'answered', reply: '答复' }, 'subject', /咨询事项/],
      [{ subject: '开办企业', outcome: 'praised' }, 'outcome', /处理结果/],
      [{ subject: '开办企业', outcome: 'answered' }, 'reply', /答复/],
      [{ subject: '开办企业', outcome: 'pending', reply: '先答了' }, 'reply', /答复/],
      [{ subject: '开办企业', outcome: 'transferred' }, 'transferDepartmentId', /移交/],
      [{ subject: '开办企业', outcome: 'transferred', transferDepartmentId: '00000000-0000-4000-8000-000000000000' }, 'transferDepartmentId', /部门/],
      [{ subject: '开办企业', outcome: 'transferred', transferStaffId: 'not-a-uuid' }, 'transferStaffId', /移交人员/],
      [{ subject: '开办企业', outcome: 'answered', reply: '答复', transferDepartmentId: market }, 'transferDepartmentId', /移交/],
      [{ subject: '开办企业', outcome: 'answered', reply: '答复', phone: '12345' }, 'phone', /电话/],
      [{ subject: '开办企业', outcome: 'answered', reply: '答复', mode: 'fax' }, 'mode', /咨询方式/],
      [{ subject: '开办企业', outcome: 'answered', reply: '答复', uscc: '914403001922038217' }, 'uscc', /统一社会信用代码/],
      [{ subject: '开办企业', outcome: 'answered', reply: '答复', secret: 1 }, 'secret', /secret/],
    ];
    for (const [body, field, message] of cases) {
      const res = await api.call('POST', '/api/inquiries', clerk, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(res.json().message, JSON.stringify(body)).toMatch(message);
    }
    expect(await t.db.$count(inquiries)).toBe(before);

    const transferred = await record(clerk, { subject: '移交测试', outcome: 'transferred', transferStaffId: idOf('reviewer') });
    const empty = await api.call('POST', `/api/inquiries/${transferred.id}/receive`, reviewer, {});
    expect(empty.statusCode).toBe(400);
    const blank = await api.call('POST', `/api/inquiries/${transferred.id}/reply`, clerk, { version: transferred.version, reply: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toMatch(/答复内容/);
    // named to the reviewer: the chief officer of the same department does not receive it
    expect((await api.call('POST', `/api/inquiries/${transferred.id}/receive`, chief, { version: transferred.version })).statusCode).toBe(403);
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, transferred.id));
    expect(row).toMatchObject({ outcome: 'transferred', receivedBy: null, version: 1 });
  });
});

describe('violations (A.1.4, A.2.4)', () => {
  it('flags a late answer and an unreceived transfer once, to the right manager, with one SMS', async () => {
    // the reviewer's department (市场监督管理局) has a mobile number: its chief officer gets the SMS
    const department = await getDepartment(t.db, market);
    await updateDepartment(t.db, market, { version: department.version, phone: '13700137001' });

    const late = await record(reviewer, { mode: 'online', subject: '网上咨询：股权转让后公章是否重刻', outcome: 'pending' });
    await pastDue(late.id, { replyDueOn: PAST });
    const unreceived = await record(clerk, { subject: '社保补缴能否在大厅办理', outcome: 'transferred', transferStaffId: idOf('talent') });
    await pastDue(unreceived.id, { transferDueOn: PAST });
    const answeredLate = await record(clerk, { subject: '个体户转企业', outcome: 'pending' });
    await pastDue(answeredLate.id, { replyDueOn: PAST });
    await api.ok('POST', `/api/inquiries/${answeredLate.id}/reply`, clerk, { version: answeredLate.version, reply: '可办理个转企，一次办结。' });
    const inTime = await record(clerk, { subject: '营业执照补领', outcome: 'pending' });
    await api.ok('POST', `/api/inquiries/${inTime.id}/reply`, clerk, { version: inTime.version, reply: '登报声明后到 1–6 号窗口补领。' });

    const shown = (await api.ok<InquiryDto[]>('GET', '/api/inquiries?box=mine', reviewer)).find((i) => i.id === late.id)!;
    expect(shown.isOverdue).toBe(true);

    const first = await runInquiryViolationCheck({ db: t.db, config: t.config });
    expect(first.flagged).toBeGreaterThanOrEqual(3);
    const second = await runInquiryViolationCheck({ db: t.db, config: t.config });
    expect(second.flagged).toBe(0);

    const [lateViolation] = await violationsOf(late.id);
    expect(lateViolation).toMatchObject({ kind: 'unanswered', staffId: idOf('reviewer'), managerId: idOf('chief'), departmentId: market, dueOn: PAST });
    expect(await violationsOf(unreceived.id)).toEqual([expect.objectContaining({ kind: 'not_received', staffId: idOf('clerk'), managerId: idOf('manager') })]);
    expect(await violationsOf(answeredLate.id)).toEqual([expect.objectContaining({ kind: 'unanswered', staffId: idOf('clerk') })]);
    expect(await violationsOf(inTime.id)).toEqual([]);

    const sms = await t.db.select().from(outbox).where(like(outbox.dedupeKey, 'sms:inquiry-violation:%'));
    expect(sms.filter((m) => m.dedupeKey === `sms:inquiry-violation:${lateViolation!.id}`)).toHaveLength(1);
    // the center's number (12345) is not a mobile: the center manager's notice is in the app only
    expect(await t.db.select().from(outbox).where(and(eq(outbox.dedupeKey, `sms:inquiry-violation:${(await violationsOf(unreceived.id))[0]!.id}`)))).toHaveLength(0);

    expect((await api.ok<{ open: number }>('GET', '/api/inquiry-violations/notice', chief)).open).toBeGreaterThanOrEqual(1);
    expect((await api.ok<{ open: number }>('GET', '/api/inquiry-violations/notice', manager)).open).toBeGreaterThanOrEqual(2);
  });

  it('lists them per staff member; a chief officer sees their department, handles once, never their own', async () => {
    const own = await record(chief, { subject: '首席事务代表本人的咨询', outcome: 'pending' });
    await pastDue(own.id, { replyDueOn: PAST });
    await runInquiryViolationCheck({ db: t.db, config: t.config });
    const [ownViolation] = await violationsOf(own.id);
    expect(ownViolation).toMatchObject({ staffId: idOf('chief'), managerId: idOf('manager') });

    const today = new Date().toISOString().slice(0, 10);
    const period = `from=2026-01-01&to=2199-12-31`;
    const center = await api.ok<ViolationLedger>('GET', `/api/inquiry-violations?${period}`, manager);
    expect(center.scope).toBe('center');
    const clerkRow = center.byStaff.find((s) => s.staffId === idOf('clerk'))!;
    expect(clerkRow).toMatchObject({ unanswered: expect.any(Number), notReceived: expect.any(Number) });
    expect(clerkRow.total).toBe(clerkRow.unanswered + clerkRow.notReceived);
    expect(clerkRow.notReceived).toBeGreaterThanOrEqual(1);
    expect(center.totals.total).toBe(center.items.length);

    const department = await api.ok<ViolationLedger>('GET', `/api/inquiry-violations?${period}`, chief);
    expect(department.scope).toBe('department');
    expect(department.items.every((v) => v.departmentName === '市场监督管理局')).toBe(true);
    expect(department.items.map((v) => v.staffId)).not.toContain(idOf('clerk'));
    const onlyUnanswered = await api.ok<ViolationLedger>('GET', `/api/inquiry-violations?${period}&kind=unanswered&staffId=${idOf('reviewer')}`, chief);
    expect(onlyUnanswered.items.length).toBeGreaterThanOrEqual(1);
    expect(onlyUnanswered.items.every((v) => v.kind === 'unanswered' && v.staffName === '梁俊杰')).toBe(true);

    const reviewers = department.items.find((v) => v.staffId === idOf('reviewer') && v.handledAt === null)!;
    expect(reviewers).toMatchObject({ canHandle: true, clause: 'A.1.4' });
    const noNote = await api.call('POST', `/api/inquiry-violations/${reviewers.id}/handling`, chief, { version: reviewers.version, handling: 'talk' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toMatch(/核查及处理情况/);
    const wrongKind = await api.call('POST', `/api/inquiry-violations/${reviewers.id}/handling`, chief, { version: reviewers.version, handling: 'fine', note: '罚款' });
    expect(wrongKind.statusCode).toBe(400);
    const handled = await api.ok<ViolationDto>('POST', `/api/inquiry-violations/${reviewers.id}/handling`, chief, { version: reviewers.version, handling: 'talk', note: '经核查属实，已谈话提醒按时答复。' });
    expect(handled).toMatchObject({ handling: 'talk', handledByName: '黄国栋', canHandle: false });
    const twice = await api.call('POST', `/api/inquiry-violations/${reviewers.id}/handling`, manager, { version: handled.version, handling: 'criticism', note: '再次处理' });
    expect(twice.json().code).toBe('INVALID_STATE');

    const mine = department.items.find((v) => v.id === ownViolation!.id)!;
    expect(mine.canHandle).toBe(false);
    const self = await api.call('POST', `/api/inquiry-violations/${mine.id}/handling`, chief, { version: mine.version, handling: 'unfounded', note: '不属实' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SELF_DECISION');
    const openOnly = await api.ok<ViolationLedger>('GET', `/api/inquiry-violations?${period}&state=open`, chief);
    expect(openOnly.items.map((v) => v.id)).not.toContain(reviewers.id);

    expect((await api.call('GET', `/api/inquiry-violations?${period}`, clerk)).statusCode).toBe(403);
    const backwards = await api.call('GET', `/api/inquiry-violations?from=${today}&to=2026-01-01`, manager);
    expect(backwards.statusCode).toBe(400);
    expect((await api.call('GET', '/api/inquiry-violations', manager)).json().code).toBe('VALIDATION_FAILED');
  });
});
