import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, testApi, type TestApi, type TestApp } from '../../../../../test/harness.ts';
import type { ApplicationDetail, OwnApplicationList } from '../../contract.ts';
import { apiOf, CATERING, enterpriseLogin, FOOD_BUSINESS, MANUFACTURING, PDF, PNG, type Api } from '../../testing.ts';
import { sampleBundleGuide, sampleItemGuide } from '../../../catalog/testing.ts';
import type { OnlineDraftDto, OnlineFormDto, OnlineReviewEntry } from './contract.ts';

/**
 * 一网通办 (issue 14, item 3): an enterprise applies online for any item offered online — the form
 * pre-filled with its e-licenses, a draft saved and resumed, the submission received on the
 * `online` channel — and the online review center's clerk asks for a supplement the enterprise
 * provides online, then accepts. Forged licenses, foreign uploads and files that are not PDF or
 * image are refused and change nothing.
 */

let t: TestApp;
let api: Api;
let raw: TestApi;
let clerk: string;
let catering: string;
let manufacturing: string;

beforeAll(async () => {
  t = await createTestApp();
  api = apiOf(t);
  raw = testApi(t);
  [clerk, catering, manufacturing] = await Promise.all([t.loginAs('clerk'), enterpriseLogin(t, CATERING), enterpriseLogin(t, MANUFACTURING)]);
});
afterAll(() => t.close());

const ANSWERS = 'prepackaged_only:no,online_sales:no';
const formOf = (cookie: string, answers = ANSWERS) => api.ok<OnlineFormDto>('GET', `/api/portal/online/items/${FOOD_BUSINESS}/form?answers=${answers}`, cookie);

