import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, contextOptions, DEMO_PASSWORD, LAPTOP, launchBrowser } from './support.ts';

/**
 * What a new clerk trips over at the workbench and the intake form (issue 16, items 2, 6, 9 and
 * the counter selector of 19): a clerk of their own on counter 5 of the demo center (企业开办; the
 * other front-desk tests use counters 1 and 6) finds the counter by typing, opens on the counter
 * where their session is open, opens the counter's evaluator bound, finishes a ticket with the
 * 食品经营许可 taken in from it pre-filled and an item of another theme found by search, and the
 * intake form names every unanswered situation question before sending anything.
 */

let browser: Browser;
let context: BrowserContext;
let page: Page;
let clerkApi: APIRequestContext;
let centerId: string;
let counter5: string;
let counter4: string;
const username = `finclerk${Date.now().toString(36)}`;
const FIRST_PASSWORD = 'Start2026abc';
const password = 'Finish2026ab';
const CATERING = '91440605MA51XQ2D77';

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await browser.newContext(contextOptions(LAPTOP));
  await json(await admin.request.post(`${baseUrl()}/api/auth/login`, { data: { username: 'admin', password: DEMO_PASSWORD } }));
  const centers = await json<{ id: string; name: string }[]>(await admin.request.get(`${baseUrl()}/api/centers`));
  centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const counters = await json<{ id: string; number: string }[]>(await admin.request.get(`${baseUrl()}/api/centers/${centerId}/counters`));
  counter5 = counters.find((c) => c.number === '5')!.id;
  counter4 = counters.find((c) => c.number === '4')!.id;
  await json(
    await admin.request.post(`${baseUrl()}/api/staff`, {
      data: { username, displayName: '办结窗口员', password: FIRST_PASSWORD, roles: ['counter_clerk'], centerId, counterId: counter5 },
    }),
  );
  await admin.close();

  context = await browser.newContext(contextOptions(LAPTOP));
  clerkApi = context.request;
  await json(await clerkApi.post(`${baseUrl()}/api/auth/login`, { data: { username, password: FIRST_PASSWORD } }));
  await json(await clerkApi.post(`${baseUrl()}/api/auth/password`, { data: { currentPassword: FIRST_PASSWORD, newPassword: password } }));
  page = await context.newPage();
  // signed in already: the page shares the context's cookie with clerkApi
  await page.goto(`${baseUrl()}/`);
  // the counter's session is open (on another device, say), while this browser last showed counter 4
  await json(await clerkApi.post(`${baseUrl()}/api/queue/counters/${counter5}/open`));
  await page.evaluate((id) => window.localStorage.setItem('banshi.workbench.counter', id), counter4);
});

afterAll(async () => {
  await browser?.close();
});

const selector = () => page.getByTestId('workbench-counter');

