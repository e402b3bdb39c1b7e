import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../test/harness.ts';
import { feedbackCases } from '../tables.ts';
import type { CaseDetail, PublicCase } from './contract.ts';

/**
 * Feedback cases through HTTP: a confidential complaint filed on the portal about counter 3's
 * clerk; the clerk sees the content, never who; the complaint handler reads the identity (audited,
 * and so is the clerk's refused read); reply, the complainant's rating once, re-opening once,
 * referral, archive read-only; bad input refused with its code and nothing changed.
 */

let t: TestApp;
let api: TestApi;
let clerk3: string;
let chief: string;
let complaints: string;
let manager: string;
let counter3: string;

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [clerk3, chief, complaints, manager] = await Promise.all([t.loginAs('clerk3'), t.loginAs('chief'), t.loginAs('complaints'), t.loginAs('manager')]);
  const options = await api.ok<{ counters: { id: string; number: string }[] }>('GET', '/api/feedback-options');
  counter3 = options.counters.find((c) => c.number === '3')!.id;
});
afterAll(async () => {
  await t.close();
});

const complaint = (extra: object = {}) => ({
  kind: 'complaint',
  channel: 'portal',
  content: '3 号窗口工作人员态度生硬，拒绝解释材料要求',
  isConfidential: true,
  counterId: counter3,
  contact: { name: '王先生', phone: '13912345678' },
  ...extra,
});

async function file(body: object, cookie?: string) {
  return api.ok<{ id: string; number: string; dueOn: string }>('POST', '/api/feedback', cookie, body);
}

async function audits(action: string, objectId: string) {
  const res = await api.ok<{ items: { outcome: string; status: number; actorName: string }[] }>('GET', `/api/audit?action=${action}&objectId=${objectId}`, manager);
  return res.items;
}

describe('a confidential complaint', () => {
  it('shows the content to the clerk and their department but never who complained; reads of the identity are audited', async () => {
    const { id, number, dueOn } = await file(complaint());
    expect(number).toMatch(/^SQ\d{8}-\d{4}$/);
    // 15 working days from the day received
    expect(dueOn.replaceAll('-', '') > number.slice(2, 10)).toBe(true);

    for (const cookie of [clerk3, chief]) {
      const seen = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, cookie);
      expect(seen).toMatchObject({ content: complaint().content, isIdentityHidden: true, submitter: null, canRevealIdentity: false, staffName: '张子豪', departmentName: '市场监督管理局' });
      expect(JSON.stringify(seen)).not.toContain('王先生');
      expect(JSON.stringify(seen)).not.toContain('5678');
    }
    for (const cookie of [clerk3, chief]) {
      const listed = await api.ok<{ items: { id: string }[] }>('GET', `/api/feedback?q=${number}`, cookie);
      expect(listed.items.map((i) => i.id)).toEqual([id]);
    }
    const refused = await api.call('GET', `/api/feedback/${id}/complainant`, clerk3);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');

    const handlerView = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, complaints);
    expect(handlerView.canRevealIdentity).toBe(true);
    const identity = await api.ok<{ personName: string; phone: string }>('GET', `/api/feedback/${id}/complainant`, complaints);
    expect(identity).toMatchObject({ personName: '王先生', phone: '13912345678' });

    const rows = await audits('feedback.identity_read', id);
    expect(rows.map((r) => [r.outcome, r.status]).sort()).toEqual([
      ['failure', 403],
      ['success', 200],
    ]);
  });

  it('is replied to, rated once by the complainant, and archived read-only', async () => {
    const { id, number } = await file(complaint());
    const before = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, complaints);
    // the clerk complained about cannot answer their own complaint
    const own = await api.call('POST', `/api/feedback/${id}/reply`, clerk3, { version: before.version, reply: '我没有问题' });
    expect(own.statusCode).toBe(403);

    const replied = await api.ok<CaseDetail>('POST', `/api/feedback/${id}/reply`, complaints, { version: before.version, reply: '经核查属实，已对该工作人员批评教育并组织培训。' });
    expect(replied).toMatchObject({ state: 'replied', isAnsweredInTime: true, handlerName: '谢伟强' });

    const wrongPhone = await api.call('GET', `/api/feedback/follow?number=${number}&phone=13900000000`);
    expect(wrongPhone.statusCode).toBe(404);
    const followed = await api.ok<PublicCase>('GET', `/api/feedback/follow?number=${number}&phone=13912345678`);
    expect(followed).toMatchObject({ state: 'replied', canRate: true, reply: replied.reply });

    const rated = await api.ok<PublicCase>('POST', '/api/feedback/follow/rating', undefined, { number, phone: '13912345678', satisfaction: 'satisfied' });
    expect(rated).toMatchObject({ state: 'closed', satisfaction: 'satisfied', canRate: false });
    const again = await api.call('POST', '/api/feedback/follow/rating', undefined, { number, phone: '13912345678', satisfaction: 'dissatisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');

    const closed = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, complaints);
    const archived = await api.ok<CaseDetail>('POST', `/api/feedback/${id}/archive`, manager, { version: closed.version });
    expect(archived.state).toBe('archived');
    const late = await api.call('POST', `/api/feedback/${id}/reply`, complaints, { version: archived.version, reply: '补充答复' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_STATE');
    const after = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, complaints);
    expect(after).toMatchObject({ state: 'archived', satisfaction: 'satisfied', reply: replied.reply, version: archived.version });
  });

  it('re-opens once when the complainant is dissatisfied, and records a referral with its number', async () => {
    const { id, number } = await file(complaint({ isConfidential: false }));
    let c = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, complaints);
    expect(c.submitter).toMatchObject({ personName: '王先生', phoneMasked: '139****5678' });
    c = await api.ok<CaseDetail>('POST', `/api/feedback/${id}/reply`, complaints, { version: c.version, reply: '已调查' });
    await api.ok('POST', '/api/feedback/follow/rating', undefined, { number, phone: '13912345678', satisfaction: 'dissatisfied' });
    c = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, complaints);
    expect(c).toMatchObject({ state: 'assigned', reopenCount: 1 });
    c = await api.ok<CaseDetail>('POST', `/api/feedback/${id}/referral`, complaints, { version: c.version, referralBody: '区纪委监委派驻纪检监察组', referralNumber: '南纪移〔2026〕12号' });
    expect(c.referral).toMatchObject({ number: '南纪移〔2026〕12号' });
    c = await api.ok<CaseDetail>('POST', `/api/feedback/${id}/reply`, complaints, { version: c.version, reply: '已移送并约谈' });
    const second = await api.ok<PublicCase>('POST', '/api/feedback/follow/rating', undefined, { number, phone: '13912345678', satisfaction: 'dissatisfied' });
    expect(second.state).toBe('closed');
    const last = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, complaints);
    expect(last.timeline.map((e) => e.action)).toEqual(['receive', 'reply', 'rate', 'refer', 'reply', 'rate']);
  });
});

