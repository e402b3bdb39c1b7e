import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveDialog, signIn } from './support.ts';

/**
 * 差评回访 on the pages (the HTTP tests cover the rules): the manager takes an open callback of
 * the demo through the call, the verification, the rectification with its evidence, the
 * re-rating and closing; then decides the demo's pending appeal on 申诉复核.
 */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a bad review called back and rectified', () => {
  it('goes from 待回访 to 已办结 on the detail page', async () => {
    const { context, page } = await signIn(browser, 'manager');
    await page.getByTestId('menu-callbacks').click();
    await page.getByTestId('callback-state-filter').click();
    await page.getByTitle('待回访').click();
    await page.getByTestId('callback-detail-link').first().click();
    await page.getByTestId('callback-detail').waitFor();
    const state = () => page.getByTestId('callback-detail').locator('.ant-card-head-title .ant-tag').first().innerText();
    expect(await state()).toBe('待回访');

    await page.getByTestId('action-record-contact').click();
    await page.getByTestId('contact-note').fill('电话联系上评价人，已致歉并了解情况');
    await saveDialog(page);
    await expect.poll(state).toBe('已回访待核实');

    await page.getByTestId('action-verify').click();
    await page.getByRole('dialog').getByText('属实', { exact: true }).click();
    await page.getByTestId('verdict-note').fill('经核查，窗口未一次性告知所需材料');
    await saveDialog(page);
    await expect.poll(state).toBe('已核实待整改');

    await page.getByTestId('action-rectify').click();
    await page.getByTestId('measures').fill('重新制作材料清单；开展一次性告知培训');
    await page.getByTestId('owner-name').fill('窗口组长');
    await saveDialog(page);
    await expect.poll(state).toBe('整改中');

    await page.getByTestId('upload-evidence').locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]').setInputFiles({ name: '培训签到表.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByTestId('rectification-panel').innerText()).toContain('培训签到表.png');

    await page.getByTestId('action-mark-done').click();
    await page.getByTestId('result').fill('材料清单已更新，培训已完成');
    await saveDialog(page);
    await page.getByTestId('action-re-rate').click();
    await page.getByRole('dialog').getByText('满意', { exact: true }).click();
    await saveDialog(page);
    await expect.poll(() => page.getByTestId('rectification-panel').innerText()).toContain('满意');

    await page.getByTestId('action-close').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(state).toBe('已办结');
    const timeline = await page.getByTestId('callback-timeline').innerText();
    for (const step of ['生成回访任务', '回访：已联系上', '核实：属实', '登记整改', '整改完成', '整改后再评价：满意', '办结']) expect(timeline).toContain(step);
    await context.close();
  });

  it('lets the manager decide a pending appeal on 申诉复核', async () => {
    const { context, page } = await signIn(browser, 'manager');
    await page.getByTestId('menu-appeal-review').click();
    const table = page.getByTestId('appeal-review');
    await table.waitFor();
    await table.locator('[data-testid^="decide-"]').first().click();
    await page.getByRole('dialog').getByText('申诉不成立').click();
    await page.getByTestId('appeal-note').fill('证据不足，维持评价');
    await saveDialog(page);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });
});
