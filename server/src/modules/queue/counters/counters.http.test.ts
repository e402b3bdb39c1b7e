import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import type { CounterDto } from '../../venue/contract.ts';
import { caller, demoCenter, kioskTake, type Call } from '../testing.ts';
import type { QueueDto } from '../settings/contract.ts';
import type { TicketDto, TicketStatusDto } from '../tickets/contract.ts';
import type { WorkbenchDto } from './contract.ts';
import { closeEarlierDays, issueTicket } from '../service.ts';

let t: TestApp;
let call: Call;
let clerk: string;
let clerk2: string;
let manager: string;
let centerId: string;
let queues: Map<string, QueueDto>;
let counters: Map<string, CounterDto>;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [clerk, clerk2, manager] = await Promise.all([t.loginAs('clerk'), t.loginAs('clerk2'), t.loginAs('manager')]);
  ({ centerId, queues, counters } = await demoCenter(call, manager));
});
afterAll(() => t.close());

const counter = (n: string) => counters.get(n)!.id;
const take = (queue: string, body: object = {}, ip = '10.20.0.1') => kioskTake(call, centerId, { queueId: queues.get(queue)!.id, ...body }, ip);
const open = (n: string, who: string) => call('POST', `/api/queue/counters/${counter(n)}/open`, who);
const callNext = async (n: string, who: string) => {
  const res = await call('POST', `/api/queue/counters/${counter(n)}/call-next`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().ticket as TicketDto | null;
};
/** An action on a ticket; 办结 records nothing handled (仅咨询) unless the body names the items. */
const act = (ticket: TicketDto, action: string, who: string, body?: object) =>
  call('POST', `/api/queue/tickets/${ticket.id}/${action}`, who, body ?? (action === 'finish' ? { isConsultationOnly: true } : {}));
async function emptyQueue(prefix: string, counterNumbers: string[]) {
  const res = await call('POST', `/api/queue/centers/${centerId}/queues`, manager, { name: `测试${prefix}`, prefix, counterIds: counterNumbers.map(counter) });
  expect(res.statusCode, res.body).toBe(201);
  queues.set(prefix, res.json());
  return res.json() as QueueDto;
}
/** Serves whatever is waiting at a counter, so a test starts from an empty line. */
async function drain(n: string, who: string) {
  const current = ((await call('GET', `/api/queue/counters/${counter(n)}/workbench`, who)).json() as WorkbenchDto).current;
  if (current?.state === 'called') expect((await act(current, 'start', who)).statusCode).toBe(200);
  if (current) expect((await act(current, 'finish', who)).statusCode).toBe(200);
  for (let ticket = await callNext(n, who); ticket; ticket = await callNext(n, who)) {
    expect((await act(ticket, 'start', who)).statusCode).toBe(200);
    expect((await act(ticket, 'finish', who)).statusCode).toBe(200);
  }
}

describe('a counter session', () => {
  it('opens, pauses, resumes and closes; a paused or closed counter does not call', async () => {
    const closed = await call('POST', `/api/queue/counters/${counter('1')}/call-next`, clerk);
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'COUNTER_NOT_OPEN' });

    const opened = await open('1', clerk);
    expect(opened.statusCode, opened.body).toBe(200);
    expect((opened.json() as WorkbenchDto).session).toMatchObject({ state: 'open', isMine: true, staffName: '李晓彤' });
    expect((await open('1', clerk2)).json()).toMatchObject({ code: 'COUNTER_BUSY' });
    expect((await open('2', clerk)).json()).toMatchObject({ code: 'COUNTER_BUSY' });

    expect((await call('POST', `/api/queue/counters/${counter('1')}/pause`, clerk)).json().session.state).toBe('paused');
    expect((await call('POST', `/api/queue/counters/${counter('1')}/call-next`, clerk)).json().code).toBe('COUNTER_NOT_OPEN');
    expect((await call('POST', `/api/queue/counters/${counter('1')}/resume`, clerk)).json().session.state).toBe('open');
    await drain('1', clerk);
    expect((await call('POST', `/api/queue/counters/${counter('1')}/close`, clerk)).json().session).toBeNull();
    expect((await open('1', clerk)).statusCode).toBe(200);
  });
});

