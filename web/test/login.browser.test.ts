import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A counter clerk signs in to a server running with demo data, sees the demo banner and only
 * the menu entries a clerk's permissions allow, and signs out.
 */
const baseUrl = process.env.BANSHI_TEST_BASE_URL?.replace(/\/$/, '');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!baseUrl) throw new Error('BANSHI_TEST_BASE_URL is not set: point it at a running server in demo mode');
  // launch() gives each run a fresh, temporary user-data-dir of its own (and refuses one in args).
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('staff login (demo mode)', () => {
  it('shows the demo banner on the login page', async () => {
    await page.goto(`${baseUrl}/login`);
    const banner = page.getByTestId('demo-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('演示数据');
    await page.getByTestId('demo-accounts').waitFor();
  });

  it('signs in as the counter clerk and shows only what a clerk may open', async () => {
    await page.getByTestId('login-username').fill('clerk');
    await page.getByTestId('login-password').fill('Demo1234');
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
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login$/);
    const me = await page.request.get(`${baseUrl}/api/auth/me`);
    expect(me.status()).toBe(401);
  });
});
