import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, contextOptions, DEMO_PASSWORD, launchBrowser, signIn, type Viewport } from './support.ts';

/**
 * The hall's screens as they are mounted: the calling displays (each zone's, and the hall's that
 * shows every queue) on a landscape 1920×1080 and a portrait 1080×1920 screen, and the kiosk in
 * large type on its portrait 1080×1920 screen. Nothing to scroll, nothing cut.
 */

const LANDSCAPE: Viewport = { width: 1920, height: 1080 };
const PORTRAIT: Viewport = { width: 1080, height: 1920 };

let browser: Browser;
let centerId: string;
let displayPaths: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  const manager = await browser.newContext(contextOptions());
  expect((await manager.request.post(`${baseUrl()}/api/auth/login`, { data: { username: 'manager', password: DEMO_PASSWORD }, timeout: 120_000 })).ok()).toBe(true);
  const centers = (await (await manager.request.get(`${baseUrl()}/api/centers`)).json()) as { id: string; name: string }[];
  centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const devices = (await (await manager.request.get(`${baseUrl()}/api/queue/centers/${centerId}/devices`)).json()) as { kind: string; path: string }[];
  const zones = (await (await manager.request.get(`${baseUrl()}/api/centers/${centerId}/zones`)).json()) as { id: string; kind: string }[];
  // the demo's zone displays, and one in the waiting area: a zone without counters shows the whole center
  displayPaths = [...devices.filter((d) => d.kind === 'display').map((d) => d.path), `/display/${centerId}/${zones.find((z) => z.kind === 'waiting')!.id}`];
  expect(displayPaths.length).toBeGreaterThanOrEqual(3);
  await manager.close();
});

afterAll(async () => {
  await browser?.close();
});

/** What does not fit: a page taller or wider than the screen, a cut zone name, a row partly hidden in its panel. */
function misfits(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollHeight > innerHeight) found.push(`page ${doc.scrollHeight} px tall on a ${innerHeight} px screen`);
    if (doc.scrollWidth > innerWidth) found.push(`page ${doc.scrollWidth} px wide on a ${innerWidth} px screen`);
    const zone = document.querySelector<HTMLElement>('[data-testid=display-zone]');
    if (zone && zone.scrollWidth > zone.clientWidth) found.push(`zone name cut: ${zone.scrollWidth} > ${zone.clientWidth}`);
    for (const [panel, rows] of [
      ['display-recent', 'display-calls'],
      ['display-waiting', 'display-queues'],
    ]) {
      const box = document.querySelector(`[data-testid=${panel}]`)?.getBoundingClientRect();
      if (box && box.bottom > innerHeight + 0.5) found.push(`${panel} reaches below the screen`);
      for (const row of Array.from(document.querySelectorAll(`[data-testid=${rows}] tr`))) {
        if (box && row.getBoundingClientRect().bottom > box.bottom + 0.5) found.push(`${rows}: “${row.textContent}” not wholly shown`);
      }
    }
    for (const button of Array.from(document.querySelectorAll('button'))) {
      if (button.getBoundingClientRect().bottom > innerHeight + 0.5) found.push(`button “${button.textContent}” below the screen`);
    }
    return found;
  });
}

describe('the calling display', () => {
  for (const viewport of [LANDSCAPE, PORTRAIT]) {
    it(`fits ${viewport.width}×${viewport.height} with its zone name whole, the recent calls and every queue`, async () => {
      const context = await browser.newContext(contextOptions(viewport));
      const page = await context.newPage();
      for (const path of displayPaths) {
        await page.goto(`${baseUrl()}${path}`);
        await page.getByTestId('display-zone').waitFor();
        expect((await page.getByTestId('display-zone').innerText()).length).toBeGreaterThan(0);
        // the latest call, and up to seven before it (the demo's history has them once its day has begun)
        expect(await page.getByTestId('display-calls').locator('tr').count()).toBeLessThanOrEqual(7);
        expect(await misfits(page), path).toEqual([]);
      }
      await context.close();
    });
  }

  it('keeps voice on once it is switched on for the device, across reloads', async () => {
    const context = await browser.newContext(contextOptions(LANDSCAPE));
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${displayPaths[0]}`);
    await page.getByTestId('display-sound').click();
    await page.getByTestId('display-sound-off').waitFor();
    await page.reload();
    await page.getByTestId('display-sound-off').waitFor();
    expect(await page.getByTestId('display-sound').count()).toBe(0);
    // a second display of the same device (another zone) is on too
    await page.goto(`${baseUrl()}${displayPaths[1]}`);
    await page.getByTestId('display-sound-off').waitFor();
    await context.close();
  });
});

describe('the kiosk in large type', () => {
  it('fits a portrait 1080×1920 screen without scrolling, stays large after a reload and on the kiosk’s rating screen', async () => {
    const context = await browser.newContext(contextOptions(PORTRAIT));
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/kiosk/${centerId}`);
    const large = page.getByTestId('kiosk-large');
    await large.click();
    await expect.poll(() => large.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByTestId('kiosk-queue-A').waitFor();
    expect(await page.getByTestId('kiosk-large').getAttribute('aria-pressed')).toBe('true');
    expect(await misfits(page)).toEqual([]);

    await page.getByTestId('kiosk-rate').click();
    const rating = page.getByTestId('kiosk-rating');
    await rating.waitFor();
    expect(await rating.evaluate((e) => getComputedStyle(e).zoom)).toBe('1.5');
    await context.close();
  });
});

describe('a queue retired in 排队设置', () => {
  it('leaves the kiosk and comes back when reinstated', async () => {
    const { context, page } = await signIn(browser, 'manager');
    const created = await context.request.post(`${baseUrl()}/api/queue/centers/${centerId}/queues`, { data: { name: '试用测试队列', prefix: 'ZT' }, headers: { origin: baseUrl() } });
    expect(created.status(), await created.text()).toBe(201);
    const kiosk = await context.newPage();
    await kiosk.goto(`${baseUrl()}/kiosk/${centerId}`);
    await kiosk.getByTestId('kiosk-queue-ZT').waitFor();

    await page.goto(`${baseUrl()}/queue-settings`);
    await page.getByRole('tab', { name: '队列' }).click();
    const actions = page.getByTestId('queue-actions-ZT');
    await actions.getByRole('button', { name: /停\s*用/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('row', { name: /试用测试队列/ }).getByText('已停用').waitFor();
    await kiosk.reload();
    await kiosk.getByTestId('kiosk-queue-A').waitFor();
    expect(await kiosk.getByTestId('kiosk-queue-ZT').count()).toBe(0);

    await actions.getByRole('button', { name: /启\s*用/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await actions.getByRole('button', { name: /停\s*用/ }).waitFor();
    await kiosk.reload();
    await kiosk.getByTestId('kiosk-queue-ZT').waitFor();
    // retired again, so the demo's kiosk is as it was for the other tests
    await actions.getByRole('button', { name: /停\s*用/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('row', { name: /试用测试队列/ }).getByText('已停用').waitFor();
    await context.close();
  });
});
