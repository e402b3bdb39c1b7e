import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, portalSignIn, saveDialog, signIn } from './support.ts';

/**
 * Issue 14, item 3 (一网通办) on the pages: the demo caterer finds 在线申办 on the guide of
 * 食品经营许可, answers the questions, keeps its business license from the e-license library
 * (免提交), uploads part of the rest and saves a draft; 我的办件 lists the draft and resumes it with
 * the upload kept; it submits with the declaration. A clerk of the online review center asks for
 * one supplement; the enterprise uploads it online; the clerk takes it in and accepts. The
 * reviewer approves, the clerk delivers it electronically, and the decision is disclosed with the
 * applicant masked on the portal and on the kiosk.
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
/** the demo caterer with a portal account and a valid business license in the e-license library */
const CATERING = '91440605MA51XQ2D77';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const stateOf = (page: Page) => page.getByTestId('state-tag').first().innerText();

async function uploadTo(material: Locator, name: string) {
  await material.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await material.getByTestId('online-apply-uploaded').waitFor();
}

describe('applying online for 食品经营许可', () => {
  it('is drafted, resumed, submitted with the business license by the e-license library, supplemented online, accepted, decided, delivered electronically and disclosed masked', { timeout: STORY_TIMEOUT_MS }, async () => {
    const enterprise = await openPage(browser);
    const page = enterprise.page;
    page.setDefaultTimeout(SLOW_STEP_MS);
    await portalSignIn(page, CATERING);
    await page.goto(`${baseUrl()}/portal/items/NH-SCJG-006`);
    await page.getByTestId('item-apply-online').click();
    await page.getByTestId('online-apply-page').waitFor();
    expect(await page.getByTestId('online-apply-applicant').innerText()).toContain('佛山市南海区示例餐饮管理有限公司');
    await page.getByTestId('online-apply-question-prepackaged_only').getByText('否').click();
    await page.getByTestId('online-apply-question-online_sales').getByText('否').click();

    const materials = page.getByTestId('online-apply-material');
    const byKey = (key: string) => page.locator(`[data-testid="online-apply-material"][data-key="${key}"]`);
    await byKey('equipment_list').waitFor();
    // the business license comes from the e-license library: no upload
    const license = byKey('business_license');
    expect(await license.locator('[data-testid="online-apply-use-license"] input, input[data-testid="online-apply-use-license"]').first().isChecked()).toBe(true);
    expect(await license.getByTestId('online-apply-upload').count()).toBe(0);

    // One upload, then a draft; 我的办件 lists it and resumes it with the upload kept.
    await uploadTo(byKey('application'), '申请书.pdf');
    await page.getByTestId('online-apply-save').click();
    await page.getByText('草稿已保存').waitFor();
    await page.goto(`${baseUrl()}/portal/my-applications`);
    const draft = page.getByTestId('my-draft').filter({ hasText: '食品经营许可' });
    await draft.getByText('草稿').first().waitFor();
    await draft.getByTestId('my-draft-resume').click();
    await page.getByTestId('online-apply-draft').waitFor();
    expect(await byKey('application').getByTestId('online-apply-uploaded').innerText()).toContain('申请书.pdf');

    // The rest but the safety staff's details, the declaration, submit.
    await expect.poll(() => materials.count()).toBe(7);
    for (const key of ['legal_rep_id', 'layout', 'equipment_list', 'rules']) await uploadTo(byKey(key), '材料.pdf');
    expect(await page.getByTestId('online-apply-submit').isDisabled()).toBe(true);
    await page.getByTestId('online-apply-declaration').click();
    await page.getByTestId('online-apply-submit').click();
    const number = /\d{6}-\d{4}-\d{6}/.exec(await page.getByTestId('online-apply-number').innerText())![0];

    // The online review center: the clerk finds it waiting and asks for the one missing material.
    const clerk = await signIn(browser, 'clerk');
    const staff = clerk.page;
    staff.setDefaultTimeout(SLOW_STEP_MS);
    await staff.goto(`${baseUrl()}/online-review`);
    const row = staff.getByTestId('online-review-row').filter({ hasText: number });
    await row.getByTestId('online-review-open').click();
    await expect.poll(() => stateOf(staff)).toBe('已收件');
    await staff.getByTestId('action-supplement').click();
    await saveDialog(staff);
    await expect.poll(() => stateOf(staff)).toBe('待补正');

    // The enterprise follows it under 我的办件 and uploads the material online.
    await page.goto(`${baseUrl()}/portal/my-applications`);
    const mine = page.getByTestId('my-application').filter({ hasText: number });
    await expect.poll(() => mine.getByTestId('my-application-state').innerText()).toBe('待补正');
    await mine.getByTestId('my-application-follow').click();
    const progress = page.getByTestId('application-progress');
    await progress.getByText('食品安全总监、食品安全员基本情况').waitFor();
    await progress.locator('input[type=file]').first().setInputFiles({ name: '任命文件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('已补交，等待窗口核验').first().waitFor();

    // The clerk sees it supplied, takes it in and accepts.
    await staff.goto(`${baseUrl()}/online-review`);
    await row.getByTestId('online-review-supplied').waitFor();
    await row.getByTestId('online-review-open').click();
    await expect.poll(() => stateOf(staff)).toBe('待补正');
    await staff.getByTestId('action-resubmit').click();
    await expect.poll(() => stateOf(staff)).toBe('已收件');
    await staff.getByTestId('action-accept').click();
    await staff.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => stateOf(staff)).toBe('审查中');

    await page.goto(`${baseUrl()}/portal/my-applications`);
    await expect.poll(() => page.getByTestId('my-application').filter({ hasText: number }).getByTestId('my-application-state').innerText()).toBe('审查中');

    // 市场监督管理局's reviewer approves it (the back office's pages have their own test); the
    // clerk delivers the result electronically, as an e-license, and the enterprise sees it done.
    const applicationId = /\/applications\/([0-9a-f-]{36})/.exec(staff.url())![1]!;
    const reviewer = await signIn(browser, 'reviewer');
    const api = reviewer.context.request;
    const detail = async () => (await (await api.get(`${baseUrl()}/api/applications/${applicationId}`)).json()) as { tasks: { id: string; version: number }[] };
    const task = (await detail()).tasks[0]!;
    expect((await api.post(`${baseUrl()}/api/review/tasks/${task.id}/take`, { data: { version: task.version } })).ok()).toBe(true);
    const taken = (await detail()).tasks[0]!;
    const approved = await api.post(`${baseUrl()}/api/review/tasks/${taken.id}/approve`, { data: { version: taken.version, opinion: '符合条件，准予许可。' } });
    expect(approved.ok(), await approved.text()).toBe(true);
    await staff.reload();
    await staff.getByTestId('delivery-panel').getByRole('button', { name: '电子送达' }).click();
    await expect.poll(() => stateOf(staff)).toBe('已办结送达');
    await page.goto(`${baseUrl()}/portal/my-applications`);
    await expect.poll(() => page.getByTestId('my-application').filter({ hasText: number }).getByTestId('my-application-state').innerText()).toBe('已办结送达');

    // The decision is disclosed with the applicant masked: on the portal and on the kiosk.
    const disclosed = async (results: Locator) => {
      await results.getByTestId('disclosure-results-search').locator('input').fill(number);
      await results.getByTestId('disclosure-results-search').locator('input').press('Enter');
      const row = results.locator('tbody tr', { hasText: number });
      await row.waitFor();
      const text = await row.innerText();
      expect(text).toContain('*');
      expect(text).not.toContain('示例餐饮管理有限公司');
      expect(text).toContain('准予');
    };
    await page.goto(`${baseUrl()}/portal/disclosure`);
    await page.getByTestId('disclosure-tab-results').click();
    await disclosed(page.getByTestId('disclosure-results'));
    const kiosk = await openPage(browser);
    kiosk.page.setDefaultTimeout(SLOW_STEP_MS);
    await kiosk.page.goto(`${baseUrl()}/kiosk/disclosure`);
    await kiosk.page.getByTestId('kiosk-disclosure').waitFor();
    await kiosk.page.getByTestId('kiosk-disclosure-tab-results').click();
    await disclosed(kiosk.page.getByTestId('disclosure-results'));
    await Promise.all([enterprise.context.close(), clerk.context.close(), reviewer.context.close(), kiosk.context.close()]);
  });
});
