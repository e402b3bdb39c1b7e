import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import type { CounterDto } from '../../venue/contract.ts';
import { caller, demoCenter, kioskTake, type Call } from '../testing.ts';
import type { QueueDto } from '../settings/contract.ts';
import type { TicketDto, TicketStatusDto } from '../tickets/contract.ts';
import type { KioskSnapshot } from './contract.ts';

let t: TestApp;
let call: Call;
let manager: string;
let clerks: string[];
let centerId: string;
let spare: CounterDto[];

beforeAll(async () => {
  t = await createTestApp();
  call = caller(t);
  manager = await t.loginAs('manager');
  clerks = await Promise.all([t.loginAs('clerk'), t.loginAs('clerk2')]);
  const demo = await demoCenter(call, manager);
  centerId = demo.centerId;
  const admin = await t.loginAs('admin');
  const zoneId = demo.counters.get('1')!.zoneId;
  spare = [];
  for (const number of ['E1', 'E2']) {
    const res = await call('POST', `/api/centers/${centerId}/counters`, admin, { zoneId, number, name: `估时窗口${number}`, purpose: 'intake' });
    expect(res.statusCode, res.body).toBe(201);
    spare.push(res.json());
  }
});
afterAll(() => t.close());

async function newQueue(body: object): Promise<QueueDto> {
  const res = await call('POST', `/api/queue/centers/${centerId}/queues`, manager, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const take = async (queue: QueueDto, i: number) => {
  const res = await kioskTake(call, centerId, { queueId: queue.id }, `10.40.${Math.floor(i / 200)}.${i % 200}`);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TicketStatusDto;
};
const kioskQueue = async (queue: QueueDto) =>
  ((await call('GET', `/api/queue/kiosk/${centerId}`)).json() as KioskSnapshot).queues.find((q) => q.id === queue.id)!;

describe('the waiting estimate', () => {
  it('of a new queue with no history is a range from its typical service time', async () => {
    const queue = await newQueue({ name: '估时新队列', prefix: 'WN', typicalServiceMinutes: 6 });
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push(await take(queue, i));
    expect(await kioskQueue(queue)).toMatchObject({ waiting: 5, estimatedWait: { minMinutes: 30, maxMinutes: 45 } });
    const last = (await call('GET', `/api/queue/t/${taken[4]!.token}`)).json() as TicketStatusDto;
    expect(last).toMatchObject({ ahead: 4, estimatedWait: { minMinutes: 24, maxMinutes: 36 } });
  });

  it('without a typical time of its own takes the center’s (the demo’s 10 minutes)', async () => {
    const queue = await newQueue({ name: '估时默认', prefix: 'WD' });
    await take(queue, 10);
    await take(queue, 11);
    expect((await kioskQueue(queue)).estimatedWait).toEqual({ minMinutes: 20, maxMinutes: 30 });
  });

  it('with many waiting and very quick recent services is never under waiting ÷ open counters × the typical time', async () => {
    const queue = await newQueue({ name: '估时长队', prefix: 'WL', typicalServiceMinutes: 5, counterIds: spare.slice(0, 2).map((c) => c.id) });
    for (const [i, clerk] of clerks.entries()) expect((await call('POST', `/api/queue/counters/${spare[i]!.id}/open`, clerk)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      await take(queue, 100 + i);
      const clerk = clerks[i % 2]!;
      const called = (await call('POST', `/api/queue/counters/${spare[i % 2]!.id}/call-next`, clerk)).json().ticket as TicketDto;
      expect((await call('POST', `/api/queue/tickets/${called.id}/start`, clerk, {})).statusCode).toBe(200);
      expect((await call('POST', `/api/queue/tickets/${called.id}/finish`, clerk, { isConsultationOnly: true })).statusCode).toBe(200);
    }
    for (let i = 0; i < 60; i++) await take(queue, 200 + i);
    const shown = await kioskQueue(queue);
    expect(shown.waiting).toBe(60);
    expect(shown.estimatedWait.minMinutes).toBeGreaterThanOrEqual((60 / 2) * 5);
    expect(shown.estimatedWait.maxMinutes).toBeGreaterThan(shown.estimatedWait.minMinutes);
  });
});
