import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { caller, demoCenter } from '../../modules/queue/testing.ts';

/**
 * Anonymous live streams are capped per client address and in total (EVENT_STREAMS_*): past the
 * cap, 429 with the product's error body and Retry-After; a closed stream frees its place. Signed-in
 * streams have a cap of their own.
 */

let t: TestApp;
let base: string;
let displayPath: string;
let workbenchPath: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp({ EVENT_STREAMS_PER_ADDRESS: '3', EVENT_STREAMS_ANONYMOUS: '5', EVENT_STREAMS_SIGNED_IN: '2' });
  const call = caller(t);
  const manager = await t.loginAs('manager');
  clerk = await t.loginAs('clerk');
  const { centerId, counters } = await demoCenter(call, manager);
  const counter = counters.get('1')!;
  displayPath = `/api/queue/display/${centerId}/${counter.zoneId}/stream`;
  workbenchPath = `/api/queue/counters/${counter.id}/workbench/stream`;
  expect((await call('POST', `/api/queue/counters/${counter.id}/open`, clerk)).statusCode).toBe(200);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

type Opened = { status: number; headers: http.IncomingHttpHeaders; body: string; close: () => void };

/** Opens a stream from a client address of its own (any 127.x.y.z reaches the server on 127.0.0.1); resolves at the first message or the refusal. */
function open(path: string, from: string, cookie?: string): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { localAddress: from, headers: cookie ? { cookie } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      const close = () => request.destroy();
      res.on('data', (chunk: string) => {
        body += chunk;
        if (res.statusCode !== 200 || body.includes('event: snapshot')) resolve({ status: res.statusCode!, headers: res.headers, body, close });
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, close }));
    });
    request.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
  });
}

describe('anonymous live streams', () => {
  it('refuses the stream past the cap of one address with 429 and Retry-After; a closed stream frees its place', async () => {
    const held = [];
    for (let i = 0; i < 3; i++) {
      const ok = await open(displayPath, '127.0.0.2');
      expect(ok.status, ok.body).toBe(200);
      held.push(ok);
    }
    const refused = await open(displayPath, '127.0.0.2');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'RATE_LIMITED', message: '实时连接过多，请稍后再试', requestId: expect.any(String) });

    // another address still gets one
    const other = await open(displayPath, '127.0.0.3');
    expect(other.status).toBe(200);

    held.pop()!.close();
    const again = await eventually(() => open(displayPath, '127.0.0.2'));
    expect(again.status).toBe(200);
    for (const s of [...held, other, again]) s.close();
  });

  it('caps them in total, whatever the address; signed-in streams have places of their own', async () => {
    const held: Opened[] = [];
    for (const from of ['127.0.1.1', '127.0.1.2', '127.0.1.3', '127.0.1.4', '127.0.1.5']) {
      const ok = await eventually(() => open(displayPath, from));
      expect(ok.status).toBe(200);
      held.push(ok);
    }
    expect((await open(displayPath, '127.0.1.6')).status).toBe(429);

    const workbench = await open(workbenchPath, '127.0.1.6', clerk);
    expect(workbench.status, workbench.body).toBe(200);
    const second = await open(workbenchPath, '127.0.1.6', clerk);
    expect(second.status).toBe(200);
    expect((await open(workbenchPath, '127.0.1.6', clerk)).status).toBe(429);
    for (const s of [...held, workbench, second]) s.close();
  });
});

/** The server frees a slot when it sees the connection close, a moment after the client closes it. */
async function eventually(attempt: () => Promise<Opened>): Promise<Opened> {
  for (let i = 0; ; i++) {
    const res = await attempt();
    if (res.status === 200 || i === 50) return res;
    res.close();
    await new Promise((r) => setTimeout(r, 50));
  }
}
