import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { caller, demoCenter, kioskTake } from '../queue/testing.ts';
import type { TicketDto } from '../queue/tickets/contract.ts';
import type { ApplicationDetail, ProgressDto } from './contract.ts';
import { apiOf, at, CATERING, foodIntake, PDF, pdfText, pickupCodeOf, PNG, provideAllBut, type Api } from './testing.ts';

/**
 * The "done when": a new visitor takes a ticket and is called; the clerk receives
 * 食品经营许可 with one material missing and prints the supplement notice; the applicant comes
 * back, the application is accepted with a due date that skips the 2026 National Day holiday,
 * the reviewer approves, the license appears in the enterprise's e-license library, and the
 * portal timeline shows each step.
 */

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

describe('食品经营许可 from ticket to e-license', () => {
  it('runs the whole lifecycle and shows it on the portal', async () => {
    // Thursday 24 September 2026, 10:00 in 南海.
    vi.setSystemTime(at('2026-09-24', '10:00'));
    const call = caller(t);
    const { centerId, queues, counters } = await demoCenter(call, manager);
    const taken = await kioskTake(call, centerId, { queueId: queues.get('B')!.id, uscc: CATERING, phone: '13800138000' }, '10.77.0.1');
    expect(taken.statusCode, taken.body).toBe(201);
    const counter = counters.get('7')!.id;
    expect((await call('POST', `/api/queue/counters/${counter}/open`, clerk)).statusCode).toBe(200);
    let ticket: TicketDto | null = null;
    for (;;) {
      const res = await call('POST', `/api/queue/counters/${counter}/call-next`, clerk);
      expect(res.statusCode, res.body).toBe(200);
      ticket = res.json().ticket as TicketDto | null;
      expect(ticket, 'the ticket taken should be called').not.toBeNull();
      if (ticket!.displayNumber === taken.json().displayNumber) break;
      await call('POST', `/api/queue/tickets/${ticket!.id}/start`, clerk, {});
      await call('POST', `/api/queue/tickets/${ticket!.id}/finish`, clerk, { isConsultationOnly: true });
    }
    expect((await call('POST', `/api/queue/tickets/${ticket!.id}/start`, clerk, {})).statusCode).toBe(200);

    const prefill = await api.ok<{ ticketId: string; uscc: string; phone: string }>('GET', '/api/applications/intake/current-ticket', clerk);
    expect(prefill).toMatchObject({ ticketId: ticket!.id, uscc: CATERING, phone: '138****8000' });

    // Intake from the called ticket: the clerk is the first handler. The form keeps the ticket's
    // masked phone, which stands for the number given at the kiosk (the portal finds it by that number below).
    let app = await api.ok('POST', '/api/applications', clerk, foodIntake({ fromCurrentTicket: true, contactPhone: prefill.phone }));
    expect(app).toMatchObject({ state: 'received', ticketId: ticket!.id, firstHandlerName: '李晓彤', name: '食品经营许可' });
    expect(app.number).toMatch(/^440605-2026-\d{6}$/);
    expect(app.materials.map((m) => m.key)).toEqual(['application', 'business_license', 'legal_rep_id', 'layout', 'equipment_list', 'safety_staff', 'rules']);

    // Every material but one: the application form is uploaded, the floor plan is an image.
    expect((await api.upload(clerk, app.id, 'application', { filename: '申请书.pdf', content: PDF })).statusCode).toBe(200);
    expect((await api.upload(clerk, app.id, 'layout', { filename: '布局图.png', content: PNG })).statusCode).toBe(200);
    app = await provideAllBut(api, clerk, await api.ok('GET', `/api/applications/${app.id}`, clerk), ['safety_staff', 'application', 'layout']);
    expect(app.materials.filter((m) => m.status === 'missing').map((m) => m.name)).toEqual(['食品安全总监、食品安全员基本情况']);

    // Accepting now is refused: the list is not complete.
    const early = await api.call('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'MATERIALS_INCOMPLETE' });

    // One supplement notice listing the missing material, its requirement and the deadline.
    app = await api.ok('POST', `/api/applications/${app.id}/supplement`, clerk, { version: app.version, deadlineDays: 5, items: [{ key: 'safety_staff', requirement: '附任命文件' }] });
    expect(app.state).toBe('awaiting_supplement');
    const notice = app.notices.find((n) => n.kind === 'supplement')!;
    expect(notice.number).toMatch(/^南政服补〔2026〕第 \d{6} 号$/);
    const pdf = await api.call('GET', `/api/applications/${app.id}/notices/${notice.id}/pdf`, clerk);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of ['补正材料告知书', '佛山市南海区政务服务中心', '食品安全总监、食品安全员基本情况', '附任命文件', app.number, notice.number, '演示数据']) expect(text).toContain(s);
    // 5 working days from 24 September skip 中秋 (25–27) and 国庆 (1–7 October): 9/28, 9/29, 9/30, 10/8, 10/9.
    expect(text).toContain('2026 年 10 月 9 日前');

    // Monday 28 September: the applicant returns with the missing material and is accepted.
    vi.setSystemTime(at('2026-09-28', '09:15'));
    app = await api.ok('POST', `/api/applications/${app.id}/resubmit`, clerk, { version: app.version });
    expect(app.state).toBe('received');
    app = await api.ok('PUT', `/api/applications/${app.id}/materials/safety_staff`, clerk, { status: 'paper_seen' });
    app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
    // 10 working days after 28 September: 29, 30 September; 8, 9, 10 (adjusted Saturday), 12–16 October.
    expect(app).toMatchObject({ state: 'in_review', clockStartOn: '2026-09-28', dueDate: '2026-10-16', isDeemedAccepted: false });
    const acceptance = app.notices.find((n) => n.kind === 'acceptance')!;
    const acceptanceText = await pdfText((await api.call('GET', `/api/applications/${app.id}/notices/${acceptance.id}/pdf`, clerk)).rawPayload);
    expect(acceptanceText).toContain('2026 年 10 月 16 日');
    // the check code that opens the portal's progress is printed on the acceptance notice
    const checkCode = /查询码\s*([0-9A-Z]{8})/.exec(acceptanceText)?.[1];
    expect(checkCode).toMatch(/^[0-9A-F]{8}$/);
    expect(app.tasks).toHaveLength(1);

    // Friday 9 October: the reviewer of 市场监督管理局 takes and approves it.
    vi.setSystemTime(at('2026-10-09', '15:00'));
    const queue = await api.ok<{ task: { id: string; version: number }; application: { id: string; due: { status: string } } }[]>('GET', '/api/review/queue', reviewer);
    const entry = queue.find((q) => q.application.id === app.id)!;
    expect(entry.application.due.status).toBe('normal');
    await api.ok('POST', `/api/review/tasks/${entry.task.id}/take`, reviewer, { version: entry.task.version });
    app = await api.ok('GET', `/api/applications/${app.id}`, reviewer);
    await api.ok('POST', `/api/review/tasks/${app.tasks[0]!.id}/approve`, reviewer, { version: app.tasks[0]!.version, opinion: '经审查，符合食品经营许可条件，准予许可。' });
    app = await api.ok('GET', `/api/applications/${app.id}`, clerk);
    expect(app).toMatchObject({ state: 'approved', decision: 'approved', decidedOn: '2026-10-09' });
    expect(app.due.status).toBe('done_on_time');
    expect(app.licenseId).not.toBeNull();

    // The license is in the enterprise's e-license library.
    const portal = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: CATERING, password: 'Demo1234' } });
    expect(portal.statusCode, portal.body).toBe(200);
    const enterprise = portal.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const library = await api.ok<{ id: string; type: { code: string }; applicationRef: string; validFrom: string }[]>('GET', '/api/portal/licenses', enterprise);
    expect(library.find((l) => l.id === app.licenseId)).toMatchObject({ type: { code: 'food_business' }, applicationRef: app.number, validFrom: '2026-10-09' });

    // Collected at the counter with the pickup code the applicant reads in 我的办件.
    const pickupCode = await pickupCodeOf(api, enterprise, app.id);
    const wrong = await api.call('POST', `/api/applications/${app.id}/delivery/hand-over`, clerk, { version: app.version, pickupCode: pickupCode === '000000' ? '111111' : '000000' });
    expect(wrong.json()).toMatchObject({ code: 'PICKUP_CODE_WRONG' });
    app = await api.ok('POST', `/api/applications/${app.id}/delivery/hand-over`, clerk, { version: app.version, pickupCode });
    expect(app.state).toBe('delivered');

    // The portal timeline, by number and check code, and by number and phone; number and credit code are not enough.
    const progress = await api.ok<ProgressDto>('GET', `/api/portal/progress?number=${app.number}&checkCode=${checkCode!.toLowerCase()}`);
    expect(progress.steps.map((s) => s.title)).toEqual(['收件', '补正告知', '收到补正材料', '受理', '准予许可', '已领取']);
    expect(progress).toMatchObject({ state: 'delivered', dueDate: '2026-10-16', acceptedOn: '2026-09-28' });
    expect(JSON.stringify(progress)).not.toContain('李晓彤');
    const byPhone = await api.call('GET', `/api/portal/progress?number=${app.number}&phone=13800138000`);
    expect(byPhone.statusCode).toBe(200);
    const wrongCode = await api.call('GET', `/api/portal/progress?number=${app.number}&checkCode=${checkCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA'}`);
    expect(wrongCode.json()).toMatchObject({ code: 'NOT_FOUND' });
    const byUscc = await api.call('GET', `/api/portal/progress?number=${app.number}&uscc=${CATERING}`);
    expect(byUscc.statusCode).toBe(400);
    const numberOnly = await api.call('GET', `/api/portal/progress?number=${app.number}`);
    expect(numberOnly.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'checkCode' })] });

    // The staff timeline has one entry per action, in order.
    const detail = await api.ok<ApplicationDetail>('GET', `/api/applications/${app.id}`, clerk);
    expect(detail.events.map((e) => e.action)).toEqual([
      'receive',
      'record_material',
      'record_material',
      'record_material',
      'record_material',
      'record_material',
      'record_material',
      'request_supplement',
      'resubmit',
      'record_material',
      'accept',
      'take',
      'approve',
      'hand_over',
    ]);
  });
});