describe('calling', () => {
  it('calls the green channel first, then in order of arrival', async () => {
    await open('1', clerk);
    await drain('1', clerk);
    const first = (await take('A')).json() as TicketStatusDto;
    const second = (await take('A')).json() as TicketStatusDto;
    const green = (await take('A', { priorityClass: 'green_channel', greenReason: 'disabled' })).json() as TicketStatusDto;
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const ticket = (await callNext('1', clerk))!;
      order.push(ticket.displayNumber);
      expect(ticket).toMatchObject({ state: 'called', counterNumber: '1', staffName: '李晓彤' });
      const busy = await call('POST', `/api/queue/counters/${counter('1')}/call-next`, clerk);
      expect(busy.json().code).toBe('INVALID_STATE');
      await act(ticket, 'start', clerk);
      await act(ticket, 'finish', clerk);
    }
    expect(order).toEqual([green.displayNumber, first.displayNumber, second.displayNumber]);
    expect(await callNext('1', clerk)).toBeNull();
  });

  it('never gives the same ticket to two counters calling at once', async () => {
    await open('2', clerk2);
    await drain('1', clerk);
    await drain('2', clerk2);
    const issued = await Promise.all(Array.from({ length: 12 }, (_, i) => take('A', {}, `10.21.0.${i}`)));
    const called: string[] = [];
    for (let round = 0; round < 6; round++) {
      const [a, b] = await Promise.all([callNext('1', clerk), callNext('2', clerk2)]);
      for (const [ticket, who] of [[a, clerk], [b, clerk2]] as const) {
        called.push(ticket!.id);
        await act(ticket!, 'start', who);
        await act(ticket!, 'finish', who);
      }
    }
    expect(new Set(called).size).toBe(12);
    expect(issued.length).toBe(12);
  });

  it('recalls, and allows a no-show only after the configured recalls', async () => {
    await drain('1', clerk);
    await take('A');
    const ticket = (await callNext('1', clerk))!;
    const early = await act(ticket, 'no-show', clerk);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('重呼 2 次');
    expect((await act(ticket, 'recall', clerk)).json().recallCount).toBe(1);
    expect((await act(ticket, 'recall', clerk)).json().recallCount).toBe(2);
    const noShow = await act(ticket, 'no-show', clerk);
    expect(noShow.json()).toMatchObject({ state: 'no_show' });
    expect((await act(ticket, 'recall', clerk)).statusCode).toBe(403);
  });

  it('transfers a ticket to another queue keeping its number and its place in line', async () => {
    const target = await emptyQueue('TB', ['2']);
    await drain('1', clerk);
    await drain('2', clerk2);
    const moved = (await take('A')).json() as TicketStatusDto;
    const later = (await kioskTake(call, centerId, { queueId: target.id }, '10.22.0.1')).json() as TicketStatusDto;
    const ticket = (await callNext('1', clerk))!;
    expect(ticket.displayNumber).toBe(moved.displayNumber);
    await act(ticket, 'start', clerk);
    const transferred = await act(ticket, 'transfer', clerk, { queueId: target.id });
    expect(transferred.statusCode, transferred.body).toBe(200);
    expect(transferred.json()).toMatchObject({ state: 'transferred', queueId: target.id, displayNumber: moved.displayNumber });
    // counter 2 calls from the target queue: the transferred ticket is older than the one taken there
    await call('PATCH', `/api/queue/queues/${queues.get('A')!.id}`, manager, { version: queues.get('A')!.version, counterIds: [counter('1')] });
    const next = (await callNext('2', clerk2))!;
    expect(next.displayNumber).toBe(moved.displayNumber);
    await act(next, 'start', clerk2);
    await act(next, 'finish', clerk2);
    expect((await callNext('2', clerk2))!.displayNumber).toBe(later.displayNumber);
  });

  it('transfers to a named counter, which alone calls it', async () => {
    await drain('1', clerk);
    await drain('2', clerk2);
    await take('A');
    const ticket = (await callNext('1', clerk))!;
    expect((await act(ticket, 'transfer', clerk, { counterId: counter('2') })).json()).toMatchObject({ state: 'transferred', targetCounterNumber: '2' });
    expect(await callNext('1', clerk)).toBeNull();
    expect((await callNext('2', clerk2))!.id).toBe(ticket.id);
  });

  it('serves a walk-in without a ticket and records the items handled', async () => {
    await drain('1', clerk);
    const walkIn = await call('POST', `/api/queue/counters/${counter('1')}/walk-in`, clerk, { phone: '13912345678' });
    expect(walkIn.statusCode, walkIn.body).toBe(200);
    const ticket = walkIn.json() as TicketDto;
    expect(ticket).toMatchObject({ state: 'serving', channel: 'counter', queueId: queues.get('A')!.id, phone: '139****5678' });
    const wb = (await call('GET', `/api/queue/counters/${counter('1')}/workbench`, clerk)).json() as WorkbenchDto;
    expect(wb.current?.id).toBe(ticket.id);
    const item = wb.items[0]!;
    const done = await act(ticket, 'finish', clerk, { itemIds: [item.id] });
    expect(done.json()).toMatchObject({ state: 'done', handledItemIds: [item.id] });
  });
});

