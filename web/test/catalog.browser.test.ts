import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, LAPTOP, launchBrowser, logIn, openPage } from './support.ts';

/**
 * The catalog as people use it: a new user asks the portal in their own words, lands on the
 * bundle, answers two situation questions and gets the list to print; the guide does the same at
 * the guidance desk; an administrator edits and publishes an item.
 */

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openPage(browser, LAPTOP));
});

afterAll(async () => {
  await browser?.close();
});

describe('the public portal', () => {
  it('"我想开一家奶茶店": search, the bundle, two answers, a printable list', async () => {
    await page.goto(`${baseUrl()}/portal`);
    expect(await page.getByTestId('demo-banner').innerText()).toContain('演示数据');
    await page.getByTestId('portal-center').getByText('佛山市南海区政务服务中心').waitFor();
    const box = page.getByTestId('guidance-search').first().locator('input');
    await box.fill('我想开一家奶茶店');
    await box.press('Enter');
    await page.getByTestId('result-NH-YJS-002').click();
    await page.getByTestId('bundle-notice').waitFor();
    expect(await page.getByTestId('notice-title').innerText()).toBe('开办餐饮店一件事');

    await page.getByTestId('question-outdoor_sign').getByText('否').click();
    await page.getByTestId('question-premises_owned').getByText('租赁').click();
    await page.waitForURL(/answers=outdoor_sign%3Ano%2Cpremises_owned%3Ano/);
    const members = page.getByTestId('bundle-members');
    await members.getByText('因“是否设置户外招牌或广告：否”无需办理').waitFor({ timeout: 60_000 });
    // the list follows the answers (the previous list stays on screen while the new one loads)
    await page.waitForFunction(() => !document.querySelector('[data-testid=material-table]')?.textContent?.includes('不动产权证书'));
    const materials = await page.getByTestId('material-table').innerText();
    expect(materials).toContain('住所（经营场所）租赁合同及出租方产权证明');
    expect(materials).not.toContain('住所（经营场所）不动产权证书');
    expect(materials).not.toContain('户外广告设施设置申请表');

    // On paper: the notice alone, with the answers written out instead of the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.notice-print-area').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    expect(await page.locator('header').first().evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    expect(await page.getByTestId('situations').isVisible()).toBe(false);
    expect(await page.locator('.notice-print-only').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('print').isVisible()).toBe(true);
  });

  it('browses by theme and by department', async () => {
    await page.goto(`${baseUrl()}/portal`);
    await page.getByTestId('theme-utilities').click();
    await page.getByTestId('portal-items').getByText('用电报装').waitFor();
    await page.goto(`${baseUrl()}/portal/items?by=department`);
    await page.getByTestId('portal-items').getByText('企业设立登记').waitFor();
  });
});

describe('the guidance desk and the catalog administration', () => {
  it('the guide finds the item from what the enterprise says', async () => {
    await logIn(page, 'guide');
    await page.getByTestId('menu-guidance').click();
    const box = page.getByTestId('guidance-search').locator('input');
    await box.fill('卖香烟要办什么证');
    await box.press('Enter');
    await page.getByTestId('result-NH-YC-001').click();
    expect(await page.getByTestId('notice-title').innerText()).toBe('烟草专卖零售许可证核发');
    expect(await page.getByTestId('side-menu').innerText()).not.toContain('事项目录');
    await page.context().clearCookies();
  });

  it('an administrator edits an item and publishes it; the portal shows the new version', async () => {
    await logIn(page, 'admin');
    await page.getByTestId('menu-catalog').click();
    await page.getByTestId('item-table').waitFor();
    const search = page.getByPlaceholder('名称或编码');
    await search.fill('NH-TX-001');
    await search.press('Enter');
    await page.getByTestId('item-table').getByText('宽带及有线电视报装').click();
    await page.getByTestId('item-form').waitFor();
    const promised = page.getByTestId('promised-days');
    const input = (await promised.evaluate((el) => el.tagName)) === 'INPUT' ? promised : promised.locator('input');
    await input.fill('2');
    await page.getByTestId('publish').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('保存后生成草稿 v3').waitFor({ timeout: 60_000 });

    await page.goto(`${baseUrl()}/portal/items/NH-TX-001`);
    await page.getByTestId('item-notice').waitFor();
    const text = await page.getByTestId('item-notice').innerText();
    expect(text).toContain('指南版本 v2');
    expect(text).toContain('2 个工作日');
  });
});
