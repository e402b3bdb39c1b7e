import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import { CATERING, PDF } from '../applications/testing.ts';
import { residentIdCheckCharacter } from '../enterprises/people/resident-id.ts';
import type { ProfileDto, RequestDetail, RequestDto, TalentFigures, TalentToday } from './contract.ts';

/**
 * The talent service ledger through HTTP (6.2.3): a request of a verified talent followed step by
 * step to done, due in its kind's working days; a step out of order, a department missing, a stale
 * version refused with nothing changed; another center's talent officer gets 404; the figures and
 * the officer's day; and the talent officer takes in a talent item at the talent counter.
 */

let t: TestApp;
let api: TestApi;
let talent: string;
let manager: string;
let town: string;
let centerId: string;
let departmentId: string;
let profile: ProfileDto;
const today = businessToday();
const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  const admin = await t.loginAs('admin');
  [talent, manager] = await Promise.all([t.loginAs('talent'), t.loginAs('manager')]);
  const centers = await api.ok<{ id: string; name: string; level: string; parentId: string | null }[]>('GET', '/api/centers', admin);
  const county = centers.find((c) => c.name === '佛山市南海区政务服务中心')!;
  centerId = county.id;
  const townCenter = centers.find((c) => c.level === 'town' && c.parentId === county.id)!;
  await api.ok('POST', '/api/staff', admin, { username: 'town.talent', displayName: '镇人才专员', password: 'First2026pass', roles: ['talent_officer'], centerId: townCenter.id });
  const first = await t.loginAs('town.talent', 'First2026pass');
  await api.ok('POST', '/api/auth/password', first, { currentPassword: 'First2026pass', newPassword: 'Town2026pass' });
  town = await t.loginAs('town.talent', 'Town2026pass');
  departmentId = (await api.ok<{ id: string; name: string }[]>('GET', `/api/centers/${centerId}/departments`, manager))[0]!.id;

  const upload = await api.upload('/api/talent/documents', talent, { filename: '技能人才证书.pdf', content: PDF });
  const created = await api.ok<ProfileDto>('POST', '/api/talent/profiles', talent, {
    person: { name: '梁师傅', idNumber: withCheck('44060519870909123'), phone: null },
    uscc: CATERING,
    category: 'skilled',
    documentTitle: '高级技师职业资格证书',
    documentFileId: (upload.json() as { id: string }).id,
    validFrom: addDays(today, -100),
    validUntil: addDays(today, 1000),
  });
  profile = created;
});
afterAll(() => t.close());

const step = (id: string, body: object, cookie = talent) => api.call('POST', `/api/talent/requests/${id}/steps`, cookie, body);
const open = (body: object) => api.call('POST', '/api/talent/requests', talent, body);

