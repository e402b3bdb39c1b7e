import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { residentIdCheckCharacter } from './resident-id.ts';

let t: TestApp;
let admin: string;
let clerk: string;

const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
const ID = withCheck('44060519880312271');
const PHONE = '13912345678';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('clerk');
});
afterAll(() => t.close());

const createPerson = (payload: object, cookie = admin) => t.app.inject({ method: 'POST', url: '/api/people', headers: { cookie }, payload });

describe('people', () => {
  let personId: string;

  it('registers a person with the numbers masked in every answer', async () => {
    const res = await createPerson({ name: '测试人员', idNumber: ID.toLowerCase(), phone: '139-1234-5678' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '测试人员', idNumberMasked: `${ID.slice(0, 4)}**********${ID.slice(-4)}`, phoneMasked: '139****5678' });
    expect(res.body).not.toContain(ID.slice(4, 14));
    personId = res.json().id;
  });

  it('stores ID and phone numbers only encrypted, with a keyed hash for lookup', async () => {
    const raw = (await t.db.execute(sql`select * from people where id = ${personId}`)) as unknown as { rows: Record<string, unknown>[] };
    const stored = JSON.stringify(raw.rows[0]);
    expect(stored).not.toContain(ID);
    expect(stored).not.toContain(PHONE);
    expect(stored).not.toContain(ID.slice(6, 14));
    // looked up by number in a POST body, never in a URL (a URL lands in access logs and histories)
    const byId = await t.app.inject({ method: 'POST', url: '/api/people/search', payload: { idNumber: ID }, headers: { cookie: clerk } });
    expect(byId.json()).toMatchObject({ total: 1, items: [{ id: personId }] });
    const byPhone = await t.app.inject({ method: 'POST', url: '/api/people/search', payload: { phone: PHONE }, headers: { cookie: clerk } });
    expect(byPhone.json().items.map((p: { id: string }) => p.id)).toContain(personId);
    const inUrl = await t.app.inject({ method: 'GET', url: `/api/people?idNumber=${ID}`, headers: { cookie: clerk } });
    expect(inUrl.statusCode).toBe(400);
    const audited = (await t.db.execute(`select detail from audit_log where action = 'person.search' order by id desc limit 2`)) as unknown as { rows: { detail: unknown }[] };
    expect(audited.rows.map((r) => r.detail)).toEqual([{ by: ['phone'] }, { by: ['idNumber'] }]);
    expect(JSON.stringify(audited.rows)).not.toContain(ID);
  });

  it('refuses a bad check digit, an impossible birth date, a bad phone number and a known ID number', async () => {
    const badCheck = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect((await createPerson({ name: '甲', idNumber: badCheck })).json()).toMatchObject({ code: 'ID_NUMBER_INVALID', fields: [{ field: 'idNumber' }] });
    const res = await createPerson({ name: '乙', idNumber: withCheck('44060519880230271') });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('出生日期');
    expect((await createPerson({ name: '丙', idNumber: withCheck('44060519900101123'), phone: '12345' })).json()).toMatchObject({ code: 'PHONE_INVALID', fields: [{ field: 'phone' }] });
    expect((await createPerson({ name: '丁', idNumber: ID })).statusCode).toBe(409);
  });

  it('unmasks one record for a role that may, with a stated reason, in the audit log without the numbers', async () => {
    const denied = await t.app.inject({ method: 'POST', url: `/api/people/${personId}/unmask`, headers: { cookie: admin }, payload: { reason: '核对申请人身份' } });
    expect(denied.statusCode).toBe(403);
    const noReason = await t.app.inject({ method: 'POST', url: `/api/people/${personId}/unmask`, headers: { cookie: clerk }, payload: { reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: `/api/people/${personId}/unmask`, headers: { cookie: clerk }, payload: { reason: '核对申请人身份证件' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: personId, name: '测试人员', idNumber: ID, phone: PHONE });
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?action=person.unmask&objectId=${personId}`, headers: { cookie: admin } });
    const entry = audit.json().items.find((e: { outcome: string }) => e.outcome === 'success');
    expect(entry).toMatchObject({ action: 'person.unmask', objectId: personId, detail: { reason: '核对申请人身份证件' } });
    expect(JSON.stringify(audit.json())).not.toContain(ID);
  });

  it('links people to an enterprise as contacts, masked in the enterprise detail', async () => {
    const enterprise = (await t.app.inject({ method: 'GET', url: '/api/enterprises?q=91440605MA4W3K7P3K', headers: { cookie: admin } })).json().items[0];
    const add = await t.app.inject({
      method: 'POST',
      url: `/api/enterprises/${enterprise.id}/contacts`,
      headers: { cookie: admin },
      payload: { role: 'agent', personId },
    });
    expect(add.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: `/api/enterprises/${enterprise.id}/contacts`, headers: { cookie: admin }, payload: { role: 'agent', personId } });
    expect(again.statusCode).toBe(409);
    const newPerson = await t.app.inject({
      method: 'POST',
      url: `/api/enterprises/${enterprise.id}/contacts`,
      headers: { cookie: admin },
      payload: { role: 'contact', person: { name: '新联系人', idNumber: withCheck('44060619950505123'), phone: '13800001111' } },
    });
    expect(newPerson.statusCode).toBe(201);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/enterprises/${enterprise.id}`, headers: { cookie: clerk } })).json();
    expect(detail.contacts.map((c: { role: string; person: { name: string } }) => [c.role, c.person.name])).toEqual(
      expect.arrayContaining([['agent', '测试人员'], ['contact', '新联系人']]),
    );
    expect(JSON.stringify(detail)).not.toContain('13800001111');
    const person = (await t.app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: { cookie: clerk } })).json();
    expect(person.enterprises).toEqual([expect.objectContaining({ uscc: '91440605MA4W3K7P3K', role: 'agent' })]);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/enterprises/${enterprise.id}/contacts/${add.json().id}`, headers: { cookie: admin } });
    expect(removed.statusCode).toBe(200);
  });

  it('keeps the portal view of the enterprise masked too', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: '91440605MA4W3K7P3K', password: 'Demo1234' } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const profile = await t.app.inject({ method: 'GET', url: '/api/portal/enterprise', headers: { cookie } });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ uscc: '91440605MA4W3K7P3K', sizeClass: 'small' });
    for (const c of profile.json().contacts) expect(c.person.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect((await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie } })).statusCode).toBe(403);
  });
});
