import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './support.ts';

/**
 * Issue 14, item 6 — 信息公开 (A.5): the portal's disclosure section (catalog with fees, limits and
 * bases; the counter staff; processing results, masked and searchable; the month figures; the
 * feeds) and the kiosk's, in large type, without login.
 */
type ResultsPage = { total: number; results: { number: string; applicantName: string }[] };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('信息公开', () => {
  it('shows the portal sections: catalog, staff, masked results searchable by number, month figures, a parsable Atom feed', async () => {
    const { context, page } = await openPage(browser);
    page.setDefaultTimeout(90_000);
    await page.goto(`${baseUrl()}/portal`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.getByTestId('portal-nav-interaction').click(); // the portal menu's area opens as a dropdown
    await page.getByRole('menuitem', { name: '信息公开', exact: true }).click();
    await page.getByTestId('disclosure-page').waitFor();

    // the catalog: 食品经营许可 with its time limits and legal basis
    const catalog = page.getByTestId('disclosure-catalog');
    await catalog.getByTestId('disclosure-catalog-filter').locator('input').fill('食品经营许可');
    await catalog.getByTestId('disclosure-catalog-filter').locator('input').press('Enter');
    const food = catalog.locator('tbody tr', { hasText: '食品经营许可' }).first();
    await food.waitFor();
    await expect(food.textContent()).resolves.toMatch(/个工作日|即办/);

    // the staff at the counters: name, counter, no private data
    await page.getByTestId('disclosure-tab-staff').click();
    const card = page.getByTestId('disclosure-staff-card').first();
    await card.waitFor();
    expect(await card.textContent()).toMatch(/号窗口/);

    // the results: only masked applicants; the search by number finds exactly that one
    const api = (await (await context.request.get(`${baseUrl()}/api/public/disclosure/results?pageSize=50`)).json()) as ResultsPage;
    expect(api.results.length).toBeGreaterThan(0);
    await page.getByTestId('disclosure-tab-results').click();
    const results = page.getByTestId('disclosure-results');
    await results.locator('tbody tr').first().waitFor();
    const applicants = await results.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(applicants.length).toBeGreaterThan(0);
    for (const a of applicants) expect(a).toContain('*');
    const wanted = api.results[api.results.length - 1]!;
    await results.getByTestId('disclosure-results-search').locator('input').fill(wanted.number);
    await results.getByTestId('disclosure-results-search').locator('input').press('Enter');
    await expect.poll(() => results.locator('tbody tr').allTextContents(), { timeout: 60_000 }).toEqual([expect.stringContaining(wanted.number)]);
    expect(await results.locator('tbody tr').textContent()).toContain(wanted.applicantName);

    // the month figures, with the link to the evaluation disclosure
    await page.getByTestId('disclosure-tab-figures').click();
    for (const id of ['evaluations', 'time-limits', 'appointments', 'feedback']) await page.getByTestId(`disclosure-figures-${id}`).waitFor();
    await page.getByTestId('disclosure-figures').getByRole('link', { name: '查看评价公示详情' }).waitFor();

    // the Atom feed behind the page's link parses as XML in the browser and has entries
    const href = await page.getByTestId('disclosure-feed-atom').getAttribute('href');
    const xml = await (await context.request.get(`${baseUrl()}${href}`)).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.namespaceURI, entries: doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length };
    }, xml);
    expect(parsed).toEqual({ error: 0, root: 'http://www.w3.org/2005/Atom', entries: Math.min(50, api.total) + 1 });
    await context.close();
  }, 300_000);

  it('shows the kiosk disclosure in large type, touch-sized, and keeps the device’s large type across screens', async () => {
    const { context, page } = await openPage(browser);
    page.setDefaultTimeout(90_000);
    await page.goto(`${baseUrl()}/kiosk/disclosure`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const kiosk = page.getByTestId('kiosk-disclosure');
    await kiosk.waitFor();
    expect(Number.parseFloat(await kiosk.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(20);
    const tab = page.getByTestId('kiosk-disclosure-tab-staff');
    expect((await tab.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    await page.getByTestId('disclosure-results').locator('tbody tr').first().waitFor();

    await page.getByTestId('kiosk-disclosure-large').click();
    await expect.poll(() => kiosk.getAttribute('data-large'), { timeout: 30_000 }).toBe('true');
    expect(await kiosk.evaluate((e) => getComputedStyle(e).zoom)).toBe('1.5');

    // another kiosk screen of the same device (the center named in the address) stays in large type
    const centerId = ((await (await context.request.get(`${baseUrl()}/api/public/disclosure/catalog`)).json()) as { center: { id: string } }).center.id;
    await page.goto(`${baseUrl()}/kiosk/${centerId}/disclosure`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.getByTestId('kiosk-disclosure').getAttribute('data-large'), { timeout: 60_000 }).toBe('true');
    await page.getByTestId('kiosk-disclosure-tab-figures').click();
    await page.getByTestId('disclosure-figures-time-limits').waitFor();
    await page.getByTestId('kiosk-disclosure-back').waitFor();
    await context.close();
  }, 300_000);
});