async function upload(cookie: string, filename: string, content: Buffer): Promise<string> {
  const res = await raw.upload('/api/portal/application-uploads', cookie, { filename, content });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function count(table: string): Promise<number> {
  const res = await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

const answers = { prepackaged_only: 'no', online_sales: 'no' };

describe('applying online for an item', () => {
  it('saves a draft, resumes it, refuses forged licenses and foreign files, and submits it into the online review center', async () => {
    const form = await formOf(catering);
    expect(form.item).toMatchObject({ code: FOOD_BUSINESS, name: '食品经营许可' });
    expect(form.applicant.uscc).toBe(CATERING);
    expect(form.questions.map((q) => q.key)).toEqual(['prepackaged_only', 'online_sales']);
    const license = form.materials.find((m) => m.key === 'business_license')!.license;
    expect(license).not.toBeNull();
    const uploads = form.materials.filter((m) => m.key !== 'business_license' && m.key !== 'safety_staff');
    expect(uploads.map((m) => m.key)).toEqual(['application', 'legal_rep_id', 'layout', 'equipment_list', 'rules']);

    // A file that is neither PDF nor image is refused by its content.
    const text = await raw.upload('/api/portal/application-uploads', catering, { filename: '申请书.pdf', content: Buffer.from('not a pdf at all') });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ field: 'file' }] });

    // Draft: the answers, the business license by its e-license and the application form uploaded.
    const formFile = await upload(catering, '申请书.pdf', PDF);
    const draft = await api.ok<OnlineDraftDto>('POST', '/api/portal/online/drafts', catering, {
      itemCode: FOOD_BUSINESS,
      answers,
      materials: [{ key: 'business_license', licenseId: license!.id }, { key: 'application', fileId: formFile }],
    });
    expect(draft).toMatchObject({ itemCode: FOOD_BUSINESS, itemName: '食品经营许可', version: 1, answers });
    expect(draft.materials).toContainEqual({ key: 'application', fileId: formFile, filename: '申请书.pdf', licenseId: null });

    // Resumed: the form brings the draft back; 我的办件 lists it; a second draft of the item is refused.
    expect((await formOf(catering)).draft).toMatchObject({ id: draft.id, answers, materials: draft.materials });
    expect((await api.ok<OnlineDraftDto[]>('GET', '/api/portal/online/drafts', catering)).map((d) => d.id)).toContain(draft.id);
    const again = await api.call('POST', '/api/portal/online/drafts', catering, { itemCode: FOOD_BUSINESS, answers });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE', fields: [{ field: 'itemCode' }] });

    // Another enterprise's license, a made-up license id, another enterprise's upload: refused, the draft is unchanged.
    const foreignLicense = (await formOf(manufacturing)).materials.find((m) => m.key === 'business_license')!.license!.id;
    const foreignFile = await upload(manufacturing, '申请书.pdf', PDF);
    for (const [material, field] of [
      [{ key: 'business_license', licenseId: foreignLicense }, 'materials.0.licenseId'],
      [{ key: 'business_license', licenseId: '00000000-0000-4000-8000-000000000000' }, 'materials.0.licenseId'],
      [{ key: 'business_license', fileId: foreignFile }, 'materials.0.fileId'],
    ] as const) {
      const res = await api.call('PUT', `/api/portal/online/drafts/${draft.id}`, catering, { version: draft.version, answers, materials: [material] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field }] });
    }
    expect(await api.ok<OnlineDraftDto>('GET', `/api/portal/online/drafts/${draft.id}`, catering)).toEqual(draft);
    // The draft is the enterprise's own; a stale save is refused.
    expect((await api.call('GET', `/api/portal/online/drafts/${draft.id}`, manufacturing)).statusCode).toBe(404);
    expect((await api.call('PUT', `/api/portal/online/drafts/${draft.id}`, manufacturing, { version: 1, answers })).statusCode).toBe(404);
    const files = await Promise.all(uploads.map((m) => upload(catering, `${m.key}.png`, PNG)));
    const materials = [{ key: 'business_license', licenseId: license!.id }, ...uploads.map((m, i) => ({ key: m.key, fileId: files[i] }))];
    const saved = await api.ok<OnlineDraftDto>('PUT', `/api/portal/online/drafts/${draft.id}`, catering, { version: draft.version, answers, materials });
    expect(saved.version).toBe(2);
    const stale = await api.call('PUT', `/api/portal/online/drafts/${draft.id}`, catering, { version: draft.version, answers, materials });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION' });

    // Submitting: the declaration is required; a forged license refuses the whole submission and keeps the draft.
    const applicationsBefore = await count('applications');
    const body = { itemCode: FOOD_BUSINESS, answers, materials, declaration: true };
    const undeclared = await api.call('POST', '/api/portal/online/applications', catering, { ...body, declaration: false });
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'declaration' }] });
    const forged = await api.call('POST', '/api/portal/online/applications', catering, { ...body, materials: [{ key: 'business_license', licenseId: foreignLicense }, ...materials.slice(1)] });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'materials.0.licenseId' }] });
    expect(await count('applications')).toBe(applicationsBefore);
    expect((await formOf(catering)).draft?.id).toBe(draft.id);

    const created = await api.ok<{ applicationId: string; number: string }>('POST', '/api/portal/online/applications', catering, body);
    expect(created.number).toMatch(/^440605-2026-\d{6}$/);
    expect(await count('applications')).toBe(applicationsBefore + 1);
    expect((await formOf(catering)).draft).toBeNull();
    expect(await api.ok<OnlineDraftDto[]>('GET', '/api/portal/online/drafts', catering)).toEqual([]);
    const app = await api.ok('GET', `/api/applications/${created.applicationId}`, clerk);
    expect(app).toMatchObject({ state: 'received', channel: 'online', uscc: CATERING });
    expect(app.materials.find((m) => m.key === 'business_license')).toMatchObject({ status: 'license', licenseId: license!.id });
    expect(app.materials.find((m) => m.key === 'safety_staff')).toMatchObject({ status: 'missing' });

    // 网上审核中心: the clerk sees it waiting for the check; staff other than intake clerks do not.
    const queue = await api.ok<OnlineReviewEntry[]>('GET', '/api/applications/online-review', clerk);
    expect(queue.find((e) => e.id === created.applicationId)).toMatchObject({ state: 'received', channel: 'online', owedMaterials: 1, suppliedSinceNotice: false });
    expect((await api.call('GET', '/api/applications/online-review', catering)).statusCode).toBe(403);
    expect((await api.call('GET', '/api/applications/online-review', await t.loginAs('reviewer'))).statusCode).toBe(403);
  });

  it('takes a supplement online after the one-time notice and is accepted', async () => {
    const form = await formOf(catering);
    const license = form.materials.find((m) => m.key === 'business_license')!.license!;
    const keys = form.materials.filter((m) => m.key !== 'business_license' && m.key !== 'safety_staff').map((m) => m.key);
    const files = await Promise.all(keys.map((k) => upload(catering, `${k}.pdf`, PDF)));
    const created = await api.ok<{ applicationId: string }>('POST', '/api/portal/online/applications', catering, {
      itemCode: FOOD_BUSINESS,
      answers,
      materials: [{ key: 'business_license', licenseId: license.id }, ...keys.map((key, i) => ({ key, fileId: files[i] }))],
      declaration: true,
    });
    const id = created.applicationId;
    let app = await api.ok('GET', `/api/applications/${id}`, clerk);
    app = await api.ok('POST', `/api/applications/${id}/supplement`, clerk, { version: app.version, deadlineDays: 5, items: [{ key: 'safety_staff', requirement: '附任命文件' }] });
    expect(app.state).toBe('awaiting_supplement');

    // The enterprise sees the notice in 我的办件 and uploads the missing material online; another enterprise cannot.
    const own = (await api.ok<OwnApplicationList>('GET', '/api/portal/applications', catering)).items.find((a) => a.id === id)!;
    expect(own).toMatchObject({ state: 'awaiting_supplement' });
    expect(own.notices.map((n) => n.title).join()).toContain('补正');
    const supplement = await upload(catering, '任命文件.pdf', PDF);
    expect((await api.call('PUT', `/api/portal/applications/${id}/materials/safety_staff`, manufacturing, { fileId: supplement })).statusCode).toBe(404);
    await api.ok('PUT', `/api/portal/applications/${id}/materials/safety_staff`, catering, { fileId: supplement });
    const queue = await api.ok<OnlineReviewEntry[]>('GET', '/api/applications/online-review', clerk);
    expect(queue.find((e) => e.id === id)).toMatchObject({ state: 'awaiting_supplement', owedMaterials: 0, suppliedSinceNotice: true });

    // The clerk takes the supplement in and accepts: the application leaves the online review center for the department.
    app = await api.ok('GET', `/api/applications/${id}`, clerk);
    app = await api.ok('POST', `/api/applications/${id}/resubmit`, clerk, { version: app.version });
    app = await api.ok<ApplicationDetail>('POST', `/api/applications/${id}/accept`, clerk, { version: app.version });
    expect(app).toMatchObject({ state: 'in_review', channel: 'online' });
    expect(app.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await api.ok<OnlineReviewEntry[]>('GET', '/api/applications/online-review', clerk)).map((e) => e.id)).not.toContain(id);
  });

  it('refuses an item that is not offered online', async () => {
    const res = await api.call('GET', '/api/portal/online/items/NO-SUCH-ITEM/form', catering);
    expect(res.statusCode).toBe(404);
    expect((await api.call('GET', `/api/portal/online/items/${FOOD_BUSINESS}/form?answers=prepackaged_only:maybe`, catering)).json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'answers.prepackaged_only' }] });
    expect((await api.call('GET', `/api/portal/online/items/${FOOD_BUSINESS}/form`)).statusCode).toBe(401);
  });
});