describe('bad input changes nothing', () => {
  it('refuses to finish someone else’s ticket, or a transfer the counter cannot reach', async () => {
    await drain('1', clerk);
    await drain('2', clerk2);
    await take('A');
    const ticket = (await callNext('1', clerk))!;
    const stranger = await act(ticket, 'finish', clerk2);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().code).toBe('NOT_YOUR_TICKET');

    const admin = await t.loginAs('admin');
    const other = await call('POST', '/api/centers', admin, { name: '测试区政务服务中心', level: 'county', regionCode: '440606' });
    const foreign = await call('POST', `/api/queue/centers/${other.json().id}/queues`, admin, { name: '外中心', prefix: 'X' });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const across = await act(ticket, 'transfer', clerk, { queueId: foreign.json().id });
    expect(across.statusCode).toBe(400);
    expect(across.json().fields[0].field).toBe('queueId');
    const both = await act(ticket, 'transfer', clerk, { queueId: queues.get('B')!.id, counterId: counter('2') });
    expect(both.statusCode).toBe(400);
    const paused = await call('PATCH', `/api/queue/queues/${queues.get('B')!.id}`, manager, { version: queues.get('B')!.version, isOpen: false });
    expect(paused.statusCode).toBe(200);
    expect((await act(ticket, 'transfer', clerk, { queueId: queues.get('B')!.id })).json().code).toBe('QUEUE_CLOSED');
    const badItem = await act(ticket, 'finish', clerk, { itemIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(badItem.statusCode).toBe(400);

    const after = (await call('GET', `/api/queue/centers/${centerId}/tickets?q=${ticket.displayNumber}`, clerk)).json() as TicketDto[];
    expect(after.find((x) => x.id === ticket.id)).toMatchObject({ state: 'called', queueId: queues.get('A')!.id, counterNumber: '1' });
    expect((await call('POST', `/api/queue/counters/${counter('1')}/close`, clerk)).json().code).toBe('INVALID_STATE');
  });

  it('keeps the workbench to staff who serve, and the audit log names every call', async () => {
    const guide = await t.loginAs('guide');
    expect((await call('POST', `/api/queue/counters/${counter('1')}/call-next`, guide)).statusCode).toBe(403);
    expect((await call('POST', `/api/queue/counters/${counter('1')}/call-next`)).statusCode).toBe(401);
    const admin = await t.loginAs('admin');
    const audit = (await call('GET', '/api/audit?action=ticket.call&outcome=success', admin)).json();
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items[0]).toMatchObject({ objectType: 'ticket', outcome: 'success' });
  });
});

describe('the end of the business day', () => {
  it('closes counters and tickets left open, and the next day numbers start again from 1', async () => {
    await drain('1', clerk);
    const waiting = (await take('A')).json() as TicketStatusDto;
    const called = (await callNext('1', clerk))!;
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const closed = await closeEarlierDays(t.db, tomorrow);
    expect(closed).toBeGreaterThanOrEqual(1);
    const list = (await call('GET', `/api/queue/centers/${centerId}/tickets?queueId=${queues.get('A')!.id}`, clerk)).json() as TicketDto[];
    expect(list.find((x) => x.id === called.id)).toMatchObject({ state: 'cancelled', cancelReason: 'day_end' });
    expect((await call('GET', `/api/queue/t/${waiting.token}`)).json()).toMatchObject({ state: 'cancelled' });
    const wb = (await call('GET', `/api/queue/counters/${counter('1')}/workbench`, clerk)).json() as WorkbenchDto;
    expect(wb.session).toBeNull();
    const next = await issueTicket(t.db, { centerId, queueId: queues.get('A')!.id, channel: 'appointment', priorityClass: 'appointment', now: tomorrow });
    expect(next.ticket).toMatchObject({ displayNumber: 'A001', channel: 'appointment', priorityClass: 'appointment' });
  });
});
