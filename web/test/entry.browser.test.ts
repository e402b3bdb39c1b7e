import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './support.ts';

/**
 * How people arrive: the bare address offers the portal and the staff login; every page has its
 * own title; the portal fits a 360 px phone; the app's files come compressed and cached.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('arriving at Banshi', () => {
  it('offers 企业和群众 and 工作人员 at /, and the staff login links to the portal', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('landing').waitFor();
    expect(await page.getByTestId('landing-staff').innerText()).toContain('工作人员');
    await page.getByTestId('landing-portal').click();
    await page.waitForURL(/\/portal$/);

    await page.goto(`${baseUrl()}/login`);
    await page.getByTestId('login-to-portal').click();
    await page.waitForURL(/\/portal$/);
    await context.close();
  });

  it('gives each page its own title', async () => {
    const { context, page } = await openPage(browser);
    const titles = new Map<string, string>();
    for (const path of ['/', '/login', '/portal', '/portal/items', '/portal/progress', '/portal/appointments', '/portal/evaluation-disclosure']) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
      titles.set(path, await page.title());
    }
    expect(titles.get('/login')).toBe('工作人员登录 · 办事');
    expect(titles.get('/portal/progress')).toBe('办件进度查询 · 办事');
    expect(new Set(titles.values()).size, [...titles.values()].join(' | ')).toBe(titles.size);
    await context.close();
  });

  it('fits the portal in a 360 px phone without sideways scrolling', async () => {
    const { context, page } = await openPage(browser, { width: 360, height: 780 });
    const items = (await (await context.request.get(`${baseUrl()}/api/portal/items`)).json()) as { code: string }[] | { items: { code: string }[] };
    const code = (Array.isArray(items) ? items : items.items)[0]!.code;
    for (const path of ['/portal', '/portal/items', `/portal/items/${code}`, '/portal/bundles', '/portal/appointments', '/portal/progress', '/portal/tools', '/portal/evaluation-disclosure']) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it('serves the built files pre-compressed, hashed assets cached for a year, the page itself revalidated', async () => {
    const { context } = await openPage(browser);
    const index = await context.request.get(`${baseUrl()}/portal`);
    expect(index.headers()['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())![1]!;
    const asset = await context.request.get(`${baseUrl()}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.status()).toBe(200);
    expect(asset.headers()['content-encoding']).toBe('br');
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await context.request.get(`${baseUrl()}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding']).toBe('gzip');
    await context.close();
  });
});
