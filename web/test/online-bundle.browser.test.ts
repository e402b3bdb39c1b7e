import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, portalSignIn } from './support.ts';

/**
 * Issue 14, item 3 (一网通办) for a bundle (一件事): the demo manufacturer finds 在线申办 on the
 * guide of 企业信息变更一件事, keeps its business license from the e-license library (免提交),
 * uploads the rest, saves a draft that 我的办件 resumes, and submits it with the declaration: the
 * bundle is then under 我的办件, received.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STORY_TIMEOUT_MS = 600_000;
/** one step on a loaded machine (the CI's runners are shared) */
const SLOW_STEP_MS = 90_000;
/** the demo manufacturer with a portal account and a valid business license in the e-license library */
const MANUFACTURING = '91440605MA4W3K7P3K';
const BUNDLE = 'NH-YJS-005';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function uploadTo(material: Locator, name: string) {
  await material.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await material.getByTestId('online-apply-uploaded').waitFor();
}

describe('applying online for a bundle (一件事)', () => {
  it('is drafted, resumed and submitted from the bundle guide, and shows under 我的办件', { timeout: STORY_TIMEOUT_MS }, async () => {
    const { page, context } = await openPage(browser);
    page.setDefaultTimeout(SLOW_STEP_MS);
    await portalSignIn(page, MANUFACTURING);
    await page.goto(`${baseUrl()}/portal/bundles/${BUNDLE}`);
    await page.getByTestId('bundle-apply-online').click();
    await page.getByTestId('online-apply-page').waitFor();
    expect(await page.getByTestId('online-apply-page').innerText()).toContain('企业信息变更一件事');

    // the combined checklist: the business license comes from the e-license library, the rest is uploaded
    const materials = page.getByTestId('online-apply-material');
    await materials.first().waitFor();
    const byLicense = materials.filter({ has: page.getByTestId('online-apply-use-license') });
    await byLicense.first().waitFor();
    for (const m of await byLicense.all()) expect(await m.getByTestId('online-apply-upload').count()).toBe(0);
    const toUpload: Locator[] = [];
    for (const m of await materials.all()) if ((await m.getByTestId('online-apply-upload').count()) > 0) toUpload.push(m);
    expect(toUpload.length).toBeGreaterThan(0);
    await uploadTo(toUpload[0]!, '材料一.pdf');

    // a draft of the bundle, resumed from 我的办件 with the upload kept
    await page.getByTestId('online-apply-save').click();
    await page.getByText('草稿已保存').waitFor();
    await page.goto(`${baseUrl()}/portal/my-applications`);
    const draft = page.getByTestId('my-draft').filter({ hasText: '企业信息变更一件事' });
    await draft.getByTestId('my-draft-resume').click();
    await page.getByTestId('online-apply-draft').waitFor();
    expect(await toUpload[0]!.getByTestId('online-apply-uploaded').innerText()).toContain('材料一.pdf');

    for (const m of toUpload.slice(1)) await uploadTo(m, '材料.pdf');
    await page.getByTestId('online-apply-declaration').click();
    await page.getByTestId('online-apply-submit').click();
    const number = /\d{6}-\d{4}-\d{6}/.exec(await page.getByTestId('online-apply-number').innerText())![0];

    // 我的办件: the bundle, received; its draft is gone
    await page.goto(`${baseUrl()}/portal/my-applications`);
    const mine = page.getByTestId('my-application').filter({ hasText: number });
    await expect.poll(() => mine.getByTestId('my-application-state').innerText()).toBe('已收件');
    expect(await mine.innerText()).toContain('企业信息变更一件事');
    expect(await page.getByTestId('my-draft').filter({ hasText: '企业信息变更一件事' }).count()).toBe(0);
    await context.close();
  });
});
