import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

/**
 * Whatever characters, numbers, dates, lengths and framings a client sends, the answer is a 4xx
 * in the product's format (code, Chinese message, request id), never a 500, never an echo.
 */

let t: TestApp;
let admin: string;
let clerk: string;
let centerId: string;
beforeAll(async () => {
  t = await createTestApp({ REQUEST_TIMEOUT_SECONDS: '2', HEADERS_TIMEOUT_SECONDS: '1' });
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('clerk');
  const centers = (await t.app.inject({ method: 'GET', url: '/api/centers', headers: { cookie: admin } })).json() as { id: string; level: string }[];
  centerId = centers[0]!.id;
});
afterAll(() => t.close());

const CHINESE = /[\u4e00-\u9fff]/;

function expectProductError(res: { statusCode: number; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body) as { code: string; message: string; requestId: string };
  expect(body.code).toBe(code);
  expect(body.message).toMatch(CHINESE);
  expect(body.requestId).toBeTruthy();
  return body as { code: string; message: string; requestId: string; fields?: { field: string; message: string }[] };
}

const rawJson = (method: 'POST' | 'PATCH', url: string, json: string, cookie?: string) =>
  t.app.inject({ method, url, payload: json, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } });

describe('characters PostgreSQL refuses', () => {
  it('a NUL in a login name is a 400 naming the field, before any database work', async () => {
    const res = await rawJson('POST', '/api/auth/login', '{"username":"ab\\u0000cd","password":"x"}');
    const body = expectProductError(res, 400, 'VALIDATION_FAILED');
    expect(body.fields?.[0]?.field).toBe('username');
  });

  it('a NUL in a query string (%00) is a 400 on public and staff routes', async () => {
    expectProductError(await t.app.inject({ method: 'GET', url: `/api/evaluations/kiosk/${centerId}/visit?displayNumber=fz&receiptToken=%00` }), 400, 'VALIDATION_FAILED');
    const audit = expectProductError(await t.app.inject({ method: 'GET', url: '/api/audit?actor=a%00b', headers: { cookie: admin } }), 400, 'VALIDATION_FAILED');
    expect(audit.fields?.[0]?.field).toBe('actor');
    expectProductError(await t.app.inject({ method: 'GET', url: '/api/enterprises?q=%00', headers: { cookie: admin } }), 400, 'VALIDATION_FAILED');
  });

  it('a lone surrogate in a body is a 400 and changes nothing', async () => {
    const staff = (await t.app.inject({ method: 'GET', url: '/api/staff', headers: { cookie: admin } })).json() as { items?: { id: string; displayName: string }[] } | { id: string; displayName: string }[];
    const list = Array.isArray(staff) ? staff : (staff.items ?? []);
    const someone = list[0]!;
    const res = await rawJson('PATCH', `/api/staff/${someone.id}`, '{"displayName":"模糊\\ud83d","version":1}', admin);
    const body = expectProductError(res, 400, 'VALIDATION_FAILED');
    expect(body.fields?.[0]?.field).toBe('displayName');
    const after = (await t.app.inject({ method: 'GET', url: '/api/staff', headers: { cookie: admin } })).json() as typeof staff;
    const again = (Array.isArray(after) ? after : (after.items ?? [])).find((s) => s.id === someone.id);
    expect(again?.displayName).toBe(someone.displayName);
    // a pair is a character like any other
    const center = await rawJson('PATCH', `/api/centers/${centerId}`, '{"version":2147483647,"address":"佛山\\ud83d\\ude00"}', admin);
    expect(center.statusCode).not.toBe(400);
  });

  it('a lone low surrogate or a NUL in a key is refused as well', async () => {
    expectProductError(await rawJson('POST', '/api/auth/login', '{"username":"\\udc00","password":"x"}'), 400, 'VALIDATION_FAILED');
    expectProductError(await rawJson('POST', '/api/auth/login', '{"user\\u0000":"a","password":"x"}'), 400, 'VALIDATION_FAILED');
  });
});

describe('numbers and dates within what the database holds', () => {
  it('a version beyond a PostgreSQL integer is a 400, not an overflow', async () => {
    const body = expectProductError(await rawJson('PATCH', `/api/centers/${centerId}`, '{"version":2147483648,"phone":"12345"}', admin), 400, 'VALIDATION_FAILED');
    expect(body.fields?.[0]?.field).toBe('version');
  });

  it('year 0 is a 400 on figures and exports, not a RangeError', async () => {
    const manager = await t.loginAs('manager');
    const figures = await t.app.inject({ method: 'GET', url: '/api/evaluation-figures?from=0000-01-01&to=2026-01-31', headers: { cookie: manager } });
    expect(expectProductError(figures, 400, 'VALIDATION_FAILED').fields?.[0]?.field).toBe('from');
    expectProductError(await t.app.inject({ method: 'GET', url: '/api/evaluation-figures?from=2026-01-01&to=9999-12-31', headers: { cookie: manager } }), 400, 'VALIDATION_FAILED');
  });

  it('a login name that lengthens when lower-cased (İ × 64) is a 400', async () => {
    expectProductError(await rawJson('POST', '/api/auth/login', JSON.stringify({ username: 'İ'.repeat(64), password: 'x' })), 400, 'VALIDATION_FAILED');
  });
});

describe('who may call comes before what was sent', () => {
  it('anonymous → 401 and a role without the permission → 403, even with a wrong body', async () => {
    const wrong = '{"nonsense":true}';
    expectProductError(await rawJson('PATCH', `/api/centers/${centerId}`, wrong), 401, 'UNAUTHENTICATED');
    expectProductError(await rawJson('PATCH', `/api/centers/${centerId}`, wrong, clerk), 403, 'FORBIDDEN');
    expectProductError(await rawJson('PATCH', `/api/centers/${centerId}`, wrong, admin), 400, 'VALIDATION_FAILED');
    expectProductError(await rawJson('PATCH', `/api/centers/${centerId}`, '{not json', clerk), 403, 'FORBIDDEN');
  });
});

describe('framework errors in the product format', () => {
  it('an over-long path parameter is a 414 that does not echo the path', async () => {
    const long = 'x'.repeat(5000);
    const res = await t.app.inject({ method: 'GET', url: `/api/centers/${long}` });
    const body = expectProductError(res, 414, 'URI_TOO_LONG');
    expect(res.body).not.toContain('xxxxxxxxxx');
    expect(JSON.stringify(body)).not.toContain('FST_');
  });

  it('a multipart body without its boundary is a 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises/import', payload: 'abc', headers: { cookie: admin, 'content-type': 'multipart/form-data' } });
    expectProductError(res, 400, 'BAD_REQUEST');
  });

  describe('over a real socket', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as net.AddressInfo).port;
    });

    it('a 20 KB query string is a 431 with a request id, not echoed', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/centers?q=${'y'.repeat(20_000)}`);
      const text = await res.text();
      expectProductError({ statusCode: res.status, body: text }, 431, 'HEADERS_TOO_LARGE');
      expect(text).not.toContain('yyyyyyyyyy');
      expect(res.headers.get('x-request-id')).toBeTruthy();
    });

    it('a request whose body never finishes is answered 408 and closed', async () => {
      const socket = net.connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (d) => (received += d));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"username":');
      const started = Date.now();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
      expect(socket.destroyed || socket.readableEnded).toBe(true);
      expect(Date.now() - started).toBeLessThan(9_000);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
      expect(received).toContain('"REQUEST_TIMEOUT"');
      socket.destroy();
    });
  });
});
