import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { ApplicationDetail, OwnApplicationList, ProgressDto } from './contract.ts';
import { apiOf, CATERING, enterpriseLogin, foodIntake, MANUFACTURING, pdfText, provideAllBut, type Api } from './testing.ts';

/**
 * 我的办件 on the portal (issue 16, items 12 and 17): the enterprise signed in sees its own
 * applications with state, due date, notices it may download and, while the result waits at the
 * counter, the pickup code — which no staff view shows before hand-over. Progress is never cached.
 */

let t: TestApp;
let api: Api;
let clerk: string;
let reviewer: string;
let catering: string;
let manufacturing: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [clerk, reviewer, catering, manufacturing] = await Promise.all([t.loginAs('clerk'), t.loginAs('reviewer'), enterpriseLogin(t, CATERING), enterpriseLogin(t, MANUFACTURING)]);
});
afterAll(() => t.close());

const mine = (cookie: string) => api.ok<OwnApplicationList>('GET', '/api/portal/applications', cookie);
const noticePdf = (cookie: string, id: string, noticeId: string) => api.call('GET', `/api/portal/applications/${id}/notices/${noticeId}/pdf`, cookie);

async function accepted(): Promise<ApplicationDetail> {
  const app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake()));
  return api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
}

async function approve(app: ApplicationDetail): Promise<ApplicationDetail> {
  const task = app.tasks[0]!;
  await api.ok('POST', `/api/review/tasks/${task.id}/take`, reviewer, { version: task.version });
  const taken = await api.ok('GET', `/api/applications/${app.id}`, reviewer);
  await api.ok('POST', `/api/review/tasks/${task.id}/approve`, reviewer, { version: taken.tasks[0]!.version, opinion: '符合条件，准予许可。' });
  return api.ok('GET', `/api/applications/${app.id}`, clerk);
}

describe('我的办件', () => {
  it('lists the enterprise’s own applications with state, due date and notices; another enterprise gets nothing', async () => {
    const app = await accepted();
    expect(app.state).toBe('in_review');
    const own = (await mine(catering)).items.find((a) => a.id === app.id);
    expect(own).toMatchObject({ number: app.number, name: '食品经营许可', state: 'in_review', stateLabel: expect.any(String), dueDate: app.dueDate, checkCode: expect.stringMatching(/^[0-9A-F]{8}$/), pickupCode: null });
    expect(own!.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const acceptance = app.notices.find((n) => n.kind === 'acceptance')!;
    expect(own!.notices).toContainEqual(expect.objectContaining({ id: acceptance.id, number: acceptance.number, title: expect.stringContaining('受理') }));

    // The owner downloads the notice as a PDF; another enterprise neither sees the application nor opens its notice.
    const pdf = await noticePdf(catering, app.id, acceptance.id);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toContain('no-store');
    expect(await pdfText(pdf.rawPayload)).toContain(app.number);
    expect((await mine(manufacturing)).items.map((a) => a.id)).not.toContain(app.id);
    const foreign = await noticePdf(manufacturing, app.id, acceptance.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'NOT_FOUND' });

    // Anonymous callers and staff accounts are not the enterprise.
    expect((await api.call('GET', '/api/portal/applications')).statusCode).toBe(401);
    expect((await api.call('GET', '/api/portal/applications', clerk)).statusCode).toBe(403);
    expect((await noticePdf(clerk, app.id, acceptance.id)).statusCode).toBe(403);
  });

  it('shows the pickup code to the applicant only: not in the clerk’s views before hand-over', async () => {
    const app = await approve(await accepted());
    expect(app).toMatchObject({ state: 'approved', delivery: { state: 'awaiting_pickup', pickupCode: null } });
    const deliveries = await api.ok<{ delivery: { pickupCode: string | null }; application: { id: string } }[]>('GET', '/api/deliveries', clerk);
    expect(deliveries.find((d) => d.application.id === app.id)).toMatchObject({ delivery: { pickupCode: null } });

    const own = (await mine(catering)).items.find((a) => a.id === app.id)!;
    expect(own.pickupCode).toMatch(/^\d{6}$/);
    expect(own.summary).toContain('取件码');
    // The pickup notice prints the code: the owner opens it, the clerk may not while the result waits.
    const pickup = app.notices.find((n) => n.kind === 'pickup')!;
    expect(await pdfText((await noticePdf(catering, app.id, pickup.id)).rawPayload)).toContain(own.pickupCode);
    const staffPdf = await api.call('GET', `/api/applications/${app.id}/notices/${pickup.id}/pdf`, clerk);
    expect(staffPdf.statusCode).toBe(403);
    expect(staffPdf.json().message).toContain('取件码');
    expect((await api.call('GET', `/api/applications/${app.id}/notices/${app.notices.find((n) => n.kind === 'decision')!.id}/pdf`, clerk)).statusCode).toBe(200);

    // The clerk asks for the code; once handed over, 我的办件 shows no code any more.
    const handed = await api.ok('POST', `/api/applications/${app.id}/delivery/hand-over`, clerk, { version: app.version, pickupCode: own.pickupCode });
    expect(handed.state).toBe('delivered');
    expect((await mine(catering)).items.find((a) => a.id === app.id)).toMatchObject({ state: 'delivered', pickupCode: null });
  });
});

describe('progress on the portal', () => {
  it('is never cached: no-store, and a repeated query shows the state after a change', async () => {
    const app = await accepted();
    const checkCode = (await mine(catering)).items.find((a) => a.id === app.id)!.checkCode;
    const url = `/api/portal/progress?number=${app.number}&checkCode=${checkCode}`;
    const before = await api.call('GET', url);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.headers['cache-control']).toContain('no-store');
    expect((before.json() as ProgressDto).state).toBe('in_review');
    await approve(app);
    const after = await api.call('GET', url);
    expect(after.headers['cache-control']).toContain('no-store');
    expect((after.json() as ProgressDto).state).toBe('approved');
    expect((await api.call('GET', '/api/portal/applications', catering)).headers['cache-control']).toContain('no-store');
  });
});
