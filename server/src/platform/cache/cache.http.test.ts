import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../db/database.ts';
import { openPostgres } from '../db/postgres.ts';

/**
 * The process caches (issue 15, item 3): a change is seen by the next request of the process that
 * made it, and — through NOTIFY — by another process on the same PostgreSQL (a second database
 * handle and app here, as a second `banshi start` would have).
 */

let t: TestApp;
let manager: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  [manager, admin] = await Promise.all([t.loginAs('manager'), t.loginAs('admin')]);
});
afterAll(() => t.close());

const call = (app: FastifyInstance, method: 'GET' | 'PUT' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
const dueDate = async (app: FastifyInstance) => (await call(app, 'GET', '/api/calendar/due-date?from=2027-03-01&workingDays=1')).json().dueDate as string;
const setHoliday = (app: FastifyInstance, date: string) => call(app, 'PUT', `/api/calendar/overrides/${date}`, manager, { kind: 'holiday', note: '测试调休' });

/** Polls until `f` gives `want` (another process learns of a change when its NOTIFY arrives). */
async function eventually<T>(f: () => Promise<T>, want: T, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  let got = await f();
  while (got !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
    got = await f();
  }
  return got;
}

describe('process caches', () => {
  it('a calendar override is seen by the next request, and removing it too', async () => {
    expect(await dueDate(t.app)).toBe('2027-03-02'); // read twice: the second from memory
    expect(await dueDate(t.app)).toBe('2027-03-02');
    expect((await setHoliday(t.app, '2027-03-02')).statusCode).toBe(200);
    expect(await dueDate(t.app)).toBe('2027-03-03');
    expect((await call(t.app, 'DELETE', '/api/calendar/overrides/2027-03-02', manager)).statusCode).toBe(200);
    expect(await dueDate(t.app)).toBe('2027-03-02');
  });

  it('a refused change (rolled back) leaves the cached value right', async () => {
    expect(await dueDate(t.app)).toBe('2027-03-02');
    const refused = await call(t.app, 'PUT', '/api/calendar/overrides/2027-03-02', manager, { kind: 'holiday', note: 'x'.repeat(5000) });
    expect(refused.statusCode).toBe(400);
    expect(await dueDate(t.app)).toBe('2027-03-02');
  });

});

describe('across two processes on one PostgreSQL', () => {
  let other: { app: FastifyInstance; database: Database } | null = null;
  beforeAll(async () => {
    const url = (t.database as Database & { url?: string }).url;
    if (t.database.kind !== 'postgres' || !url) return;
    const database = openPostgres(url);
    const app = await buildApp({ config: t.config, database, logger: false });
    await app.ready();
    other = { app, database };
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.database.close();
  });

  it('a calendar override made on one is seen by the other once its NOTIFY arrives', async (ctx) => {
    if (!other) return ctx.skip();
    expect(await dueDate(other.app)).toBe('2027-03-02'); // cached on the other process
    expect((await setHoliday(t.app, '2027-03-02')).statusCode).toBe(200);
    expect(await eventually(() => dueDate(other!.app), '2027-03-03')).toBe('2027-03-03');
    expect((await call(t.app, 'DELETE', '/api/calendar/overrides/2027-03-02', manager)).statusCode).toBe(200);
    expect(await eventually(() => dueDate(other!.app), '2027-03-02')).toBe('2027-03-02');
  });

  it('a role taken away on one is refused on the other: the staff account is reloaded', async (ctx) => {
    if (!other) return ctx.skip();
    // the audit log: a center manager reads it, a counter clerk does not
    expect((await call(other.app, 'GET', '/api/audit', manager)).statusCode).toBe(200);
    const me = (await call(t.app, 'GET', '/api/staff?q=manager', admin)).json().find((s: { username: string }) => s.username === 'manager');
    // the session stays valid: only the cached account (its roles) must be reloaded
    const changed = await call(t.app, 'PATCH', `/api/staff/${me.id}`, admin, { version: me.version, roles: ['counter_clerk'] });
    expect(changed.statusCode, changed.body).toBe(200);
    const status = () => call(other!.app, 'GET', '/api/audit', manager).then((r) => r.statusCode);
    expect(await eventually(status, 403)).toBe(403);
  });
});
