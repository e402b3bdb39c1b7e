import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, saveDialog, signIn } from './support.ts';

/**
 * The "done when", as far as the pages take it (the ticket and the 2026 National Day due
 * date are covered by the HTTP test, which can set the clock): the clerk receives 食品经营许可
 * with one material missing and prints the supplement notice; the applicant returns and the
 * application is accepted with a due date; the reviewer approves; the e-license is issued; the
 * portal shows each step.
 */
const CATERING = '91440605MA51XQ2D77';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const stateOf = (page: Page) => page.getByTestId('state-tag').first().innerText();

describe('an application from the counter to the portal', () => {
  let number = '';

  it('receives 食品经营许可, prints the supplement notice, and accepts it when the applicant returns', async () => {
    const { context, page } = await signIn(browser, 'clerk');
    await page.getByTestId('menu-applications').click();
    await page.getByTestId('new-intake').click();
    await page.getByTestId('intake-code').click();
    await page.keyboard.type('食品经营许可');
    await page.getByTitle('食品经营许可（NH-SCJG-006）').click();
    for (const q of ['prepackaged_only', 'online_sales']) await page.getByTestId(`question-${q}`).getByText('否').click();
    await page.getByTestId('intake-uscc').fill(CATERING);
    await page.getByTestId('intake-phone').fill('13800138000');
    await page.getByTestId('intake-submit').click();

    await page.getByTestId('application-detail').waitFor();
    number = await page.getByTestId('application-number').innerText();
    expect(number).toMatch(/^440605-\d{4}-\d{6}$/);
    expect(await stateOf(page)).toBe('已收件');

    // Every material but one is seen on paper.
    for (const key of ['application', 'business_license', 'legal_rep_id', 'layout', 'equipment_list', 'rules']) {
      await page.getByTestId(`material-${key}-paper`).click();
      await expect.poll(() => page.getByTestId(`material-${key}-status`).innerText()).toBe('纸质已核验');
    }
    await page.getByTestId('action-supplement').click();
    await saveDialog(page);
    await expect.poll(() => stateOf(page)).toBe('待补正');

    // The notice opens as a PDF to print.
    const link = page.getByTestId('notice-supplement');
    const href = await link.getAttribute('href');
    const pdf = await page.request.get(`${baseUrl()}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByTestId('action-resubmit').click();
    await expect.poll(() => stateOf(page)).toBe('已收件');
    await page.getByTestId('material-safety_staff-paper').click();
    await expect.poll(() => page.getByTestId('material-safety_staff-status').innerText()).toBe('纸质已核验');
    await page.getByTestId('action-accept').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => stateOf(page)).toBe('审查中');
    expect(await page.getByTestId('due-normal').count()).toBe(1);
    await context.close();
  });

  it('is approved by the reviewer from the back-office queue, with the e-license issued', async () => {
    const { context, page } = await signIn(browser, 'reviewer');
    await page.getByTestId('menu-review').click();
    await page.getByPlaceholder('办件编号、申请人、统一社会信用代码或事项').fill(number);
    await page.keyboard.press('Enter');
    await page.getByTestId('review-queue').getByText(number).click();
    await page.getByTestId('application-detail').waitFor();
    await page.getByTestId('action-approve').click();
    await page.getByTestId('approve-opinion').fill('经审查，符合食品经营许可条件，准予许可。');
    await saveDialog(page);
    await expect.poll(() => stateOf(page)).toBe('准予许可（待出件）');
    expect(await page.getByTestId('notices').innerText()).toContain('准予行政许可决定书');
    expect(await page.getByTestId('license-issued').innerText()).toContain('电子证照库');
    expect(await page.getByTestId('delivery-panel').innerText()).toContain('待领取');
    await context.close();
  });

  it('shows each step on the portal by number and the phone given at intake', async () => {
    // Playwright's default viewport, which this step has always had.
    const { context, page } = await openPage(browser, { width: 1280, height: 720 });
    await page.goto(`${baseUrl()}/portal/progress`);
    await page.getByTestId('progress-number').fill(number);
    await page.getByText('预留手机号码', { exact: true }).click();
    await page.getByTestId('progress-key').fill('13800138000');
    await page.getByTestId('progress-submit').click();
    const steps = page.getByTestId('progress-steps');
    await steps.waitFor();
    const text = await steps.innerText();
    for (const step of ['收件', '补正告知', '收到补正材料', '受理', '准予许可']) expect(text).toContain(step);
    await context.close();
  });
});
