import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { deliverEvents } from '../../../platform/outbox/testing.ts';
import { apiOf, FOOD_BUSINESS, foodIntake, type Api } from '../../applications/testing.ts';
import { caller, demoCenter, type Call } from '../testing.ts';
import type { TicketDto } from '../tickets/contract.ts';
import type { DeviceDto } from '../settings/contract.ts';
import type { EvaluatorLinkDto, WorkbenchDto } from './contract.ts';

/**
 * 办结 records what was handled (issue 16, item 2): any published item of the center, pre-filled
 * from the applications received from the ticket, or explicitly nothing (仅咨询); the visit's
 * rating counts under the department of the item handled.
 */

let t: TestApp;
let call: Call;
let api: Api;
let clerk: string;
let counter1: string;
let manager: string;
let centerId: string;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  api = apiOf(t);
  manager = await t.loginAs('manager');
  clerk = await t.loginAs('clerk');
  const center = await demoCenter(call, manager);
  centerId = center.centerId;
  counter1 = center.counters.get('1')!.id;
  expect((await call('POST', `/api/queue/counters/${counter1}/open`, clerk)).statusCode).toBe(200);
});
afterAll(() => t.close());

async function rows<T>(sql: string): Promise<T[]> {
  return ((await t.db.execute(sql)) as unknown as { rows: T[] }).rows;
}

/** Someone served at counter 1 (企业开办, queue A) without a ticket. */
async function serving(): Promise<TicketDto> {
  const res = await call('POST', `/api/queue/counters/${counter1}/walk-in`, clerk, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TicketDto;
}
const finish = (ticketId: string, body: object) => call('POST', `/api/queue/tickets/${ticketId}/finish`, clerk, body);
const subjectOf = async (ticketId: string) =>
  (await rows<{ item_id: string | null; department_id: string | null }>(`select item_id, department_id from rateable_subjects where id = '${ticketId}'`))[0];

describe('finishing a ticket', () => {
  it('left no demo visit without a department: each records the item handled', async () => {
    const [visits] = await rows<{ all: number; without: number; rated_without: number }>(
      `select count(*)::int as all, count(*) filter (where s.department_id is null)::int as without,
              count(r.id) filter (where s.department_id is null)::int as rated_without
         from rateable_subjects s left join ratings r on r.ticket_id = s.id where s.kind = 'visit'`,
    );
    expect(visits!.all).toBeGreaterThan(100);
    expect(visits).toMatchObject({ without: 0, rated_without: 0 });
  });

  it('requires an item, or an explicit 仅咨询, and says which field', async () => {
    const ticket = await serving();
    const none = await finish(ticket.id, {});
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'itemIds' }] });
    expect(none.json().message).toContain('仅咨询');
    const empty = await finish(ticket.id, { itemIds: [] });
    expect(empty.json().fields).toEqual([expect.objectContaining({ field: 'itemIds' })]);

    const workbench = await api.ok<WorkbenchDto>('GET', `/api/queue/counters/${counter1}/workbench`, clerk);
    const both = await finish(ticket.id, { itemIds: [workbench.items[0]!.id], isConsultationOnly: true });
    expect(both.statusCode).toBe(400);
    expect(both.json().fields).toEqual([expect.objectContaining({ field: 'isConsultationOnly' })]);
    expect((await api.ok<WorkbenchDto>('GET', `/api/queue/counters/${counter1}/workbench`, clerk)).current?.id).toBe(ticket.id);

    // 仅咨询: finished with nothing handled, not even the item the ticket was taken for
    const done = await finish(ticket.id, { isConsultationOnly: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done' });
    await deliverEvents(t);
    expect(await subjectOf(ticket.id)).toMatchObject({ item_id: null });
  });

  it('offers every published item of the center, those of the counter first', async () => {
    const workbench = await api.ok<WorkbenchDto>('GET', `/api/queue/counters/${counter1}/workbench`, clerk);
    const food = workbench.items.find((i) => i.code === FOOD_BUSINESS);
    // counter 1 calls 企业开办 only; 食品经营许可 (经营许可) is still offered, after the counter's own
    expect(food).toMatchObject({ name: '食品经营许可', isServedHere: false });
    expect(workbench.items[0]!.isServedHere).toBe(true);
    expect(workbench.items.findIndex((i) => !i.isServedHere)).toBeGreaterThan(workbench.items.findLastIndex((i) => i.isServedHere));
  });

  it('pre-fills what was received from the ticket, and the rating counts under that item’s department', async () => {
    const ticket = await serving();
    expect(ticket.theme).toBe('start_up');
    expect(await api.ok('GET', '/api/applications/intake/current-ticket/received', clerk)).toEqual({ ticketId: ticket.id, items: [] });

    const app = await api.ok<{ id: string; number: string; departmentId: string }>('POST', '/api/applications', clerk, foodIntake({ fromCurrentTicket: true }));
    const received = await api.ok<{ ticketId: string; items: { number: string; code: string; name: string }[] }>('GET', '/api/applications/intake/current-ticket/received', clerk);
    expect(received).toEqual({ ticketId: ticket.id, items: [{ number: app.number, code: FOOD_BUSINESS, name: '食品经营许可' }] });

    const workbench = await api.ok<WorkbenchDto>('GET', `/api/queue/counters/${counter1}/workbench`, clerk);
    const food = workbench.items.find((i) => i.code === FOOD_BUSINESS)!;
    const done = await finish(ticket.id, { itemIds: [food.id] });
    expect(done.statusCode, done.body).toBe(200);
    await deliverEvents(t);
    expect(await subjectOf(ticket.id)).toEqual({ item_id: food.id, department_id: app.departmentId });
    expect(app.departmentId).toBeTruthy();
    // nothing in hand any more
    expect(await api.ok('GET', '/api/applications/intake/current-ticket/received', clerk)).toEqual({ ticketId: null, items: [] });
  });

  it('refuses an item not published in the center', async () => {
    const ticket = await serving();
    const res = await finish(ticket.id, { itemIds: [crypto.randomUUID()] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ field: 'itemIds' })]);
    expect((await finish(ticket.id, { isConsultationOnly: true })).statusCode).toBe(200);
  });
});