describe('the talent service ledger', () => {
  it('holds the demo: talents of every category, one not yet verified, requests in every state, one overdue', async () => {
    const profiles = await api.ok<ProfileDto[]>('GET', '/api/talent/profiles', talent);
    expect(new Set(profiles.map((p) => p.category)).size).toBe(6);
    expect(profiles.filter((p) => p.state === 'pending' && p.document !== null).length).toBeGreaterThanOrEqual(1);
    const requests = await api.ok<RequestDto[]>('GET', '/api/talent/requests', talent);
    expect(new Set(requests.map((r) => r.state))).toEqual(new Set(['submitted', 'accepted', 'coordinating', 'done', 'declined']));
    expect(requests.some((r) => r.overdue && r.state === 'coordinating')).toBe(true);
  });

  it('takes requests only for a verified talent', async () => {
    const res = await open({ profileId: profile.id, kind: 'housing_subsidy', summary: '申请人才租房补贴' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE', fields: [{ field: 'profileId' }] });
    profile = await api.ok<ProfileDto>('POST', `/api/talent/profiles/${profile.id}/verify`, talent, { version: profile.version });
    expect((await open({ profileId: '00000000-0000-4000-8000-000000000000', kind: 'housing_subsidy', summary: 'x' })).statusCode).toBe(404);
    expect((await open({ profileId: profile.id, kind: 'pension', summary: 'x' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'kind' }] });
  });

  it('follows a housing-subsidy request step by step to done, refusing steps out of order', async () => {
    const created = await open({ profileId: profile.id, kind: 'housing_subsidy', summary: '申请人才租房补贴（2026 年度）' });
    expect(created.statusCode, created.body).toBe(201);
    let request = created.json() as RequestDetail;
    const calendar = await loadCalendar(t.db);
    expect(request).toMatchObject({ state: 'submitted', submittedOn: today, dueOn: calendar.addWorkingDays(today, 20), overdue: false, personName: '梁师傅', actions: ['accept', 'decline', 'note'] });

    const early = await step(request.id, { action: 'complete', version: request.version });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'INVALID_STATE', fields: [{ field: 'state' }] });
    expect(early.json().message).toContain('已提交');

    request = (await step(request.id, { action: 'accept', note: '材料齐全', version: request.version })).json() as RequestDetail;
    expect(request.state).toBe('accepted');

    const noDepartment = await step(request.id, { action: 'coordinate', version: request.version });
    expect(noDepartment.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'departmentId' }] });
    const stale = await step(request.id, { action: 'coordinate', departmentId, version: request.version - 1 });
    expect(stale.json().code).toBe('STALE_VERSION');
    const emptyNote = await step(request.id, { action: 'note', version: request.version });
    expect(emptyNote.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'note' }] });

    const coordinating = await step(request.id, { action: 'coordinate', departmentId, note: '转人社局审核', version: request.version });
    expect(coordinating.statusCode, coordinating.body).toBe(200);
    request = coordinating.json() as RequestDetail;
    expect(request).toMatchObject({ state: 'coordinating', departmentId });
    request = (await step(request.id, { action: 'note', note: '人社局已初审通过', version: request.version })).json() as RequestDetail;
    expect(request.state).toBe('coordinating');

    // two officers complete it at once: one wins, the other is told it changed
    const [a, b] = await Promise.all([step(request.id, { action: 'complete', note: '补贴已发放', version: request.version }), step(request.id, { action: 'complete', note: '重复', version: request.version })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    request = await api.ok<RequestDetail>('GET', `/api/talent/requests/${request.id}`, talent);
    expect(request).toMatchObject({ state: 'done', closedOn: today, overdue: false, actions: [] });
    expect(request.steps.map((s) => [s.action, s.toState])).toEqual([
      ['submit', 'submitted'],
      ['accept', 'accepted'],
      ['coordinate', 'coordinating'],
      ['note', 'coordinating'],
      ['complete', 'done'],
    ]);
    expect(request.steps.every((s) => s.staffName === '郑伟明')).toBe(true);

    const after = await step(request.id, { action: 'decline', note: '不应再改', version: request.version });
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('INVALID_STATE');
  });

  it('declines with a reason, flags overdue requests and counts them', async () => {
    const declined = (await open({ profileId: profile.id, kind: 'schooling', summary: '子女申请入读公办小学' })).json() as RequestDetail;
    expect((await step(declined.id, { action: 'decline', version: declined.version })).json().fields).toEqual([expect.objectContaining({ field: 'note' })]);
    expect((await step(declined.id, { action: 'decline', note: '不符合学位申请条件', version: declined.version })).json().state).toBe('declined');

    const late = (await open({ profileId: profile.id, kind: 'household_registration', summary: '人才引进入户' })).json() as RequestDetail;
    await t.db.execute(`update talent_requests set submitted_on = '${addDays(today, -40)}', due_on = '${addDays(today, -20)}' where id = '${late.id}'`);
    const overdue = await api.ok<RequestDto[]>('GET', '/api/talent/requests?overdue=true', talent);
    expect(overdue.map((r) => r.id)).toContain(late.id);
    expect(overdue.every((r) => r.overdue)).toBe(true);
    expect((await api.ok<RequestDto[]>('GET', '/api/talent/requests?state=declined&kind=schooling', talent)).map((r) => r.id)).toContain(declined.id);

    const day = await api.ok<TalentToday>('GET', '/api/talent/today', talent);
    expect(day.due.map((r) => r.id)).toContain(late.id);
    expect(day.submittedToday).toBeGreaterThanOrEqual(2);

    const figures = await api.ok<TalentFigures>('GET', '/api/talent/figures', manager);
    expect(figures.profiles.find((p) => p.category === 'skilled')?.verified).toBeGreaterThanOrEqual(1);
    expect(figures.requests.find((r) => r.kind === 'schooling' && r.state === 'declined')?.count).toBeGreaterThanOrEqual(1);
    expect(figures.overdue).toBeGreaterThanOrEqual(1);
    expect(figures.averageDaysToDone).not.toBeNull();
  });

  it('shows another center’s talent officer nothing of this center (404)', async () => {
    const request = (await api.ok<RequestDto[]>('GET', '/api/talent/requests', talent))[0]!;
    expect((await api.call('GET', `/api/talent/profiles/${profile.id}`, town)).statusCode).toBe(404);
    expect((await api.call('GET', `/api/talent/profiles/${profile.id}/document`, town)).statusCode).toBe(404);
    expect((await api.call('GET', `/api/talent/requests/${request.id}`, town)).statusCode).toBe(404);
    expect((await step(request.id, { action: 'note', note: '越权', version: request.version }, town)).statusCode).toBe(404);
    expect((await api.call('POST', '/api/talent/requests', town, { profileId: profile.id, kind: 'other', summary: '越权' })).statusCode).toBe(404);
    expect(await api.ok<RequestDto[]>('GET', '/api/talent/requests', town)).toEqual([]);
    expect(await api.ok<ProfileDto[]>('GET', '/api/talent/profiles', town)).toEqual([]);
  });
});

describe('the talent counter', () => {
  it('lets the talent officer take in a talent item from the ticket in hand', async () => {
    const counters = await api.ok<{ id: string; number: string }[]>('GET', `/api/centers/${centerId}/counters`, talent);
    const counter15 = counters.find((c) => c.number === '15')!.id;
    expect((await api.call('POST', `/api/queue/counters/${counter15}/open`, talent)).statusCode).toBe(200);
    const ticket = await api.ok<{ id: string }>('POST', `/api/queue/counters/${counter15}/walk-in`, talent, {});
    // an item of another theme is the comprehensive counter's
    const food = await api.call('POST', '/api/applications', talent, { source: { kind: 'item', code: 'NH-SCJG-006' }, answers: { prepackaged_only: 'no', online_sales: 'no' }, applicant: { uscc: CATERING }, fromCurrentTicket: true });
    expect(food.statusCode).toBe(403);
    expect(food.json()).toMatchObject({ code: 'FORBIDDEN', fields: [{ field: 'source.code' }] });
    expect(food.json().message).toContain('食品经营许可');
    const received = await api.call('POST', '/api/applications', talent, { source: { kind: 'item', code: 'NH-RS-006' }, applicant: { uscc: CATERING }, fromCurrentTicket: true });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.json()).toMatchObject({ code: 'NH-RS-006', firstHandlerName: '郑伟明', ticketId: ticket.id });
  });
});
