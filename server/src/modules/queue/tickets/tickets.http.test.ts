import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { caller, demoCenter, kioskTake, periodExcludingNow, type Call } from '../testing.ts';
import type { QueueDto, QueueSettingsDto } from '../settings/contract.ts';
import type { IssuedTicketDto, TicketDto, TicketStatusDto } from './contract.ts';
import { listPublishedItemFacts } from '../../catalog/published/items.ts';
import { issueTicket } from './service.ts';

let t: TestApp;
let call: Call;
let manager: string;
let guide: string;
let clerk: string;
let centerId: string;
let queueA: QueueDto;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  manager = await t.loginAs('manager');
  guide = await t.loginAs('guide');
  clerk = await t.loginAs('clerk');
  const demo = await demoCenter(call, manager);
  centerId = demo.centerId;
  queueA = demo.queues.get('A')!;
});
afterAll(() => t.close());

async function newQueue(body: object): Promise<QueueDto> {
  const res = await call('POST', `/api/queue/centers/${centerId}/queues`, manager, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function saveSettings(patch: Partial<QueueSettingsDto>) {
  const current = (await call('GET', `/api/queue/centers/${centerId}/settings`, manager)).json() as QueueSettingsDto;
  const { centerId: _c, hoursText: _h, ...input } = { ...current, ...patch, version: current.version };
  const res = await call('PUT', `/api/queue/centers/${centerId}/settings`, manager, input);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as QueueSettingsDto;
}

const numbersOf = (tickets: { displayNumber: string }[]) => tickets.map((x) => Number(x.displayNumber.replace(/^[A-Z]+/, ''))).sort((a, b) => a - b);

describe('taking tickets', () => {
  it('numbers the tickets of one queue 1, 2, 3… per day, with no gap and no duplicate when many kiosks take at once', async () => {
    const queue = await newQueue({ name: '并发测试', prefix: 'Q', themes: [] });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => kioskTake(call, centerId, { queueId: queue.id }, `10.1.0.${i}`)));
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 201));
    const taken = results.map((r) => r.json() as TicketStatusDto);
    expect(numbersOf(taken)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(taken.every((x) => /^Q\d{3}$/.test(x.displayNumber) && x.queueName === '并发测试' && x.state === 'waiting')).toBe(true);
    expect(new Set(taken.map((x) => x.token)).size).toBe(40);
  });

  it('refuses a walk-in over the daily quota with nothing written, and the numbers stay gapless', async () => {
    const queue = await newQueue({ name: '限量测试', prefix: 'QL', dailyWalkInQuota: 3 });
    for (let i = 0; i < 3; i++) expect((await kioskTake(call, centerId, { queueId: queue.id }, '10.2.0.1')).statusCode).toBe(201);
    const refused = await Promise.all([1, 2, 3, 4].map((i) => kioskTake(call, centerId, { queueId: queue.id }, `10.2.1.${i}`)));
    for (const r of refused) {
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ code: 'QUOTA_EXCEEDED' });
      expect(r.json().message).toContain('已满');
    }
    // the override is a permission of the guidance desk, not something a kiosk can ask for
    expect((await kioskTake(call, centerId, { queueId: queue.id, overrideQuota: true }, '10.2.0.9')).statusCode).toBe(400);
    const urgent = await call('POST', `/api/queue/centers/${centerId}/tickets`, guide, { queueId: queue.id, overrideQuota: true });
    expect(urgent.statusCode, urgent.body).toBe(201);
    expect((urgent.json() as IssuedTicketDto).ticket.displayNumber).toBe('QL004');
    const list = (await call('GET', `/api/queue/centers/${centerId}/tickets?queueId=${queue.id}`, guide)).json() as TicketDto[];
    expect(numbersOf(list)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a closed queue and a time outside the opening hours, with a clear message', async () => {
    const queue = await newQueue({ name: '暂停测试', prefix: 'QC', isOpen: false });
    const closed = await kioskTake(call, centerId, { queueId: queue.id }, '10.3.0.1');
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'QUEUE_CLOSED', fields: [{ field: 'queueId' }] });

    await saveSettings({ serviceDays: 'every_day', openingPeriods: [periodExcludingNow()] });
    const late = await kioskTake(call, centerId, { queueId: queueA.id }, '10.3.0.2');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('OUTSIDE_HOURS');
    expect(late.json().message).toMatch(/不在取号时间/);
    const kiosk = (await call('GET', `/api/queue/kiosk/${centerId}`)).json();
    expect(kiosk).toMatchObject({ isOpen: false });
    await saveSettings({ serviceDays: 'every_day', openingPeriods: [{ start: '00:00', end: '24:00' }] });
    expect((await kioskTake(call, centerId, { queueId: queueA.id }, '10.3.0.2')).statusCode).toBe(201);
    expect(await call('GET', `/api/queue/centers/${centerId}/tickets?queueId=${queue.id}`, guide).then((r) => r.json())).toEqual([]);
  });

  it('checks the priority: the green channel needs an enabled reason, and only check-in gives appointment priority', async () => {
    const noReason = await kioskTake(call, centerId, { queueId: queueA.id, priorityClass: 'green_channel' }, '10.4.0.1');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].field).toBe('greenReason');
    const appointment = await kioskTake(call, centerId, { queueId: queueA.id, priorityClass: 'appointment' }, '10.4.0.1');
    expect(appointment.statusCode).toBe(400);
    const green = await kioskTake(call, centerId, { queueId: queueA.id, priorityClass: 'green_channel', greenReason: 'elderly' }, '10.4.0.1');
    expect(green.statusCode).toBe(201);
    expect(green.json()).toMatchObject({ priorityClass: 'green_channel', greenReason: 'elderly' });
    const badPhone = await kioskTake(call, centerId, { queueId: queueA.id, phone: '12345' }, '10.4.0.1');
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().message).toContain('手机号');
    const badUscc = await kioskTake(call, centerId, { queueId: queueA.id, uscc: '91440605MA4W3K7P3X' }, '10.4.0.1');
    expect(badUscc.statusCode).toBe(400);
  });

  it('limits takes per client address', async () => {
    await saveSettings({ kioskTicketsPerMinute: 2 });
    expect((await kioskTake(call, centerId, { queueId: queueA.id }, '10.5.0.1')).statusCode).toBe(201);
    expect((await kioskTake(call, centerId, { queueId: queueA.id }, '10.5.0.1')).statusCode).toBe(201);
    const third = await kioskTake(call, centerId, { queueId: queueA.id }, '10.5.0.1');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('RATE_LIMITED');
    expect((await kioskTake(call, centerId, { queueId: queueA.id }, '10.5.0.2')).statusCode).toBe(201);
    await saveSettings({ kioskTicketsPerMinute: 30 });
  });

  it('finds the queue of an item, and refuses an item with full-appointment or an exhausted item quota', async () => {
    const items = (await call('GET', `/api/queue/centers/${centerId}/items`, clerk)).json() as { id: string; name: string; queueId: string | null }[];
    const served = items.find((i) => i.queueId === queueA.id)!;
    const byItem = await kioskTake(call, centerId, { itemId: served.id }, '10.6.0.1');
    expect(byItem.statusCode, byItem.body).toBe(201);
    expect(byItem.json()).toMatchObject({ queueName: queueA.name, itemName: served.name });
    const unknown = await kioskTake(call, centerId, { itemId: '00000000-0000-4000-8000-000000000000' }, '10.6.0.1');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the item’s walk-in quota (A.6)', () => {
  it('lets exactly the quota through when many take the same item at once, and refuses full-appointment items unless overridden', async () => {
    const facts = await listPublishedItemFacts(t.db, centerId);
    const limited = facts.find((i) => i.theme === 'construction' && i.walkInDailyQuota === 30)!;
    const results = await Promise.all(
      Array.from({ length: 35 }, () => call('POST', `/api/queue/centers/${centerId}/tickets`, guide, { itemId: limited.id })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(30);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused.map((r) => r.json().code)).toEqual(Array(5).fill('QUOTA_EXCEEDED'));
    expect(refused[0]!.json().fields[0].field).toBe('itemId');
    const numbers = numbersOf(results.filter((r) => r.statusCode === 201).map((r) => (r.json() as IssuedTicketDto).ticket));
    expect(numbers.at(-1)! - numbers[0]!).toBe(29);

    const bookedOnly = facts.find((i) => i.appointmentMode === 'appointment_only')!;
    const kiosk = await kioskTake(call, centerId, { itemId: bookedOnly.id }, '10.8.0.1');
    expect(kiosk.statusCode).toBe(409);
    expect(kiosk.json().message).toContain('预约');
    const urgent = await call('POST', `/api/queue/centers/${centerId}/tickets`, guide, { itemId: bookedOnly.id, overrideQuota: true });
    expect(urgent.statusCode, urgent.body).toBe(201);
    const checkIn = await issueTicket(t.db, { centerId, itemId: bookedOnly.id, channel: 'appointment', priorityClass: 'appointment' });
    expect(checkIn.ticket).toMatchObject({ channel: 'appointment', priorityClass: 'appointment', itemId: bookedOnly.id });
  });
});

describe('the holder of a ticket', () => {
  it('follows it by its token, sees the people ahead, gets the QR code, and may cancel it', async () => {
    const queue = await newQueue({ name: '进度测试', prefix: 'QS' });
    const first = (await kioskTake(call, centerId, { queueId: queue.id }, '10.7.0.1')).json() as TicketStatusDto;
    const second = (await kioskTake(call, centerId, { queueId: queue.id }, '10.7.0.1')).json() as TicketStatusDto;
    const status = (await call('GET', `/api/queue/t/${second.token}`)).json() as TicketStatusDto;
    expect(status).toMatchObject({ displayNumber: 'QS002', ahead: 1, state: 'waiting', canCancel: true, counterNumber: null });
    expect(status.estimatedWait!.minMinutes).toBeGreaterThan(0);

    const qr = await call('GET', `/api/queue/t/${second.token}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');

    expect((await call('POST', `/api/queue/t/${first.token}/cancel`)).json()).toMatchObject({ state: 'cancelled', canCancel: false });
    expect((await call('GET', `/api/queue/t/${second.token}`)).json()).toMatchObject({ ahead: 0 });
    const again = await call('POST', `/api/queue/t/${first.token}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect((await call('GET', '/api/queue/t/NoSuchTokenAtAll123')).statusCode).toBe(404);
  });
});

describe('the guidance desk', () => {
  it('records an inquiry with its first responder and takes the ticket on the enterprise’s behalf', async () => {
    const res = await call('POST', '/api/inquiries', guide, {
      subject: '咨询设立有限责任公司需要的材料',
      theme: 'start_up',
      uscc: '91440605MA4W3K7P3K',
      phone: '13800138000',
      outcome: 'directed',
      ticket: { queueId: queueA.id, priorityClass: 'green_channel', greenReason: 'key_enterprise' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { inquiry, issued } = res.json();
    expect(inquiry).toMatchObject({ firstResponderName: '何嘉欣', outcome: 'directed', phoneMasked: '138****8000' });
    expect(issued.ticket).toMatchObject({ channel: 'guidance', priorityClass: 'green_channel', uscc: '91440605MA4W3K7P3K', phone: '138****8000' });
    expect(inquiry.ticketDisplayNumber).toBe(issued.ticket.displayNumber);
    const listed = (await call('GET', '/api/inquiries?box=center', guide)).json();
    expect(listed[0]).toMatchObject({ id: inquiry.id, ticketDisplayNumber: issued.ticket.displayNumber });

    const answered = await call('POST', '/api/inquiries', guide, {
      subject: '营业时间',
      outcome: 'answered',
      reply: '工作日 9:00–17:30',
      ticket: { queueId: queueA.id },
    });
    expect(answered.statusCode).toBe(400);
    expect(answered.json().fields[0].field).toBe('ticket');
    // any staff member records an inquiry; only the desk takes a ticket with it
    const byClerk = await call('POST', '/api/inquiries', clerk, { subject: '营业时间', outcome: 'directed', ticket: { queueId: queueA.id } });
    expect(byClerk.statusCode).toBe(403);
  });

  it('cancels a waiting ticket; the audit log names it', async () => {
    const issued = (await call('POST', `/api/queue/centers/${centerId}/tickets`, guide, { queueId: queueA.id })).json() as IssuedTicketDto;
    const cancelled = await call('POST', `/api/queue/tickets/${issued.ticket.id}/cancel`, guide);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelReason: 'desk' });
    const admin = await t.loginAs('admin');
    const audit = (await call('GET', `/api/audit?objectId=${issued.ticket.id}`, admin)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['ticket.cancel', 'ticket.issue']);
  });
});
