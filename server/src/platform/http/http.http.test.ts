import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { PERMISSIONS } from '../auth/roles.ts';
import { setDemoAccountsActive } from '../../demo/seed.ts';

const logLines: string[] = [];
const stream = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

const PUBLIC_WRITES = [
  'POST /api/appointments/kiosk/:centerId/check-in',
  'POST /api/auth/enterprise-login',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  // rating links (signed, one use) and the kiosk's rating by ticket number and receipt
  'POST /api/evaluations/invitations/:token/rating',
  'POST /api/evaluations/invitations/:token/additions',
  'POST /api/evaluations/kiosk/:centerId/ratings',
  // feedback cases (诉求) filed on the portal or kiosk by anyone with a mobile number, their attachments, the submitter's rating (by number and phone or credit code)
  'POST /api/feedback',
  'POST /api/feedback-attachments',
  'POST /api/feedback/follow/rating',
  // the policy calculator for anyone: a few attributes in, the policies they would meet out; nothing is stored
  'POST /api/public/policy-calculator',
  // a satisfaction survey's link (signed, one use per enterprise)
  'POST /api/public/surveys/:token/answers',
  // people book without an account, with their phone number and the booking code
  'POST /api/portal/appointments',
  'POST /api/portal/appointments/:code/cancel',
  'POST /api/portal/appointments/:code/reschedule',
  'POST /api/portal/appointments/lookup',
  'POST /api/queue/evaluator/:counterId/invitation',
  'POST /api/queue/evaluator/:counterId/ratings',
  'POST /api/queue/kiosk/:centerId/tickets',
  'POST /api/queue/t/:token/cancel',
  // the 24-hour self-service kiosk: progress and notices by number and the applicant's secret; the smart locker opens a slot by code (its device key)
  'POST /api/self-service/progress',
  'POST /api/self-service/notices/:noticeId/pdf',
  'POST /api/lockers/pickup',
  // the kiosk prints copies of e-licenses after the holder's grant code and credit code
  'POST /api/self-service/centers/:centerId/license-grants/redeem',
  'POST /api/self-service/license-grants/:grantId/licenses/:licenseId/pdf',
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(
    {},
    {
      logger: { level: 'info', stream },
      extend: (app) => {
        app.get('/api/test/explode', { config: { access: 'public' } }, async () => {
          throw new Error('secret internal detail: password=hunter2 at /srv/banshi/db.ts');
        });
      },
    },
  );
});
afterAll(() => t.close());

describe('every route declares who may call it', () => {
  it('lists an access rule on every API route', () => {
    const table = t.app.routeAccess;
    expect(table.length).toBeGreaterThan(20);
    const allowed = new Set(['public', 'authenticated', 'enterprise', ...PERMISSIONS]);
    for (const route of table) expect(allowed.has(route.access), `${route.method} ${route.url}`).toBe(true);
    const accessOf = (method: string, url: string) => table.find((r) => r.method === method && r.url === url)?.access;
    expect(accessOf('POST', '/api/centers')).toBe('org.manage');
    expect(accessOf('POST', '/api/staff')).toBe('staff.manage');
    expect(accessOf('GET', '/api/audit')).toBe('audit.read');
    expect(accessOf('GET', '/api/calendar/due-date')).toBe('public');
    // State-changing routes open to anyone are the log-in itself, the center's unattended devices
    // and links (kiosk, evaluator, a ticket's own link) and booking by phone; a new one must be added on purpose.
    const openWrites = table.filter((r) => r.method !== 'GET' && r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(openWrites.sort()).toEqual([...PUBLIC_WRITES].sort());
  });

  it('refuses to start when a route has no access rule (deny by default)', async () => {
    await expect(
      createTestApp({}, {
        extend: (app) => {
          app.get('/api/test/forgotten', async () => ({ ok: true }));
        },
      }),
    ).rejects.toThrow(/declares no access rule/);
  });
});

describe('errors', () => {
  it('a 5xx body reveals nothing internal and carries the request id that the log also has', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/explode' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('INTERNAL');
    expect(res.body).not.toMatch(/secret|hunter2|srv|stack/);
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(logLines.some((l) => l.includes(body.requestId) && l.includes('secret internal detail'))).toBe(true);
  });

  it('every response carries a request id, also 4xx and unknown paths', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', requestId: res.headers['x-request-id'] });
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('an unsupported content type gets 415 with a Chinese message', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('API docs', () => {
  it('serves OpenAPI 3 generated from the same zod schemas that validate requests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const body = doc.paths['/api/centers'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['name', 'level', 'regionCode']));
    expect(body.properties.level.enum).toEqual(['city', 'county', 'town', 'village']);
    expect(doc.paths['/api/calendar/due-date'].get).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    await expect(t.db.execute(`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(t.db.execute(`delete from audit_log`)).rejects.toThrow();
    await expect(t.db.execute(`truncate audit_log`)).rejects.toThrow();
    const admin = await t.loginAs('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/audit?action=auth.login&outcome=failure', headers: { cookie: admin } });
    expect(res.json().total).toBeGreaterThan(0);
    expect(res.json().items[0]).toMatchObject({ actorType: 'anonymous', status: 401, detail: { loginName: 'nobody' } });
  });

  it('only administrators and auditors (and managers) may search it', async () => {
    const auditor = await t.loginAs('auditor');
    const clerk = await t.loginAs('clerk');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: auditor } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: clerk } })).statusCode).toBe(403);
  });
});

describe('health', () => {
  it('answers ok while the database is reachable and 503 once it is not', async () => {
    const other = await createTestApp();
    const ok = await other.app.inject({ method: 'GET', url: '/api/health' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('ok');
    await other.database.close();
    const down = await other.app.inject({ method: 'GET', url: '/api/health' });
    expect(down.statusCode).toBe(503);
    await other.app.close();
  });
});

describe('demo info', () => {
  it('lists the demo accounts in demo mode only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/demo' });
    expect(res.json().enabled).toBe(true);
    expect(res.json().accounts.map((a: { username: string }) => a.username)).toContain('clerk');
  });

  it('with demo mode off, the demo accounts cannot log in and are not shown', async () => {
    const off = await createTestApp({
      BANSHI_DEMO: '0',
      SESSION_SECRET: 'z'.repeat(32),
      PERSONAL_DATA_KEY: 'a1'.repeat(32),
      PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32),
      AUDIT_KEY: 'c3'.repeat(32),
    });
    await setDemoAccountsActive(off.db, false);
    expect((await off.app.inject({ method: 'GET', url: '/api/demo' })).json()).toEqual({ enabled: false, accounts: [], enterpriseAccounts: [] });
    const res = await off.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'Demo1234' } });
    expect(res.statusCode).toBe(401);
    await setDemoAccountsActive(off.db, true);
    const back = await off.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'Demo1234' } });
    expect(back.statusCode).toBe(200);
    await off.close();
  });
});
