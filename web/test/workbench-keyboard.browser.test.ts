import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, contextOptions, DEMO_PASSWORD, LAPTOP, launchBrowser } from './support.ts';

/**
 * The clerk's workbench without a mouse (issue 18, item 8): a clerk of their own, on counter 6 of
 * the demo center (counter 1 belongs to the other front-desk tests), signs in, opens the counter,
 * calls, starts, finishes and transfers with the keyboard alone — the function keys shown on the
 * buttons, Tab and Enter in the dialogs.
 */

let browser: Browser;
let context: BrowserContext;
let page: Page;
let clerkApi: APIRequestContext;
const username = `kbclerk${Date.now().toString(36)}`;
const FIRST_PASSWORD = 'Start2026abc';
const password = 'Keyboard2026';

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Where the focus should land: inside the element with this test id, or on a dialog's button with this label. */
type Target = { testId: string } | { dialogButton: string };

/** Presses Tab until the focus is on the target, as someone without a mouse gets there. */
async function tabTo(target: Page, where: Target, what: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const found = await target.evaluate((w) => {
      const el = document.activeElement;
      if (!el) return false;
      if ('testId' in w) return !!el.closest(`[data-testid="${w.testId}"]`);
      return el.tagName === 'BUTTON' && !!el.closest('.ant-modal') && (el.textContent ?? '').replace(/\s+/g, '') === w.dialogButton;
    }, where);
    if (found) return;
    await target.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

const byTestId = (testId: string): Target => ({ testId });

async function ticketState(displayNumber: string): Promise<string> {
  const [ticket] = await json<{ displayNumber: string; state: string }[]>(await clerkApi.get(`${baseUrl()}/api/queue/centers/${centerId}/tickets?q=${displayNumber}`));
  return ticket!.state;
}

let centerId: string;
let counterId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await browser.newContext(contextOptions(LAPTOP));
  await json(await admin.request.post(`${baseUrl()}/api/auth/login`, { data: { username: 'admin', password: DEMO_PASSWORD } }));
  const centers = await json<{ id: string; name: string }[]>(await admin.request.get(`${baseUrl()}/api/centers`));
  centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const counters = await json<{ id: string; number: string }[]>(await admin.request.get(`${baseUrl()}/api/centers/${centerId}/counters`));
  counterId = counters.find((c) => c.number === '6')!.id;
  await json(
    await admin.request.post(`${baseUrl()}/api/staff`, {
      data: { username, displayName: '键盘窗口员', password: FIRST_PASSWORD, roles: ['counter_clerk'], centerId, counterId },
    }),
  );
  await admin.close();

  const clerk = await browser.newContext(contextOptions(LAPTOP));
  clerkApi = clerk.request;
  // a new account's first password is the administrator's: the clerk chooses their own first
  await json(await clerkApi.post(`${baseUrl()}/api/auth/login`, { data: { username, password: FIRST_PASSWORD } }));
  await json(await clerkApi.post(`${baseUrl()}/api/auth/password`, { data: { currentPassword: FIRST_PASSWORD, newPassword: password } }));
  await json(await clerkApi.post(`${baseUrl()}/api/auth/login`, { data: { username, password } }));
  const workbench = await json<{ queues: { id: string; prefix: string }[] }>(await clerkApi.get(`${baseUrl()}/api/queue/counters/${counterId}/workbench`));
  // Whatever else is waiting in the counter's first queue is called first; two of the test's own make sure there are two.
  for (let i = 0; i < 2; i++) await json(await clerkApi.post(`${baseUrl()}/api/queue/kiosk/${centerId}/tickets`, { data: { queueId: workbench.queues[0]!.id } }));

  context = await browser.newContext(contextOptions(LAPTOP));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('the workbench by keyboard alone', () => {
  it('signs in by typing and Enter', async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByTestId('login-username').waitFor();
    await tabTo(page, byTestId('login-username'), 'the user name');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByTestId('side-menu').waitFor();
  });

  it('opens the counter with Tab and Enter, and shows each action with its key', async () => {
    await page.goto(`${baseUrl()}/workbench`);
    await page.getByTestId('session-state').waitFor();
    if (!(await page.getByTestId('session-state').innerText()).includes('服务中')) {
      await tabTo(page, byTestId('session-open'), '开始服务');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('session-state').innerText()).toContain('服务中');
    const call = page.getByTestId('call-next');
    expect(await call.getAttribute('aria-keyshortcuts')).toBe('F2');
    expect(await call.innerText()).toContain('F2');
  });

  it('calls with F2, starts with F4 and finishes with F8 and Enter', async () => {
    await page.getByTestId('call-next').waitFor();
    await expect.poll(() => page.getByTestId('call-next').isEnabled()).toBe(true);
    await page.keyboard.press('F2');
    const current = page.getByTestId('current-number');
    await current.waitFor();
    const first = (await current.innerText()).trim();
    expect(await ticketState(first)).toBe('called');

    expect(await page.getByTestId('start').innerText()).toContain('F4');
    await page.keyboard.press('F4');
    await page.getByTestId('finish').waitFor();
    expect(await ticketState(first)).toBe('serving');

    expect(await page.getByTestId('finish').innerText()).toContain('F8');
    await page.keyboard.press('F8');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // nothing handled: 仅咨询, ticked with the space bar
    await tabTo(page, byTestId('finish-consultation'), 'the 仅咨询 box');
    await page.keyboard.press('Space');
    await tabTo(page, { dialogButton: '办结' }, 'the dialog’s 办结');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => ticketState(first)).toBe('done');
  });

  it('calls the next with F2 and transfers it with F9, the queue chosen with the arrow keys', async () => {
    await expect.poll(() => page.getByTestId('call-next').isEnabled()).toBe(true);
    await page.keyboard.press('F2');
    const current = page.getByTestId('current-number');
    await current.waitFor();
    const second = (await current.innerText()).trim();
    expect(await ticketState(second)).toBe('called');

    expect(await page.getByTestId('transfer').innerText()).toContain('F9');
    await page.keyboard.press('F9');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await tabTo(page, byTestId('transfer-queue'), 'the queue to transfer to');
    await page.keyboard.press('ArrowDown');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor();
    await page.keyboard.press('Enter');
    await tabTo(page, { dialogButton: '转移' }, 'the dialog’s 转移');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => ticketState(second)).toBe('transferred');
    await page.getByTestId('call-next').waitFor();
  });
});