describe('applying online for a bundle (一件事)', () => {
  const BUNDLE = 'NH-YJS-005';
  const bundleForm = (cookie: string) => api.ok<OnlineFormDto>('GET', `/api/portal/online/bundles/${BUNDLE}/form`, cookie);

  it('saves a bundle draft beside item drafts, submits the bundle with its member applications on the online channel, into the online review center', async () => {
    const form = await bundleForm(catering);
    expect(form).toMatchObject({ kind: 'bundle', item: { code: BUNDLE, name: '企业信息变更一件事' }, applicant: { uscc: CATERING }, draft: null });
    expect(form.materials.length).toBeGreaterThan(0);
    const keys = form.materials.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);

    // A draft of the bundle: one per bundle, resumed from its form, listed with the enterprise's drafts.
    const byLicense = form.materials.filter((m) => m.license);
    const uploads = form.materials.filter((m) => !m.license);
    const first = uploads[0]!;
    const firstFile = await upload(catering, `${first.key}.pdf`, PDF);
    const draft = await api.ok<OnlineDraftDto>('POST', '/api/portal/online/drafts', catering, { kind: 'bundle', itemCode: BUNDLE, answers: {}, materials: [{ key: first.key, fileId: firstFile }] });
    expect(draft).toMatchObject({ kind: 'bundle', itemCode: BUNDLE, itemName: '企业信息变更一件事', version: 1 });
    expect((await bundleForm(catering)).draft?.id).toBe(draft.id);
    expect((await api.ok<OnlineDraftDto[]>('GET', '/api/portal/online/drafts', catering)).find((d) => d.id === draft.id)).toMatchObject({ kind: 'bundle' });
    const again = await api.call('POST', '/api/portal/online/drafts', catering, { kind: 'bundle', itemCode: BUNDLE, answers: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE' });
    // A material that is not on the bundle's checklist is refused.
    const foreign = await api.call('PUT', `/api/portal/online/drafts/${draft.id}`, catering, { version: draft.version, answers: {}, materials: [{ key: 'no_such_material', fileId: firstFile }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'materials.0.key' }] });

    // Submitted: the bundle and its member applications, all on the online channel; the draft is gone.
    const files = await Promise.all(uploads.map((m) => upload(catering, `${m.key}.pdf`, PDF)));
    const materials = [...byLicense.map((m) => ({ key: m.key, licenseId: m.license!.id })), ...uploads.map((m, i) => ({ key: m.key, fileId: files[i] }))];
    const before = await count('applications');
    const created = await api.ok<{ applicationId: string; number: string }>('POST', '/api/portal/online/applications', catering, { kind: 'bundle', itemCode: BUNDLE, answers: {}, materials, declaration: true });
    const app = await api.ok<ApplicationDetail>('GET', `/api/applications/${created.applicationId}`, clerk);
    expect(app).toMatchObject({ kind: 'bundle', code: BUNDLE, state: 'received', channel: 'online', uscc: CATERING });
    expect(await count('applications')).toBe(before + 5);
    const children = await t.db.execute(sql`select channel, code from applications where parent_id = ${created.applicationId} order by code`);
    expect((children as unknown as { rows: { channel: string; code: string }[] }).rows).toEqual(
      ['NH-GJJ-001', 'NH-RS-001', 'NH-SCJG-002', 'NH-SW-002'].map((code) => ({ channel: 'online', code })),
    );
    for (const m of byLicense) expect(app.materials.find((x) => x.key === m.key)).toMatchObject({ status: 'license', licenseId: m.license!.id });
    expect((await bundleForm(catering)).draft).toBeNull();

    // The online review center lists the bundle (not its members); 我的办件 shows it.
    const queue = await api.ok<OnlineReviewEntry[]>('GET', '/api/applications/online-review', clerk);
    expect(queue.find((e) => e.id === created.applicationId)).toMatchObject({ kind: 'bundle', channel: 'online', state: 'received' });
    const own = await api.ok<OwnApplicationList>('GET', '/api/portal/applications', catering);
    expect(own.items.map((a) => a.id)).toContain(created.applicationId);
  });

  it('refuses a bundle one of whose items is not offered online, and changes nothing', async () => {
    // A bundle of an item offered online and one taken only at the counter, both published by the manager.
    const ONLY_COUNTER = 'NH-YJS-T91';
    const manager = await t.loginAs('manager');
    const centerId = (await api.ok<{ id: string }[]>('GET', '/api/centers', manager))[0]!.id;
    const departmentId = (await api.ok<{ id: string }[]>('GET', `/api/centers/${centerId}/departments`, manager))[0]!.id;
    const counterItem = await api.ok<{ id: string; version: number }>('POST', '/api/catalog/items', manager, { centerId, code: 'NH-TEST-OL91', guide: sampleItemGuide(departmentId, { channels: ['counter'] }) });
    await api.ok('POST', `/api/catalog/items/${counterItem.id}/publish`, manager, { version: counterItem.version });
    const members = [{ kind: 'item', code: 'NH-SCJG-002', stage: 1 }, { kind: 'item', code: 'NH-TEST-OL91', stage: 2 }] as const;
    const b = await api.ok<{ id: string; version: number }>('POST', '/api/catalog/bundles', manager, { centerId, code: ONLY_COUNTER, guide: sampleBundleGuide(departmentId, [...members]) });
    await api.ok('POST', `/api/catalog/bundles/${b.id}/publish`, manager, { version: b.version });
    const form = await api.call('GET', `/api/portal/online/bundles/${ONLY_COUNTER}/form`, catering);
    expect(form.statusCode).toBe(409);
    expect(form.json()).toMatchObject({ code: 'ONLINE_NOT_OFFERED' });
    const before = [await count('applications'), await count('online_application_drafts')];
    for (const path of ['/api/portal/online/drafts', '/api/portal/online/applications']) {
      const res = await api.call('POST', path, catering, { kind: 'bundle', itemCode: ONLY_COUNTER, answers: {}, materials: [], declaration: path.endsWith('applications') ? true : undefined });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'ONLINE_NOT_OFFERED', fields: [{ field: 'itemCode' }] });
    }
    expect([await count('applications'), await count('online_application_drafts')]).toEqual(before);
    expect((await api.call('GET', '/api/portal/online/bundles/NO-SUCH-BUNDLE/form', catering)).statusCode).toBe(404);
  });
});
