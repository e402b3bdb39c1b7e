import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { generateDemoData } from '../demo-data.ts';
import { mayUseCommitment, mayUseDeferredMaterials, recordCreditEntry } from '../service.ts';

let t: TestApp;
let admin: string;
let clerk: string;
let chief: string;
let enterpriseId: string;
const USCC = '91440605MA4W3K7P3K';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('clerk');
  chief = await t.loginAs('chief');
  enterpriseId = (await t.app.inject({ method: 'GET', url: `/api/enterprises?q=${USCC}`, headers: { cookie: admin } })).json().items[0].id;
});
afterAll(() => t.close());

const record = (payload: object, cookie = chief) =>
  t.app.inject({ method: 'POST', url: `/api/enterprises/${enterpriseId}/credit-records`, headers: { cookie }, payload });

describe('credit records and the checks the applications module calls', () => {
  it('a clean applicant may use both routes; an unknown code has no records', async () => {
    expect(await mayUseCommitment(t.db, { uscc: USCC })).toEqual({ allowed: true });
    expect(await mayUseDeferredMaterials(t.db, { enterpriseId })).toEqual({ allowed: true });
    expect(await mayUseCommitment(t.db, { uscc: '914403001922038216' })).toEqual({ allowed: true });
  });

  it('a false commitment bars the commitment route only, until repaired', async () => {
    const res = await record({ kind: 'false_commitment', source: '佛山市南海区市场监督管理局', recordedOn: '2026-03-02', description: '承诺内容不实' });
    expect(res.statusCode).toBe(201);
    const commitment = await mayUseCommitment(t.db, { uscc: USCC });
    expect(commitment.allowed).toBe(false);
    if (!commitment.allowed) expect(commitment.reason).toMatch(/虚假承诺.*信用修复前不适用告知承诺制/);
    expect(await mayUseDeferredMaterials(t.db, { uscc: USCC })).toEqual({ allowed: true });

    const early = await t.app.inject({ method: 'POST', url: `/api/credit-records/${res.json().id}/repair`, headers: { cookie: chief }, payload: { repairedOn: '2026-03-01', note: '已整改', version: 1 } });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'DATE_INVALID', fields: [{ field: 'repairedOn' }] });
    const repaired = await t.app.inject({ method: 'POST', url: `/api/credit-records/${res.json().id}/repair`, headers: { cookie: chief }, payload: { repairedOn: '2026-06-01', note: '已完成信用修复', version: 1 } });
    expect(repaired.statusCode).toBe(200);
    expect(repaired.json()).toMatchObject({ isRepaired: true, repairedOn: '2026-06-01' });
    const twice = await t.app.inject({ method: 'POST', url: `/api/credit-records/${res.json().id}/repair`, headers: { cookie: chief }, payload: { repairedOn: '2026-06-02', note: '再次', version: 2 } });
    expect(twice.statusCode).toBe(409);
    expect(await mayUseCommitment(t.db, { uscc: USCC })).toEqual({ allowed: true });
  });

  it('the dishonesty list (deferred materials not supplied) bars both routes', async () => {
    await recordCreditEntry(t.db, { uscc: USCC }, { kind: 'dishonesty_list', source: '佛山市南海区政务服务中心', sourceReference: 'NH-2026-000123', recordedOn: '2026-07-01' });
    const deferred = await mayUseDeferredMaterials(t.db, { uscc: USCC });
    expect(deferred.allowed).toBe(false);
    if (!deferred.allowed) expect(deferred.reason).toContain('列入失信名单');
    expect((await mayUseCommitment(t.db, { uscc: USCC })).allowed).toBe(false);
    const status = (await t.app.inject({ method: 'GET', url: `/api/enterprises/${enterpriseId}/credit`, headers: { cookie: clerk } })).json();
    expect(status).toMatchObject({ commitment: { allowed: false }, deferredMaterials: { allowed: false } });
    expect(status.records).toHaveLength(2);
  });

  it('a serious bad-credit record bars both; only credit managers record; dates in the future are refused', async () => {
    expect((await record({ kind: 'serious_bad_credit', source: '信用中国（广东）', recordedOn: '2026-01-01' }, clerk)).statusCode).toBe(403);
    const future = await record({ kind: 'serious_bad_credit', source: '信用中国（广东）', recordedOn: '2199-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('DATE_INVALID');
    expect((await record({ kind: 'unknown', source: 'x', recordedOn: '2026-01-01' })).statusCode).toBe(400);
  });

  it('the demo registry has enterprises on the dishonesty list, barred from deferred materials', async () => {
    const listed = generateDemoData().credit.filter((c) => c.kind === 'dishonesty_list');
    expect(listed.length).toBeGreaterThan(5);
    for (const c of listed.slice(0, 3)) expect((await mayUseDeferredMaterials(t.db, { uscc: c.uscc })).allowed).toBe(false);
  });
});
