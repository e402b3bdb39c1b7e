import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Access, type Role } from '../../src/platform/auth/roles.ts';
import { DEMO_ACCOUNTS, DEMO_CENTER } from '../../src/demo/data.ts';
import { zhCN } from '../../src/locales/zh-CN.ts';
import { createTestApp, type TestApp } from '../harness.ts';

/**
 * The authorization matrix (issue 18, 7d), generated from the route table: every operation is
 * called by every role of the demo center, an enterprise and an anonymous caller, and the answer
 * is compared with the access rule the route declares and the permissions in `roles.ts`. A caller
 * without the right gets 401 (nobody signed in) or 403, whatever it sends; a caller with it is
 * never turned away at the door. Changes are sent as text/plain, which the door checks before the
 * body is read, so no handler runs and nothing changes.
 */

type Caller = { name: string; cookie?: string; may: (access: Access) => boolean };

let t: TestApp;
const callers: Caller[] = [];
beforeAll(async () => {
  t = await createTestApp();
  for (const person of DEMO_ACCOUNTS) {
    const roles = person.roles as Role[];
    const permissions = new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
    callers.push({
      name: person.username,
      cookie: await t.loginAs(person.username),
      may: (access) => access === 'public' || access === 'authenticated' || (access !== 'enterprise' && permissions.has(access)),
    });
  }
  const enterprise = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: '91440605MA51XQ2D77', password: 'Demo1234' } });
  expect(enterprise.statusCode).toBe(200);
  callers.push({ name: 'enterprise', cookie: enterprise.cookies.map((c) => `${c.name}=${c.value}`).join('; '), may: (a) => a === 'public' || a === 'authenticated' || a === 'enterprise' });
  callers.push({ name: 'anonymous', may: (a) => a === 'public' });
  const centers = (await t.app.inject({ method: 'GET', url: '/api/centers', headers: { cookie: callers[0]!.cookie } })).json() as { id: string; name: string }[];
  centerId = centers.find((c) => c.name === DEMO_CENTER.name)!.id;
}, 120_000);
afterAll(() => t?.close());

const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
let centerId = PLACEHOLDER;

describe('the authorization matrix', () => {
  it('lets exactly the callers the route table and roles.ts allow through the door, for every operation', async () => {
    const routes = t.app.routeAccess.filter((r) => r.url !== '/api/auth/logout');
    const wrong: string[] = [];
    let pairs = 0;
    for (const route of routes) {
      // the staff's own center, so that a center-scoped route is judged by its access rule alone
      const url = route.url.replace(/:centerId\b/g, centerId).replace(/:[A-Za-z]+/g, PLACEHOLDER);
      for (const caller of callers) {
        const change = route.method !== 'GET';
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { ...(caller.cookie ? { cookie: caller.cookie } : {}), ...(change ? { 'content-type': 'text/plain' } : {}) },
          ...(change ? { payload: 'x' } : {}),
        });
        pairs += 1;
        const body = res.statusCode >= 400 ? (JSON.parse(res.body) as { code?: string; message?: string }) : {};
        const code = body.code;
        // the door's own refusals; a handler's refusal of a record (not the grant's redeemer) says why
        const turnedAway = (code === 'UNAUTHENTICATED' && body.message === zhCN.auth.unauthenticated) || (code === 'FORBIDDEN' && body.message === zhCN.auth.forbidden);
        const where = `${caller.name} ${route.method} ${route.url} (${route.access}) → ${res.statusCode} ${code ?? ''}`;
        if (caller.may(route.access)) {
          // through the door: a change stops at the body (415), a read answers (or finds nothing)
          // 'authenticated' lets anyone signed in reach the handler, which decides whose record it is and audits a refused read
          if (turnedAway && route.access !== 'authenticated') wrong.push(`${where}: turned away`);
          if (change && res.statusCode !== 415) wrong.push(`${where}: a change got past the body check`);
        } else {
          const expected = caller.cookie ? 403 : 401;
          if (res.statusCode !== expected || !turnedAway) wrong.push(`${where}: expected ${expected}`);
        }
      }
    }
    expect(pairs).toBe(routes.length * callers.length);
    expect(routes.length).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  }, 600_000);
});
