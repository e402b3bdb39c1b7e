import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../test/harness.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import { PDF } from '../applications/testing.ts';
import { residentIdCheckCharacter } from '../enterprises/people/resident-id.ts';
import type { ProfileDto } from './contract.ts';

/**
 * Talent profiles through HTTP (6.2.3): registered with the person (ID number sealed), the employer
 * from the registry and the certifying document from the file store; verified by the talent officer;
 * bad input — an expired document, dates the wrong way round, a file not uploaded — refused with
 * the field named and nothing stored; only the talent officer's permission reaches them.
 */

let t: TestApp;
let api: TestApi;
let talent: string;
let clerk: string;
let manager: string;

const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
const today = businessToday();
const CATERING = '91440605MA51XQ2D77';

beforeAll(async () => {
  t = await createTestApp();
  api = testApi(t);
  [talent, clerk, manager] = await Promise.all([t.loginAs('talent'), t.loginAs('clerk'), t.loginAs('manager')]);
});
afterAll(() => t.close());

async function uploadDocument(cookie = talent): Promise<string> {
  const res = await api.upload('/api/talent/documents', cookie, { filename: '高层次人才认定证书.pdf', content: PDF });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const profileBody = (documentFileId: string, over: object = {}) => ({
  person: { name: '林博士', idNumber: withCheck('44060519850612331'), phone: '13800138000' },
  uscc: CATERING,
  category: 'high_level_b',
  documentTitle: '佛山市高层次人才认定证书（B 类）',
  documentFileId,
  validFrom: addDays(today, -30),
  validUntil: addDays(today, 700),
  ...over,
});

const count = async () => (await api.ok<ProfileDto[]>('GET', '/api/talent/profiles', talent)).length;

describe('talent profiles', () => {
  it('are registered with the document, the employer from the registry, and verified once', async () => {
    const fileId = await uploadDocument();
    const created = await api.ok<ProfileDto>('POST', '/api/talent/profiles', talent, profileBody(fileId));
    expect(created).toMatchObject({ personName: '林博士', category: 'high_level_b', employerName: '佛山市南海区示例餐饮管理有限公司', state: 'pending', isValid: true, document: { filename: '高层次人才认定证书.pdf' } });
    expect(created.idNumberMasked).toMatch(/^4406\*+\d{3}[\dX]$/);
    expect(created.enterpriseId).not.toBeNull();

    const download = await api.call('GET', `/api/talent/profiles/${created.id}/document`, talent);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const verified = await api.ok<ProfileDto>('POST', `/api/talent/profiles/${created.id}/verify`, talent, { version: created.version });
    expect(verified).toMatchObject({ state: 'verified', verifiedByName: '郑伟明' });
    const again = await api.call('POST', `/api/talent/profiles/${created.id}/verify`, talent, { version: verified.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_VERIFIED');

    const listed = await api.ok<ProfileDto[]>('GET', '/api/talent/profiles?category=high_level_b&q=林博', talent);
    expect(listed.map((p) => p.id)).toContain(created.id);
    expect((await api.ok<ProfileDto[]>('GET', '/api/talent/profiles?category=skilled&q=林博', talent)).map((p) => p.id)).not.toContain(created.id);

    // the same person twice: refused, naming the ID number
    const twice = await api.call('POST', '/api/talent/profiles', talent, profileBody(await uploadDocument()));
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'DUPLICATE', fields: [{ field: 'person.idNumber' }] });
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    const fileId = await uploadDocument();
    const before = await count();
    const cases: [object, number, string, string][] = [
      [{ validFrom: addDays(today, -800), validUntil: addDays(today, -1) }, 422, 'DATE_INVALID', 'validUntil'],
      [{ validFrom: addDays(today, 10), validUntil: addDays(today, 5) }, 400, 'VALIDATION_FAILED', 'validUntil'],
      [{ category: 'genius' }, 400, 'VALIDATION_FAILED', 'category'],
      [{ documentFileId: '00000000-0000-4000-8000-000000000000' }, 400, 'VALIDATION_FAILED', 'documentFileId'],
      [{ documentTitle: '  ' }, 400, 'VALIDATION_FAILED', 'documentTitle'],
      [{ uscc: null, employerName: '' }, 400, 'VALIDATION_FAILED', 'employerName'],
      [{ person: { name: '王某', idNumber: '440605198506123310', phone: null } }, 422, 'ID_NUMBER_INVALID', 'idNumber'],
    ];
    for (const [over, status, code, field] of cases) {
      const res = await api.call('POST', '/api/talent/profiles', talent, profileBody(fileId, { person: { name: '陈工', idNumber: withCheck('44060519900101451'), phone: null }, ...over }));
      expect(res.statusCode, `${JSON.stringify(over)}: ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
      expect(JSON.stringify(res.json().fields)).toContain(field);
    }
    expect(await count()).toBe(before);

    // not a PDF or picture
    const text = await api.upload('/api/talent/documents', talent, { filename: '证书.pdf', content: Buffer.from('plain text') });
    expect(text.statusCode).toBe(415);
  });

  it('refuses to verify a profile whose document has expired since', async () => {
    const created = await api.ok<ProfileDto>('POST', '/api/talent/profiles', talent, profileBody(await uploadDocument(), { person: { name: '何技师', idNumber: withCheck('44060519920304561'), phone: null }, category: 'skilled' }));
    await t.db.execute(`update talent_profiles set valid_from = '2020-01-01', valid_until = '2021-01-01' where id = '${created.id}'`);
    const res = await api.call('POST', `/api/talent/profiles/${created.id}/verify`, talent, { version: created.version });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'DATE_INVALID', fields: [{ field: 'validUntil' }] });
    expect((await api.ok<ProfileDto>('GET', `/api/talent/profiles/${created.id}`, talent)).state).toBe('pending');
  });

  it('registers a person once when two officers send the same talent at once', async () => {
    const [a, b] = await Promise.all([uploadDocument(), uploadDocument()]);
    const person = { name: '区工程师', idNumber: withCheck('44060519890217561'), phone: null };
    const answers = await Promise.all([a, b].map((fileId) => api.call('POST', '/api/talent/profiles', talent, profileBody(fileId, { person, category: 'urgent_shortage' }))));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await api.ok<ProfileDto[]>('GET', '/api/talent/profiles?q=区工程师', talent)).length).toBe(1);
  });

  it('is the talent officer’s work: a clerk and the manager are refused', async () => {
    expect((await api.call('GET', '/api/talent/profiles', clerk)).statusCode).toBe(403);
    expect((await api.call('GET', '/api/talent/profiles', manager)).statusCode).toBe(403);
    expect((await api.upload('/api/talent/documents', clerk, { filename: 'x.pdf', content: PDF })).statusCode).toBe(403);
  });
});
