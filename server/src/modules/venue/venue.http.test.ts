import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin: string;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('clerk');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

describe('centers', () => {
  it('lists the demo center and its nearby service points', async () => {
    const res = await call('GET', '/api/centers', clerk);
    expect(res.statusCode).toBe(200);
    const centers = res.json() as { name: string; level: string; isNearbyServicePoint: boolean }[];
    expect(centers[0]).toMatchObject({ name: '佛山市南海区政务服务中心', level: 'county', isNearbyServicePoint: false });
    expect(centers.filter((c) => c.isNearbyServicePoint).map((c) => c.level).sort()).toEqual(['town', 'town', 'town', 'village']);
  });

  it('an administrator creates and edits a center; the audit log records both', async () => {
    const created = await call('POST', '/api/centers', admin, {
      name: '顺德区政务服务中心',
      level: 'county',
      regionCode: '440606',
      address: '顺德区大良街道',
    });
    expect(created.statusCode).toBe(201);
    const center = created.json();
    expect(center).toMatchObject({ regionName: '顺德区', version: 1, isActive: true });

    const edited = await call('PATCH', `/api/centers/${center.id}`, admin, { version: 1, phone: '0757-12345' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ phone: '0757-12345', version: 2 });

    const deactivated = await call('PATCH', `/api/centers/${center.id}`, admin, { version: 2, isActive: false });
    expect(deactivated.json()).toMatchObject({ isActive: false, phone: '0757-12345', address: '顺德区大良街道', version: 3 });
    await call('PATCH', `/api/centers/${center.id}`, admin, { version: 3, isActive: true });

    const stale = await call('PATCH', `/api/centers/${center.id}`, admin, { version: 1, phone: '0757-00000' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');

    const audit = await call('GET', `/api/audit?objectId=${center.id}`, admin);
    const actions = (audit.json().items as { action: string; outcome: string; actorName: string; requestId: string }[]).map(
      (r) => `${r.action}:${r.outcome}`,
    );
    expect(actions).toEqual(['center.update:failure', 'center.update:success', 'center.update:success', 'center.update:success', 'center.create:success']);
    expect(audit.json().items[4].actorName).toContain('admin');
    expect(audit.json().items[4].requestId).toBe(created.headers['x-request-id']);
  });

  it('a counter clerk may read but not change the organisation, and the refusal is audited', async () => {
    const res = await call('POST', '/api/centers', clerk, { name: '越权中心', level: 'town', regionCode: '440605' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    const anonymous = await call('GET', '/api/centers');
    expect(anonymous.statusCode).toBe(401);
    const audit = await call('GET', '/api/audit?action=center.create&outcome=failure', admin);
    expect(audit.json().items[0]).toMatchObject({ status: 403, roles: 'counter_clerk' });
    expect((await call('GET', '/api/centers', admin)).json().some((c: { name: string }) => c.name === '越权中心')).toBe(false);
  });

  it('bad input gets a 4xx naming the field, and changes nothing', async () => {
    const before = (await call('GET', '/api/centers', admin)).json().length;
    const cases: [object, string][] = [
      [{ name: '', level: 'county', regionCode: '440605' }, 'name'],
      [{ name: '甲', level: 'province', regionCode: '440605' }, 'level'],
      [{ name: '乙', level: 'county', regionCode: '12345' }, 'regionCode'],
      [{ name: '丙', level: 'county', regionCode: '999999' }, 'regionCode'],
      [{ name: '佛山市南海区政务服务中心', level: 'county', regionCode: '440605' }, 'name'],
      [{ name: '丁', level: 'county', regionCode: '440605', colour: 'red' }, 'colour'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', '/api/centers', admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().fields?.[0]?.field).toBe(field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const town = (await call('GET', '/api/centers', admin)).json().find((c: { level: string }) => c.level === 'town');
    const upsideDown = await call('POST', '/api/centers', admin, { name: '戊', level: 'county', regionCode: '440605', parentId: town.id });
    expect(upsideDown.statusCode).toBe(400);
    expect(upsideDown.json().fields[0].field).toBe('parentId');
    expect((await call('GET', '/api/centers', admin)).json().length).toBe(before);
  });

  it('rejects malformed JSON and a bad id with 400, not 500', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/centers',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('BAD_REQUEST');
    const badId = await call('GET', '/api/centers/not-a-uuid', admin);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().fields[0].field).toBe('id');
    const missing = await call('GET', '/api/centers/00000000-0000-4000-8000-000000000000', admin);
    expect(missing.statusCode).toBe(404);
  });
});

describe('zones and counters', () => {
  it('the demo center has a zone of every kind the standard names', async () => {
    const center = (await call('GET', '/api/centers', clerk)).json()[0];
    const zones = (await call('GET', `/api/centers/${center.id}/zones`, clerk)).json() as { kind: string }[];
    expect(new Set(zones.map((z) => z.kind))).toEqual(
      new Set(['guidance', 'filing_assistance', 'counters', 'self_service', 'back_office', 'benefits', 'agency', 'briefing', 'waiting']),
    );
  });

  it('adds a counter, refuses a duplicate number and a zone of another center', async () => {
    const [center, other] = (await call('GET', '/api/centers', admin)).json();
    const zones = (await call('GET', `/api/centers/${center.id}/zones`, admin)).json();
    const created = await call('POST', `/api/centers/${center.id}/counters`, admin, {
      zoneId: zones[0].id,
      number: '39',
      name: '跨域通办专窗',
      purpose: 'intake',
    });
    expect(created.statusCode).toBe(201);
    const dup = await call('POST', `/api/centers/${center.id}/counters`, admin, {
      zoneId: zones[0].id,
      number: '39',
      name: '重复',
      purpose: 'intake',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0].field).toBe('number');
    const foreign = await call('POST', `/api/centers/${other.id}/counters`, admin, {
      zoneId: zones[0].id,
      number: '1',
      name: '错区',
      purpose: 'intake',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0].field).toBe('zoneId');
    const deactivated = await call('PATCH', `/api/counters/${created.json().id}`, admin, { version: 1, isActive: false });
    expect(deactivated.json()).toMatchObject({ isActive: false, version: 2 });
  });

  it('two concurrent edits of the same version: exactly one wins', async () => {
    const center = (await call('GET', '/api/centers', admin)).json()[0];
    const zone = (await call('GET', `/api/centers/${center.id}/zones`, admin)).json()[1];
    const results = await Promise.all(
      ['A', 'B', 'C'].map((floor) => call('PATCH', `/api/zones/${zone.id}`, admin, { version: zone.version, floor })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });
});
