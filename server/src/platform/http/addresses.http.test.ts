import { desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../audit/tables.ts';
import { DEMO_PASSWORD } from '../../demo/data.ts';

/** Whose address a request has: the socket's, unless TRUST_PROXY names the proxy it came through. */

const opened: TestApp[] = [];
afterAll(() => Promise.all(opened.map((t) => t.close())));
async function app(env: Record<string, string> = {}) {
  const t = await createTestApp(env);
  opened.push(t);
  return t;
}

async function loginFrom(t: TestApp, remoteAddress: string, forwardedFor: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { username: 'clerk', password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  // the audit row may be written just after the answer
  for (let i = 0; i < 50; i++) {
    const [row] = await t.db.select({ clientIp: auditLog.clientIp }).from(auditLog).where(eq(auditLog.action, 'auth.login')).orderBy(desc(auditLog.id)).limit(1);
    if (row) return row.clientIp;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no audit row for the login');
}

describe('client addresses', () => {
  it('by default X-Forwarded-For is ignored: the login is audited with the real address', async () => {
    const t = await app();
    expect(await loginFrom(t, '10.1.2.3', '6.6.6.6')).toBe('10.1.2.3');
  });

  it('with TRUST_PROXY naming the proxy, the address it forwards is believed — only from that proxy', async () => {
    const t = await app({ TRUST_PROXY: '10.1.2.3' });
    expect(await loginFrom(t, '10.1.2.3', '6.6.6.6')).toBe('6.6.6.6');
    expect(await loginFrom(t, '10.9.9.9', '7.7.7.7')).toBe('10.9.9.9');
  });

  it('with a hop count, the address one hop out is believed', async () => {
    const t = await app({ TRUST_PROXY: '1' });
    expect(await loginFrom(t, '10.1.2.3', '5.5.5.5, 6.6.6.6')).toBe('6.6.6.6');
  });
});

describe('the demo on show', () => {
  const demoFrom = async (t: TestApp, remoteAddress: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/demo', remoteAddress })).json() as { enabled: boolean; accounts: unknown[]; enterpriseAccounts: unknown[] };

  it('lists the demo accounts to this machine only, unless BANSHI_DEMO_PUBLIC=1', async () => {
    const t = await app();
    expect((await demoFrom(t, '127.0.0.1')).accounts.length).toBeGreaterThan(3);
    expect((await demoFrom(t, '::1')).accounts.length).toBeGreaterThan(3);
    const remote = await demoFrom(t, '192.168.1.50');
    expect(remote).toEqual({ enabled: true, accounts: [], enterpriseAccounts: [] });
    const shown = await app({ BANSHI_DEMO_PUBLIC: '1' });
    expect((await demoFrom(shown, '192.168.1.50')).accounts.length).toBeGreaterThan(3);
  });
});
