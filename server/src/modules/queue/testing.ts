import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../test/harness.ts';
import type { CounterDto } from '../venue/contract.ts';
import type { QueueDto } from './settings/contract.ts';

/** Shared steps of the queue's HTTP tests. */

export type Call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  cookie?: string,
  payload?: object,
  headers?: Record<string, string>,
  /** the client's address (X-Forwarded-For counts only behind a TRUST_PROXY) */
  remoteAddress?: string,
) => Promise<LightMyRequestResponse>;

export function caller(t: TestApp): Call {
  return (method, url, cookie, payload, headers = {}, remoteAddress) =>
    t.app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(remoteAddress ? { remoteAddress } : {}) });
}

export async function demoCenter(call: Call, cookie: string) {
  const centers = (await call('GET', '/api/centers', cookie)).json() as { id: string; name: string }[];
  const center = centers.find((c) => c.name === '佛山市南海区政务服务中心')!;
  const queues = new Map(((await call('GET', `/api/queue/centers/${center.id}/queues`, cookie)).json() as QueueDto[]).map((q) => [q.prefix, q]));
  const counters = new Map(((await call('GET', `/api/centers/${center.id}/counters`, cookie)).json() as CounterDto[]).map((c) => [c.number, c]));
  return { centerId: center.id, queues, counters };
}

/** A kiosk take from a client address of its own (the kiosk limit counts per address). */
export function kioskTake(call: Call, centerId: string, body: object, ip = '10.9.0.1') {
  return call('POST', `/api/queue/kiosk/${centerId}/tickets`, undefined, body, {}, ip);
}

/** A period of the day that does not contain the current Beijing minute. */
export function periodExcludingNow(now = new Date()): { start: string; end: string } {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(now));
  return hour < 12 ? { start: '13:00', end: '24:00' } : { start: '00:00', end: '11:00' };
}