describe('the workbench’s 评价器 link (issue 16, item 6)', () => {
  it('opens the evaluator of the counter, bound: a demo evaluator’s link carries its key', async () => {
    const devices = await api.ok<DeviceDto[]>('GET', `/api/queue/centers/${centerId}/devices`, manager);
    const evaluator = devices.find((d) => d.kind === 'evaluator' && d.counterId === counter1)!;
    const link = await api.ok<EvaluatorLinkDto>('GET', `/api/queue/counters/${counter1}/evaluator-link`, clerk);
    expect(link).toEqual({ path: `/evaluator/${counter1}?key=${evaluator.demoKey}`, isBound: true });
    // the key it carries is the one the evaluator rates with
    const ticket = await serving();
    expect((await finish(ticket.id, { isConsultationOnly: true })).statusCode).toBe(200);
    await deliverEvents(t);
    const key = new URL(link.path, 'http://x').searchParams.get('key')!;
    const rated = await call('POST', `/api/queue/evaluator/${counter1}/ratings`, undefined, { ticketId: ticket.id, level: 5 }, { 'x-device-key': key });
    expect(rated.statusCode, rated.body).toBe(201);
  });

  it('says so when the counter’s evaluator is switched off', async () => {
    const devices = await api.ok<DeviceDto[]>('GET', `/api/queue/centers/${centerId}/devices`, manager);
    const evaluator = devices.find((d) => d.kind === 'evaluator' && d.counterId === counter1)!;
    expect((await call('PATCH', `/api/queue/devices/${evaluator.id}`, manager, { version: evaluator.version, isActive: false })).statusCode).toBe(200);
    const res = await call('GET', `/api/queue/counters/${counter1}/evaluator-link`, clerk);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('1 号窗口没有启用的评价器');
  });
});
