import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOTP } from 'otpauth';
import { cookieOf, createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '30' });
});
afterAll(() => t.close());

// The server's clock (Date only) moves in whole 30-second steps, so that each login has a fresh
// code and a replay is a replay, without waiting; it never goes back (a used step stays used).
let clock = Math.floor(Date.now() / 30_000) * 30_000 + 5_000;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(clock);
});
afterEach(() => {
  vi.useRealTimers();
});
const nextStep = () => {
  clock += 30_000;
  vi.setSystemTime(clock);
};

let n = 0;
const login = (payload: Record<string, string>) => {
  n += 1;
  return t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.30.${Math.floor(n / 250)}.${(n % 250) + 1}`, payload });
};
const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** The code an authenticator app holding the secret shows now (the same library the server uses). */
const codeOf = (secret: string) => new TOTP({ secret }).generate({ timestamp: Date.now() });
/** A code that is not the right one now. */
const wrongCode = (right: string) => (right === '000000' ? '111111' : '000000');

/** the code generators of the accounts enrolled so far */
const apps = new Map<string, () => string>();

/** Enrols and confirms a second factor for a demo account; answers its code generator. */
async function enrol(username: string): Promise<() => string> {
  const cookie = await signIn(username);
  const started = await call('POST', '/api/auth/totp/enrolment', cookie, { currentPassword: 'Demo1234' });
  expect(started.statusCode, started.body).toBe(200);
  const secret = new URL(started.json().uri as string).searchParams.get('secret') ?? '';
  const code = () => codeOf(secret);
  const confirmed = await call('POST', '/api/auth/totp/confirm', cookie, { totp: code() });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  nextStep();
  apps.set(username, code);
  return code;
}
/** Signs in with the demo password (and a fresh code, for an enrolled account). */
async function signIn(username: string): Promise<string> {
  const code = apps.get(username);
  const res = await login({ username, password: 'Demo1234', ...(code ? { totp: code() } : {}) });
  if (code) nextStep();
  expect(res.statusCode, res.body).toBe(200);
  return cookieOf(res);
}

describe('enrolling a second factor', () => {
  it('asks administrators and chief officers, not others; the secret is stored encrypted, shown once as an otpauth URI', async () => {
    const chief = await signIn('chief');
    expect((await call('GET', '/api/auth/totp', chief)).json()).toEqual({ state: 'none', isRecommended: true });
    const clerk = await signIn('clerk');
    expect((await call('GET', '/api/auth/totp', clerk)).json()).toEqual({ state: 'none', isRecommended: false });

    const noPassword = await call('POST', '/api/auth/totp/enrolment', chief, { currentPassword: 'Wrong1234' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'currentPassword' }] });
    const started = await call('POST', '/api/auth/totp/enrolment', chief, { currentPassword: 'Demo1234' });
    expect(started.statusCode).toBe(200);
    const { secret, uri } = started.json() as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*chief\?/);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);
    expect((await call('GET', '/api/auth/totp', chief)).json().state).toBe('pending');
    const stored = (await t.db.execute(`select secret_cipher from staff_totp`)) as unknown as { rows: { secret_cipher: string }[] };
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.secret_cipher).toMatch(/^v1\./);
    expect(stored.rows[0]!.secret_cipher).not.toContain(secret);

    // a pending enrolment does not change the login
    await signIn('chief');

    const malformed = await call('POST', '/api/auth/totp/confirm', chief, { totp: '12ab56' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'totp' }] });
    expect(malformed.json().message).toContain('动态验证码');
    const wrong = await call('POST', '/api/auth/totp/confirm', chief, { totp: wrongCode(codeOf(secret)) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'totp' }] });
    expect((await call('POST', '/api/auth/totp/confirm', chief, { totp: codeOf(secret) })).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/totp', chief)).json().state).toBe('enrolled');
    const again = await call('POST', '/api/auth/totp/enrolment', chief, { currentPassword: 'Demo1234' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
  });

  it('is for staff accounts only', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: '91440605MA4W3K7P3K', password: 'Demo1234' } });
    expect((await call('POST', '/api/auth/totp/enrolment', cookieOf(res), { currentPassword: 'Demo1234' })).statusCode).toBe(403);
  });
});

describe('logging in with a second factor', () => {
  it('asks for the code after the right password, refuses a wrong or replayed one, takes a right one once', async () => {
    const code = await enrol('admin');
    const withoutCode = await login({ username: 'admin', password: 'Demo1234' });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json()).toMatchObject({ code: 'TOTP_REQUIRED', fields: [{ field: 'totp' }] });
    expect(withoutCode.cookies.some((c) => c.name === 'banshi_session')).toBe(false);
    // a wrong password is refused as before: the code is not asked for, nothing is told
    expect((await login({ username: 'admin', password: 'Wrong1234', totp: code() })).json().code).toBe('LOGIN_FAILED');

    const right = code();
    const refused = await login({ username: 'admin', password: 'Demo1234', totp: wrongCode(right) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'TOTP_INVALID', fields: [{ field: 'totp' }] });
    const ok = await login({ username: 'admin', password: 'Demo1234', totp: right });
    expect(ok.statusCode, ok.body).toBe(200);
    const replay = await login({ username: 'admin', password: 'Demo1234', totp: right });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('TOTP_INVALID');

    const malformed = await login({ username: 'admin', password: 'Demo1234', totp: '12345' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'totp' }] });
    expect(malformed.json().message).toContain('动态验证码');

    // two logins racing with one code: one gets in
    nextStep();
    const fresh = code();
    const raced = await Promise.all([0, 1, 2].map(() => login({ username: 'admin', password: 'Demo1234', totp: fresh })));
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
  });

  it('gets past a delay somebody else caused with a right code, and only with one', async () => {
    // a center manager: anyone who has enrolled gets past the delay (the administrator is in the test above)
    const code = await enrol('manager');
    for (let i = 0; i < 5; i++) expect((await login({ username: 'manager', password: `wrong-${i}-password` })).statusCode).toBe(401);
    const waiting = await login({ username: 'manager', password: 'Demo1234' });
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().code).toBe('LOGIN_DELAYED');
    const right = code();
    const withWrongCode = await login({ username: 'manager', password: 'Demo1234', totp: wrongCode(right) });
    expect(withWrongCode.statusCode).toBe(429);
    expect(withWrongCode.json()).toEqual({ ...waiting.json(), requestId: withWrongCode.json().requestId });

    // a right code lets the password be checked: a wrong one still counts, and the code is used up
    const wrongPassword = await login({ username: 'manager', password: 'Wrong-password-1', totp: right });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().code).toBe('LOGIN_FAILED');
    const throttle = (await t.db.execute(
      `select failures, extract(epoch from (locked_until - now()))::float8 as s from login_throttle where login_name = 'staff:manager'`,
    )) as unknown as { rows: { failures: number; s: number }[] };
    expect(throttle.rows[0]!.failures).toBe(6);
    expect(throttle.rows[0]!.s).toBeGreaterThan(110);
    expect((await login({ username: 'manager', password: 'Demo1234', totp: right })).statusCode).toBe(429);

    nextStep();
    const inside = await login({ username: 'manager', password: 'Demo1234', totp: code() });
    expect(inside.statusCode, inside.body).toBe(200);
    const cleared = (await t.db.execute(`select 1 from login_throttle where login_name = 'staff:manager'`)) as unknown as { rows: unknown[] };
    expect(cleared.rows).toHaveLength(0);
  });

  it('counts wrong codes per account, from whatever address: after the limit even the right code waits, then gets in', async () => {
    const code = await enrol('guide');
    const me = (await call('GET', '/api/auth/me', await signIn('guide'))).json() as { id: string };
    const totpThrottle = async () =>
      ((await t.db.execute(
        `select failures, extract(epoch from (locked_until - now()))::float8 as s from login_throttle where login_name = 'totp:${me.id}'`,
      )) as unknown as { rows: { failures: number; s: number | null }[] }).rows[0];
    // someone who has the password guesses codes, each from an address of its own
    const guess = (address: number, totp: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.31.0.${address}`, payload: { username: 'guide', password: 'Demo1234', totp } });
    const right = code();
    const answers = [];
    for (let i = 1; i <= 10; i++) answers.push((await guess(i, wrongCode(right))).json().code as string);
    expect(answers).toEqual([...Array(5).fill('TOTP_INVALID'), ...Array(5).fill('LOGIN_DELAYED')]);
    // five codes checked, then a minute's wait that the further guesses do not get past
    expect(await totpThrottle()).toMatchObject({ failures: 5 });
    expect((await totpThrottle())!.s).toBeGreaterThan(50);

    // the right code, guessed at last, waits like the wrong ones (the login name's own delay would have let it in)
    const lucky = await guess(11, right);
    expect(lucky.statusCode).toBe(429);
    expect(lucky.json().code).toBe('LOGIN_DELAYED');
    expect(Number(lucky.headers['retry-after'])).toBeGreaterThan(0);
    expect(lucky.cookies.some((c) => c.name === 'banshi_session')).toBe(false);

    // the wait over, the holder's right code gets in (past the name's delay too) and clears the count
    await t.db.execute(`update login_throttle set locked_until = now() - interval '1 second' where login_name = 'totp:${me.id}'`);
    const inside = await guess(12, right);
    expect(inside.statusCode, inside.body).toBe(200);
    expect(await totpThrottle()).toBeUndefined();
    nextStep();
  });

  it('is lifted, the code delay with the name’s, by an administrator’s unlock', async () => {
    const code = await enrol('assistant');
    const me = (await call('GET', '/api/auth/me', await signIn('assistant'))).json() as { id: string };
    const guess = (address: number, totp: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.32.0.${address}`, payload: { username: 'assistant', password: 'Demo1234', totp } });
    const right = code();
    for (let i = 1; i <= 6; i++) await guess(i, wrongCode(right));
    expect((await guess(7, right)).statusCode).toBe(429);
    const unlocked = await call('POST', `/api/staff/${me.id}/unlock`, await signIn('admin'));
    expect(unlocked.statusCode, unlocked.body).toBeLessThan(300);
    const inside = await guess(8, right);
    expect(inside.statusCode, inside.body).toBe(200);
    nextStep();
  });

  it('an account without a second factor cannot get past a delay with any code', async () => {
    for (let i = 0; i < 5; i++) await login({ username: 'policy', password: `wrong-${i}-password` });
    const res = await login({ username: 'policy', password: 'Demo1234', totp: '123456' });
    expect(res.statusCode).toBe(429);
  });
});

describe('turning a second factor off', () => {
  it('the staff member turns it off with a current code, and logs in with the password alone again', async () => {
    const code = await enrol('reviewer');
    const cookie = await signIn('reviewer');
    expect((await call('POST', '/api/auth/totp/disable', cookie, { totp: '99999' })).statusCode).toBe(400);
    const wrong = await call('POST', '/api/auth/totp/disable', cookie, { totp: wrongCode(code()) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].field).toBe('totp');
    nextStep();
    const off = await call('POST', '/api/auth/totp/disable', cookie, { totp: code() });
    expect(off.statusCode, off.body).toBe(200);
    apps.delete('reviewer');
    expect((await call('GET', '/api/auth/totp', cookie)).json().state).toBe('none');
    await signIn('reviewer');
  });

  it('an administrator resets someone else’s (a lost device), audited; not their own, and nobody else may', async () => {
    await enrol('auditor');
    const admin = await signIn('admin');
    const list = await call('GET', '/api/staff?q=auditor', admin);
    const auditor = (list.json() as { id: string; username: string; hasTotp: boolean }[]).find((s) => s.username === 'auditor')!;
    expect(auditor.hasTotp).toBe(true);
    const clerk = await signIn('clerk');
    expect((await call('POST', `/api/staff/${auditor.id}/totp-reset`, clerk)).statusCode).toBe(403);

    // the auditor's factor: a second administrator approves (server/src/modules/staff/approvals.ts)
    const asked = await call('POST', `/api/staff/${auditor.id}/totp-reset`, admin);
    expect(asked.statusCode, asked.body).toBe(202);
    const approved = await call('POST', `/api/staff-approvals/${asked.json().id}/approve`, await signIn('admin2'));
    expect(approved.statusCode, approved.body).toBe(200);
    const after = ((await call('GET', '/api/staff?q=auditor', admin)).json() as { username: string; hasTotp: boolean }[]).find((s) => s.username === 'auditor')!;
    expect(after.hasTotp).toBe(false);
    apps.delete('auditor');
    await signIn('auditor');
    const audit = (await t.db.execute(
      `select actor_name, outcome, status from audit_log where action = 'staff.reset_totp' and object_id = '${auditor.id}'`,
    )) as unknown as { rows: { actor_name: string; outcome: string; status: number }[] };
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { actor_name: expect.stringContaining('admin'), outcome: 'success', status: 202 },
        { actor_name: expect.stringContaining('clerk'), outcome: 'failure', status: 403 },
      ]),
    );

    const me = (await call('GET', '/api/auth/me', admin)).json() as { id: string };
    const own = await call('POST', `/api/staff/${me.id}/totp-reset`, admin);
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('不能重置自己') });
  });
});
