import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '30' });
});
afterAll(() => t.close());

// each try from an address of its own: the per-address login limit (30 a minute) is not what is tested here
let n = 0;
const login = (username: string, password: string) => {
  n += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: `10.20.${Math.floor(n / 250)}.${(n % 250) + 1}`,
    payload: { username, password },
  });
};

type Throttle = { failures: number; delay_seconds: number | null };
async function throttleOf(username: string): Promise<Throttle | undefined> {
  const res = (await t.db.execute(
    `select failures, extract(epoch from (locked_until - now()))::float8 as delay_seconds from login_throttle where login_name = 'staff:${username}'`,
  )) as unknown as { rows: Throttle[] };
  return res.rows[0];
}
/** The running delay ends now (as if its time had passed). */
const endDelay = (username: string) =>
  t.db.execute(`update login_throttle set locked_until = now() - interval '1 second' where login_name = 'staff:${username}'`);

describe('login tries counted before the password is checked', () => {
  it('a burst of 30 parallel wrong passwords gets 5 password checks; the other 25 wait without one', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login('talent', `wrong-${i}-password`)));
    const codes = answers.map((a) => a.json().code as string);
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOGIN_DELAYED')).toHaveLength(25);
    expect((await throttleOf('talent'))?.failures).toBe(5);
  });

  it('the right password inside a burst after the limit is refused like the wrong ones', async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => login('guide', `wrong-${i}-password`)));
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login('guide', i === 29 || i === 15 ? 'Demo1234' : `wrong-${i}-password`)),
    );
    expect(burst.every((a) => a.statusCode === 429 && a.json().code === 'LOGIN_DELAYED')).toBe(true);
    expect(burst.some((a) => a.cookies.some((c) => c.name === 'banshi_session'))).toBe(false);
    expect((await throttleOf('guide'))?.failures).toBe(5);
  });

  it('the right password within the limit gets in and clears the count', async () => {
    const burst = await Promise.all(Array.from({ length: 4 }, (_, i) => login('assistant', `wrong-${i}-password`)));
    expect(burst.every((a) => a.statusCode === 401)).toBe(true);
    expect((await login('assistant', 'Demo1234')).statusCode).toBe(200);
    expect(await throttleOf('assistant')).toBeUndefined();
  });
});

describe('progressive delay', () => {
  it('waits 1, 2, 4, 8, 16 minutes after the 5th, 6th … failure, then at most the configured 30', async () => {
    for (let i = 0; i < 4; i++) await login('reviewer', `wrong-${i}-password`);
    expect((await throttleOf('reviewer'))?.delay_seconds).toBeNull();
    const expected = [1, 2, 4, 8, 16, 30, 30];
    for (const minutes of expected) {
      const res = await login('reviewer', 'still-wrong-1');
      expect(res.statusCode).toBe(401);
      const delay = (await throttleOf('reviewer'))!.delay_seconds!;
      expect(delay).toBeGreaterThan(minutes * 60 - 10);
      expect(delay).toBeLessThanOrEqual(minutes * 60);
      const waiting = await login('reviewer', 'Demo1234');
      expect(waiting.statusCode).toBe(429);
      expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(minutes * 60 - 10);
      expect(waiting.json().message).toContain(`${minutes} 分钟后再试`);
      await endDelay('reviewer');
    }
    // the wait over, the right password gets in and the name starts over
    expect((await login('reviewer', 'Demo1234')).statusCode).toBe(200);
    expect(await throttleOf('reviewer')).toBeUndefined();
    expect((await login('reviewer', 'wrong-again-1')).statusCode).toBe(401);
    expect((await throttleOf('reviewer'))?.failures).toBe(1);
  });

  it('a name whose last try is a day old starts over', async () => {
    for (let i = 0; i < 5; i++) await login('agent', `wrong-${i}-password`);
    await t.db.execute(`update login_throttle set locked_until = null, last_failure_at = now() - interval '25 hours' where login_name = 'staff:agent'`);
    expect((await login('agent', 'wrong-5-password')).statusCode).toBe(401);
    expect(await throttleOf('agent')).toMatchObject({ failures: 1, delay_seconds: null });
  });

  it('the wait lifted by an administrator lets the right password in', async () => {
    for (let i = 0; i < 5; i++) await login('manager', `wrong-${i}-password`);
    expect((await login('manager', 'Demo1234')).statusCode).toBe(429);
    const admin = await t.loginAs('admin');
    const list = await t.app.inject({ method: 'GET', url: '/api/staff?q=manager', headers: { cookie: admin } });
    const member = list.json().find((s: { username: string }) => s.username === 'manager');
    expect(member.isLocked).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/${member.id}/unlock`, headers: { cookie: admin } })).statusCode).toBe(200);
    expect((await login('manager', 'Demo1234')).statusCode).toBe(200);
  });
});
