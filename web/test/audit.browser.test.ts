import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, signIn } from './support.ts';

/**
 * The audit log in words (issue 16, item 8): a row shows its action and object type in Chinese
 * (the code of the action below, for searching), and its detail as labelled fields.
 */

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await signIn(browser, 'manager'));
});

afterAll(async () => {
  await browser?.close();
});

describe('audit log page', () => {
  it('labels a row’s action, object type and detail fields in Chinese', async () => {
    const searched = await page.request.post(`${baseUrl()}/api/people/search`, { data: { name: '张' } });
    expect(searched.status()).toBe(200);

    await page.getByTestId('menu-audit').click();
    await page.locator('#action').fill('person.search');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.locator('tr.ant-table-row').filter({ hasText: '按号码查找人员' }).first();
    await row.waitFor();
    expect(await row.getByTestId('audit-action').innerText()).toBe('按号码查找人员');
    expect(await row.innerText()).toContain('人员');

    await row.locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('audit-detail').first();
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain('查找依据');
    expect(text).not.toContain('"by"');
  });
});
