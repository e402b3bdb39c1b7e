import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, signIn } from './support.ts';

/**
 * Nearby service points (就近办, 6.3.5) on the pages: an enterprise of 大沥镇 finds on the portal's
 * guide of 食品经营许可 that it can be done at the 大沥 point (and at the county center), the town
 * picker narrowing the list; the county manager delegates an item to 狮山镇, publishes it there
 * (the portal then lists 狮山 for it), and reads the figures of the 大沥 point.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  const warm = await openPage(browser);
  await warm.page.goto(`${baseUrl()}/login`, { waitUntil: 'domcontentloaded', timeout: 180_000 });
  await warm.page.getByTestId('login-username').waitFor({ timeout: 180_000 });
  await warm.context.close();
}, 400_000);
afterAll(async () => {
  await browser?.close();
});

const places = (page: Page) => page.getByTestId('item-place').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

async function chooseTown(page: Page, town: string) {
  await page.getByTestId('item-places-town').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: town }).first().click();
}

describe('nearby service points', () => {
  it('an enterprise finds the 大沥 point for 食品经营许可 on the portal, by town', { timeout: 300_000 }, async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/portal/items/NH-SCJG-006`);
    await page.getByTestId('item-places').waitFor({ timeout: 60_000 });
    await expect.poll(() => places(page)).toEqual(['大沥镇便民服务中心', '佛山市南海区政务服务中心']);
    const dali = page.locator('[data-testid="item-place"][data-name="大沥镇便民服务中心"]');
    expect(await dali.innerText()).toContain('委托受理');
    expect(await dali.innerText()).toContain('大沥镇便民服务中心（演示地址）');

    await chooseTown(page, '大沥镇');
    await expect.poll(() => places(page)).toEqual(['大沥镇便民服务中心', '佛山市南海区政务服务中心']);
    await chooseTown(page, '狮山镇');
    await expect.poll(() => places(page)).toEqual(['佛山市南海区政务服务中心']);
    expect(await page.getByTestId('item-places-none').isVisible()).toBe(true);
    await context.close();
  });

  it('the county manager delegates an item to 狮山镇, publishes it, and reads the 大沥 figures', { timeout: 300_000 }, async () => {
    const { context, page } = await signIn(browser, 'manager');
    await page.getByTestId('menu-service-points').click();
    const shishan = page.locator('[data-testid="point-row"][data-name="狮山镇便民服务中心"]');
    await shishan.waitFor({ timeout: 60_000 });
    const countBefore = Number(await shishan.locator('[data-testid^="point-items-"]').innerText());
    await shishan.getByTestId('point-open').click();
    const drawer = page.getByTestId('point-drawer');
    await drawer.waitFor();
    await drawer.getByTestId('delegate-item').click();
    await page.keyboard.type('NH-SCJG-010');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'NH-SCJG-010' }).first().click();
    await drawer.getByTestId('delegate-submit').click();
    await expect.poll(() => drawer.getByTestId('delegation-state-NH-SCJG-010').innerText(), { timeout: 30_000 }).toBe('已委托，待发布');
    await drawer.getByTestId('delegation-publish-NH-SCJG-010').click();
    await expect.poll(() => drawer.getByTestId('delegation-state-NH-SCJG-010').innerText(), { timeout: 30_000 }).toBe('已发布');
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(async () => Number(await shishan.locator('[data-testid^="point-items-"]').innerText())).toBe(countBefore + 1);

    // the portal now lists 狮山 for that item
    const portal = await openPage(browser);
    await portal.page.goto(`${baseUrl()}/portal/items/NH-SCJG-010`);
    await portal.page.getByTestId('item-places').waitFor({ timeout: 60_000 });
    await expect.poll(() => places(portal.page)).toContain('狮山镇便民服务中心');
    await portal.context.close();

    // the figures of the 大沥 point: the demo's applications received there, by item
    await page.locator('[data-testid="point-row"][data-name="大沥镇便民服务中心"]').getByTestId('point-open').click();
    const figures = page.getByTestId('point-figures');
    await expect.poll(async () => Number(await figures.getByTestId('point-figures-applications').locator('.ant-statistic-content-value').innerText())).toBeGreaterThanOrEqual(2);
    expect(await figures.getByTestId('point-figures-items').innerText()).toContain('食品经营许可');
    await context.close();
  });
});
