import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, signIn } from './support.ts';

/**
 * 好差评统计 and 评价公示 as people see them on the demo center: the manager reads the rates, the
 * 100 % targets (not met while callbacks are running) and what keeps them below, regroups, and
 * finds the export; the chief officer sees only the own department; the public portal shows a
 * month's disclosure without login.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('好差评统计', () => {
  it('shows the manager the rates, the targets not met and why, by counter, with the export', async () => {
    const { context, page } = await signIn(browser, 'manager');
    await page.getByTestId('menu-evaluation-figures').click();
    await page.getByTestId('evaluation-figures').waitFor();
    expect(await page.getByTestId('evaluation-figures').innerText()).toContain('好评率');
    expect(await page.getByTestId('rectification-rate').innerText()).toContain('未达标');
    const pending = page.getByTestId('pending-callbacks');
    expect(await pending.innerText()).toContain('尚未联系上评价人');
    expect(await pending.getByText('查看回访').count()).toBeGreaterThan(0);
    await page.getByTestId('figures-group').click();
    await page.getByTitle('按窗口').click();
    await page.getByTestId('figures-rows').getByText('1 号窗口', { exact: false }).first().waitFor();
    expect(await page.getByTestId('export-xlsx').getAttribute('href')).toMatch(/^\/api\/evaluation-export\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&format=xlsx$/);
    await context.close();
  });

  it('limits the chief officer to the own department', async () => {
    const { context, page } = await signIn(browser, 'chief');
    await page.getByTestId('menu-evaluation-figures').click();
    await page.getByTestId('evaluation-figures').waitFor();
    await page.getByText('仅显示您负责的部门：市场监督管理局').waitFor();
    await context.close();
  });
});

describe('评价公示', () => {
  it('is on the portal without login: a month by department and counter, and the rectified bad reviews', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/portal`);
    await page.getByTestId('portal-nav-interaction').click(); // the portal menu's area opens as a dropdown
    await page.getByRole('link', { name: '评价公示' }).click();
    await page.getByTestId('evaluation-disclosure').waitFor();
    await page.getByText('各部门评价情况').waitFor();
    await page.getByTestId('disclosure-month').click();
    const options = page.locator('.ant-select-item-option');
    expect(await options.count()).toBeGreaterThanOrEqual(3);
    await options.nth(1).click();
    await page.getByTestId('disclosure-rectified').locator('tbody tr').first().waitFor();
    const text = await page.getByTestId('evaluation-disclosure').innerText();
    expect(text).not.toMatch(/1[3-9]\d{9}|1[3-9]\d\*{4}\d{4}/);
    await context.close();
  });
});
