import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, LAPTOP, launchBrowser, openPage } from './support.ts';

/**
 * A counter clerk signs in to a server running with demo data, sees the demo banner and only
 * the menu entries a clerk's permissions allow, and signs out.
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

describe('staff login (demo mode)', () => {
  it('shows the demo banner on the login page', async () => {
    await page.goto(`${baseUrl()}/login`);
    const banner = page.getByTestId('demo-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('演示数据');
    await page.getByTestId('demo-accounts').waitFor();
  });

  it('signs in as the counter clerk and shows only what a clerk may open', async () => {
    await page.getByTestId('login-username').fill('clerk');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    const menu = page.getByTestId('side-menu');
    await menu.waitFor();
    const entries = await menu.innerText();
    for (const shown of ['工作台', '机构目录', '工作日历']) expect(entries).toContain(shown);
    for (const hidden of ['人员管理', '审计日志', '机构管理']) expect(entries).not.toContain(hidden);

    expect(await page.getByTestId('demo-banner').innerText()).toContain('演示数据');
    expect(await page.getByTestId('user-menu').innerText()).toContain('李晓彤');
  });

  it('signs out, and the session is gone', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-submit').waitFor();

    // the server ended the session: a signed-in page sends the browser back to the login form
    await page.goto(`${baseUrl()}/calendar`);
    await page.waitForURL(/\/login$/);
    const me = await page.request.get(`${baseUrl()}/api/auth/me`);
    expect(me.status()).toBe(401);
  });
});
