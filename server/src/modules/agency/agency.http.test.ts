import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import type { ApplicationDetail } from '../applications/contract.ts';
import { CATERING, enterpriseLogin, MANUFACTURING, pdfText } from '../applications/testing.ts';
import type { AgencyItemDto, RequestDetail } from './contract.ts';

/**
 * 帮办代办 (6.2.1), the story through HTTP: the enterprise asks on the portal, the agent
 * accepts, signs the agreement with the enterprise's authorisation, receives the materials, files
 * the application (the applications module names the agent), returns the materials, finishes;
 * the enterprise confirms; the follow-up is recorded. And every bad input refused, nothing changed.
 */

let t: TestApp;
let api: TestApi;
let agent: string;
let clerk: string;
let manager: string;
let catering: string;
let manufacturing: string;

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [agent, clerk, manager, catering, manufacturing] = await Promise.all([t.loginAs('agent'), t.loginAs('clerk'), t.loginAs('manager'), enterpriseLogin(t, CATERING), enterpriseLogin(t, MANUFACTURING)]);
});
afterAll(() => t.close());

type Own = { items: (RequestDetail & { actions: string[] })[] };
const detail = (id: string, cookie = agent) => api.ok<RequestDetail>('GET', `/api/agency/requests/${id}`, cookie);
const act = (r: { id: string; version: number }, path: string, body: object = {}) => api.call('POST', `/api/agency/requests/${r.id}/${path}`, agent, { version: r.version, ...body });
const food = async () => (await api.ok<{ items: AgencyItemDto[] }>('GET', '/api/portal/agency-items')).items.find((i) => i.name === '食品经营许可')!;
const authorisation = { signerName: '陈志明', signerIdNumber: '440605198502143216', signedOn: '2020-01-01', isSigned: true };

async function askOnPortal(cookie = catering): Promise<RequestDetail> {
  const item = await food();
  const own = await api.ok<Own>('POST', '/api/portal/agency-requests', cookie, { itemId: item.itemId, matter: '新门店办理食品经营许可', contactName: '陈志明', contactPhone: '13800138000' });
  return detail(own.items[0]!.id);
}

async function signed(): Promise<RequestDetail> {
  const asked = await askOnPortal();
  const accepted = await api.ok<RequestDetail>('POST', `/api/agency/requests/${asked.id}/accept`, agent, { version: asked.version });
  return api.ok<RequestDetail>('POST', `/api/agency/requests/${asked.id}/agreement`, agent, { version: accepted.version, scope: '代为提交申请', authorisation: { ...authorisation, signedOn: accepted.requestedOn } });
}