describe('bad input', () => {
  it('refuses a case without content or kind, an unknown kind, or a public case by a staff-only channel; nothing is stored', async () => {
    const before = await t.db.$count(feedbackCases);
    for (const body of [complaint({ content: '' }), { ...complaint(), kind: undefined }, complaint({ kind: 'praise' }), complaint({ channel: 'phone' })]) {
      const res = await api.call('POST', '/api/feedback', undefined, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().message).toMatch(/诉求|渠道|类型/);
    }
    const noPhone = await api.call('POST', '/api/feedback', undefined, { kind: 'suggestion', channel: 'portal', content: '建议增加停车位', isConfidential: false });
    expect(noPhone.statusCode).toBe(400);
    const after = await t.db.$count(feedbackCases);
    expect(after).toBe(before);
  });

  it('takes due days by kind from the settings and refuses a kind that does not exist', async () => {
    const bad = await api.call('PUT', '/api/feedback/settings', manager, { dueDays: { praise: 3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    const set = await api.ok<{ dueDays: Record<string, number> }>('PUT', '/api/feedback/settings', manager, { dueDays: { consultation: 3 } });
    expect(set.dueDays).toMatchObject({ consultation: 3, help: 10, suggestion: 10, complaint: 15, report: 15 });
    const { id } = await file({ kind: 'consultation', channel: 'phone', content: '咨询开办餐饮企业需要哪些材料', isConfidential: false }, clerk3);
    const [row] = await t.db.select().from(feedbackCases).where(eq(feedbackCases.id, id));
    const detail = await api.ok<CaseDetail>('GET', `/api/feedback/${id}`, clerk3);
    expect(detail.dueOn).toBe(row!.dueOn);
    expect(detail.daysLeft).toBe(3);
    await api.ok('PUT', '/api/feedback/settings', manager, { dueDays: { consultation: 2 } });
  });
});
