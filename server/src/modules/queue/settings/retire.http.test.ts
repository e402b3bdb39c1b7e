import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import type { CounterDto } from '../../venue/contract.ts';
import { caller, demoCenter, kioskTake, type Call } from '../testing.ts';
import type { QueueDto } from './contract.ts';
import type { TicketDto } from '../tickets/contract.ts';
import type { KioskSnapshot } from '../kiosk/contract.ts';
import type { DisplayUpdate } from '../display/contract.ts';
import type { HistoryFigures } from '../figures/contract.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';

let t: TestApp;
let call: Call;
let manager: string;
let admin: string;
let clerk: string;
let guide: string;
let centerId: string;
let counters: Map<string, CounterDto>;

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  [manager, admin, clerk, guide] = await Promise.all([t.loginAs('manager'), t.loginAs('admin'), t.loginAs('clerk'), t.loginAs('guide')]);
  ({ centerId, counters } = await demoCenter(call, manager));
});
afterAll(() => t.close());

const today = () => businessClock(new Date()).date;
const kiosk = async () => (await call('GET', `/api/queue/kiosk/${centerId}`)).json() as KioskSnapshot;
const display = async (zoneId: string) => ((await call('GET', `/api/queue/display/${centerId}/${zoneId}`)).json() as DisplayUpdate).snapshot;
const history = async (by: 'queue' | 'counter') => {
  const res = await call('GET', `/api/queue/centers/${centerId}/figures/history?from=${today()}&to=${today()}&by=${by}`, manager);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as HistoryFigures;
};
const patchQueue = (q: QueueDto, body: object) => call('PATCH', `/api/queue/queues/${q.id}`, manager, { version: q.version, ...body });
const queueNamed = async (id: string) => ((await call('GET', `/api/queue/centers/${centerId}/queues`, manager)).json() as QueueDto[]).find((q) => q.id === id)!;

describe('retiring a queue', () => {
  it('takes it off the kiosk and the displays, refuses its tickets with 409 QUEUE_RETIRED, keeps its history, and can be undone', async () => {
    const counter = counters.get('1')!;
    const created = await call('POST', `/api/queue/centers/${centerId}/queues`, manager, { name: '测试队列甲', prefix: 'RT', counterIds: [counter.id] });
    expect(created.statusCode, created.body).toBe(201);
    const queue = created.json() as QueueDto;
    expect(queue.isActive).toBe(true);
    expect((await kioskTake(call, centerId, { queueId: queue.id }, '10.50.0.1')).statusCode).toBe(201);
    expect((await kiosk()).queues.map((q) => q.id)).toContain(queue.id);
    expect((await display(counter.zoneId)).queues.map((q) => q.id)).toContain(queue.id);

    const retired = await patchQueue(queue, { isActive: false });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ isActive: false });
    expect((await kiosk()).queues.map((q) => q.id)).not.toContain(queue.id);
    expect((await display(counter.zoneId)).queues.map((q) => q.id)).not.toContain(queue.id);
    // nor is it offered at the counters as a queue to transfer to
    const workbench = (await call('GET', `/api/queue/counters/${counters.get('2')!.id}/workbench`, clerk)).json() as { transferQueues: { id: string }[] };
    expect(workbench.transferQueues.length).toBeGreaterThan(0);
    expect(workbench.transferQueues.map((q) => q.id)).not.toContain(queue.id);

    const refused = await kioskTake(call, centerId, { queueId: queue.id }, '10.50.0.2');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'QUEUE_RETIRED', message: '“测试队列甲”队列已停用，不再取号', fields: [{ field: 'queueId' }] });
    const atDesk = await call('POST', `/api/queue/centers/${centerId}/tickets`, guide, { queueId: queue.id });
    expect(atDesk.statusCode).toBe(409);
    expect(atDesk.json().code).toBe('QUEUE_RETIRED');

    // still listed for staff, and its figures stay
    expect((await queueNamed(queue.id)).isActive).toBe(false);
    expect((await history('queue')).rows.find((r) => r.key === queue.id)).toMatchObject({ label: 'RT 测试队列甲', tickets: 1 });

    const reinstated = await patchQueue(await queueNamed(queue.id), { isActive: true });
    expect(reinstated.statusCode, reinstated.body).toBe(200);
    expect((await kiosk()).queues.map((q) => q.id)).toContain(queue.id);
    expect((await kioskTake(call, centerId, { queueId: queue.id }, '10.50.0.3')).statusCode).toBe(201);
  });

  it('frees its theme for another queue; reinstating it while another serves the theme is refused', async () => {
    const queues = (await call('GET', `/api/queue/centers/${centerId}/queues`, manager)).json() as QueueDto[];
    const talent = queues.find((q) => q.themes.includes('talent'))!;
    expect((await patchQueue(talent, { isActive: false })).statusCode).toBe(200);
    const successor = await call('POST', `/api/queue/centers/${centerId}/queues`, manager, { name: '人才服务（新）', prefix: 'RS', themes: ['talent'] });
    expect(successor.statusCode, successor.body).toBe(201);
    const back = await patchQueue(await queueNamed(talent.id), { isActive: true });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'DUPLICATE', fields: [{ field: 'themes' }] });
  });
});

describe('retiring a counter', () => {
  it('takes it off the displays, refuses to open it with 409 COUNTER_RETIRED, keeps its history, and can be undone', async () => {
    const counter = counters.get('2')!;
    expect((await call('POST', `/api/queue/counters/${counter.id}/open`, clerk)).statusCode).toBe(200);
    const taken = await kioskTake(call, centerId, { queueId: ((await call('GET', `/api/queue/centers/${centerId}/queues`, manager)).json() as QueueDto[]).find((q) => q.prefix === 'A')!.id }, '10.51.0.1');
    expect(taken.statusCode).toBe(201);
    const ticket = (await call('POST', `/api/queue/counters/${counter.id}/call-next`, clerk)).json().ticket as TicketDto;
    expect((await call('POST', `/api/queue/tickets/${ticket.id}/start`, clerk, {})).statusCode).toBe(200);
    expect((await call('POST', `/api/queue/tickets/${ticket.id}/finish`, clerk, { isConsultationOnly: true })).statusCode).toBe(200);
    expect((await call('POST', `/api/queue/counters/${counter.id}/close`, clerk)).statusCode).toBe(200);
    expect((await display(counter.zoneId)).counterIds).toContain(counter.id);

    const retired = await call('PATCH', `/api/counters/${counter.id}`, admin, { version: counter.version, isActive: false });
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await display(counter.zoneId)).counterIds).not.toContain(counter.id);
    const refused = await call('POST', `/api/queue/counters/${counter.id}/open`, clerk);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'COUNTER_RETIRED', message: '2 号窗口已停用，不能开启或叫号' });
    expect((await history('counter')).rows.find((r) => r.key === counter.id)).toMatchObject({ label: '2 号窗口' });

    const back = await call('PATCH', `/api/counters/${counter.id}`, admin, { version: (retired.json() as CounterDto).version, isActive: true });
    expect(back.statusCode, back.body).toBe(200);
    expect((await call('POST', `/api/queue/counters/${counter.id}/open`, clerk)).statusCode).toBe(200);
  });
});