describe('帮办代办', () => {
  it('publishes the high-frequency list on the portal with what the agent does and what the enterprise does', async () => {
    const item = await food();
    expect(item).toMatchObject({ code: 'NH-SCJG-006', agentDoes: expect.any(String), enterpriseDoes: expect.any(String), isActive: true });
    // the manager changes it; the agent cannot
    expect((await api.call('PUT', `/api/agency/items/${item.id}`, agent, { version: item.version, agentDoes: 'x', enterpriseDoes: 'y', isActive: false })).statusCode).toBe(403);
    const again = await api.call('POST', '/api/agency/items', manager, { code: item.code, agentDoes: 'x', enterpriseDoes: 'y' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUPLICATE');
  });

  it('runs the story: asked on the portal, agreement, materials, application filed by the agent, returned, done, confirmed, followed up', async () => {
    const asked = await askOnPortal();
    expect(asked).toMatchObject({ state: 'requested', channel: 'portal', itemName: '食品经营许可', enterpriseName: expect.stringContaining('餐饮'), phoneMasked: '138****8000' });
    let r = await api.ok<RequestDetail>('POST', `/api/agency/requests/${asked.id}/accept`, agent, { version: asked.version });
    expect(r).toMatchObject({ state: 'accepted', agentName: '周建华' });
    r = await api.ok<RequestDetail>('POST', `/api/agency/requests/${r.id}/agreement`, agent, { version: r.version, scope: '代为核对材料、提交申请、领取许可证', authorisation: { ...authorisation, signedOn: r.requestedOn } });
    expect(r.state).toBe('signed');
    expect(r.agreement).toMatchObject({ signerName: '陈志明', signerIdMasked: '4406**********3216', number: `${r.number}-XY` });
    r = await api.ok<RequestDetail>('POST', `/api/agency/requests/${r.id}/materials`, agent, { version: r.version, name: '营业执照副本', copies: 1, isOriginal: true });
    expect(r.materials).toEqual([expect.objectContaining({ name: '营业执照副本', receivedBy: '周建华', returnedAt: null })]);

    // the agreement PDF: staff and the owning enterprise; another enterprise gets 404
    const pdf = await api.call('GET', `/api/agency/requests/${r.id}/agreement`, agent);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.rawPayload)).toContain('委托代办协议');
    expect((await api.call('GET', `/api/portal/agency-requests/${r.id}/agreement`, catering)).statusCode).toBe(200);
    expect((await api.call('GET', `/api/portal/agency-requests/${r.id}/agreement`, manufacturing)).statusCode).toBe(404);
    expect((await api.ok<Own>('GET', '/api/portal/agency-requests', manufacturing)).items.map((i) => i.id)).not.toContain(r.id);

    // the agent files the application; the applications module names the agent
    r = await api.ok<RequestDetail>('POST', `/api/agency/requests/${r.id}/applications`, agent, {
      version: r.version,
      intake: { source: { kind: 'item', code: 'NH-SCJG-006' }, answers: { prepackaged_only: 'no', online_sales: 'no' }, contactPhone: '13800138000', channel: 'counter' },
    });
    expect(r.state).toBe('in_progress');
    const filed = r.events.find((e) => e.activityKind === 'application')!;
    const application = await api.ok<ApplicationDetail>('GET', `/api/applications/${filed.applicationId}`, clerk);
    expect(application).toMatchObject({ name: '食品经营许可', uscc: CATERING, agencyStaffName: '周建华', agencyRequestId: r.id });
    expect(filed.note).toContain(application.number);

    // done only once the materials are back
    const early = await act(r, 'finish', { result: '已取得许可证' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('MATERIALS_NOT_RETURNED');
    // a follow-up before done is refused
    const tooSoon = await act(r, 'follow-up', { note: '回访', satisfaction: 5 });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().code).toBe('INVALID_STATE');
    expect((await detail(r.id)).version).toBe(r.version);

    const material = r.materials[0]!;
    r = await api.ok<RequestDetail>('POST', `/api/agency/requests/${r.id}/materials/${material.id}/return`, agent, { version: r.version });
    expect(r.materials[0]!.returnedAt).not.toBeNull();
    const twice = await api.call('POST', `/api/agency/requests/${r.id}/materials/${material.id}/return`, agent, { version: r.version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ALREADY_RETURNED');
    expect((await detail(r.id)).version).toBe(r.version);

    r = await api.ok<RequestDetail>('POST', `/api/agency/requests/${r.id}/finish`, agent, { version: r.version, result: '已取得食品经营许可证，证照及材料已交企业' });
    expect(r).toMatchObject({ state: 'done', doneOn: expect.any(String), daysTaken: expect.any(Number), followUpDue: expect.any(String) });
    expect(r.followUpDue! > r.doneOn!).toBe(true);
    const home = await api.ok<{ followUpsDue: { id: string }[] }>('GET', '/api/agency/home', agent);
    expect(home.followUpsDue.map((x) => x.id)).toContain(r.id);

    // the enterprise confirms on the portal
    const mine = (await api.ok<Own>('GET', '/api/portal/agency-requests', catering)).items.find((i) => i.id === r.id)!;
    expect(mine.actions).toEqual(['confirm']);
    const confirmed = await api.ok<Own>('POST', `/api/portal/agency-requests/${r.id}/confirm`, catering, { version: mine.version, note: '已收到' });
    expect(confirmed.items.find((i) => i.id === r.id)!.state).toBe('confirmed');
    expect((await api.call('POST', `/api/portal/agency-requests/${r.id}/confirm`, manufacturing, { version: mine.version + 1 })).statusCode).toBe(404);

    r = await detail(r.id);
    r = await api.ok<RequestDetail>('POST', `/api/agency/requests/${r.id}/follow-up`, agent, { version: r.version, note: '电话回访，企业满意', satisfaction: 5 });
    expect(r).toMatchObject({ state: 'followed_up', satisfaction: 5, followedUpOn: expect.any(String) });
    expect(r.events.map((e) => e.action)).toEqual(['request', 'accept', 'sign', 'receive_material', 'file_application', 'return_material', 'finish', 'confirm', 'follow_up']);

    const figures = await api.ok<{ requests: number; done: number; averageSatisfaction: number | null }>('GET', '/api/agency/figures', agent);
    expect(figures.done).toBeGreaterThanOrEqual(1);
    expect(figures.averageSatisfaction).not.toBeNull();
  });

  it('refuses an agreement without the enterprise’s authorisation, and a bad ID number, changing nothing', async () => {
    const asked = await askOnPortal();
    const accepted = await api.ok<RequestDetail>('POST', `/api/agency/requests/${asked.id}/accept`, agent, { version: asked.version });
    const none = await act(accepted, 'agreement', { scope: '代为提交申请', authorisation: null });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'AUTHORISATION_REQUIRED', message: expect.stringContaining('授权') });
    const unsigned = await act(accepted, 'agreement', { scope: '代为提交申请', authorisation: { ...authorisation, isSigned: false } });
    expect(unsigned.json().code).toBe('AUTHORISATION_REQUIRED');
    const badId = await act(accepted, 'agreement', { scope: '代为提交申请', authorisation: { ...authorisation, signerIdNumber: '440605198502143217', signedOn: accepted.requestedOn } });
    expect(badId.statusCode).toBe(422);
    expect(badId.json().code).toBe('ID_NUMBER_INVALID');
    const after = await detail(asked.id);
    expect(after).toMatchObject({ state: 'accepted', version: accepted.version, agreement: null });
  });

  it('answers a stale version with STALE_VERSION, and keeps requests of one enterprise from another', async () => {
    const r = await signed();
    const first = await act(r, 'activities', { kind: 'phone', note: '电话告知补充材料' });
    expect(first.statusCode).toBe(200);
    const second = await act(r, 'activities', { kind: 'phone', note: '同一版本再登记' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('STALE_VERSION');
    expect((await detail(r.id)).events.filter((e) => e.action === 'activity')).toHaveLength(1);
    const coordination = await act(await detail(r.id), 'activities', { kind: 'coordination', note: '协调' });
    expect(coordination.statusCode).toBe(400);
    expect(coordination.json().fields[0].field).toBe('departmentId');
  });

  it('lets staff enter a request by phone; an unknown enterprise or a bad phone is refused', async () => {
    const item = await food();
    const ok = await api.call('POST', '/api/agency/requests', agent, { channel: 'phone', uscc: MANUFACTURING, itemId: item.itemId, contactName: '王', contactPhone: '13800138001' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ channel: 'phone', recordedBy: '周建华', state: 'requested' });
    const phone = await api.call('POST', '/api/agency/requests', agent, { channel: 'phone', uscc: MANUFACTURING, itemId: item.itemId, contactName: '王', contactPhone: '12' });
    expect(phone.json().code).toBe('PHONE_INVALID');
    const noMatter = await api.call('POST', '/api/agency/requests', agent, { channel: 'visit', uscc: MANUFACTURING, contactName: '王', contactPhone: '13800138001' });
    expect(noMatter.statusCode).toBe(400);
    expect((await api.call('GET', '/api/agency/requests', clerk)).statusCode).toBe(403);
  });

  it('shows the demo key project with its team and progress; a milestone is done once', async () => {
    const projects = await api.ok<{ items: { id: string; name: string; progress: number; version: number; team: { staffId: string; name: string }[]; milestones: { id: string; doneOn: string | null }[] }[] }>('GET', '/api/agency/projects', agent);
    const project = projects.items.find((p) => p.name === '示例智造新厂房建设项目')!;
    expect(project.team.map((m) => m.name)).toContain('周建华');
    expect(project.progress).toBe(25);
    const open = project.milestones.find((m) => !m.doneOn)!;
    const done = await api.ok<{ progress: number; version: number }>('POST', `/api/agency/projects/${project.id}/milestones/${open.id}/done`, agent, { version: project.version });
    expect(done.progress).toBe(50);
    const again = await api.call('POST', `/api/agency/projects/${project.id}/milestones/${open.id}/done`, agent, { version: done.version });
    expect(again.json().code).toBe('INVALID_STATE');

    // the manager sets one up; the agent may not, and an item outside the catalog or a clerk in the team is refused
    const agentId = project.team.find((m) => m.name === '周建华')!.staffId;
    const body = { name: '示例餐饮中央厨房项目', uscc: CATERING, itemCodes: ['NH-SCJG-006'], team: [{ staffId: agentId, isLead: true }] };
    expect((await api.call('POST', '/api/agency/projects', agent, body)).statusCode).toBe(403);
    const unknown = await api.call('POST', '/api/agency/projects', manager, { ...body, itemCodes: ['NH-NONE-999'] });
    expect(unknown.json().fields[0].field).toBe('itemCodes');
    const created = await api.ok<{ name: string; items: { name: string }[]; progress: number }>('POST', '/api/agency/projects', manager, body);
    expect(created).toMatchObject({ items: [{ name: '食品经营许可' }], progress: 0 });
    expect((await api.call('POST', '/api/agency/projects', manager, body)).json().code).toBe('DUPLICATE');
  });

  it('links requests taken for a key project to it, and only those of its enterprise', async () => {
    type Project = { id: string; name: string; requests: { number: string; itemName: string; stateLabel: string }[] };
    const project = () => api.ok<{ items: Project[] }>('GET', '/api/agency/projects', agent).then((l) => l.items.find((p) => p.name === '示例智造新厂房建设项目')!);
    const before = await project();
    expect(before.requests.map((r) => r.itemName)).toHaveLength(3);
    const body = { channel: 'visit', matter: '新厂房消防设计审查', contactName: '陈志明', contactPhone: '13907572201', projectId: before.id };
    // another enterprise's request cannot be counted to the manufacturer's project; nor a project that does not exist
    const foreign = await api.call('POST', '/api/agency/requests', agent, { ...body, uscc: CATERING });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0].field).toBe('projectId');
    const unknown = await api.call('POST', '/api/agency/requests', agent, { ...body, uscc: MANUFACTURING, projectId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.json().fields[0].field).toBe('projectId');
    expect((await project()).requests).toHaveLength(3);
    const linked = await api.ok<{ number: string; projectId: string }>('POST', '/api/agency/requests', agent, { ...body, uscc: MANUFACTURING });
    expect(linked.projectId).toBe(before.id);
    expect((await project()).requests.map((r) => r.number)).toContain(linked.number);
  });
});
