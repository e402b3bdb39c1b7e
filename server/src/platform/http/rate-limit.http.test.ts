import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { licenseGrantFailures } from '../../modules/licenses/tables.ts';

/** Limits counted in the database: the same for every process, kept over a restart, exact under a burst. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const lookup = (app = t.app, remoteAddress = '10.50.0.1', forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/portal/appointments/lookup',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { code: 'ZZZZ2222', phone: '13800138000' },
  });

describe('rate limits', () => {
  it('rotating X-Forwarded-For does not escape the per-address limit; 429 carries Retry-After and the error body', async () => {
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await lookup(t.app, '10.50.0.1', `6.6.${i}.${i}`));
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(limited.length).toBe(10); // 30 a minute
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited[0]!.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/[\u4e00-\u9fff]/), requestId: expect.any(String) });
    // another address has its own count
    expect((await lookup(t.app, '10.50.0.2')).statusCode).not.toBe(429);
  });

  it('holds across processes on one database and over a restart', async () => {
    const other = await buildApp({ config: t.config, database: t.database, logger: false });
    await other.ready();
    const addr = '10.60.0.1';
    for (let i = 0; i < 15; i++) {
      expect((await lookup(t.app, addr)).statusCode).not.toBe(429);
      expect((await lookup(other, addr)).statusCode).not.toBe(429);
    }
    expect((await lookup(other, addr)).statusCode).toBe(429);
    expect((await lookup(t.app, addr)).statusCode).toBe(429);
    await other.close();
    const restarted = await buildApp({ config: t.config, database: t.database, logger: false });
    await restarted.ready();
    expect((await lookup(restarted, addr)).statusCode).toBe(429);
    await restarted.close();
  });

  it('of 300 wrong grant codes at once, no more than the limit (10) are checked', async () => {
    const clerk = await t.loginAs('clerk');
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/license-grants/redeem', headers: { cookie: clerk }, payload: { code: String(100000 + i * 7).slice(0, 6), applicationRef: 'NH-2026-000001' } }),
      ),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 429).length).toBe(290);
    expect(statuses.filter((s) => s === 404).length).toBe(10);
    const { id } = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: clerk } })).json() as { id: string };
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(licenseGrantFailures).where(eq(licenseGrantFailures.staffId, id));
    expect(row!.n).toBe(10);
  });
});