describe('the workbench', () => {
  it('opens on the counter where the clerk’s session is open, and finds a counter by typing', async () => {
    await page.goto(`${baseUrl()}/workbench`);
    await page.getByTestId('session-state').waitFor();
    expect(await selector().innerText()).toContain('5 号窗口');
    await expect.poll(() => page.getByTestId('session-state').innerText()).toContain('服务中');

    await selector().click();
    await page.keyboard.type('25 号');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.first().innerText()).toContain('25 号窗口');
    await page.keyboard.press('Escape');
    expect(await selector().innerText()).toContain('5 号窗口');
  });

  it('opens the counter’s evaluator bound to it', async () => {
    const link = page.getByTestId('link-evaluator');
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/evaluator/${counter5}\\?key=demo-`));
    const [evaluator] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await evaluator.getByTestId('evaluator').waitFor();
    await evaluator.getByTestId('evaluator-clerk').getByText('办结窗口员').waitFor();
    expect(await evaluator.getByTestId('evaluator-bind').count()).toBe(0);
    expect(await evaluator.evaluate((id) => window.localStorage.getItem(`banshi.evaluator.${id}`), counter5)).toMatch(/^demo-/);
    await evaluator.close();
  });

  it('finishes with what was taken in from the ticket pre-filled, and an item of another theme found by search', async () => {
    const ticket = await json<{ id: string; displayNumber: string }>(await clerkApi.post(`${baseUrl()}/api/queue/counters/${counter5}/walk-in`, { data: {} }));
    const app = await json<{ number: string }>(
      await clerkApi.post(`${baseUrl()}/api/applications`, {
        data: { source: { kind: 'item', code: 'NH-SCJG-006' }, answers: { prepackaged_only: 'no', online_sales: 'no' }, applicant: { uscc: CATERING }, fromCurrentTicket: true },
      }),
    );
    await page.getByTestId('current-number').getByText(ticket.displayNumber).waitFor();
    await page.getByTestId('finish').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('finish-received').waitFor();
    expect(await dialog.getByTestId('finish-received').innerText()).toContain(`食品经营许可 ${app.number}`);
    const items = dialog.getByTestId('finish-items');
    expect(await items.innerText()).toContain('食品经营许可（NH-SCJG-006）');

    // 不动产 is not a theme of counter 5: found by typing all the same
    await items.click();
    await page.keyboard.type('不动产转移');
    await page.getByTitle('不动产转移登记（NH-ZR-005）').click();
    await expect.poll(() => items.innerText()).toContain('不动产转移登记（NH-ZR-005）');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /办\s*结/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const done = await json<{ displayNumber: string; state: string; handledItemIds: string[] }[]>(await clerkApi.get(`${baseUrl()}/api/queue/centers/${centerId}/tickets?q=${ticket.displayNumber}`));
    const finished = done.find((t) => t.displayNumber === ticket.displayNumber)!;
    expect(finished.state).toBe('done');
    expect(finished.handledItemIds).toHaveLength(2);
  });

  it('asks for an item or 仅咨询 before finishing', async () => {
    // someone without a ticket, received through 接待无号办事人 as the clerk does it
    await page.getByTestId('walk-in').click();
    await page.getByRole('dialog').getByRole('button', { name: '开始办理' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('current-number').waitFor();
    await page.getByTestId('finish').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('finish-items').waitFor();
    await dialog.getByRole('button', { name: /办\s*结/ }).click();
    await dialog.getByText('请选择办理的事项；未办理事项的请勾选“仅咨询”').waitFor();
    await dialog.getByTestId('finish-consultation').click();
    await dialog.getByRole('button', { name: /办\s*结/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('call-next').waitFor();
  });
});

describe('the intake form', () => {
  it('names every unanswered situation question and sends nothing until they are answered', async () => {
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/applications') posts++;
    });
    await page.goto(`${baseUrl()}/applications/new`);
    await page.getByTestId('intake-code').click();
    await page.keyboard.type('食品经营许可');
    await page.getByTitle('食品经营许可（NH-SCJG-006）').click();
    await page.getByTestId('question-prepackaged_only').waitFor();
    await page.getByTestId('intake-uscc').fill(CATERING);
    await page.getByTestId('intake-phone').fill('13800138000');
    await page.getByTestId('intake-submit').click();

    await page.getByTestId('question-prepackaged_only-error').waitFor();
    await page.getByTestId('question-online_sales-error').waitFor();
    expect(await page.getByTestId('intake-unanswered').innerText()).toContain('还有 2 个情形问题未回答');
    expect(posts).toBe(0);

    await page.getByTestId('question-prepackaged_only').getByText('否').click();
    expect(await page.getByTestId('question-prepackaged_only-error').count()).toBe(0);
    await page.getByTestId('intake-submit').click();
    expect(await page.getByTestId('intake-unanswered').innerText()).toContain('还有 1 个');
    expect(posts).toBe(0);

    await page.getByTestId('question-online_sales').getByText('否').click();
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('application-detail').waitFor();
    expect(posts).toBe(1);
  });
});
