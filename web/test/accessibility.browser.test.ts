import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, CONTEXT, DEMO_PASSWORD, launchBrowser } from './support.ts';

/**
 * Pages everyone can use: axe-core (WCAG 2 A and AA rules) finds no serious or critical
 * violation on the public pages and the hall's devices; the kiosk's large type stays on for
 * the device.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

let browser: Browser;
let context: BrowserContext;
let centerId: string;
let displayPath: string;
let evaluatorPath: string;
let queueA: string;
let itemCode: string;
let bundleCode: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // axe is injected as a script: the product's CSP (script-src 'self') would refuse it
  context = await browser.newContext({ ...CONTEXT, bypassCSP: true });
  const manager = await browser.newContext(CONTEXT);
  expect((await manager.request.post(`${baseUrl()}/api/auth/login`, { data: { username: 'manager', password: DEMO_PASSWORD } })).ok()).toBe(true);
  const centers = (await (await manager.request.get(`${baseUrl()}/api/centers`)).json()) as { id: string; name: string }[];
  centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const devices = (await (await manager.request.get(`${baseUrl()}/api/queue/centers/${centerId}/devices`)).json()) as {
    kind: string;
    path: string;
    demoKey: string | null;
  }[];
  const display = devices.find((d) => d.kind === 'display')!;
  const evaluator = devices.find((d) => d.kind === 'evaluator')!;
  displayPath = `${display.path}?key=${encodeURIComponent(display.demoKey!)}`;
  evaluatorPath = `${evaluator.path}?key=${encodeURIComponent(evaluator.demoKey!)}`;
  const queues = (await (await manager.request.get(`${baseUrl()}/api/queue/centers/${centerId}/queues`)).json()) as { id: string; prefix: string }[];
  queueA = queues.find((q) => q.prefix === 'A')!.id;
  await manager.close();
  const items = (await (await context.request.get(`${baseUrl()}/api/portal/items`)).json()) as { code: string }[] | { items: { code: string }[] };
  itemCode = (Array.isArray(items) ? items : items.items)[0]!.code;
  const bundles = (await (await context.request.get(`${baseUrl()}/api/portal/bundles`)).json()) as { code: string }[] | { items: { code: string }[] };
  bundleCode = (Array.isArray(bundles) ? bundles : bundles.items)[0]!.code;
});

afterAll(async () => {
  await browser?.close();
});

async function check(page: Page, path: string, ready: () => Promise<unknown>) {
  await page.goto(`${baseUrl()}${path}`);
  await ready();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), path).toEqual([]);
}

describe('accessibility (axe-core, WCAG 2 AA)', () => {
  it('finds no serious or critical violation on the login page and the portal', async () => {
    const page = await context.newPage();
    const main = () => page.locator('main, [data-testid]').first().waitFor();
    await check(page, '/login', () => page.getByTestId('login-username').waitFor());
    await check(page, '/portal', main);
    await check(page, '/portal/items', main);
    await check(page, `/portal/items/${itemCode}`, main);
    await check(page, '/portal/bundles', main);
    await check(page, `/portal/bundles/${bundleCode}`, main);
    await check(page, `/portal/search?q=${encodeURIComponent('开办')}`, main);
    await check(page, '/portal/appointments', main);
    await check(page, '/portal/evaluation-disclosure', main);
    await check(page, '/portal/tools', main);
    await check(page, '/portal/progress', () => page.getByTestId('progress-number').waitFor());
    await check(page, '/portal/login', main);
    await check(page, '/portal/center', () => page.getByTestId('accessibility-facility').first().waitFor());
    await page.close();
  });

  it('finds none on the kiosk, the display, the evaluator and the ticket status page', async () => {
    const page = await context.newPage();
    await check(page, `/kiosk/${centerId}`, () => page.getByTestId('kiosk-queue-A').waitFor());
    await check(page, displayPath, () => page.getByTestId('display').waitFor());
    await check(page, evaluatorPath, () => page.locator('[data-testid^="evaluator"]').first().waitFor());
    const taken = await context.request.post(`${baseUrl()}/api/queue/kiosk/${centerId}/tickets`, { data: { queueId: queueA } });
    expect(taken.status()).toBe(201);
    const { token } = (await taken.json()) as { token: string };
    await check(page, `/t/${token}`, () => page.locator('[data-testid]').first().waitFor());
    await page.close();
  });
});

describe('the kiosk in large type', () => {
  it('keeps large type for the device across reloads, with 150 % type and 64 px targets', async () => {
    const kiosk = await context.newPage();
    await kiosk.goto(`${baseUrl()}/kiosk/${centerId}`);
    const large = kiosk.getByTestId('kiosk-large');
    await large.waitFor();
    const normalSize = await kiosk.getByTestId('kiosk-queue-A').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    if ((await large.getAttribute('aria-pressed')) !== 'true') await large.click();
    await expect.poll(() => large.getAttribute('aria-pressed')).toBe('true');

    await kiosk.reload();
    await kiosk.getByTestId('kiosk-queue-A').waitFor();
    expect(await kiosk.getByTestId('kiosk-large').getAttribute('aria-pressed')).toBe('true');
    const largeSize = await kiosk.getByTestId('kiosk-queue-A').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(largeSize / normalSize).toBeGreaterThanOrEqual(1.5);
    for (const button of await kiosk.getByRole('button').all()) {
      if (!(await button.isVisible())) continue;
      const box = (await button.boundingBox())!;
      expect(box.height, await button.innerText()).toBeGreaterThanOrEqual(64);
    }
    expect(await seriousViolations(kiosk)).toEqual([]);

    await kiosk.getByTestId('kiosk-large').click(); // back to normal type for the tests after this one
    await expect.poll(() => kiosk.getByTestId('kiosk-large').getAttribute('aria-pressed')).toBe('false');
    await kiosk.close();
  });
});
