import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, cookieOf, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '30' });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('staff login', () => {
  it('logs in with a demo account and sets an HttpOnly, SameSite session cookie', async () => {
    const res = await login('clerk', 'Demo1234');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'staff', username: 'clerk', roles: ['counter_clerk'] });
    const cookie = res.cookies.find((c) => c.name === 'banshi_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(res) } });
    expect(me.json()).toMatchObject({ username: 'clerk', permissions: expect.arrayContaining(['org.read', 'enterprise.read', 'license.redeem', 'person.unmask']) });
  });

  it('gives one message for a wrong password and an unknown user', async () => {
    const wrong = await login('guide', 'wrong-password1');
    const unknown = await login('nobody-here', 'wrong-password1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('LOGIN_FAILED');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('after 5 failures the next try waits, even with the right password, and unknown names wait the same', async () => {
    for (let i = 0; i < 5; i++) expect((await login('talent', `bad-${i}-password`)).statusCode).toBe(401);
    const delayed = await login('talent', 'Demo1234');
    expect(delayed.statusCode).toBe(429);
    expect(delayed.json()).toMatchObject({ code: 'LOGIN_DELAYED', message: expect.stringMatching(/1 分钟后再试/) });
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(delayed.headers['retry-after'])).toBeLessThanOrEqual(60);
    // unknown names wait the same way, so the delay reveals nothing
    for (let i = 0; i < 5; i++) await login('ghost', `bad-${i}`);
    const ghost = await login('ghost', 'Demo1234');
    expect(ghost.statusCode).toBe(429);
    expect(ghost.json().message).toBe(delayed.json().message);
  });

  it('an administrator unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await login('policy', `bad-${i}-password`);
    expect((await login('policy', 'Demo1234')).statusCode).toBe(429);
    const admin = await t.loginAs('admin');
    const list = await t.app.inject({ method: 'GET', url: '/api/staff?q=policy', headers: { cookie: admin } });
    const id = list.json()[0].id;
    const unlock = await t.app.inject({ method: 'POST', url: `/api/staff/${id}/unlock`, headers: { cookie: admin } });
    expect(unlock.statusCode).toBe(200);
    expect((await login('policy', 'Demo1234')).statusCode).toBe(200);
  });

  it('logout ends the session on the server', async () => {
    const cookie = await t.loginAs('guide');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('UNAUTHENTICATED');
  });

  it('ends a session that has been idle longer than the timeout', async () => {
    const cookie = await t.loginAs('assistant');
    await t.db.execute(`update sessions set last_seen_at = now() - interval '31 minutes'`);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().message).toContain('过期');
  });

  it('rejects a tampered cookie', async () => {
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'banshi_session=abc.def' } });
    expect(me.statusCode).toBe(401);
  });
});

describe('enterprise login', () => {
  it('logs an enterprise in by its unified social credit code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/enterprise-login',
      payload: { uscc: '91440605MA4W3K7P3K', password: 'Demo1234' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'enterprise', uscc: '91440605MA4W3K7P3K' });
    const staffOnly = await t.app.inject({ method: 'GET', url: '/api/centers', headers: { cookie: cookieOf(res) } });
    expect(staffOnly.statusCode).toBe(403);
  });

  it('refuses an invalid credit code with a message naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/enterprise-login',
      payload: { uscc: '91440605MA4W3K7P3X', password: 'Demo1234' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('uscc');
    expect(res.json().message).toContain('统一社会信用代码');
  });
});

describe('password change', () => {
  it('an account with an initial password may only change it, then works normally', async () => {
    const admin = await t.loginAs('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: { cookie: admin },
      payload: { username: 'newclerk', displayName: '新同事', password: 'Initial123', roles: ['counter_clerk'] },
    });
    expect(created.statusCode).toBe(201);
    const cookie = await t.loginAs('newclerk', 'Initial123');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/centers', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Initial123', newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].field).toBe('newPassword');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Initial123', newPassword: 'Better12345' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/centers', headers: { cookie } })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  // from an address of their own: the file's earlier logins have used up this address's login limit
  let n = 0;
  const signIn = async (username: string) => {
    n += 1;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.9.0.${n}`, payload: { username, password: 'Demo1234' } });
    expect(res.statusCode, res.body).toBe(200);
    return cookieOf(res);
  };

  it('a password change ends the account’s other sessions and keeps the one that changed it', async () => {
    const here = await signIn('policy');
    const elsewhere = await signIn('policy');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: 'Demo1234', newPassword: 'Changed12345' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: here } })).statusCode).toBe(200);
    const other = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: elsewhere } });
    expect(other.statusCode).toBe(401);
    expect(other.json().code).toBe('UNAUTHENTICATED');
  });

  it('ends a session 12 hours after sign-in, however active it was', async () => {
    const cookie = await signIn('reviewer');
    const me = () => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    await t.db.execute(`update sessions set created_at = now() - interval '11 hours 50 minutes', last_seen_at = now() where principal_id = (select id from staff where username = 'reviewer')`);
    expect((await me()).statusCode).toBe(200);
    await t.db.execute(`update sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() where principal_id = (select id from staff where username = 'reviewer')`);
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toContain('过期');
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy, not when a client only says so', async () => {
    const viaProxy = await createTestApp({ TRUST_PROXY: '127.0.0.1' });
    try {
      const https = await viaProxy.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'clerk', password: 'Demo1234' } });
      expect(https.cookies.find((c) => c.name === 'banshi_session')?.secure).toBe(true);
      const plain = await viaProxy.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', payload: { username: 'clerk', password: 'Demo1234' } });
      expect(plain.cookies.find((c) => c.name === 'banshi_session')?.secure).toBeFalsy();
    } finally {
      await viaProxy.close();
    }
    const claimed = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'clerk', password: 'Demo1234' } });
    expect(claimed.cookies.find((c) => c.name === 'banshi_session')?.secure).toBeFalsy();
  });

  it('refuses a state-changing request from another site, whatever its body, and lets the product’s own pages through', async () => {
    const clerk = await signIn('clerk');
    const foreign = await t.app.inject({ method: 'POST', url: '/api/feedback', headers: { cookie: clerk, origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'FOREIGN_ORIGIN', message: expect.stringMatching(/其他网站/) });
    const empty = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: clerk, 'sec-fetch-site': 'cross-site' } });
    expect(empty.json().code).toBe('FOREIGN_ORIGIN');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: clerk } })).statusCode).toBe(200);
    const own = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.1.1', headers: { origin: 'http://localhost:80', host: 'localhost:80' }, payload: { username: 'clerk', password: 'Demo1234' } });
    expect(own.statusCode).toBe(200);
    // reads are not changes: another site may link to the portal
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: clerk, origin: 'https://evil.example' } })).statusCode).toBe(200);
  });

  it('tells browsers and proxies to keep no API answer', async () => {
    const cookie = await signIn('clerk');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('the session question', () => {
  it('answers an anonymous visitor with nobody, not a 401 (issue 16, item 15), and a signed-in one with the account', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const stale = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'banshi_session=abc.def' } });
    expect(stale.json()).toEqual({ me: null });
    const cookie = await t.loginAs('clerk');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(me.json()).toMatchObject({ me: { type: 'staff', username: 'clerk' } });
    const enterprise = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', remoteAddress: '10.9.3.3', payload: { uscc: '91440605MA4W3K7P3K', password: 'Demo1234' } });
    expect(enterprise.statusCode, enterprise.body).toBe(200);
    const own = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: cookieOf(enterprise) } });
    expect(own.json()).toMatchObject({ me: { type: 'enterprise', uscc: '91440605MA4W3K7P3K' } });
  });
});
