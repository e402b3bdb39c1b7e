import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, CONTEXT, DEMO_PASSWORD, launchBrowser, logIn } from './support.ts';

/**
 * Pages everyone can use: axe-core (WCAG 2 A and AA rules) finds no serious or critical
 * violation on the public pages and the hall's devices; the kiosk's large type stays on for
 * the device; the clerk works the counter from the keyboard alone.
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

describe('the counter by keyboard alone', () => {
  it('calls, starts, finishes and transfers with the shortcuts shown on the buttons, focus on the next action', async () => {
    const clerk = await browser.newContext(CONTEXT);
    const page = await clerk.newPage();
    await logIn(page, 'clerk');
    await page.getByTestId('menu-workbench').click();
    await page.getByTestId('session-state').waitFor();
    if (!(await page.getByTestId('session-state').innerText()).includes('服务中')) {
      await page.getByTestId('session-open').focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('session-state').innerText()).toContain('服务中');
    // someone already at the counter (another test's ticket) is finished first, by keyboard too
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

    for (let i = 0; i < 2; i += 1) {
      expect((await context.request.post(`${baseUrl()}/api/queue/kiosk/${centerId}/tickets`, { data: { queueId: queueA } })).status()).toBe(201);
    }
    const callButton = page.getByTestId('call-next');
    if (await page.getByTestId('current-ticket').isVisible()) {
      if (await page.getByTestId('start').isVisible()) await page.keyboard.press('F4');
      await page.getByTestId('finish').waitFor();
      await page.keyboard.press('F8');
      await submitDialogByKeyboard(page);
    }
    await callButton.waitFor();
    expect(await callButton.innerText()).toContain('F2');
    await expect.poll(focused, { timeout: 5000 }).toBe('call-next');

    await page.keyboard.press('F2');
    await page.getByTestId('current-ticket').waitFor();
    expect(await page.getByTestId('start').innerText()).toContain('F4');
    await expect.poll(focused, { timeout: 5000 }).toBe('start');
    await page.keyboard.press('Enter'); // the focused 开始办理
    await page.getByTestId('finish').waitFor();
    expect(await page.getByTestId('finish').innerText()).toContain('F8');
    await expect.poll(focused, { timeout: 5000 }).toBe('finish');
    await page.keyboard.press('F8');
    await submitDialogByKeyboard(page);
    await expect.poll(focused, { timeout: 5000 }).toBe('call-next');

    await page.keyboard.press('F2');
    const number = (await page.getByTestId('current-number').innerText()).trim();
    expect(await page.getByTestId('transfer').innerText()).toContain('F9');
    await page.keyboard.press('F9');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // the queue selector, then the first other queue, then the dialog's own button — all by keys
    await dialog.getByTestId('transfer-queue').locator('input').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await submitDialogByKeyboard(page);
    await expect.poll(focused, { timeout: 5000 }).toBe('call-next');
    const found = await clerk.request.get(`${baseUrl()}/api/queue/centers/${centerId}/tickets?q=${encodeURIComponent(number)}`);
    expect(((await found.json()) as { state: string }[])[0]?.state).toBe('transferred');
    await clerk.close();
  });
});

/** Tab to the dialog's primary button and press Enter; the dialog closes. */
async function submitDialogByKeyboard(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  for (let i = 0; i < 12; i += 1) {
    const isPrimary = await page.evaluate(() => !!document.activeElement?.closest('.ant-modal-footer') && document.activeElement!.classList.contains('ant-btn-primary'));
    if (isPrimary) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}
