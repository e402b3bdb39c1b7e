import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestApp, type TestApp } from '../../../test/harness.ts';
import type { LicenseDto } from '../licenses/contract.ts';
import type { ApplicationDetail } from './contract.ts';
import { apiOf, CATERING, foodIntake, provideAllBut, type Api } from './testing.ts';

/**
 * Issue 16, item 3: an approval of 食品经营许可 for an enterprise that already holds the license
 * is a change or renewal — the new license replaces the current one (已被替换, with a link),
 * also when two approvals happen at once; a type issued per site keeps one per site.
 */

let t: TestApp;
let api: Api;
let clerk: string;
let reviewer: string;
let chief: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  [clerk, reviewer, chief] = await Promise.all([t.loginAs('clerk'), t.loginAs('reviewer'), t.loginAs('chief')]);
});
afterAll(() => t.close());

/** An accepted 食品经营许可 of the demo catering enterprise, its review task taken. */
async function takenTask(): Promise<{ app: ApplicationDetail; task: { id: string; version: number } }> {
  let app = await provideAllBut(api, clerk, await api.ok('POST', '/api/applications', clerk, foodIntake()));
  app = await api.ok('POST', `/api/applications/${app.id}/accept`, clerk, { version: app.version });
  await api.ok('POST', `/api/review/tasks/${app.tasks[0]!.id}/take`, reviewer, { version: app.tasks[0]!.version });
  app = await api.ok('GET', `/api/applications/${app.id}`, reviewer);
  return { app, task: app.tasks[0]! };
}

const approve = (task: { id: string; version: number }, body: object = {}) =>
  api.call('POST', `/api/review/tasks/${task.id}/approve`, reviewer, { version: task.version, opinion: '经审查，准予许可。', ...body });

async function cateringLicenses(code: string): Promise<LicenseDto[]> {
  const page = await api.ok<{ items: LicenseDto[] }>('GET', `/api/licenses?q=${CATERING}&pageSize=100`, chief);
  return page.items.filter((l) => l.type.code === code);
}

describe('a new license of a type the holder holds replaces the old one', () => {
  it('approving 食品经营许可 twice leaves one valid license; the earlier ones are replaced with a link to their successor', async () => {
    const before = (await cateringLicenses('food_business')).filter((l) => l.status === 'valid');
    expect(before).toHaveLength(1);

    const first = await takenTask();
    expect((await approve(first.task)).statusCode).toBe(204);
    const second = await takenTask();
    expect((await approve(second.task)).statusCode).toBe(204);
    const firstId = (await api.ok('GET', `/api/applications/${first.app.id}`, clerk)).licenseId!;
    const secondId = (await api.ok('GET', `/api/applications/${second.app.id}`, clerk)).licenseId!;

    const food = await cateringLicenses('food_business');
    expect(food.filter((l) => l.status === 'valid').map((l) => l.id)).toEqual([secondId]);
    const byId = new Map(food.map((l) => [l.id, l]));
    expect(byId.get(before[0]!.id)).toMatchObject({ status: 'superseded', supersededBy: { id: firstId, number: byId.get(firstId)!.number } });
    expect(byId.get(firstId)).toMatchObject({ status: 'superseded', supersededBy: { id: secondId, number: byId.get(secondId)!.number } });
    expect(byId.get(secondId)!.supersededBy).toBeNull();

    // The history stays in the library, and the status filter finds it.
    const superseded = await api.ok<{ items: LicenseDto[] }>('GET', `/api/licenses?q=${CATERING}&status=superseded`, chief);
    expect(superseded.items.map((l) => l.id)).toEqual(expect.arrayContaining([before[0]!.id, firstId]));
    const valid = await api.ok<{ items: LicenseDto[] }>('GET', `/api/licenses?q=${CATERING}&status=valid`, chief);
    expect(valid.items.filter((l) => l.type.code === 'food_business').map((l) => l.id)).toEqual([secondId]);

    // The holder sees the history on the portal; a grant hands over only the current license.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/enterprise-login', payload: { uscc: CATERING, password: 'Demo1234' } });
    const holder = cookieOf(login);
    const own = await api.ok<LicenseDto[]>('GET', '/api/portal/licenses', holder);
    expect(own.find((l) => l.id === firstId)).toMatchObject({ status: 'superseded', supersededBy: { id: secondId } });
    const grant = await api.ok<{ code: string }>('POST', '/api/portal/license-grants', holder, { typeIds: [byId.get(secondId)!.type.id] });
    const redeemed = await api.ok<{ licenses: LicenseDto[] }>('POST', '/api/license-grants/redeem', clerk, { code: grant.code, applicationRef: '' });
    expect(redeemed.licenses.map((l) => l.id)).toEqual([secondId]);
  });

  it('two approvals at the same moment still leave one valid license', async () => {
    const [a, b] = [await takenTask(), await takenTask()];
    const answers = await Promise.all([approve(a.task), approve(b.task)]);
    expect(answers.map((r) => r.statusCode)).toEqual([204, 204]);
    const ids = await Promise.all([a, b].map(async (x) => (await api.ok('GET', `/api/applications/${x.app.id}`, clerk)).licenseId!));
    const food = await cateringLicenses('food_business');
    const valid = food.filter((l) => l.status === 'valid');
    expect(valid).toHaveLength(1);
    expect(ids).toContain(valid[0]!.id);
    const other = food.find((l) => ids.includes(l.id) && l.id !== valid[0]!.id)!;
    expect(other).toMatchObject({ status: 'superseded', supersededBy: { id: valid[0]!.id } });
  });

  it('a type issued per site needs the site; licenses of two sites stay valid side by side, a second one of a site replaces that site’s', async () => {
    const missing = await takenTask();
    const refused = await approve(missing.task, { licenseTypeCode: 'public_health' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'licenseSite' }] });
    expect((await api.ok('GET', `/api/applications/${missing.app.id}`, clerk)).state).toBe('in_review');

    for (const site of ['桂城街道桂澜路 66 号', '大沥镇广佛路 8 号', '桂城街道桂澜路 66 号']) {
      const { task } = await takenTask();
      const res = await approve(task, { licenseTypeCode: 'public_health', licenseSite: site });
      expect(res.statusCode, res.body).toBe(204);
    }
    const health = await cateringLicenses('public_health');
    expect(health.filter((l) => l.status === 'valid').map((l) => l.site).sort()).toEqual(['大沥镇广佛路 8 号', '桂城街道桂澜路 66 号']);
    const replaced = health.filter((l) => l.status === 'superseded');
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatchObject({ site: '桂城街道桂澜路 66 号' });
    expect(health.find((l) => l.id === replaced[0]!.supersededBy!.id)).toMatchObject({ site: '桂城街道桂澜路 66 号', status: 'valid' });
  });
});
