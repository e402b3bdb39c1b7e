import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * What the browser tests share: the server under test, Chromium, a zh-CN context in Shanghai time,
 * and signing in through the login page. Not a test file: vitest collects `*.browser.test.ts` only.
 */

export type Session = { context: BrowserContext; page: Page };
export type Viewport = { width: number; height: number };

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Demo1234';

/** A laptop screen; the back-office flows run on the larger screen of `CONTEXT`. */
export const LAPTOP: Viewport = { width: 1366, height: 900 };

export const CONTEXT = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 1000 } as Viewport };

/** The server under test, without a trailing slash (global-setup.ts starts one and sets it). */
export function baseUrl(): string {
  const url = process.env.BANSHI_TEST_BASE_URL?.replace(/\/$/, '');
  if (!url) throw new Error('BANSHI_TEST_BASE_URL is not set: point it at a running server in demo mode');
  return url;
}

export async function launchBrowser(): Promise<Browser> {
  baseUrl(); // fails before Chromium starts when there is no server to point it at
  // launch() gives each run a fresh, temporary user-data-dir of its own (and refuses one in args).
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function contextOptions(viewport: Viewport = CONTEXT.viewport): typeof CONTEXT {
  return { ...CONTEXT, viewport };
}

/** A new context (its own cookies) with one page, signed in as no one. */
export async function openPage(browser: Browser, viewport?: Viewport): Promise<Session> {
  const context = await browser.newContext(contextOptions(viewport));
  return { context, page: await context.newPage() };
}

/** A new context signed in as `username` through the login page, on the first signed-in page. */
export async function signIn(browser: Browser, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const session = await openPage(browser);
  await logIn(session.page, username, password);
  return session;
}

/** Signs in on an existing page, through the login form, and waits for the signed-in menu. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

/** An enterprise signs in on the portal by its credit code (the demo password), landing on its account page. */
export async function portalSignIn(page: Page, uscc: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/portal/login`);
  await page.getByTestId('portal-uscc').fill(uscc);
  await page.getByTestId('portal-password').fill(password);
  await page.getByTestId('portal-login-submit').click();
  await page.waitForURL(/\/portal\/account/);
}

/** The 保存 button of the open dialog (antd spaces two-character labels: 保 存). */
export function saveDialog(page: Page): Promise<void> {
  return page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/** axe-core's serious and critical WCAG 2 A/AA violations on the page. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
